"""Local times across DST, and real hours."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.clock import at_local, later_by, next_local, parse_when

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
    ],
)
def test_parse_when(text: str, expected: datetime):
    assert parse_when(text, NOW, BERLIN) == expected


@pytest.mark.parametrize("text", ["", "soon", "whenever", "25:00", "in many hours", "tomorrow x"])
def test_parse_when_refuses_what_is_not_a_time(text: str):
    assert parse_when(text, NOW, BERLIN) is None
