"""A follow-up's answer for a moment open in a flow (picked up again, being worked on) is no
answer: the card has expired (None), and nothing of the moment changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.content import catalogue
from bot.domain import prompts
from bot.domain.moments import Moment

C = catalogue("en")
AT = datetime(2026, 3, 1, 19, 30, tzinfo=UTC)


@pytest.mark.parametrize("choice", ["went_well", "hard", "let_go"])
def test_a_follow_up_for_a_moment_open_in_a_flow_has_expired(choice: str):
    moment = Moment(id="m1", created_at=AT, direction="to_me", status="open")
    assert prompts.answer_follow_up(moment, choice, AT + timedelta(days=1), C) is None
    planned = moment.update(status="planned")
    assert prompts.answer_follow_up(planned, choice, AT + timedelta(days=1), C) is not None
