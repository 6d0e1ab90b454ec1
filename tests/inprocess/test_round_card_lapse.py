"""The code review's walkthrough of the round's "is this your thanks?" card: days later, words
are read as any text (never "tap one of the buttons" with the old card, never its yes, never
joined to the card's words); right away, a stop cancels it and "wait, let me rephrase" asks
for the line again."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.content import catalogue
from bot.storage.models import Appreciation, MomentRow
from tests.harness import Harness
from tests.inprocess.test_couples import BEN, a_round_ana_answered, everything_in, said

THANKS = "You booking the restaurant for my birthday"
HURT = "My boss humiliated me in front of everyone today"
C = catalogue("en")
OPENERS = C.raw("moment.offer_openers") + C.raw("moment.offer_openers_heavy")


async def bens_thanks(h: Harness) -> list[str]:
    async with h.db.unit_of_work() as session:
        rows = await session.scalars(select(Appreciation).where(Appreciation.author_id == BEN))
        return [r.text for r in rows]


async def bens_moments(h: Harness) -> list[str | None]:
    async with h.db.unit_of_work() as session:
        rows = await session.scalars(select(MomentRow).where(MomentRow.user_id == BEN))
        return [r.description for r in rows]


async def test_four_days_on_the_card_takes_no_typed_answer(h: Harness):
    group, _ = await a_round_ana_answered(h)
    await h.text(BEN, THANKS)  # straight in: the card
    h.clock.advance(timedelta(days=4))
    hi = " ".join(said(await h.text(BEN, "hi"), BEN))
    assert "Please tap one of the buttons" not in hi and THANKS not in hi
    await h.text(BEN, "ok")
    assert await bens_thanks(h) == []  # not its yes
    told = said(await h.text(BEN, HURT), BEN)
    assert "Want to look at this moment together?" in told[-1]
    await h.press(BEN, "Yes, let's look")
    assert await bens_moments(h) == [HURT]  # only the new words
    assert THANKS not in everything_in(h, group)


@pytest.mark.parametrize("stop", ["never mind", "stop", "cancel", "/cancel"])
async def test_a_stop_at_the_card_posts_nothing_and_says_how_to_answer_later(h: Harness, stop: str):
    group, _ = await a_round_ana_answered(h)
    await h.text(BEN, THANKS)
    told = " ".join(said(await h.text(BEN, stop), BEN))
    assert told.startswith("Not posted.") and "Write mine" in told
    assert "look at this moment" not in told
    assert not any(opener in told for opener in OPENERS)
    assert await bens_moments(h) == [] and await bens_thanks(h) == []
    assert THANKS not in everything_in(h, group)


async def test_wait_let_me_rephrase_asks_for_the_line_again(h: Harness):
    group, _ = await a_round_ana_answered(h)
    await h.text(BEN, THANKS)
    told = said(await h.text(BEN, "wait, let me rephrase"), BEN)
    assert told[-1].startswith("Okay, write it again")
    await h.text(BEN, "The way you called my mum when I was ill")
    (posted,) = said(await h.press(BEN, "Yes, that's my thanks"), group)
    assert "Ben: The way you called my mum when I was ill" in posted and THANKS not in posted
