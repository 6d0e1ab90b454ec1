"""Forwarded messages are someone else's words: never kept as the person's story or answer.
At a question the question is asked again, its state unchanged; outside a flow they are asked
for their own words; a burst of forwards (a piece of an argument) is answered once."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.sandbox.core import BotAction
from bot.storage.models import ConversationState, MomentRow
from tests.harness import Harness
from tests.inprocess.flows import TO_THE_PATH

ANA = 931


def sent(actions: list[BotAction]) -> list[str]:
    return [a.text or "" for a in actions if a.method == "sendMessage"]


async def forward(h: Harness, text: str) -> list[BotAction]:
    return await h.feed(h.sandbox.send_text(ANA, text, forwarded_from="Ben"))


async def test_forwarded_at_a_question_is_not_the_answer(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:5])  # at "what would a camera have seen?"
    async with h.db.unit_of_work() as session:
        before = await session.scalar(select(ConversationState))
        assert before is not None
        version, data = before.version, before.data
    said = "\n".join(sent(await forward(h, "whatever. i was busy")))
    assert "forwarded" in said and "If a camera had been there" in said  # the question again
    for line in ("you always do this", "fine", "forget it", "ok"):  # the rest of the burst
        assert sent(await forward(h, line)) == []
    async with h.db.unit_of_work() as session:
        after = await session.scalar(select(ConversationState))
        assert after is not None and (after.version, after.data) == (version, data)
    answer = await h.text(ANA, "He looked at his phone while I talked.")
    assert any("How much is it" in t for t in sent(answer))


async def test_forwarded_outside_a_flow_asks_for_their_own_words(h: Harness):
    await h.onboard(ANA, "Ana")
    (said,) = sent(await forward(h, "you never listen to me"))
    assert "forwarded" in said and "look at this moment together" not in said
    async with h.db.unit_of_work() as session:
        assert await session.scalar(select(ConversationState)) is None  # no offer held
        assert await session.scalar(select(MomentRow)) is None
    h.clock.advance(timedelta(minutes=5))  # a forward later on is answered again
    assert sent(await forward(h, "and another thing"))
