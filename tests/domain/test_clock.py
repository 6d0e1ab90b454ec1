"""Local times across DST, and real hours."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.clock import at_local, later_by, next_local, parse_when, too_far

BERLIN = ZoneInfo("Europe/Berlin")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")


def test_a_time_in_the_spring_gap_moves_to_the_next_valid_minute():
    # 29 March 2026: Berlin skips 02:00-02:59.
    due = at_local(date(2026, 3, 29), time(2, 30), BERLIN)
    assert due.astimezone(BERLIN).time() == time(3, 0)
    assert due == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)


def test_an_ambiguous_time_is_its_first_occurrence():
    # 25 October 2026: 02:00-02:59 happens twice in Berlin.
    due = at_local(date(2026, 10, 25), time(2, 30), BERLIN)
    assert due == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)  # still summer time (+02:00)


def test_a_half_hour_shift():
    # Lord Howe moves from +10:30 to +11:00 at 02:00 on 4 October 2026.
    due = at_local(date(2026, 10, 4), time(2, 10), LORD_HOWE)
    assert due.astimezone(LORD_HOWE).time() == time(2, 30)


def test_n_hours_later_are_real_hours_across_a_clock_change():
    before = datetime(2026, 3, 28, 22, 0, tzinfo=UTC)
    after = later_by(before, 24)
    assert after - before == timedelta(hours=24)
    assert after.astimezone(BERLIN).hour == 0  # the wall clock moved 25 hours


def test_next_local_skips_to_tomorrow_when_today_has_passed():
    now = datetime(2026, 3, 1, 21, 0, tzinfo=UTC)  # 22:00 in Berlin
    assert next_local(now, time(20, 30), BERLIN, min_ahead=timedelta(0)) == datetime(
        2026, 3, 2, 19, 30, tzinfo=UTC
    )


NOW = datetime(2026, 3, 1, 16, 30, tzinfo=UTC)  # 17:30 in Berlin


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20:30", datetime(2026, 3, 1, 19, 30, tzinfo=UTC)),
        ("9am", datetime(2026, 3, 2, 8, 0, tzinfo=UTC)),
        ("at 18:00", datetime(2026, 3, 1, 17, 0, tzinfo=UTC)),
        ("tomorrow 9:00", datetime(2026, 3, 2, 8, 0, tzinfo=UTC)),
        ("tomorrow at 7pm", datetime(2026, 3, 2, 18, 0, tzinfo=UTC)),
        ("tonight", datetime(2026, 3, 1, 19, 0, tzinfo=UTC)),
        ("tonight at 10pm", datetime(2026, 3, 1, 21, 0, tzinfo=UTC)),
        ("in 2 hours", datetime(2026, 3, 1, 18, 30, tzinfo=UTC)),
        ("in an hour", datetime(2026, 3, 1, 17, 30, tzinfo=UTC)),
        ("in 45 min", datetime(2026, 3, 1, 17, 15, tzinfo=UTC)),
        ("In 1.5h", datetime(2026, 3, 1, 18, 0, tzinfo=UTC)),
        ("today 9:00", datetime(2026, 3, 1, 8, 0, tzinfo=UTC)),  # in the past: caller refuses
        # said loosely: "about", "-ish" and "tmrw" are read past
        ("tomorrow 7ish", datetime(2026, 3, 2, 18, 0, tzinfo=UTC)),
        ("tmrw around 7", datetime(2026, 3, 2, 18, 0, tzinfo=UTC)),
        ("about 9pm", datetime(2026, 3, 1, 20, 0, tzinfo=UTC)),
    ],
)
def test_parse_when(text: str, expected: datetime):
    assert parse_when(text, NOW, BERLIN) == expected


@pytest.mark.parametrize("text", ["", "soon", "whenever", "25:00", "in many hours", "tomorrow x"])
def test_parse_when_refuses_what_is_not_a_time(text: str):
    assert parse_when(text, NOW, BERLIN) is None


# Wednesday 4 March 2026, 20:03 in London (UTC+0 until 29 March).
LONDON = ZoneInfo("Europe/London")
WEDNESDAY = datetime(2026, 3, 4, 20, 3, tzinfo=UTC)


def london(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bare hour after a day: 8 to 11 are the morning, 1 to 7 the afternoon or evening.
        ("tomorrow 8", london(5, 8)),
        ("tomorrow at 8", london(5, 8)),
        ("Tomorrow at 8pm", london(5, 20)),
        ("tomorrow at 3", london(5, 15)),
        ("tomorrow evening at 8:30", london(5, 20, 30)),
        ("tomorrow morning", london(5, 9)),
        ("tomorrow", london(5, 19)),
        ("the day after tomorrow", london(6, 19)),
        # Weekdays, full or short, before or after the time.
        ("sat 10:00", london(7, 10)),
        ("saturday 10am", london(7, 10)),
        ("Saturday, 10am", london(7, 10)),
        ("on saturday at 10", london(7, 10)),
        ("10am saturday", london(7, 10)),
        ("at 8 on sat", london(7, 8)),
        ("saturday", london(7, 19)),
        ("saturday evening", london(7, 19)),
        # Today's weekday: today if the time is still ahead, else a week on.
        ("wednesday 21:00", london(4, 21)),
        ("wed 9:00", london(11, 9)),
        ("next wednesday", london(11, 19)),
        ("next friday at 7pm", london(6, 19)),
        # Days ahead, and the next week: the evening (19:00), or the time given.
        ("in 3 days", london(7, 19)),
        ("in a day", london(5, 19)),
        ("in 3 days at 10", london(7, 10)),
        ("next week", london(11, 19)),
        ("in a week", london(11, 19)),
        ("in two weeks", london(18, 19)),
        # No day: the next time the clock shows it (a bare hour: am or pm, the sooner).
        ("at 9", london(4, 21)),
        ("9", london(4, 21)),
        ("at 8", london(5, 8)),
        ("noon tomorrow", london(5, 12)),
        ("this evening", london(4, 20, 30)),  # its 20:00 has passed: later tonight
        ("today at 20:00", london(4, 20)),  # has passed: the caller refuses it
    ],
)
def test_parse_when_understands_days_and_bare_hours(text: str, expected: datetime):
    assert parse_when(text, WEDNESDAY, LONDON) == expected


@pytest.mark.parametrize(
    "text", ["this", "at", "tomorrow 25", "in 0 days", "saturday x", "someday", "in 3 moons"]
)
def test_parse_when_refuses_day_like_nonsense(text: str):
    assert parse_when(text, WEDNESDAY, LONDON) is None


def test_tonight_at_a_bare_hour_is_in_the_evening():
    assert parse_when("tonight at 8", NOW, BERLIN) == datetime(2026, 3, 1, 19, 0, tzinfo=UTC)
    assert parse_when("today at 9", NOW, BERLIN) == datetime(2026, 3, 1, 20, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "text", ["tonight at 1", "tonight at 12", "tonight at 12:30", "at 3 tonight"]
)
def test_tonight_at_an_hour_either_side_of_midnight_is_asked_not_guessed(text: str):
    assert parse_when(text, NOW, BERLIN) is None


def test_a_plan_may_be_for_any_time_on_the_fourteenth_day():
    fourteenth = parse_when("in 2 weeks", WEDNESDAY, LONDON)
    assert fourteenth is not None and not too_far(fourteenth, WEDNESDAY, LONDON)
    fifteenth = parse_when("in 15 days", WEDNESDAY, LONDON)
    assert fifteenth is not None and too_far(fifteenth, WEDNESDAY, LONDON)


def test_a_weekday_across_the_spring_clock_change_keeps_its_wall_time():
    friday = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)  # Berlin moves to summer time on Sunday
    due = parse_when("monday 9:00", friday, BERLIN)
    assert due is not None and due.astimezone(BERLIN).replace(tzinfo=None) == datetime(
        2026, 3, 30, 9, 0
    )


# Thursday 5 March 2026, 00:30 in Berlin: still Wednesday night for someone not yet asleep.
SMALL_HOURS = datetime(2026, 3, 4, 23, 30, tzinfo=UTC)


def berlin(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour - 1, minute, tzinfo=UTC)  # CET is UTC+1 in March


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Tomorrow" is the coming morning's date: Thursday, today's calendar date.
        ("tomorrow at 9", berlin(5, 9)),
        ("tomorrow", berlin(5, 19)),
        ("tomorrow morning", berlin(5, 9)),
        ("tmrw 18:00", berlin(5, 18)),
        ("the day after tomorrow", berlin(6, 19)),
        ("in 2 days", berlin(6, 19)),
        # "Tonight" and "today" are the coming evening: Thursday's.
        ("tonight", berlin(5, 20)),
        ("this evening", berlin(5, 20)),
        ("today at 18:00", berlin(5, 18)),
        # A weekday is a date: Thursday is today.
        ("thursday at 9", berlin(5, 9)),
        ("friday at 9", berlin(6, 9)),
    ],
)
def test_in_the_small_hours_tomorrow_is_the_coming_morning(text: str, expected: datetime):
    assert parse_when(text, SMALL_HOURS, BERLIN) == expected


def test_once_the_night_is_over_tomorrow_is_the_next_date_again():
    early = datetime(2026, 3, 5, 5, 30, tzinfo=UTC)  # Thursday 06:30 in Berlin
    assert parse_when("tomorrow at 9", early, BERLIN) == berlin(6, 9)
