"""One card at a time: the private evening card comes AFTER_CHECK_IN after the couple's group
check-in due with it (or less than that before or after it), unless that is in quiet hours."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from bot.domain import schedule
from bot.domain.schedule import AFTER_CHECK_IN, EVENING, FOLLOW_UP, Hold, Prefs, hold_back

BERLIN = Prefs(zone="Europe/Berlin", evening_on=True)
NINE_PM = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)  # 21:00 in Berlin


def held(now: datetime, group: datetime | None, prefs: Prefs = BERLIN) -> Hold | None:
    return hold_back(EVENING, now, prefs, carded_today=False, group_check_in=group)


def test_the_evening_card_comes_after_the_group_check_in_of_the_same_minute():
    assert held(NINE_PM, NINE_PM) == Hold(schedule.AFTER_GROUP_CHECK_IN, NINE_PM + AFTER_CHECK_IN)


def test_a_group_check_in_near_it_either_way_moves_it_after_that_one():
    before = NINE_PM - timedelta(minutes=30)
    after = NINE_PM + timedelta(minutes=44)
    assert held(NINE_PM, before) == Hold(schedule.AFTER_GROUP_CHECK_IN, before + AFTER_CHECK_IN)
    assert held(NINE_PM, after) == Hold(schedule.AFTER_GROUP_CHECK_IN, after + AFTER_CHECK_IN)


def test_once_moved_it_is_not_moved_again():
    assert held(NINE_PM + AFTER_CHECK_IN, NINE_PM) is None
    assert held(NINE_PM, NINE_PM - AFTER_CHECK_IN) is None
    assert held(NINE_PM, None) is None


def test_if_after_would_be_in_quiet_hours_it_comes_as_planned():
    early_night = Prefs(zone="Europe/Berlin", evening_on=True, quiet_start=time(21, 30))
    assert held(NINE_PM, NINE_PM, early_night) is None


def test_only_the_evening_card_waits_for_the_group_check_in():
    follow_up = hold_back(FOLLOW_UP, NINE_PM, BERLIN, carded_today=False, group_check_in=NINE_PM)
    assert follow_up is None
