"""Builders shared by the tests of the weekly round's "is this your thanks?" card (RoundFlow's
TYPED step): Sam, linked to Maya, shown the card for THANKS. A plain helper module, not a test
file."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.content import catalogue
from bot.domain import couples
from bot.domain.flow import Context, FlowState, Outcome, Partner, Person

NOW = datetime(2026, 3, 8, 20, tzinfo=UTC)
THANKS = "You booking the restaurant for my birthday"


def ctx(now: datetime = NOW) -> Context:
    return Context(Person(7, "Sam"), now, catalogue("en"), partner=Partner(8, "Maya", True, -5))


def card(now: datetime = NOW) -> FlowState:
    """The card for THANKS, as offered at `now`."""
    state = couples.ROUND.offer(ctx(now), THANKS, "r", 1, "m1").state
    assert state is not None and state.step == couples.TYPED
    return state


def everything(outcome: Outcome) -> str:
    """All the words an outcome shows or keeps: its replies, what they offer to copy, and the
    state's data."""
    texts = [f"{r.text} {r.copyable or ''}" for r in outcome.replies]
    if outcome.state is not None:
        texts.append(str(outcome.state.data))
    return " ".join(texts)
