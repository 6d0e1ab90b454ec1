"""Everyday time phrases people type for "later": after dinner, after work, lunch, the weekend."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.clock import DAY_PARTS, TONIGHT_AT, parse_when

LONDON = ZoneInfo("Europe/London")  # on UTC in March, so the expected times read as local
WEDNESDAY_NOON = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
SATURDAY_NOON = datetime(2026, 3, 7, 12, 0, tzinfo=UTC)
SUNDAY_NOON = datetime(2026, 3, 8, 12, 0, tzinfo=UTC)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A meal or the end of work stands for that part of the day.
        ("after dinner", at(4, TONIGHT_AT.hour)),
        ("tonight after dinner", at(4, TONIGHT_AT.hour)),
        ("after dinner tonight", at(4, TONIGHT_AT.hour)),
        ("after supper", at(4, TONIGHT_AT.hour)),
        ("tomorrow after dinner", at(5, DAY_PARTS["night"].hour)),
        ("after work", at(4, DAY_PARTS["evening"].hour)),
        ("tomorrow after work", at(5, DAY_PARTS["evening"].hour)),
        ("friday after work", at(6, DAY_PARTS["evening"].hour)),
        ("tomorrow at lunch", at(5, 12)),
        ("at lunchtime tomorrow", at(5, 12)),
        ("lunch on friday", at(6, 12)),
        # The weekend is its next Saturday evening, or a given time on it.
        ("this weekend", at(7, DAY_PARTS["evening"].hour)),
        ("the weekend", at(7, DAY_PARTS["evening"].hour)),
        ("on the weekend", at(7, DAY_PARTS["evening"].hour)),
        ("at the weekend", at(7, DAY_PARTS["evening"].hour)),
        ("over the weekend", at(7, DAY_PARTS["evening"].hour)),
        ("weekend", at(7, DAY_PARTS["evening"].hour)),
        ("this weekend morning", at(7, DAY_PARTS["morning"].hour)),
        ("next weekend", at(7, DAY_PARTS["evening"].hour)),
    ],
)
def test_everyday_phrases_on_a_weekday(text: str, expected: datetime):
    assert parse_when(text, WEDNESDAY_NOON, LONDON) == expected


def test_during_the_weekend_this_weekend_is_what_is_left_of_it():
    assert parse_when("this weekend", SATURDAY_NOON, LONDON) == at(7, 19)
    assert parse_when("this weekend", SUNDAY_NOON, LONDON) == at(8, 19)
    # Saturday night, the evening gone: Sunday is still this weekend.
    assert parse_when("this weekend", at(7, 22), LONDON) == at(8, 19)
    # Sunday night, the weekend's evening gone: the next weekend, not a time in the past.
    assert parse_when("this weekend", at(8, 22), LONDON) == at(14, 19)
    assert parse_when("at the weekend in the morning", at(8, 12, 30), LONDON) == at(14, 9)
    # "next weekend" said at the weekend is the one after it.
    assert parse_when("next weekend", SATURDAY_NOON, LONDON) == at(14, 19)
    assert parse_when("next weekend", SUNDAY_NOON, LONDON) == at(14, 19)


@pytest.mark.parametrize("text", ["after", "after lunch dinner", "weekend x", "after the"])
def test_half_phrases_are_still_not_times(text: str):
    assert parse_when(text, WEDNESDAY_NOON, LONDON) is None
