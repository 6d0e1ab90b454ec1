"""Pure scheduling rules from a review: a reminder set apart from evening check-ins."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from bot.domain import schedule
from bot.domain.schedule import Prefs

BERLIN = "Europe/Berlin"
NINE_PM = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)  # 21:00 in Berlin
EVENING = Prefs(zone=BERLIN, evening_on=True, evening_at=time(21, 0))
QUIET = Prefs(zone=BERLIN)  # quiet from 22:30


def test_a_reminder_due_with_an_evening_check_in_comes_45_minutes_after_it():
    moved = schedule.apart_from_evenings(NINE_PM, [EVENING], [QUIET])
    assert moved == NINE_PM + schedule.AFTER_CHECK_IN


def test_a_reminder_shortly_after_or_before_a_check_in_comes_45_minutes_after_it():
    for gap in (timedelta(minutes=10), timedelta(minutes=-20)):
        moved = schedule.apart_from_evenings(NINE_PM + gap, [EVENING], [QUIET])
        assert moved == NINE_PM + schedule.AFTER_CHECK_IN


def test_a_reminder_far_enough_from_any_check_in_stays():
    for gap in (timedelta(minutes=45), timedelta(minutes=-45)):
        assert schedule.apart_from_evenings(NINE_PM + gap, [EVENING], [QUIET]) == NINE_PM + gap


def test_check_ins_turned_off_or_paused_are_not_in_the_way():
    off = Prefs(zone=BERLIN, evening_on=False, evening_at=time(21, 0))
    paused = Prefs(
        zone=BERLIN, evening_on=True, evening_at=time(21, 0), paused_until=NINE_PM + timedelta(1)
    )
    assert schedule.apart_from_evenings(NINE_PM, [off, paused], [QUIET]) == NINE_PM


def test_two_check_ins_close_together_are_both_cleared():
    later = Prefs(zone=BERLIN, evening_on=True, evening_at=time(21, 30))
    moved = schedule.apart_from_evenings(NINE_PM, [EVENING, later], [QUIET])
    assert moved == NINE_PM + timedelta(minutes=30) + schedule.AFTER_CHECK_IN  # 22:15


def test_a_reminder_stays_with_the_check_in_rather_than_going_into_quiet_hours():
    early_quiet = Prefs(zone=BERLIN, quiet_start=time(21, 30))
    assert schedule.apart_from_evenings(NINE_PM, [EVENING], [early_quiet]) == NINE_PM


def test_an_evening_due_this_very_minute_is_still_the_next_one():
    now = NINE_PM + timedelta(seconds=20)  # a tick some seconds into 21:00
    _, due = schedule.next_evening(schedule.from_this_minute(now), EVENING)
    assert due == NINE_PM
    _, following = schedule.next_evening(
        schedule.from_this_minute(now + timedelta(minutes=1)), EVENING
    )
    assert following == NINE_PM + timedelta(days=1)


def test_after_danger_a_nudge_waits_and_an_evening_or_snooze_is_skipped():
    until = NINE_PM + timedelta(hours=20)
    on = Prefs(zone=BERLIN, evening_on=True)
    nudge = schedule.hold_back(schedule.NUDGE, NINE_PM, on, carded_today=False, quiet_until=until)
    assert nudge == schedule.Hold("after danger", until)
    for kind in (schedule.EVENING, schedule.SNOOZE):
        held = schedule.hold_back(kind, NINE_PM, on, carded_today=False, quiet_until=until)
        assert held == schedule.Hold("after danger")
    # A follow-up the person asked for still comes; and once the quiet day is over, all do.
    assert (
        schedule.hold_back(schedule.FOLLOW_UP, NINE_PM, on, carded_today=False, quiet_until=until)
        is None
    )
    after = until + timedelta(minutes=1)
    assert (
        schedule.hold_back(schedule.EVENING, after, on, carded_today=False, quiet_until=until)
        is None
    )


def test_after_danger_comes_before_nudges_being_turned_off():
    off = Prefs(zone=BERLIN, nudges_on=False)
    until = NINE_PM + timedelta(hours=20)
    held = schedule.hold_back(schedule.NUDGE, NINE_PM, off, carded_today=False, quiet_until=until)
    assert held == schedule.Hold("after danger", until)
