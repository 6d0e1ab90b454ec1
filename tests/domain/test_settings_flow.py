"""/settings as a pure state machine: what each change records and how the card reads after."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta

import pytest

from bot.content import catalogue
from bot.domain.flow import Back, ButtonInput, Context, FlowState, Person, TextInput, held
from bot.domain.profile import SetPrefs, SetTimezone
from bot.domain.schedule import UNTIL_RESUMED, Prefs
from bot.domain.settings_flow import (
    DELAY,
    EVENING_TIME,
    FLOW,
    MENU,
    QUIET,
    SETTINGS,
    ZONE,
    ZONE_OK,
    resume,
    says_no_quiet,
)

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


# ------------------------------------------------------------------ text the card is not asking for


def test_text_on_the_menu_leaves_settings_quietly_and_is_handed_on():
    """The walkthrough: /settings left open, and a day later "My husband yelled at me...":
    the menu waits for a button, so the words are not for it. Settings ends without a word
    and the text goes on as if no flow were there (the moment offer, small talk...)."""
    for typed in ("My husband yelled at me this morning over the dishes", "hello"):
        outcome = SETTINGS.handle(FlowState(FLOW, MENU), TextInput(typed), ctx())
        assert outcome.state is None and outcome.handback, typed
        assert outcome.replies == () and outcome.effects == ()


def test_steps_that_wait_for_typed_answers_still_read_them():
    evening = FlowState(FLOW, EVENING_TIME, {"trail": [MENU]})
    unread = SETTINGS.handle(evening, TextInput("hello"), ctx())
    assert unread.state == evening and not unread.handback
    assert "couldn't read that as a time" in unread.replies[0].text
    saved = SETTINGS.handle(evening, TextInput("20:30"), ctx())
    assert SetPrefs({"evening_at": "20:30", "evening_on": True}) in saved.effects
    city = SETTINGS.handle(FlowState(FLOW, ZONE, {"trail": [MENU]}), TextInput("Tokyo"), ctx())
    assert city.state is not None and city.state.step == ZONE_OK and not city.handback


def test_the_delay_card_reads_a_typed_number_and_hands_on_anything_else():
    delay = FlowState(FLOW, DELAY, {"trail": [MENU]})
    typed = SETTINGS.handle(delay, TextInput("3"), ctx())
    assert typed.effects == (SetPrefs({"follow_up_hours": 3}),)
    odd = SETTINGS.handle(delay, TextInput("5 hours"), ctx())  # not one it offers: asked again
    assert odd.state == delay and odd.effects == () and not odd.handback
    other = SETTINGS.handle(delay, TextInput("he ignored me all evening"), ctx())
    assert other.state is None and other.handback


# ------------------------------------------------------------------ opened mid-flow


MOMENT_AT_INTENSITY = FlowState("moment", "int", {"m": {"id": "m1"}, "trail": ["dir"]})


def test_settings_opened_mid_moment_says_so_and_done_puts_the_moment_back():
    opened = SETTINGS.start(ctx(), MOMENT_AT_INTENSITY)
    assert opened.state is not None and held(opened.state) == MOMENT_AT_INTENSITY
    assert "tap Done to go back" in opened.replies[0].text
    # Changes on the way keep it held, the card still saying so.
    changed = SETTINGS.handle(opened.state, ButtonInput("nudges"), ctx())
    assert changed.state is not None and held(changed.state) == MOMENT_AT_INTENSITY
    assert "tap Done to go back" in changed.replies[0].text
    back = SETTINGS.handle(changed.state, Back(), ctx())
    assert back.state is not None and held(back.state) == MOMENT_AT_INTENSITY
    done = SETTINGS.handle(changed.state, ButtonInput("done"), ctx())
    assert done.state == MOMENT_AT_INTENSITY  # the shell asks its question again
    cancelled = SETTINGS.cancel(changed.state, ctx())
    assert cancelled.state == MOMENT_AT_INTENSITY


def test_text_on_the_menu_mid_moment_goes_back_to_the_moment_with_it():
    opened = SETTINGS.start(ctx(), MOMENT_AT_INTENSITY)
    assert opened.state is not None
    outcome = SETTINGS.handle(opened.state, TextInput("it was a 4 really"), ctx())
    assert outcome.state == MOMENT_AT_INTENSITY and outcome.handback and outcome.replies == ()


# ------------------------------------------------------------------ /resume


def paused_ctx(until: datetime) -> Context:
    base = ctx()
    return replace(base, prefs=replace(base.prefs, paused_until=until))


@pytest.mark.parametrize("until", [UNTIL_RESUMED, NOW + timedelta(days=3)])
def test_resume_ends_a_pause_as_the_cards_resume_button_does(until: datetime):
    paused = paused_ctx(until)
    outcome = resume(paused)
    assert outcome.state is None and outcome.effects == (SetPrefs({"paused_until": None}),)
    (reply,) = outcome.replies
    assert reply.text == paused.content.text("settings.resumed")
    pressed = SETTINGS.handle(FlowState(FLOW, MENU), ButtonInput("resume"), paused)
    assert pressed.effects == outcome.effects


def test_resume_when_nothing_is_paused_changes_nothing_and_says_so():
    for context in (ctx(), paused_ctx(NOW - timedelta(hours=1))):  # an old pause, run out
        outcome = resume(context)
        assert outcome.effects == ()
        (reply,) = outcome.replies
        assert reply.text == context.content.text("settings.resume_not_paused")


def test_a_pause_says_how_to_end_it():
    card = SETTINGS.prompt(FlowState(FLOW, MENU), paused_ctx(UNTIL_RESUMED)).text
    assert "/resume" in card
    card = SETTINGS.prompt(FlowState(FLOW, MENU), paused_ctx(NOW + timedelta(days=1))).text
    assert "/resume" in card


@pytest.mark.parametrize("typed", ["off", "Off?", "none 🙂", "turn them off!", "no."])
def test_no_quiet_hours_is_read_as_any_typed_phrase_is(typed: str):
    assert says_no_quiet(typed, catalogue())
    assert not says_no_quiet("off at 23:00", catalogue())
