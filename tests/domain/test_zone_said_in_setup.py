"""Where someone lives, as a tester typed it at the time-zone question: a local time with its
am or pm, US states and boroughs, a country with several zones (asked which city), a typo,
words around the place, a town in a US state; and at "Is that right?" a no in words or a time
given instead; at the question itself, why it is asked, help, or a skip."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.content import catalogue
from bot.domain.flow import Context, FlowState, Person, TextInput
from bot.domain.onboarding import CONFIRM, EVENING, NAME, ONBOARDING, ZONE
from bot.domain.profile import FinishSetup, SetPrefs, SetTimezone
from bot.domain.schedule import Prefs
from bot.domain.settings_flow import FLOW, MENU, SETTINGS, ZONE_OK
from bot.domain.timezones import guess_zone, several_zones

NOW = datetime(2026, 3, 1, 19, 30, tzinfo=UTC)  # 20:30 in Berlin, 08:30 next day in Auckland


def ctx() -> Context:
    return Context(Person(7, "Ana", "Ana", None, "en"), NOW, catalogue("en"), Prefs())


def at(step: str, **data: object) -> FlowState:
    trail = {ZONE: [NAME], CONFIRM: [NAME, ZONE]}[step]
    return FlowState("onboard", step, {"trail": trail, **data})


def test_a_local_time_no_zone_shows_is_no_zone_not_the_time_without_its_pm():
    # 21:15 at 19:30 UTC is UTC+1:45, which no zone keeps; "9:15" alone was Pacific/Chatham.
    assert guess_zone("9:15 pm", NOW) is None
    assert guess_zone("9:15 p.m.", NOW) is None


@pytest.mark.parametrize(("text", "hour"), [("9:30 pm", 21), ("8:30 pm", 20), ("8:30 am", 8)])
def test_a_local_time_keeps_its_am_or_pm(text: str, hour: int):
    guess = guess_zone(text, NOW)
    assert guess is not None
    local = NOW.astimezone(ZoneInfo(guess.zone))
    assert local.hour == hour and abs(local.minute - int(text[2:4])) <= 1, guess.zone


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("California", "America/Los_Angeles"),
        ("Texas", "America/Chicago"),
        ("Florida", "America/New_York"),
        ("New Jersey", "America/New_York"),
        ("Arizona", "America/Phoenix"),
        ("New York state", "America/New_York"),
        ("Brooklyn", "America/New_York"),
        ("I live in Brooklyn", "America/New_York"),
        ("Londn", "Europe/London"),
        ("Lisbn", "Europe/Lisbon"),
        ("ok Lisbon", "Europe/Lisbon"),
        ("actually Porto", "Europe/Lisbon"),
        ("nope, London", "Europe/London"),
        ("Berlin time please", "Europe/Berlin"),
        ("this is where I live, Lisbon", "Europe/Lisbon"),
        ("Paris, TX", "America/Chicago"),
        ("Paris Texas", "America/Chicago"),
        ("Portland, Maine", "America/New_York"),
        ("Paris", "Europe/Paris"),
        ("Paris, France", "Europe/Paris"),
        ("Tbilisi, Georgia", "Asia/Tbilisi"),
    ],
)
def test_places_as_a_tester_typed_them(text: str, zone: str):
    guess = guess_zone(text, NOW)
    assert guess is not None and guess.zone == zone


@pytest.mark.parametrize("text", ["Atlantis", "Lond", "no", "help"])
def test_no_place_is_made_up(text: str):
    assert guess_zone(text, NOW) is None


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("USA", "the US"),
        ("the US", "the US"),
        ("Canada", "Canada"),
        ("Australia", "Australia"),
        ("Brazil", "Brazil"),
        ("Russia", "Russia"),
        ("I'm in the USA", "the US"),
    ],
)
def test_a_country_with_several_zones_asks_which_city(text: str, country: str):
    assert guess_zone(text, NOW) is None and several_zones(text) == country
    outcome = ONBOARDING.handle(at(ZONE), TextInput(text), ctx())
    assert outcome.state == at(ZONE) and outcome.effects == ()
    (reply,) = outcome.replies
    assert country in reply.text and "several time zones" in reply.text
    assert "couldn't place" not in reply.text


@pytest.mark.parametrize("text", ["wrong", "that's wrong", "not right", "nope"])
def test_a_no_in_words_at_is_that_right_is_the_no_button(text: str):
    state = at(CONFIRM, zone="Asia/Tokyo")
    outcome = ONBOARDING.handle(state, TextInput(text), ctx())
    assert outcome.state is not None and outcome.state.step == ZONE and outcome.effects == ()
    assert "couldn't place" not in outcome.replies[0].text


def test_a_time_given_with_the_no_is_used():
    state = at(CONFIRM, zone="Asia/Tokyo")
    outcome = ONBOARDING.handle(state, TextInput("no it's 3:30pm here"), ctx())
    assert outcome.state is not None and outcome.state.step == CONFIRM
    assert outcome.state.data["zone"] != "Asia/Tokyo"
    assert "15:30" in outcome.replies[0].text  # "Then it's Sunday 15:00 for you, in ..."


@pytest.mark.parametrize("text", ["wrong", "no it's wrong"])
def test_a_no_in_words_in_settings_asks_for_the_zone_again(text: str):
    state = FlowState(FLOW, ZONE_OK, {"trail": [MENU], "zone": "Asia/Tokyo"})
    outcome = SETTINGS.handle(state, TextInput(text), ctx())
    assert outcome.state is not None and outcome.state.step == "zone"
    assert "couldn't place" not in outcome.replies[0].text


@pytest.mark.parametrize("text", ["why do you need that?", "why?", "help", "what for?"])
def test_why_or_help_at_the_zone_question_is_answered_and_asked_again(text: str):
    outcome = ONBOARDING.handle(at(ZONE), TextInput(text), ctx())
    assert outcome.state == at(ZONE) and outcome.effects == ()
    (reply,) = outcome.replies
    assert "couldn't place" not in reply.text and "evening" in reply.text
    assert "city" in reply.text


@pytest.mark.parametrize("text", ["skip", "I'd rather not say", "rather not"])
def test_skipping_the_zone_finishes_setup_on_utc_with_the_check_in_off(text: str):
    outcome = ONBOARDING.handle(at(ZONE), TextInput(text), ctx())
    assert outcome.state is None
    assert outcome.effects == (SetPrefs({"evening_on": False}), FinishSetup())  # setup is over
    assert not any(isinstance(e, SetTimezone) for e in outcome.effects)
    (reply,) = outcome.replies
    assert "UTC" in reply.text and "/start" in reply.text and "couldn't place" not in reply.text


def test_skipping_while_changing_the_zone_keeps_it():
    state = FlowState("onboard", ZONE, {"trail": [NAME], "again": True})
    person = Person(7, "Ana", "Ana", "Europe/Berlin", "en")
    outcome = ONBOARDING.handle(state, TextInput("skip"), Context(person, NOW, catalogue("en")))
    assert outcome.state is None and outcome.effects == ()
    assert "nothing changed" in outcome.replies[0].text.lower()


def test_the_evening_step_still_follows_a_confirmed_zone():
    outcome = ONBOARDING.handle(at(CONFIRM, zone="Europe/Berlin"), TextInput("yes"), ctx())
    assert outcome.state is not None and outcome.state.step == EVENING
    assert outcome.effects == (SetTimezone("Europe/Berlin"),)


def test_a_country_with_several_zones_in_settings_asks_which_city_too():
    state = FlowState(FLOW, "zone", {"trail": [MENU]})
    outcome = SETTINGS.handle(state, TextInput("Canada"), ctx())
    assert outcome.state == state and outcome.effects == ()
    assert "several time zones in Canada" in outcome.replies[0].text
