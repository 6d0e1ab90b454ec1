"""/settings as a pure state machine: what each change records and how the card reads after."""

from __future__ import annotations

from datetime import UTC, datetime, time

from bot.content import catalogue
from bot.domain.flow import ButtonInput, Context, FlowState, Person, TextInput
from bot.domain.profile import SetPrefs, SetTimezone
from bot.domain.schedule import Prefs
from bot.domain.settings_flow import EVENING_TIME, FLOW, MENU, QUIET, SETTINGS, ZONE_OK

NOW = datetime(2026, 3, 1, 19, 30, tzinfo=UTC)


def ctx(evening_on: bool = False) -> Context:
    prefs = Prefs(zone="Europe/Berlin", evening_on=evening_on, evening_at=time(21, 0))
    return Context(Person(7, "Ana", None, "Europe/Berlin", "en"), NOW, catalogue("en"), prefs)


def test_a_confirmed_zone_shows_on_the_card_at_once():
    state = FlowState(FLOW, ZONE_OK, {"zone": "Asia/Tokyo"})
    outcome = SETTINGS.handle(state, ButtonInput("yes"), ctx())
    assert outcome.state == FlowState(FLOW, MENU)
    assert SetTimezone("Asia/Tokyo") in outcome.effects
    (card,) = outcome.replies
    assert "Time zone: Asia/Tokyo" in card.text and card.edit


def test_quiet_hours_that_would_cover_the_evening_check_in_are_refused():
    state = FlowState(FLOW, QUIET, {"trail": [MENU]})
    evening = ctx(evening_on=True)
    outcome = SETTINGS.handle(state, TextInput("20:00-08:00"), evening)
    assert outcome.state == state and outcome.effects == ()
    (reply,) = outcome.replies
    assert "20:00–08:00" in reply.text and "evening check-in at 21:00" in reply.text
    # Quiet hours that leave it free are saved, and so is any window while it is off.
    kept = SETTINGS.handle(state, TextInput("21:30-08:00"), evening)
    assert kept.effects == (SetPrefs({"quiet_start": "21:30", "quiet_end": "08:00"}),)
    off = SETTINGS.handle(state, TextInput("20:00-08:00"), ctx(evening_on=False))
    assert off.effects == (SetPrefs({"quiet_start": "20:00", "quiet_end": "08:00"}),)


def test_a_forged_evening_time_button_repeats_the_question():
    state = FlowState(FLOW, EVENING_TIME, {"trail": [MENU]})
    outcome = SETTINGS.handle(state, ButtonInput("t.9999"), ctx())
    assert outcome.state == state and outcome.effects == ()
    assert outcome.replies == (SETTINGS.prompt(state, ctx()),)
