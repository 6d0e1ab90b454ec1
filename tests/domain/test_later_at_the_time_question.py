""" "later" typed where a time is asked is not a goodbye: no time in mind yet, so the question
again, gently (never a guessed time: a few hours from 21:00 would plan a talk at midnight).
Elsewhere in a moment, "later" stays a goodbye."""

from __future__ import annotations

import pytest

from bot.content import catalogue
from bot.domain import repair_flow as rf
from tests.domain.test_repair_flow import Walk, options, to_needs

C = catalogue("en")


def at_the_time_question(typed_step: bool) -> Walk:
    w = to_needs(Walk())
    w.press("done")
    w.press("later")
    if typed_step:
        w.press("type")
        assert w.step == rf.WHEN_AT
    else:
        assert w.step == rf.WHEN
    return w


@pytest.mark.parametrize("typed_step", [True, False])
@pytest.mark.parametrize("typed", ["later", "Later on", "in a bit", "idk when"])
def test_later_typed_at_the_time_question_asks_when_again(typed_step: bool, typed: str):
    w = at_the_time_question(typed_step)
    before = w.state
    question = rf.REPAIR.prompt(before, w.ctx)
    (reply,) = w.type(typed).replies
    assert w.state == before and w.moment.plan_due_at is None  # nothing planned, no guess
    assert reply.text.startswith(C.text("moment.when_later_asked"))
    assert reply.text.endswith(question.text)
    assert options(reply) == options(question)  # the buttons, where the question has them
    assert C.text("moment.small_talk_again.goodbye") not in reply.text


def test_later_at_another_question_is_still_a_goodbye():
    w = Walk()
    w.press("to_me")
    outcome = w.type("later")
    assert w.step == rf.WHO_STEP
    assert outcome.replies[0].text.startswith(C.text("moment.small_talk_again.goodbye"))
