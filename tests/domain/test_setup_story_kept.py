"""A story told during setup is kept in setup's own state and offered once setup is done;
"where was I" outside a flow is a request to see where things are, and a time said the
British way ("half 9") is a time, not a story."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.content import catalogue
from bot.domain import small_talk
from bot.domain.flow import ButtonInput, Context, FlowState, Outcome, Person, TextInput, holding
from bot.domain.onboarding import (
    CONFIRM,
    EVENING,
    NAME,
    ONBOARDING,
    ZONE,
    story_told,
    told_together,
)
from bot.domain.schedule import Prefs

C = catalogue("en")
NOW = datetime(2026, 3, 1, 19, 30, tzinfo=UTC)
STORY = "my bf just snapped at me in front of his friends and i feel so stupid"


def ctx() -> Context:
    return Context(Person(7, "Ana", "Ana", None, "en"), NOW, C)


def walk(*events: TextInput | ButtonInput) -> tuple[FlowState | None, Outcome]:
    """Setup from its start through `events`; the last state it was in, and its last outcome."""
    outcome = ONBOARDING.start(ctx())
    state = outcome.state
    last = state
    for event in events:
        assert state is not None
        last = state
        outcome = ONBOARDING.handle(state, event, ctx())
        state = outcome.state
    return last, outcome


def test_a_story_at_the_name_question_is_kept_in_setup():
    _, outcome = walk(TextInput(STORY))
    assert outcome.replies[0].text == C.text("onboarding.name_not_a_name")
    assert outcome.state is not None and outcome.state.step == NAME
    assert story_told(outcome.state) == STORY
    assert outcome.effects == ()  # not a name


def test_it_goes_with_setup_to_the_end():
    events = (TextInput(STORY), TextInput("Ana"), TextInput("Berlin"), ButtonInput("yes"))
    _, outcome = walk(*events)
    assert outcome.state is not None and outcome.state.step == EVENING
    assert story_told(outcome.state) == STORY


def test_the_closing_leads_to_the_story_rather_than_saying_to_tell_it():
    events = (TextInput(STORY), TextInput("Ana"), TextInput("Berlin"), ButtonInput("yes"))
    before, outcome = walk(*events, ButtonInput("no"))
    assert outcome.state is None
    assert story_told(before) == STORY  # what the shell offers once this outcome is recorded
    (done,) = outcome.replies
    zone, evening = "Europe/Berlin", C.text("onboarding.evening_off")
    expected = C.text("onboarding.done_then_story", name="Ana", zone=zone, evening=evening)
    assert done.text == expected
    assert done.text != C.text("onboarding.done", name="Ana", zone=zone, evening=evening)


def test_without_a_story_the_closing_is_as_before():
    before, outcome = walk(TextInput("Ana"), TextInput("Berlin"), ButtonInput("yes"))
    assert story_told(before) is None
    before, outcome = walk(
        TextInput("Ana"), TextInput("Berlin"), ButtonInput("yes"), ButtonInput("no")
    )
    zone, evening = "Europe/Berlin", C.text("onboarding.evening_off")
    assert outcome.replies[0].text == C.text(
        "onboarding.done", name="Ana", zone=zone, evening=evening
    )


def test_a_story_at_the_time_zone_question_is_kept_too():
    _, outcome = walk(TextInput("Ana"), TextInput(STORY))
    assert outcome.replies[0].text == C.text("onboarding.timezone_story")
    assert outcome.state is not None and outcome.state.step == ZONE
    assert story_told(outcome.state) == STORY


def test_several_stories_are_joined_and_a_retelling_is_not_doubled():
    more = "and then he laughed about it with them"  # at the time zone question
    _, outcome = walk(TextInput(STORY), TextInput("Ana"), TextInput(more))
    assert story_told(outcome.state) == f"{STORY}\n{more}"
    _, outcome = walk(TextInput(STORY), TextInput(STORY))
    assert story_told(outcome.state) == STORY
    assert told_together(STORY, "  ") == STORY


@pytest.mark.parametrize("typed", ["how does this work?", "help me!", "is this private?"])
def test_what_outside_a_flow_is_answered_is_not_kept_as_a_story(typed):
    _, outcome = walk(TextInput(typed))
    assert outcome.state is not None and outcome.state.step == NAME
    assert story_told(outcome.state) is None


def test_the_story_survives_going_back():
    _, outcome = walk(TextInput(STORY), TextInput("Ana"))
    assert outcome.state is not None and outcome.state.step == ZONE
    back = outcome.state.back()
    assert back is not None and story_told(back) == STORY


def test_a_story_in_setup_held_by_settings_is_found():
    setup = FlowState("onboard", CONFIRM, {"zone": "Europe/Berlin", "story": STORY})
    settings = holding(FlowState("settings", "menu"), setup)
    assert story_told(settings) == STORY
    assert story_told(FlowState("settings", "menu")) is None
    assert story_told(None) is None


def test_setup_finished_from_settings_leads_to_the_story():
    kept = FlowState("onboard", EVENING, {"zone": "Europe/Berlin", "story": STORY})
    person = Person(7, "Ana", "Ana", "Europe/Berlin", "en")
    on = Context(person, NOW, C, Prefs(zone="Europe/Berlin", evening_on=True))
    outcome = ONBOARDING.resumed(kept, on)
    assert outcome is not None and outcome.state is None
    evening = C.text("onboarding.evening_at", time="21:00")
    done = C.text("onboarding.done_then_story", name="Ana", zone="Europe/Berlin", evening=evening)
    assert outcome.replies[0].text == done


def test_changing_the_name_later_keeps_no_story():
    state = FlowState("onboard", NAME, {"again": True})
    outcome = ONBOARDING.handle(state, TextInput(STORY), ctx())
    assert outcome.replies[0].text.startswith(C.text("onboarding.name_not_a_name_again")[:20])
    assert story_told(outcome.state) is None


@pytest.mark.parametrize(
    "typed", ["where was I", "where were we?", "ok I'm back", "oops where was i"]
)
@pytest.mark.parametrize("step", [NAME, ZONE, EVENING])
def test_where_was_i_during_setup_shows_the_question_and_is_no_story(typed, step):
    state = FlowState("onboard", step, {"zone": "Europe/Berlin"})
    outcome = ONBOARDING.handle(state, TextInput(typed), ctx())
    assert outcome.state == state and outcome.effects == ()
    assert outcome.replies[0].text.startswith(C.text("shell.where_we_were"))
    assert story_told(outcome.state) is None


@pytest.mark.parametrize(
    "typed", ["where was I", "where was i?", "where were we", "sorry where was I", "I'm back"]
)
def test_where_was_i_is_a_request_to_see_where_things_are(typed):
    assert small_talk.request(typed, C) == small_talk.WHERE
    assert small_talk.WHERE in small_talk.REQUEST_REPLIES
    C.text(small_talk.REQUEST_REPLIES[small_talk.WHERE], name="Ana")  # it has words


@pytest.mark.parametrize(
    "typed", ["where was I when he needed me", "he asked where I was", "I'm back with my ex"]
)
def test_a_story_with_those_words_is_still_a_story(typed):
    assert small_talk.request(typed, C) is None


def test_where_was_i_comes_before_no_flow_question():
    assert small_talk.before_a_flow("where was I", C) is None  # the flow's own question reads it
    assert not small_talk.stops_a_flow("where was I", C)


# Times said in words that are a bare time: tests/domain/test_times_in_words.py, which
# also checks that the time question reads each of them.


@pytest.mark.parametrize(
    "typed",
    [
        "half my life",
        "he left at half 9",
        "quarter of the time he ignores me",
        "9",
        "half",
        "past 9",
        "ten to 30",
        "half 13",
        "i waited till half 9",
    ],
)
def test_words_that_only_have_a_time_in_them_are_not(typed):
    assert not small_talk.bare_time(typed, C)
