"""Times said the British way, where a time is asked for: "half 9" is 9:30 and "quarter to
10" is 9:45, on a 12-hour clock, as an hour said aloud is (the bare hour's rules)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.clock import parse_when

LONDON = ZoneInfo("Europe/London")  # on UTC in March, so the expected times read as local
WEDNESDAY_NOON = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


def local(day: int, hour: int, minute: int) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        # Said aloud, an hour is on a 12-hour clock, read as a bare hour is ("at 9" at noon
        # is 21:00): the morning's has passed, so this evening's.
        ("half 9", local(4, 21, 30)),
        ("half past 9", local(4, 21, 30)),
        ("half 9 tonight", local(4, 21, 30)),
        ("quarter past 8", local(4, 20, 15)),
        ("quarter to 10", local(4, 21, 45)),
        ("quarter to 1", local(4, 12, 45)),  # 12 is noon, as a bare 12 is
        ("tomorrow at half 7", local(5, 19, 30)),  # 1 to 7: the afternoon or evening
        ("saturday at quarter past 10", local(7, 10, 15)),  # that morning is still to come
        # With am or pm, as typed.
        ("half 8pm", local(4, 20, 30)),
        ("quarter to 12pm", local(5, 11, 45)),  # 11:45 today has passed
        ("quarter to 12am", local(4, 23, 45)),
    ],
)
def test_read_as_an_hour_said_aloud(said: str, meant: datetime):
    assert parse_when(said, WEDNESDAY_NOON, LONDON) == meant


def test_in_the_morning_half_9_is_the_morning_still_to_come():
    seven = datetime(2026, 3, 4, 7, 0, tzinfo=UTC)
    assert parse_when("half 9", seven, LONDON) == local(4, 9, 30)


def test_digits_with_minutes_stay_a_24_hour_time():
    assert parse_when("9:30", WEDNESDAY_NOON, LONDON) == local(5, 9, 30)


def test_half_an_hour_is_still_half_an_hour_from_now():
    assert parse_when("in half an hour", WEDNESDAY_NOON, LONDON) == datetime(
        2026, 3, 4, 12, 30, tzinfo=UTC
    )


@pytest.mark.parametrize("said", ["half the evening", "quarter of an hour", "half 13"])
def test_halves_and_quarters_that_are_no_time_stay_none(said: str):
    assert parse_when(said, WEDNESDAY_NOON, LONDON) is None
