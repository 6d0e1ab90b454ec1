"""A moment that was repaired or let go can be picked up again from /history, at "What would
you like to do with it?", every answer before it kept; a hard talk is named so. One set aside
never is (it may have been set aside for danger). Stopped before a new ending, the moment is
put back as it was."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.content import catalogue
from bot.domain import history, prompts
from bot.domain import repair_flow as rf
from bot.domain.flow import ButtonInput, Context, FlowState, Person
from bot.domain.moments import Moment, RestoreMoment, SaveMoment
from bot.domain.repair_flow import FEEL, NEED, PATH, REPAIR, moment_of

C = catalogue("en")
AT = datetime(2026, 3, 1, 18, 0, tzinfo=UTC)
PICK_UP = C.text("history.pick_up")
CTX = Context(Person(7, "Ana", None, "Europe/Berlin", "en"), AT + timedelta(days=3), C)


def told(**changes: object) -> Moment:
    """A moment told to the end: answers, a draft said and a talk planned, then settled."""
    m = Moment(
        id="m1",
        created_at=AT,
        direction="to_me",
        who="partner",
        who_name="Sam",
        pattern="phone",
        observation="He looked at his phone while I talked.",
        intensity=4,
        feelings=("lonely",),
        feelings_text="kind of small",
        needs=("attention",),
        path="later",
        draft="Hey Sam, I felt lonely.",
        draft_style="standard",
        plan_due_at=AT + timedelta(days=1),
        status="repaired",
        step="path",
        outcome="hard",
        resolved_at=AT + timedelta(days=2),
    )
    return m.update(**changes)


def labels(m: Moment) -> dict[str, str]:
    return {b.label: b.option for row in history.actions(m, C) for b in row}


@pytest.mark.parametrize("status", ["repaired", "let_go"])
def test_a_settled_moment_can_be_picked_up_again(status: str):
    buttons = labels(told(status=status, outcome=None))
    assert buttons[PICK_UP] == "hp.m1"
    assert C.text("history.delete") in buttons  # still there


def test_a_moment_set_aside_is_never_picked_up_again():
    # Set aside as not safe to raise, or for danger the screen found: no way back into
    # drafts addressed to someone they may fear. Only Delete and Back, as ever.
    aside = told(status="set_aside", path="unsafe", outcome=None, draft=None, plan_due_at=None)
    assert not history.can_pick_up(aside)
    assert list(labels(aside)) == [C.text("history.delete"), C.text("history.back")]


@pytest.mark.parametrize("status", ["open", "unfinished", "drafted", "planned"])
def test_a_moment_not_settled_has_no_pick_up_again(status: str):
    buttons = labels(told(status=status, outcome=None))
    assert not any(data.startswith("hp.") for data in buttons.values())


def test_the_pick_up_button_is_not_the_resume_of_an_unfinished_one():
    unfinished = labels(told(status="unfinished", outcome=None))
    assert not any(data.startswith("hp.") for data in unfinished.values())
    assert any(data == "hu.m1" for data in unfinished.values())


def test_a_hard_talk_says_so_in_the_list_and_on_its_card():
    hard = told()
    line = history.item_label(hard, C, "Europe/Berlin")
    assert line.endswith("· " + C.text("status.repaired_hard"))
    assert C.text("status.repaired_hard") != C.text("status.repaired")
    card = history.summary(hard, C, "Europe/Berlin").text
    assert "Status: " + C.text("status.repaired_hard") in card


def test_a_talk_that_went_well_is_just_repaired():
    well = told(outcome="went_well")
    assert history.item_label(well, C, "Europe/Berlin").endswith("· repaired")
    assert "Status: repaired" in history.summary(well, C, "Europe/Berlin").text


def test_only_a_repaired_moment_is_labelled_by_a_hard_outcome():
    # A hard talk picked up again and then let go is let go, whatever its talk was.
    assert history.status_label(told(status="let_go"), C) == C.text("status.let_go")


@pytest.mark.parametrize("status", ["repaired", "let_go"])
def test_picked_up_keeps_every_answer_and_clears_what_came_of_it(status: str):
    before = told(status=status)
    again = history.picked_up(before)
    for kept in (
        "id",
        "created_at",
        "direction",
        "who",
        "who_name",
        "pattern",
        "observation",
        "intensity",
        "feelings",
        "feelings_text",
        "needs",
        "needs_text",
        "description",
    ):
        assert getattr(again, kept) == getattr(before, kept), kept
    # Where it goes on is the flow's to choose (`resumes_at`): the first question unanswered.
    assert again.status == "unfinished" and again.step is None
    cleared = ("path", "draft", "draft_style", "plan_due_at", "outcome", "resolved_at")
    assert all(getattr(again, field) is None for field in cleared)


def test_a_moment_picked_up_resumes_at_the_path_question():
    # Even one whose stored step was an earlier question (marked repaired from /history).
    again = history.picked_up(told(step="feel"))
    state = REPAIR.resumes_at(again)
    assert state.step == PATH
    assert state.data["trail"][-1] == NEED  # /back goes to the needs, as from the path
    m = moment_of(state)
    assert m.status == "open" and m.outcome is None and m.draft is None


def test_picked_up_only_from_a_settled_moment():
    assert history.can_pick_up(told(status="repaired"))
    assert not history.can_pick_up(told(status="open"))
    assert not history.can_pick_up(told(status="unfinished"))
    assert not history.can_pick_up(told(status="planned"))


def test_the_intro_names_a_hard_talk():
    hard = history.picked_up_intro(told(), C, PATH)
    plain = history.picked_up_intro(told(status="let_go", outcome=None), C, PATH)
    assert hard == C.text("history.picked_up_hard") and plain == C.text("history.picked_up")
    assert hard != plain


def test_a_moment_settled_with_a_question_unanswered_goes_on_there():
    # Marked let go from /history before the feelings were given: they are asked first, and
    # nothing claims that everything is still there.
    before = told(status="let_go", outcome=None, feelings=(), feelings_text=None, step="path")
    state = REPAIR.resumes_at(history.picked_up(before))
    assert state.step == FEEL
    assert moment_of(state).needs == ("attention",)  # what was told is kept
    intro = history.picked_up_intro(before, C, state.step)
    assert intro == C.text("moment.resumed")
    assert intro not in (C.text("history.picked_up"), C.text("history.picked_up_hard"))


# --- stopped before a new ending: the moment as it was ----------------------------------------


def picked_up_state(before: Moment) -> FlowState:
    """The flow a tap on "Pick it up again" starts: at the path, keeping what it was."""
    return rf.picked_up_again(REPAIR.resumes_at(history.picked_up(before)), before)


@pytest.mark.parametrize("status", ["repaired", "let_go"])
def test_cancelled_after_a_pick_up_the_moment_is_left_as_it_was(status: str):
    before = told(status=status)
    outcome = REPAIR.cancel(picked_up_state(before), CTX)
    assert outcome.state is None
    # Put back only if still in progress (the shell's guard); no nudge: nothing is unfinished.
    assert outcome.effects == (RestoreMoment(before),)
    (reply,) = outcome.replies
    assert reply.text == C.text("history.left_as_it_was", status=history.status_label(before, C))
    assert "unfinished" not in reply.text


def test_cancelled_on_the_way_to_a_new_ending_it_is_still_left_as_it_was():
    before = told(status="let_go", outcome=None)
    at_draft = REPAIR.handle(picked_up_state(before), ButtonInput("now"), CTX)
    assert at_draft.state is not None and at_draft.state.step == rf.DRAFT
    assert REPAIR.cancel(at_draft.state, CTX).effects == (RestoreMoment(before),)
    # Another flow taking its place (/moment, /settings replaced...): the same.
    assert REPAIR.abandon(at_draft.state) == (RestoreMoment(before),)


def test_a_new_ending_reached_stands():
    before = told()  # a hard talk
    state = picked_up_state(before)
    letting = REPAIR.handle(state, ButtonInput("let_go"), CTX)
    assert letting.state is not None
    truly = next(b.option for row in REPAIR.prompt(letting.state, CTX).buttons for b in row)
    closed = REPAIR.handle(letting.state, ButtonInput(truly), CTX)
    assert closed.state is None  # the flow, and what it was before, are gone
    (saved,) = [e.moment for e in closed.effects if isinstance(e, SaveMoment)]
    assert (saved.status, saved.path, saved.outcome) == ("let_go", "let_go", None)
    assert saved.draft is None and saved.resolved_at is None  # not the hard talk's any more


def test_what_it_was_is_kept_in_the_flow_state_as_plain_data():
    import json

    state = picked_up_state(told())
    assert json.loads(json.dumps(state.data)) == state.data


def test_the_hard_follow_up_reply_offers_to_pick_it_up():
    answered = prompts.answer_follow_up(told(status="planned", outcome=None), "hard", AT, C)
    assert answered is not None
    assert answered.moment.status == "repaired" and answered.moment.outcome == "hard"
    buttons = [b for row in answered.reply.buttons for b in row]
    assert [(b.label, b.option, b.menu) for b in buttons] == [(PICK_UP, "hp.m1", True)]


def test_the_other_follow_up_replies_have_no_pick_up():
    for choice in ("went_well", "let_go"):
        answered = prompts.answer_follow_up(told(status="planned", outcome=None), choice, AT, C)
        assert answered is not None and not answered.reply.buttons
