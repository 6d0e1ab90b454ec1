"""The evening check-in is held back while the person is in the middle of a moment."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from bot.domain import schedule
from bot.domain.schedule import Prefs

LONDON_21 = Prefs(zone="Europe/London", evening_on=True, evening_at=time(21, 0))
EVENING = datetime(2026, 3, 2, 21, 0, tzinfo=UTC)  # London: 21:00


@pytest.mark.parametrize("kind", [schedule.EVENING, schedule.SNOOZE])
def test_an_evening_card_due_mid_moment_waits_until_the_moment_is_likely_done(kind: str):
    hold = schedule.hold_back(kind, EVENING, LONDON_21, carded_today=False, moment_under_way=True)
    later = EVENING + schedule.MOMENT_UNDER_WAY_FOR
    assert hold == schedule.Hold(schedule.MID_MOMENT, later)
    assert later == datetime(2026, 3, 2, 22, 0, tzinfo=UTC)  # before quiet hours (22:30)
    # With no moment under way it goes as before.
    assert schedule.hold_back(kind, EVENING, LONDON_21, carded_today=False) is None


def test_an_evening_card_that_would_wait_into_quiet_hours_is_skipped_tonight():
    late = datetime(2026, 3, 2, 22, 0, tzinfo=UTC)  # an hour on would be 23:00: quiet
    hold = schedule.hold_back(
        schedule.EVENING, late, LONDON_21, carded_today=False, moment_under_way=True
    )
    assert hold == schedule.Hold(schedule.MID_MOMENT)


def test_an_evening_card_is_not_moved_past_midnight_with_quiet_hours_off():
    no_quiet = Prefs(
        zone="Europe/London",
        evening_on=True,
        evening_at=time(23, 30),
        quiet_start=time(0, 0),
        quiet_end=time(0, 0),
    )
    late = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)
    hold = schedule.hold_back(
        schedule.EVENING, late, no_quiet, carded_today=False, moment_under_way=True
    )
    assert hold == schedule.Hold(schedule.MID_MOMENT)  # not "Good evening" at 00:30


def test_a_moment_under_way_does_not_hold_a_follow_up_they_asked_for():
    plain = schedule.hold_back(schedule.FOLLOW_UP, EVENING, LONDON_21, carded_today=False)
    busy = schedule.hold_back(
        schedule.FOLLOW_UP, EVENING, LONDON_21, carded_today=False, moment_under_way=True
    )
    assert busy == plain is None


def test_a_nudge_about_another_moment_waits_for_the_one_under_way():
    """ "Earlier today you looked at X. How is it now?" in the middle of telling another one
    would only interrupt it: it waits, and is looked at again then (quiet hours, one a day)."""
    assert schedule.hold_back(schedule.NUDGE, EVENING, LONDON_21, carded_today=False) is None
    busy = schedule.hold_back(
        schedule.NUDGE, EVENING, LONDON_21, carded_today=False, moment_under_way=True
    )
    assert busy == schedule.Hold(schedule.MID_MOMENT, EVENING + schedule.MOMENT_UNDER_WAY_FOR)


def test_quiet_hours_and_the_quiet_day_after_danger_still_come_first():
    night = datetime(2026, 3, 2, 23, 0, tzinfo=UTC)
    hold = schedule.hold_back(
        schedule.EVENING, night, LONDON_21, carded_today=False, moment_under_way=True
    )
    assert hold == schedule.Hold("quiet hours")
    hold = schedule.hold_back(
        schedule.EVENING,
        EVENING,
        LONDON_21,
        carded_today=False,
        moment_under_way=True,
        quiet_until=datetime(2026, 3, 3, 12, 0, tzinfo=UTC),
    )
    assert hold == schedule.Hold(schedule.AFTER_DANGER)
