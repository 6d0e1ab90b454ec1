"""A time typed at "When would be a better time?" that is no time to ask at ("sometime this
week", "after she gets back from her trip") is answered kindly, with the question's buttons
again, never a dead end; whatever is tapped or typed then plans it as usual."""

from __future__ import annotations

import pytest

from bot.content import catalogue
from bot.domain import repair_flow as rf
from bot.domain.moments import PLANNED
from tests.domain.test_repair_flow import Walk, options, saved, to_needs

C = catalogue("en")
UNKNOWN = C.text("moment.when_unknown", ahead="14 days")


def at_when(typed_button: bool) -> Walk:
    w = to_needs(Walk())
    w.press("later")
    assert w.step == rf.WHEN
    if typed_button:
        w.press("type")
        assert w.step == rf.WHEN_AT
    return w


@pytest.mark.parametrize("typed_button", [False, True])
@pytest.mark.parametrize("vague", ["sometime this week", "after she gets back from her trip"])
def test_a_vague_time_gets_the_choices_again(typed_button: bool, vague: str):
    w = at_when(typed_button)
    (reply,) = w.type(vague).replies
    assert reply.text == UNKNOWN
    assert w.step == rf.WHEN  # the question with buttons, whichever way it was reached
    assert {"tomorrow", "type"} <= set(options(reply))
    w.press("tomorrow")
    assert w.outcome.state is None and saved(w.outcome).status == PLANNED


def test_after_a_vague_time_a_typed_one_still_plans_it():
    w = at_when(True)
    w.type("sometime this week")
    w.type("saturday 10:00")
    assert w.outcome.state is None and saved(w.outcome).status == PLANNED
