"""Times said the British way, where a time is asked for: "half 9" is 9:30 and "quarter to
10" is 9:45, read as "9:30" and "9:45" are (the same day and hour rules)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.clock import parse_when

LONDON = ZoneInfo("Europe/London")  # on UTC in March, so the expected times read as local
WEDNESDAY_NOON = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("said", "as_digits"),
    [
        ("half 9", "9:30"),
        ("half past 9", "9:30"),
        ("half 9 tonight", "9:30 tonight"),
        ("tomorrow at half 7", "tomorrow at 7:30"),
        ("half 8pm", "8:30pm"),
        ("quarter past 8", "8:15"),
        ("quarter to 10", "9:45"),
        ("quarter to 1", "12:45"),
        ("quarter to 12pm", "11:45am"),
        ("quarter to 12am", "11:45pm"),
        ("saturday at quarter past 10", "saturday at 10:15"),
    ],
)
def test_read_as_the_same_time_in_digits(said: str, as_digits: str):
    expected = parse_when(as_digits, WEDNESDAY_NOON, LONDON)
    assert expected is not None  # the digits are a time: the comparison means something
    assert parse_when(said, WEDNESDAY_NOON, LONDON) == expected


def test_half_an_hour_is_still_half_an_hour_from_now():
    assert parse_when("in half an hour", WEDNESDAY_NOON, LONDON) == datetime(
        2026, 3, 4, 12, 30, tzinfo=UTC
    )


@pytest.mark.parametrize("said", ["half the evening", "quarter of an hour", "half 13"])
def test_halves_and_quarters_that_are_no_time_stay_none(said: str):
    assert parse_when(said, WEDNESDAY_NOON, LONDON) is None
