""" "brb", "hang on, my mum is calling" typed at a question of a moment: not the answer. The
place is kept and the question asked again; a longer message that starts the same way is the
answer it looks like."""

from __future__ import annotations

import pytest

from bot.content import catalogue
from bot.domain import repair_flow as rf
from bot.domain.moments import TO_ME
from bot.domain.small_talk import steps_away
from tests.domain.test_repair_flow import Walk

C = catalogue("en")

AWAY = [
    "brb",
    "hang on",
    "Hang on a sec 🙏",
    "sorry hang on my mum is calling",
    "sorry, one sec, kid crying",
    "ok gimme a minute",
    "hold on",
    "be right back",
]
ANSWERS = [
    "hang on, he never even looked up from his phone while I talked",
    "he said hang on and kept scrolling",
    "ok back. she was scrolling instagram while i told her about my job",
    "wait",  # one word, may be anything
]


@pytest.mark.parametrize("typed", AWAY)
def test_away_for_a_moment(typed: str):
    assert steps_away(typed, C)


@pytest.mark.parametrize("typed", ANSWERS)
def test_an_answer_that_starts_the_same_way_is_an_answer(typed: str):
    assert not steps_away(typed, C)


def at_the_camera() -> Walk:
    w = Walk()
    w.press(TO_ME)
    w.press("partner")
    w.type("Sam")
    w.press("p.phone")
    assert w.step == rf.CAM
    return w


def test_at_the_camera_question_an_aside_keeps_the_place():
    w = at_the_camera()
    before = w.state
    (reply,) = w.type("sorry hang on my mum is calling").replies
    assert w.state == before and w.moment.observation is None
    assert reply.text.startswith(C.text("moment.small_talk_again.away"))
    assert reply.text.endswith(rf.REPAIR.prompt(before, w.ctx).text)  # the question again
    w.type("ok back. he was scrolling instagram while i told him about my interview")
    assert w.step == rf.INT
    assert (w.moment.observation or "").startswith("ok back. he was scrolling instagram")


@pytest.mark.parametrize("step_to", [rf.WHO_STEP, rf.FEEL, rf.PATH])
def test_an_aside_keeps_the_place_at_other_questions(step_to: str):
    w = Walk()
    w.press(TO_ME)
    if step_to != rf.WHO_STEP:
        w.press("partner")
        w.type("Sam")
        w.press("p.phone")
        w.press("skip")
        w.press("3")
    if step_to == rf.PATH:
        w.press("t.lonely")
        w.press("done")
        w.press("t.attention")
        w.press("done")
    assert w.step == step_to
    before = w.state
    question = rf.REPAIR.prompt(before, w.ctx)
    (reply,) = w.type("brb").replies
    assert w.state == before
    assert reply.text.startswith(C.text("moment.small_talk_again.away"))
    # The question again, with its buttons to tap when they are back.
    assert reply.text.endswith(question.text) and reply.buttons == question.buttons


@pytest.mark.parametrize("step_to", [rf.FEEL, rf.WORDS, rf.REFRAME, rf.NEED])
def test_a_bare_number_at_the_feelings_or_needs_is_not_kept_as_words(step_to: str):
    """Also in the feelings' other views: "1", meant for a button, is no feeling."""
    w = Walk()
    w.press(TO_ME)
    w.press("partner")
    w.type("Sam")
    w.press("p.phone")
    w.press("skip")
    w.press("3")
    if step_to == rf.NEED:
        w.press("t.lonely")
        w.press("done")
    if step_to in (rf.WORDS, rf.REFRAME):
        w.press("words")
    if step_to == rf.REFRAME:
        w.press("w.unappreciated")
    assert w.step == step_to
    before = w.state
    question = rf.REPAIR.prompt(before, w.ctx)
    (reply,) = w.type("3").replies
    assert w.state == before
    assert w.moment.feelings_text is None and w.moment.needs_text is None
    assert reply.text.startswith(C.text("moment.small_talk_again.number"))
    assert reply.buttons == question.buttons


@pytest.mark.parametrize("step_to", [rf.CAM, rf.DESC])
def test_a_bare_number_is_not_what_happened_nor_what_a_camera_saw(step_to: str):
    w = Walk()
    w.press(TO_ME)
    w.press("partner")
    w.type("Sam")
    w.press("else" if step_to == rf.DESC else "p.phone")
    assert w.step == step_to
    before = w.state
    question = rf.REPAIR.prompt(before, w.ctx)
    (reply,) = w.type("2").replies
    assert w.state == before
    assert reply.text.startswith(C.text("moment.small_talk_again.number_words"))
    assert reply.text.endswith(question.text) and reply.buttons == question.buttons
