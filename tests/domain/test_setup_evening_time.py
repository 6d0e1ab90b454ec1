"""The evening check-in's time, typed in setup ("Another time") and in /settings ("Change its
time"): an hour without am or pm is an evening hour, words are read, quiet hours are explained
for a time after them too, and a no declines the check-in."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from bot.content import catalogue
from bot.domain.flow import Context, FlowState, Person, TextInput
from bot.domain.onboarding import CONFIRM, EVENING, EVENING_AT, NAME, ONBOARDING, ZONE
from bot.domain.profile import SetPrefs
from bot.domain.schedule import Prefs
from bot.domain.settings_flow import EVENING_TIME, FLOW, MENU, SETTINGS

NOW = datetime(2026, 3, 1, 19, 30, tzinfo=UTC)


def ctx() -> Context:
    prefs = Prefs(zone="Europe/Berlin", evening_at=time(21, 0))
    return Context(Person(7, "Ana", "Ana", "Europe/Berlin", "en"), NOW, catalogue("en"), prefs)


def setup_at(step: str) -> FlowState:
    trail = [NAME, ZONE, CONFIRM] + ([EVENING] if step == EVENING_AT else [])
    return FlowState("onboard", step, {"trail": trail, "zone": "Europe/Berlin"})


SETTINGS_AT = FlowState(FLOW, EVENING_TIME, {"trail": [MENU]})

READINGS = [
    ("8:00", "20:00"),
    ("9:30", "21:30"),
    ("8", "20:00"),
    ("9", "21:00"),
    ("21", "21:00"),
    ("at 9", "21:00"),
    ("half past nine", "21:30"),
    ("9 in the evening", "21:00"),
    ("nine pm", "21:00"),
    ("8:30pm", "20:30"),
    ("20:15", "20:15"),
    ("7pm", "19:00"),
]


@pytest.mark.parametrize(("text", "hhmm"), READINGS)
@pytest.mark.parametrize("step", [EVENING, EVENING_AT])
def test_an_evening_hour_typed_in_setup_is_read_as_the_evening(step: str, text: str, hhmm: str):
    outcome = ONBOARDING.handle(setup_at(step), TextInput(text), ctx())
    assert outcome.state is None
    assert outcome.effects == (SetPrefs({"evening_on": True, "evening_at": hhmm}),)
    assert f"each evening at {hhmm}" in outcome.replies[0].text


@pytest.mark.parametrize(("text", "hhmm"), READINGS)
def test_an_evening_hour_typed_in_settings_is_read_as_the_evening(text: str, hhmm: str):
    outcome = SETTINGS.handle(SETTINGS_AT, TextInput(text), ctx())
    assert outcome.effects == (SetPrefs({"evening_at": hhmm, "evening_on": True}),)


@pytest.mark.parametrize(("text", "hhmm"), [("midnight", "00:00"), ("7am", "07:00")])
def test_a_time_inside_quiet_hours_asks_for_one_outside_them_not_an_earlier_one(text, hhmm):
    outcome = SETTINGS.handle(SETTINGS_AT, TextInput(text), ctx())
    assert outcome.state == SETTINGS_AT and outcome.effects == ()
    (reply,) = outcome.replies
    assert hhmm in reply.text and "outside" in reply.text and "earlier" not in reply.text


def test_noon_is_noon():
    outcome = SETTINGS.handle(SETTINGS_AT, TextInput("noon"), ctx())
    assert outcome.effects == (SetPrefs({"evening_at": "12:00", "evening_on": True}),)


@pytest.mark.parametrize("text", ["23:30", "7am", "midnight"])
def test_quiet_hours_in_setup_are_explained_without_asking_to_change_them(text: str):
    state = setup_at(EVENING_AT)
    outcome = ONBOARDING.handle(state, TextInput(text), ctx())
    assert outcome.state == state and outcome.effects == ()
    (reply,) = outcome.replies
    assert "change quiet hours first" not in reply.text and "earlier" not in reply.text
    assert "22:30" in reply.text and "/settings" in reply.text


@pytest.mark.parametrize("text", ["no", "actually no thanks", "nope", "no check-in please"])
@pytest.mark.parametrize("step", [EVENING, EVENING_AT])
def test_a_no_at_the_evening_time_declines_the_check_in(step: str, text: str):
    outcome = ONBOARDING.handle(setup_at(step), TextInput(text), ctx())
    assert outcome.state is None
    assert outcome.effects == (SetPrefs({"evening_on": False}),)
    assert "No evening check-in" in outcome.replies[0].text


@pytest.mark.parametrize("text", ["9 maybe, after the kids sleep", "8:00 or so, who knows"])
def test_a_time_among_other_words_is_still_asked_about(text: str):
    state = setup_at(EVENING_AT)
    outcome = ONBOARDING.handle(state, TextInput(text), ctx())
    assert outcome.state == state and outcome.effects == ()


@pytest.mark.parametrize("step", [EVENING, EVENING_AT])
def test_cancel_at_the_evening_question_says_setup_is_done_not_to_finish_later(step: str):
    outcome = ONBOARDING.cancel(setup_at(step), ctx())
    assert outcome.state is None
    (said,) = outcome.replies
    # /start then says "Welcome back": no promise to finish setting up there.
    assert "finish setting up" not in said.text and "/settings" in said.text
