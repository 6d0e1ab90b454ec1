"""Times typed loosely for "later": tomorrow misspelt or shortened, am/pm after a day,
"a couple" and "a few" of hours or days, "arvo"; unknown words are still not read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.clock import DAY_PARTS, EVENING_AT, parse_when

LONDON = ZoneInfo("Europe/London")  # on UTC in March, so the expected times read as local
WEDNESDAY_NOON = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


def when(text: str, now: datetime = WEDNESDAY_NOON) -> datetime | None:
    return parse_when(text, now, LONDON)


MORNING, AFTERNOON = DAY_PARTS["morning"].hour, DAY_PARTS["afternoon"].hour


@pytest.mark.parametrize(
    "typed", ["tomorow", "tomorrw", "tommorow", "tommorrow", "tomoro", "2moro", "2morrow", "tmr"]
)
def test_tomorrow_misspelt_or_shortened_is_tomorrow(typed: str):
    assert when(typed) == when("tomorrow") == at(5, EVENING_AT.hour)
    assert when(f"{typed} morning") == when("tomorrow morning") == at(5, MORNING)
    assert when(f"{typed} at 8pm") == at(5, 20)


@pytest.mark.parametrize(
    ("typed", "same_as"),
    [
        ("tmrw am", "tomorrow morning"),
        ("tmrw pm", "tomorrow afternoon"),
        ("tomorrow a.m.", "tomorrow morning"),
        ("tomorrow p.m.", "tomorrow afternoon"),
        ("friday am", "friday morning"),
        ("next tues pm", "next tuesday afternoon"),
        ("this pm", "this afternoon"),
    ],
)
def test_am_or_pm_after_a_day_is_its_morning_or_afternoon(typed: str, same_as: str):
    assert when(typed) == when(same_as) is not None


def test_am_and_pm_keep_their_meaning_after_an_hour():
    assert when("tomorrow 10 am") == at(5, 10)
    assert when("tmrw 8 pm") == at(5, 20)
    assert when("am") is None and when("pm tomorrow 8") is None


def test_in_the_small_hours_tmrw_am_is_the_coming_morning():
    thursday_small_hours = at(5, 0, 30)  # still Wednesday night for them
    assert when("tmrw am", thursday_small_hours) == at(5, MORNING)


# "a couple" is 2 and "a few" is 3 (the "In a few hours" button's 3 hours); a day counted so
# is its evening, as "in 2 days" or "on friday".
@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("in a couple of days", at(6, EVENING_AT.hour)),
        ("in a couple days", at(6, EVENING_AT.hour)),
        ("in couple of days", at(6, EVENING_AT.hour)),
        ("in a few days", at(7, EVENING_AT.hour)),
        ("in a couple of days at 10am", at(6, 10)),
        ("in a couple of weeks", at(18, EVENING_AT.hour)),
        ("in a couple of hours", WEDNESDAY_NOON + timedelta(hours=2)),
        ("in a couple hrs", WEDNESDAY_NOON + timedelta(hours=2)),
        ("in like a couple of hours", WEDNESDAY_NOON + timedelta(hours=2)),
        ("in a few hours", WEDNESDAY_NOON + timedelta(hours=3)),
    ],
)
def test_a_couple_is_two_and_a_few_is_three(typed: str, expected: datetime):
    assert when(typed) == expected


def test_a_couple_of_days_is_the_same_as_two_days_and_a_bare_day():
    assert when("in a couple of days") == when("in 2 days") == when("on friday")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("this arvo", at(4, AFTERNOON)),
        ("tomorrow arvo", at(5, AFTERNOON)),
        ("sat morning", at(7, MORNING)),
        ("next tues", at(10, EVENING_AT.hour)),
    ],
)
def test_other_everyday_shorthand(typed: str, expected: datetime):
    assert when(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("sunday after lunch", at(8, AFTERNOON)),
        ("in like 3 hrs", WEDNESDAY_NOON + timedelta(hours=3)),
        ("tmrw morning", at(5, MORNING)),
        ("after work tmrw", at(5, DAY_PARTS["evening"].hour)),
        ("after dinner", at(4, DAY_PARTS["night"].hour)),
        ("lunch on friday", at(6, 12)),
        ("this weekend", at(7, EVENING_AT.hour)),
    ],
)
def test_what_was_read_before_still_is(typed: str, expected: datetime):
    assert when(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "blorp",
        "tomorrow blorp",
        "tom",  # a name, not a day
        "borrow",
        "sorrow",
        "in a couple",
        "in a few",
        "in a couple of blorps",
        "in a few moons",
        "in 400 days",
        "a couple of days",
    ],
)
def test_unknown_words_are_still_not_read(typed: str):
    assert when(typed) is None
