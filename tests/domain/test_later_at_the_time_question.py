""" "later" typed where a time is asked is when, not goodbye: no time in mind, so as the "In a
few hours" choice. Elsewhere in a moment, "later" stays a goodbye (the question again)."""

from __future__ import annotations

import pytest

from bot.content import catalogue
from bot.domain import repair_flow as rf
from bot.domain.moments import PLANNED
from tests.domain.test_repair_flow import NOW, Walk, saved, to_needs

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
def test_later_typed_at_the_time_question_plans_in_a_few_hours(typed_step: bool, typed: str):
    w = at_the_time_question(typed_step)
    hours = Walk().ctx.prefs.follow_up_hours
    outcome = w.type(typed)
    moment = saved(outcome)
    assert moment.status == PLANNED
    assert moment.plan_due_at is not None
    assert round((moment.plan_due_at - NOW).total_seconds() / 3600) == hours
    assert not any(C.text("moment.small_talk_again.goodbye") in r.text for r in outcome.replies)


def test_later_at_another_question_is_still_a_goodbye():
    w = Walk()
    w.press("to_me")
    outcome = w.type("later")
    assert w.step == rf.WHO_STEP
    assert outcome.replies[0].text.startswith(C.text("moment.small_talk_again.goodbye"))
