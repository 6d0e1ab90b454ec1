"""/settings answered in words as a tester did: words that name a setting open it (or do it,
when that is clear), "done" and "cancel" close the card, a number of hours outside the choices
says which there are, quiet hours said loosely are read, and /cancel says what is true."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from bot.content import catalogue
from bot.domain.flow import Context, FlowState, Person, TextInput
from bot.domain.profile import SetPrefs
from bot.domain.schedule import UNTIL_RESUMED, Prefs
from bot.domain.settings_flow import DELAY, EVENING_TIME, FLOW, MENU, QUIET, SETTINGS, ZONE, ZONE_OK

NOW = datetime(2026, 3, 1, 19, 30, tzinfo=UTC)
AT_MENU = FlowState(FLOW, MENU)


def ctx(evening_on: bool = True) -> Context:
    prefs = Prefs(zone="Europe/Berlin", evening_on=evening_on, evening_at=time(21, 0))
    return Context(Person(7, "Ana", None, "Europe/Berlin", "en"), NOW, catalogue("en"), prefs)


@pytest.mark.parametrize(
    ("text", "step"),
    [
        ("time zone", ZONE),
        ("change my time zone", ZONE),
        ("quiet hours", QUIET),
        ("change its time", EVENING_TIME),
        ("in a few hours", DELAY),
    ],
)
def test_words_naming_a_setting_open_it(text: str, step: str):
    outcome = SETTINGS.handle(AT_MENU, TextInput(text), ctx())
    assert not outcome.handback
    assert outcome.state is not None and outcome.state.step == step


def test_a_place_typed_at_the_menu_is_the_time_zone_asked_to_confirm():
    outcome = SETTINGS.handle(AT_MENU, TextInput("Tokyo"), ctx())
    assert not outcome.handback
    assert outcome.state is not None and outcome.state.step == ZONE_OK
    assert outcome.state.data["zone"] == "Asia/Tokyo" and outcome.effects == ()


@pytest.mark.parametrize(
    "text", ["Jordan left", "Austin lied", "Casey left", "Florence cried", "brother"]
)
def test_a_name_or_a_word_at_the_menu_is_no_time_zone(text: str):
    """Only a place said as such: no words dropped around it, no misspelling forgiven."""
    outcome = SETTINGS.handle(AT_MENU, TextInput(text), ctx())
    assert outcome.handback and outcome.state is None  # read as anywhere else


@pytest.mark.parametrize(
    ("text", "evening_on", "changes"),
    [
        ("evening off", True, {"evening_on": False}),
        ("turn off the evening check-in", True, {"evening_on": False}),
        ("evening on", False, {"evening_on": True}),
        ("pause for a week", True, {"paused_until": NOW + timedelta(days=7)}),
        ("pause a day", True, {"paused_until": NOW + timedelta(days=1)}),
        ("pause until I resume", True, {"paused_until": UNTIL_RESUMED}),
        ("change the time to 22:00", True, {"evening_at": "22:00", "evening_on": True}),
    ],
)
def test_words_that_say_what_to_do_do_it(text: str, evening_on: bool, changes: dict[str, object]):
    outcome = SETTINGS.handle(AT_MENU, TextInput(text), ctx(evening_on))
    assert not outcome.handback
    assert outcome.state is not None and outcome.state.step == MENU
    assert outcome.effects == (SetPrefs(changes),)
    assert not outcome.replies[0].edit  # a new card under their words


def test_evening_off_when_it_is_off_already_changes_nothing():
    outcome = SETTINGS.handle(AT_MENU, TextInput("evening off"), ctx(evening_on=False))
    assert not outcome.handback and outcome.effects == ()
    assert outcome.state is not None and outcome.state.step == MENU


@pytest.mark.parametrize("text", ["done", "Done!", "cancel", "close", "that's all"])
def test_done_or_cancel_typed_closes_the_card(text: str):
    outcome = SETTINGS.handle(AT_MENU, TextInput(text), ctx())
    assert outcome.state is None and not outcome.handback and outcome.effects == ()
    assert outcome.replies and "/settings" in outcome.replies[0].text


def test_a_moment_typed_at_the_menu_is_still_handed_back():
    outcome = SETTINGS.handle(AT_MENU, TextInput("he ignored me all through dinner"), ctx())
    assert outcome.handback and outcome.state is None


@pytest.mark.parametrize("text", ["5", "5 hours", "12"])
def test_hours_that_are_no_choice_say_which_there_are(text: str):
    state = FlowState(FLOW, DELAY, {"trail": [MENU]})
    outcome = SETTINGS.handle(state, TextInput(text), ctx())
    assert outcome.state == state and outcome.effects == ()
    (reply,) = outcome.replies
    assert "1, 2, 3, 4, 6 or 8" in reply.text and reply.buttons


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("22-7", "22:00", "07:00"),
        ("10-6", "22:00", "06:00"),
        ("from 11 to 7", "23:00", "07:00"),
        ("midnight to 8", "00:00", "08:00"),
        ("11pm to 7am", "23:00", "07:00"),
        ("22:30-08:00", "22:30", "08:00"),
        ("10:30pm - 6:30am", "22:30", "06:30"),
    ],
)
def test_quiet_hours_said_loosely_are_read(text: str, start: str, end: str):
    state = FlowState(FLOW, QUIET, {"trail": [MENU]})
    outcome = SETTINGS.handle(state, TextInput(text), ctx(evening_on=False))
    assert outcome.effects == (SetPrefs({"quiet_start": start, "quiet_end": end}),)


def test_cancel_in_settings_does_not_claim_to_have_saved_anything():
    (said,) = SETTINGS.cancel(AT_MENU, ctx()).replies
    assert "Settings saved" not in said.text and "/settings" in said.text
