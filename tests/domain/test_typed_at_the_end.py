"""Words typed at the end of a moment, read as people type them: a short ask for a shorter or
softer draft is that button; at the path a typed time plans the talk, "maybe later" is Later,
and not knowing gets a warm word, not "Please tap"; at the let-go check a hedged yes or no is
that answer."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.content import catalogue
from bot.domain import repair_flow as rf
from bot.domain.drafts import build_draft
from bot.domain.flow import Outcome
from bot.domain.moments import BY_ME, LATER, LET_GO, PLANNED, TO_ME
from bot.domain.replies import Reply
from tests.domain.test_repair_flow import Walk, ctx, options, saved, to_needs

C = catalogue("en")


def at_the_draft(style: str | None = None) -> Walk:
    w = to_needs(Walk())
    w.press("now")
    if style is not None:
        w.press(style)
    assert w.step == rf.DRAFT
    return w


def only_reply(outcome: Outcome) -> Reply:
    (reply,) = outcome.replies
    return reply


# ------------------------------------------------------------------ the draft


@pytest.mark.parametrize(
    ("typed", "style"),
    [
        ("can it be even shorter?", "shorter"),
        ("shorter pls", "shorter"),
        ("Make it shorter please", "shorter"),
        ("it's too long", "shorter"),
        ("softer?", "softer"),
        ("make it softer", "softer"),
        ("could you make it a bit softer?", "softer"),
        ("a little gentler maybe", "softer"),
    ],
)
def test_a_short_typed_ask_for_shorter_or_softer_is_that_button(typed: str, style: str):
    w = at_the_draft()
    reply = only_reply(w.type(typed))
    assert w.step == rf.DRAFT and w.moment.draft_style == style
    assert w.moment.draft == build_draft(w.moment, C, style)
    assert reply.copyable == w.moment.draft and not reply.edit  # a new message: no card pressed
    assert "own words" not in reply.text


@pytest.mark.parametrize("typed", ["can it be even shorter?", "shorter", "Shorter pls"])
def test_asking_for_shorter_at_the_shorter_version_says_so_as_the_button_does(typed: str):
    w = at_the_draft("shorter")
    draft = w.moment.draft
    reply = only_reply(w.type(typed))  # typed, a toast would show nothing: a message
    assert reply.text == C.text("moment.already_shorter") and not reply.edit
    assert w.step == rf.DRAFT and w.moment.draft == draft and w.moment.draft_style == "shorter"


def test_asking_for_softer_at_the_softer_version_says_so():
    w = at_the_draft("softer")
    reply = only_reply(w.type("make it softer"))
    assert reply.text == C.text("moment.already_softer")
    assert w.moment.draft_style == "softer"


def test_the_pressed_button_at_the_shorter_version_is_still_a_toast():
    w = at_the_draft("shorter")
    outcome = w.press("shorter")
    assert outcome.replies == () and outcome.toast is not None


@pytest.mark.parametrize(
    "typed",
    [
        "hey dev sorry for biting your head off, next time i'll keep it shorter and kinder 🙈",
        "I'll be softer with you, I promise",
        "shorter days make me grumpy, sorry",
        "make it shorter than last time",
    ],
)
def test_their_own_words_that_mention_shorter_or_softer_are_still_offered_as_theirs(typed: str):
    w = at_the_draft()
    draft = w.moment.draft
    reply = only_reply(w.type(typed))
    assert reply.text == C.text("moment.own_typed") and options(reply) == [
        "keeptyped",
        "draftagain",
    ]
    assert w.moment.draft == draft and w.moment.draft_style == "standard"


# ------------------------------------------------------------------ the path


@pytest.mark.parametrize(
    ("typed", "due"),
    [
        # Sunday 17:30 in Berlin: "sunday after lunch" is next Sunday at 14:00 there.
        ("sunday after lunch", datetime(2026, 3, 8, 13, 0, tzinfo=UTC)),
        ("i'll talk to him sunday after lunch", datetime(2026, 3, 8, 13, 0, tzinfo=UTC)),
        ("tomorrow evening", datetime(2026, 3, 2, 18, 0, tzinfo=UTC)),
        ("maybe talk to Sam tomorrow at 8pm", datetime(2026, 3, 2, 19, 0, tzinfo=UTC)),
        ("Sunday, after lunch, I think", datetime(2026, 3, 8, 13, 0, tzinfo=UTC)),
        # What they mean to do, around the time: the talk is then.
        (
            "i want to apologise to him tonight face to face",
            datetime(2026, 3, 1, 19, 0, tzinfo=UTC),
        ),
        ("i'm going to say sorry tomorrow evening", datetime(2026, 3, 2, 18, 0, tzinfo=UTC)),
        ("gonna apologize properly tomorrow at 8pm", datetime(2026, 3, 2, 19, 0, tzinfo=UTC)),
        ("I want to make up with her tonight", datetime(2026, 3, 1, 19, 0, tzinfo=UTC)),
    ],
)
def test_a_time_typed_at_the_path_plans_the_talk_then(typed: str, due: datetime):
    w = to_needs(Walk())
    outcome = w.type(typed)
    assert outcome.state is None
    moment = saved(outcome)
    assert (moment.path, moment.status, moment.plan_due_at) == (LATER, PLANNED, due)
    assert "plan to talk" in outcome.replies[0].text
    assert not any(r.edit for r in outcome.replies)  # typed: new messages


def test_a_time_typed_at_the_path_with_no_time_zone_asks_where_they_are_first():
    w = to_needs(Walk(ctx(zone=None)))
    reply = only_reply(w.type("sunday after lunch"))
    assert w.step == rf.WHEN_ZONE and w.moment.path == LATER and not reply.edit
    outcome = w.type("Berlin")
    assert outcome.state is None
    assert saved(outcome).plan_due_at == datetime(2026, 3, 8, 13, 0, tzinfo=UTC)


def test_a_time_too_far_ahead_typed_at_the_path_asks_for_a_sooner_one():
    w = to_needs(Walk())
    reply = only_reply(w.type("in 3 weeks"))
    assert w.step == rf.WHEN_AT and w.moment.path == LATER
    assert reply.text == C.text("moment.when_too_far", ahead="14 days")
    w.type("tomorrow evening")
    assert w.outcome.state is None and saved(w.outcome).status == PLANNED
    back = to_needs(Walk())
    back.type("in 3 weeks")
    back.state = back.state.back() or back.state  # /back from there: the path question
    assert back.step == rf.PATH


@pytest.mark.parametrize("typed", ["3", "he forgot it on sunday", "he never listens to me"])
def test_words_at_the_path_that_only_mention_a_time_plan_nothing(typed: str):
    w = to_needs(Walk())
    w.type(typed)
    assert w.step == rf.PATH and w.moment.path is None


@pytest.mark.parametrize(
    ("typed", "step", "path"),
    [
        ("maybe later", rf.WHEN, LATER),
        ("later i think", rf.WHEN, LATER),
        ("i guess say something", rf.DRAFT, "now"),
        ("honestly let it go", rf.LETGO, LET_GO),
    ],
)
def test_a_hedged_button_name_at_the_path_is_that_button(typed: str, step: str, path: str):
    w = to_needs(Walk())
    outcome = w.type(typed)
    assert (w.step, w.moment.path) == (step, path)
    assert outcome.replies and not any(r.edit for r in outcome.replies)


@pytest.mark.parametrize(
    "typed",
    [
        "honestly not sure i want to bring it up at all",
        "idk",
        "what would you do?",
        "I don't know",
        "dunno tbh",
        "what do you think I should do",
    ],
)
def test_not_knowing_at_the_path_gets_a_warm_word_and_the_choices_again(typed: str):
    w = to_needs(Walk())
    reply = only_reply(w.type(typed))
    assert w.step == rf.PATH and w.moment.path is None
    assert reply.text == C.text("moment.path_unsure")
    assert "Please" not in reply.text and "should" not in reply.text.lower()
    assert reply.buttons == rf.REPAIR.prompt(w.state, w.ctx).buttons


# ------------------------------------------------------------------ the let-go check


def at_let_go(direction: str = TO_ME) -> Walk:
    w = to_needs(Walk(), direction)
    w.press(LET_GO)
    assert w.step == rf.LETGO
    return w


@pytest.mark.parametrize(
    "typed", ["honestly probably yeah it would", "yeah probably", "tbh it would a bit"]
)
def test_a_hedged_yes_it_would_sting_is_not_yet_let_go(typed: str):
    w = at_let_go()
    reply = only_reply(w.type(typed))
    assert w.step == rf.PATH and w.moment.path is None
    assert reply.text == C.text("moment.let_go_not_yet") and not reply.edit


@pytest.mark.parametrize("typed", ["honestly no it wouldn't", "nah probably not tbh"])
def test_a_hedged_no_it_would_not_sting_is_let_go(typed: str):
    w = at_let_go()
    outcome = w.type(typed)
    assert outcome.state is None and saved(outcome).status == LET_GO


@pytest.mark.parametrize(("direction", "suffix"), [(TO_ME, ""), (BY_ME, "_by_me")])
@pytest.mark.parametrize("typed", ["idk", "not sure tbh", "hard to say"])
def test_not_knowing_at_the_let_go_check_is_asked_again_warmly(
    typed: str, direction: str, suffix: str
):
    w = at_let_go(direction)
    reply = only_reply(w.type(typed))
    assert w.step == rf.LETGO
    assert reply.text == C.text(f"moment.let_go_unsure{suffix}")
    assert "Please" not in reply.text
    assert reply.buttons == rf.REPAIR.prompt(w.state, w.ctx).buttons
