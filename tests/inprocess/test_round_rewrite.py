"""The walkthrough: Sam types his thanks without [Write mine], then changes his mind. The
thanks never becomes a moment; he can rewrite it, and is told how to answer the round later."""

from __future__ import annotations

from sqlalchemy import select

from bot.content import catalogue
from bot.sandbox.core import BotAction
from bot.storage.models import MomentRow
from tests.harness import Harness
from tests.inprocess.test_couples import BEN, a_round_ana_answered, everything_in, said

THANKS = "You booking the restaurant for my birthday"
NEW = "The way you called my mum when I was ill"
C = catalogue("en")
OPENERS = C.raw("moment.offer_openers") + C.raw("moment.offer_openers_heavy")


def cards(actions: list[BotAction], chat_id: int) -> list[BotAction]:
    return [a for a in actions if a.chat_id == chat_id and a.buttons()]


async def descriptions(h: Harness) -> list[str | None]:
    async with h.db.unit_of_work() as session:
        rows = await session.scalars(select(MomentRow).where(MomentRow.user_id == BEN))
        return [r.description for r in rows]


async def test_a_thanks_can_be_rewritten_from_its_card(h: Harness):
    group, _ = await a_round_ana_answered(h)
    (card,) = cards(await h.text(BEN, THANKS), BEN)
    assert "No, let me rewrite it" in [b["text"] for b in card.buttons()]
    await h.press(BEN, "No, let me rewrite it")
    (again,) = cards(await h.text(BEN, NEW), BEN)
    assert "Is this your thanks to Ana" in (again.text or "") and NEW in (again.text or "")
    (posted,) = said(await h.press(BEN, "Yes, that's my thanks"), group)
    assert f"Ben: {NEW}" in posted and THANKS not in posted


async def test_actually_no_never_turns_the_thanks_into_a_moment(h: Harness):
    group, _ = await a_round_ana_answered(h)
    ask = h.last_card(BEN)  # the round's ask, with [Write mine]
    await h.text(BEN, THANKS)
    actions = await h.text(BEN, "actually no, something else")
    words = " ".join(said(actions, BEN))
    assert "Write mine" in words
    assert not any(opener in words for opener in OPENERS)  # no offer to look at it
    told = await h.text(BEN, "She forgot to call me back")
    assert "Want to look at this moment together?" in said(told, BEN)[-1]
    await h.press(BEN, "Yes, let's look")
    assert await descriptions(h) == ["She forgot to call me back"]
    assert THANKS not in everything_in(h, group)
    # The round still takes his thanks, as he was told.
    await h.press(BEN, "Write mine", message_id=ask.message_id)
    await h.text(BEN, NEW)
    (posted,) = said(await h.press(BEN, "Yes, that's my thanks"), group)
    assert f"Ben: {NEW}" in posted


async def test_the_no_button_asks_what_happened_and_says_how_to_answer_later(h: Harness):
    await a_round_ana_answered(h)
    await h.text(BEN, THANKS)
    actions = await h.press(BEN, "No, something else happened")
    words = " ".join(a.text or "" for a in actions if a.chat_id == BEN)
    assert "Write mine" in words and "Want to look at this moment together?" in words
    assert THANKS not in words
    await h.press(BEN, "Yes, let's look")
    assert await descriptions(h) == [None]  # the moment started holds none of his thanks
