"""Words that stop a flow, or ask to delete a moment, read as what they are: "stop" at the
name question is no name (setup ends, as /cancel); "never mind" at "Which is it?" stops the
moment as it does at any later question; "delete this moment" stops it as /cancel and says
where a moment is deleted (/history), and outside a flow is answered with that."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.content import catalogue
from bot.domain import repair_flow as rf
from bot.domain import small_talk
from bot.domain.flow import ButtonInput, Context, FlowState, Person, TextInput
from bot.domain.moments import TO_ME, DeleteMoment, SaveMoment
from bot.domain.onboarding import NAME, ONBOARDING, ZONE
from bot.domain.profile import SetPreferredName

NOW = datetime(2026, 3, 1, 16, 30, tzinfo=UTC)
C = catalogue("en")


def ctx(preferred: str | None = None) -> Context:
    return Context(Person(7, "Ana", preferred, "Europe/Berlin", "en"), NOW, C)


def at(step: str, **data: object) -> FlowState:
    return FlowState("onboard", step, {"trail": [] if step == NAME else [NAME], **data})


# ------------------------------------------------------------------ the name question

STOPS = ["stop", "Stop.", "cancel", "quit", "exit", "stop it", "leave me alone", "never mind"]


@pytest.mark.parametrize("said", STOPS)
def test_stop_at_the_name_question_ends_setup_as_cancel_does(said: str):
    state = at(NAME)
    outcome = ONBOARDING.handle(state, TextInput(said), ctx())
    assert outcome == ONBOARDING.cancel(state, ctx())
    assert outcome.state is None and outcome.effects == ()
    assert outcome.replies[0].text == C.text("onboarding.cancelled")


def test_stop_when_changing_the_name_changes_nothing():
    state = at(NAME, again=True)
    outcome = ONBOARDING.handle(state, TextInput("cancel"), ctx("Annie"))
    assert outcome.state is None and outcome.effects == ()
    assert outcome.replies[0].text == C.text("onboarding.cancelled_change")


def test_stop_at_the_time_zone_question_ends_setup_too():
    outcome = ONBOARDING.handle(at(ZONE), TextInput("stop"), ctx())
    assert outcome.state is None and outcome.replies[0].text == C.text("onboarding.cancelled")


@pytest.mark.parametrize("said", ["no", "skip", "rather not"])
def test_no_name_at_the_name_question_is_the_name_they_have(said: str):
    outcome = ONBOARDING.handle(at(NAME), TextInput(said), ctx())
    assert outcome.state is not None and outcome.state.step == ZONE
    assert outcome.effects == (SetPreferredName("Ana"),)
    assert outcome.replies[0].text.startswith(C.text("onboarding.name_refused", name="Ana"))


@pytest.mark.parametrize("said", ["Joy", "Will", "Mae", "Hope"])
def test_names_that_are_words_are_still_names(said: str):
    outcome = ONBOARDING.handle(at(NAME), TextInput(said), ctx())
    assert outcome.effects == (SetPreferredName(said),)


# ------------------------------------------------------------------ "Which is it?"


@pytest.mark.parametrize("said", ["stop", "cancel", "never mind", "nvm", "forget it", "Stop!"])
def test_stop_at_the_direction_stops_as_cancel_does(said: str):
    start = rf.REPAIR.start(ctx(), "m1")
    assert start.state is not None and start.state.step == rf.DIR
    outcome = rf.REPAIR.handle(start.state, TextInput(said), ctx())
    assert outcome == rf.REPAIR.cancel(start.state, ctx())
    assert outcome.replies[0].text == C.text("moment.cancelled_empty")
    assert outcome.effects == (DeleteMoment("m1", rf.moment_of(start.state).created_at),)


def test_small_talk_at_the_direction_is_still_asked_again():
    start = rf.REPAIR.start(ctx(), "m1")
    assert start.state is not None
    outcome = rf.REPAIR.handle(start.state, TextInput("ok"), ctx())
    assert outcome.state == start.state
    assert outcome.replies[0].text == C.text("moment.ask_direction_again")


@pytest.mark.parametrize("said", ["never mind", "nvm", "forget it", "please stop"])
def test_the_same_words_stop_at_a_later_question(said: str):
    state = rf.REPAIR.start(ctx(), "m1").state
    assert state is not None
    for event in (ButtonInput(TO_ME), ButtonInput("partner")):
        state = rf.REPAIR.handle(state, event, ctx()).state
        assert state is not None
    assert state.step == rf.NAME
    outcome = rf.REPAIR.handle(state, TextInput(said), ctx())
    assert outcome.state is None and rf.REPAIR.cancel(state, ctx()) == outcome


# ------------------------------------------------------------------ "delete this moment"

DELETES = [
    "delete this moment",
    "delete that moment",
    "Delete this moment please",
    "can you delete this",
    "can you delete that moment?",
    "I want to delete this moment",
    "delete it",
]


@pytest.mark.parametrize("said", DELETES)
def test_delete_this_moment_is_a_request_to_delete_a_moment(said: str):
    assert small_talk.request(said, C) == small_talk.DELETE_MOMENT
    assert small_talk.request(said, C, bare_stop=False) == small_talk.DELETE_MOMENT


@pytest.mark.parametrize(
    "said",
    [
        "she deleted my messages",
        "he deleted the photos of us",
        "he told me to delete it",
        "I deleted this moment from my head",
    ],
)
def test_someone_deleting_something_is_no_request(said: str):
    assert small_talk.request(said, C) is None


@pytest.mark.parametrize("said", ["delete my data", "delete", "delete everything"])
def test_deleting_all_of_it_is_still_the_delete_request(said: str):
    assert small_talk.request(said, C) == small_talk.DELETE


def test_delete_a_moment_points_to_the_delete_button_in_history():
    key = small_talk.REQUEST_REPLIES[small_talk.DELETE_MOMENT]
    said = small_talk.request_reply(key, C, "Ana")
    assert "/history" in said and f'"{C.text("history.delete")}"' in said


def told() -> FlowState:
    state = rf.REPAIR.start(ctx(), "m1").state
    assert state is not None
    for event in (ButtonInput(TO_ME), ButtonInput("partner"), ButtonInput("skip")):
        state = rf.REPAIR.handle(state, event, ctx()).state
        assert state is not None
    state = rf.REPAIR.handle(state, ButtonInput("p.phone"), ctx()).state
    assert state is not None and state.step == rf.CAM
    return state


@pytest.mark.parametrize("said", ["delete this moment", "can you delete this"])
def test_delete_this_moment_mid_moment_stops_as_cancel_then_says_where_to_delete(said: str):
    state = told()
    cancelled = rf.REPAIR.cancel(state, ctx())
    outcome = rf.REPAIR.handle(state, TextInput(said), ctx())
    assert outcome.state is None and outcome.effects == cancelled.effects
    assert any(isinstance(e, SaveMoment) for e in outcome.effects)  # kept, as /cancel keeps it
    assert outcome.replies[: len(cancelled.replies)] == cancelled.replies
    (ask,) = outcome.replies[len(cancelled.replies) :]  # then whether to delete it, there
    assert ask.text == C.text("history.confirm_delete")
    assert [b.option for row in ask.buttons for b in row] == ["hx.m1", "ho.m1"]


def test_delete_this_moment_before_anything_is_told_keeps_nothing():
    state = rf.REPAIR.start(ctx(), "m1").state
    assert state is not None
    outcome = rf.REPAIR.handle(state, TextInput("delete this moment"), ctx())
    assert outcome == rf.REPAIR.cancel(state, ctx())  # nothing kept: nothing to point to


@pytest.mark.parametrize("declined", [False, True])
def test_delete_this_at_the_offer_keeps_nothing(declined: bool):
    offer = rf.REPAIR.offer(ctx(), "m1", "he ignored me at dinner").state
    assert offer is not None
    if declined:
        offer = rf.REPAIR.handle(offer, ButtonInput("no"), ctx()).state
        assert offer is not None
    outcome = rf.REPAIR.handle(offer, TextInput("delete this"), ctx())
    assert outcome.state is None and outcome.effects == ()
    assert not outcome.handback
    assert outcome.replies[0].text == C.text("moment.delete_offer")


@pytest.mark.parametrize("said", ["delete that", "erase it", "Can you delete this?"])
def test_at_write_my_own_a_delete_without_the_moment_named_is_their_words(said: str):
    """Words they will say to someone ("Can you delete this?" about a photo) are theirs to
    write at "I'll write my own"; only a delete that names the moment stops it."""
    from tests.domain.test_repair_flow import Walk, saved, to_needs

    w = to_needs(Walk())
    w.press("now")
    w.press("own")
    outcome = w.type(said)
    assert not any(isinstance(e, DeleteMoment) for e in outcome.effects)
    assert saved(outcome).draft == said


def test_at_write_my_own_a_delete_naming_the_moment_stops_it():
    from tests.domain.test_repair_flow import Walk, to_needs

    w = to_needs(Walk())
    w.press("now")
    w.press("own")
    assert w.type("delete this moment").state is None
