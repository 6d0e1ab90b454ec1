"""Scheduling rules fixed after review: pauses and follow-ups, one card at a time, an evening
declined, a reminder's time, and the words around the evening card and settings."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from bot.content import catalogue
from bot.domain import prompts, schedule
from bot.domain.clock import at_local
from bot.domain.flow import Context, FlowState, Person, TextInput
from bot.domain.profile import SetPrefs
from bot.domain.schedule import Prefs
from bot.domain.settings_flow import QUIET, SETTINGS

BERLIN = ZoneInfo("Europe/Berlin")
PREFS = Prefs(zone="Europe/Berlin", evening_on=True)


def berlin(day: int, hour: int, minute: int = 0) -> datetime:
    return at_local(datetime(2026, 3, day).date(), time(hour, minute), BERLIN)


# ------------------------------------------------------------------ a pause and a follow-up


def test_a_follow_up_held_by_a_pause_comes_when_the_pause_ends_out_of_quiet_hours():
    ends = berlin(8, 20, 30)
    paused = Prefs(zone="Europe/Berlin", paused_until=ends)
    assert schedule.pause_over(berlin(2, 21), paused) == ends
    late = Prefs(zone="Europe/Berlin", paused_until=berlin(8, 23, 30))  # in quiet hours
    assert schedule.pause_over(berlin(2, 21), late) == berlin(9, 8)


def test_a_follow_up_held_until_resumed_is_looked_at_daily_and_comes_once_resumed():
    forever = Prefs(zone="Europe/Berlin", paused_until=schedule.UNTIL_RESUMED)
    assert schedule.pause_over(berlin(2, 21), forever) == berlin(3, 21)  # a day on, not 9999
    assert schedule.pause_over(berlin(2, 23), forever) == berlin(4, 8)  # out of quiet hours
    # Resumed (no pause): at once, or when quiet hours end.
    assert schedule.pause_over(berlin(2, 21), PREFS) == berlin(2, 21)
    assert schedule.pause_over(berlin(2, 23), PREFS) == berlin(3, 8)


# ------------------------------------------------------------------ one card at a time


def test_the_evening_check_in_waits_after_a_follow_up_sent_with_it():
    now = berlin(2, 21)
    hold = schedule.hold_back(schedule.EVENING, now, PREFS, carded_today=False, carded_now=True)
    assert hold is not None and hold.due == now + schedule.AFTER_CHECK_IN
    assert schedule.hold_back(schedule.EVENING, now, PREFS, carded_today=False) is None


def test_the_evening_check_in_goes_with_the_follow_up_rather_than_into_quiet_hours():
    late = Prefs(zone="Europe/Berlin", evening_on=True, evening_at=time(22, 0))
    now = berlin(2, 22)  # 22:45 would be quiet
    assert (
        schedule.hold_back(schedule.EVENING, now, late, carded_today=False, carded_now=True) is None
    )


def test_a_nudge_waits_for_another_evening_after_not_tonight_or_all_good():
    now = berlin(2, 21, 45)
    hold = schedule.hold_back(schedule.NUDGE, now, PREFS, carded_today=False, evening_declined=True)
    assert hold is not None and hold.due == berlin(3, 21)
    assert schedule.hold_back(schedule.NUDGE, now, PREFS, carded_today=False) is None


def test_a_follow_up_asked_for_still_comes_after_not_tonight():
    now = berlin(2, 21, 45)
    assert (
        schedule.hold_back(
            schedule.FOLLOW_UP, now, PREFS, carded_today=False, evening_declined=True
        )
        is None
    )


# ------------------------------------------------------------------ "ask me again tomorrow evening"


def test_ask_again_tomorrow_evening_is_a_reminder_at_the_evening_not_two_hours_after_it():
    """Unlike a planned talk (asked about AFTER_TALK later), "Not yet" -> "Tomorrow evening"
    names when to ask: the reply says "I'll ask again tomorrow evening" and that is when."""
    now = berlin(2, 21, 5)
    due = schedule.reschedule_due("tomorrow", now, PREFS)
    assert due == schedule.preset_due("tomorrow", now, BERLIN) == berlin(3, 19)


# ------------------------------------------------------------------ words


def test_evening_replies_fit_the_time_of_day():
    c = catalogue("en")
    evening = prompts.evening_reply("all_good", "Ana", berlin(2, 21), BERLIN, c)
    morning = prompts.evening_reply("all_good", "Ana", berlin(3, 9), BERLIN, c)
    assert "Sleep well" in evening and "Sleep well" not in morning and "Ana" in morning
    assert "Rest well" in prompts.evening_reply("not_tonight", "Ana", berlin(2, 21), BERLIN, c)
    assert "Rest well" not in prompts.evening_reply("not_tonight", "Ana", berlin(3, 9), BERLIN, c)
    small_hours = prompts.evening_reply("all_good", "Ana", berlin(3, 1), BERLIN, c)
    assert "Sleep well" in small_hours


def context(prefs: Prefs = PREFS) -> Context:
    person = Person(7, "Ana", None, "Europe/Berlin", "en")
    return Context(person, berlin(1, 20, 30), catalogue("en"), prefs)


def test_quiet_hours_typed_off_turn_them_off_and_none_is_shown_as_off():
    c = catalogue("en")
    state = FlowState("settings", QUIET)
    for typed in ("off", "None", "no quiet hours"):
        outcome = SETTINGS.handle(state, TextInput(typed), context())
        (effect,) = outcome.effects
        assert isinstance(effect, SetPrefs)
        assert effect.changes == {"quiet_start": "00:00", "quiet_end": "00:00"}, typed
        card = outcome.replies[0].text
        assert f"Quiet hours: {c.text('settings.quiet_none')}" in card
        assert "00:00–00:00" not in card


def test_settings_buttons_say_what_they_do():
    c = catalogue("en")
    card = SETTINGS.start(context()).replies[0]
    labels = [b.label for row in card.buttons for b in row]
    assert "Follow-ups off" not in labels and "Follow-up delay" not in labels
    assert c.text("settings.nudges_off") in labels and c.text("settings.delay") in labels
    assert "few hours" in c.text("settings.delay")
    assert "plan" in c.text("settings.nudges_off")


def test_a_card_from_an_earlier_evening_is_told_apart_from_tonight_s():
    card = berlin(1, 21)
    assert not schedule.earlier_evening(card, berlin(1, 22), PREFS)
    assert not schedule.earlier_evening(card, berlin(2, 1, 30), PREFS)  # still that night
    assert schedule.earlier_evening(card, berlin(2, 10), PREFS)  # the next morning
    assert schedule.earlier_evening(card, berlin(2, 20, 30), PREFS)  # the next evening
