"""A reviewer's walk through couple cards answered at the wrong time or by typing: [Write mine]
on a weekly round that has closed; a typed reply to a repair bid card in the group, and words
typed after /repair; a short typed answer, or a question, at a partner invite."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.content import catalogue
from bot.sandbox.core import BotAction
from bot.storage.models import Appreciation, MomentRow, PartnerLink
from tests.harness import Harness
from tests.inprocess.test_couples import (
    ANA,
    BEN,
    CY,
    a_round_ana_answered,
    everything_in,
    paired_group,
    said,
    shown,
)

C = catalogue("en")
BENS_LINE = "The soup when I was ill"


async def thanks_of(h: Harness, user_id: int) -> list[Appreciation]:
    async with h.db.unit_of_work() as session:
        rows = await session.scalars(select(Appreciation).where(Appreciation.author_id == user_id))
        return list(rows)


# ------------------------------------------------------------------ 1. a closed weekly round


async def test_write_mine_on_a_closed_round_says_so_and_takes_no_line(h: Harness):
    """Ana answered on Sunday; the round closed Tuesday 19:00 (Berlin). Ben taps [Write mine]
    on his Sunday card at 21:30: told it has closed (nothing goes to the group), the card's
    button goes, and no line is asked for."""
    group, sent = await a_round_ana_answered(h)
    card = h.last_card(BEN)
    h.clock.now = sent + timedelta(hours=50, minutes=30)  # Tuesday 21:30 in Berlin
    actions = await h.press(BEN, "Write mine", message_id=card.message_id)
    closed = C.text("thanks.round_closed_tap", partner="Ana")
    assert h.toasts(actions) == [closed]
    assert said(actions, BEN) == [closed]  # the card itself says so
    assert not shown(h, BEN, card.message_id).get("reply_markup")  # its button is gone
    assert C.text("thanks.round_go", partner="Ana") not in everything_in(h, BEN)
    # What he types next is not taken as the round's answer, nor promised to the group.
    told = " ".join(said(await h.text(BEN, BENS_LINE), BEN))
    assert "this week's round" not in told
    assert await thanks_of(h, BEN) == []
    assert BENS_LINE not in everything_in(h, group)


async def test_write_mine_on_an_open_round_still_asks_for_the_line(h: Harness):
    _, sent = await a_round_ana_answered(h)
    h.clock.now = sent + timedelta(hours=47)  # Tuesday 18:00 in Berlin: still open
    actions = await h.press(BEN, "Write mine")
    assert said(actions, BEN) == [C.text("thanks.round_go", partner="Ana")]


async def test_a_line_begun_before_the_close_and_confirmed_after_stays_private(h: Harness):
    """[Write mine] tapped while open, the line confirmed once it has closed: kept just for
    him, and Ana, who answered in time, still hears the round closed without both."""
    group, sent = await a_round_ana_answered(h)
    h.clock.now = sent + timedelta(hours=47, minutes=59)
    await h.press(BEN, "Write mine")
    await h.text(BEN, BENS_LINE)
    h.clock.now = sent + timedelta(hours=48, minutes=1)  # closed; no closing word yet
    late = await h.press(BEN, "Yes, that's my thanks")
    assert said(late, BEN) == [C.text("thanks.round_late")]
    assert said(late, group) == []
    assert C.text("thanks.round_closed") in said(await h.tick(), ANA)


# ------------------------------------------------------------------ 3. repair bids, typed


async def a_bid_to_ana(h: Harness) -> tuple[int, int]:
    group = await paired_group(h)
    await h.text(BEN, "/repair", chat_id=group)
    card = h.last_card(group).message_id
    assert card is not None
    return group, card


async def reply(h: Harness, user_id: int, text: str, group: int, to: int) -> list[BotAction]:
    return await h.feed(h.sandbox.send_text(user_id, text, chat_id=group, reply_to=to))


async def test_a_typed_reply_to_an_open_bid_by_its_addressee_says_to_tap(h: Harness):
    group, card = await a_bid_to_ana(h)
    tap = C.text("bid.reply_tap", partner="Ben")
    assert said(await reply(h, ANA, "yeah ok let's talk", group, card), group) == [tap]
    # Nothing was answered: the card still takes her tap, and Ben hears it then.
    actions = await h.press(ANA, "I'm open now", chat_id=group, message_id=card)
    assert C.text("bid.told_open_now", name="Ana") in said(actions, BEN)


async def test_other_replies_to_a_bid_card_stay_unanswered(h: Harness):
    group, card = await a_bid_to_ana(h)
    assert await reply(h, BEN, "please answer", group, card) == []  # the asker himself
    await h.press(ANA, "I'm open now", chat_id=group, message_id=card)
    assert await reply(h, ANA, "ok talk now", group, card) == []  # answered: not open
    # An edit of a reply is not answered again.
    await h.text(BEN, "/repair", chat_id=group)
    again = h.last_card(group).message_id
    assert again is not None and again != card
    update = h.sandbox.send_text(ANA, "ok", chat_id=group, reply_to=again)
    assert len(said(await h.feed(update), group)) == 1
    edited = h.sandbox.edit_text(ANA, update["message"]["message_id"], "ok!", chat_id=group)
    assert await h.feed(edited) == []


async def test_a_reply_to_a_stale_bid_stays_unanswered(h: Harness):
    group, card = await a_bid_to_ana(h)
    h.clock.advance(timedelta(hours=13))
    assert await reply(h, ANA, "sorry, just saw this", group, card) == []


async def test_a_reply_to_a_bid_that_trips_the_screen_gets_the_screens_answer_only(h: Harness):
    group, card = await a_bid_to_ana(h)
    actions = await reply(h, ANA, "he hit me yesterday", group, card)
    assert C.text("bid.reply_tap", partner="Ben") not in said(actions, group)
    assert any("emergency number" in (a.text or "") for a in actions if a.chat_id == ANA)


async def test_words_after_repair_are_not_posted_and_he_is_told_privately_once(h: Harness):
    group = await paired_group(h)
    words = "ok I know I messed up at dinner"
    actions = await h.text(BEN, f"/repair {words}", chat_id=group)
    (card,) = said(actions, group)
    assert card == C.text("bid.group", name="Ben") and "dinner" not in card
    private = said(actions, BEN)
    assert private == [C.text("bid.asked_words", partner="Ana")]
    assert "dinner" not in everything_in(h, group) and "dinner" not in everything_in(h, ANA)
    # Asked again while it is open: nothing posted, and he is told his words stay his, once.
    actions = await h.text(BEN, f"/repair {words}", chat_id=group)
    assert said(actions, group) == [C.text("bid.still_open", partner="Ana")]
    assert said(actions, BEN) == [C.text("bid.words_kept")]


async def test_a_plain_repair_says_nothing_of_words(h: Harness):
    group = await paired_group(h)
    actions = await h.text(BEN, "/repair", chat_id=group)
    assert said(actions, BEN) == [C.text("bid.asked", partner="Ana")]


async def test_words_after_repair_still_go_through_the_screen_first(h: Harness):
    group = await paired_group(h)
    actions = await h.text(BEN, "/repair she hit me at dinner", chat_id=group)
    assert C.text("bid.group", name="Ben") not in said(actions, group)
    assert C.text("bid.asked_words", partner="Ana") not in said(actions, BEN)
    assert any("emergency number" in (a.text or "") for a in actions if a.chat_id == BEN)


# ------------------------------------------------------------------ 2. an invite, typed


async def opened_invite(h: Harness) -> None:
    await h.onboard(ANA, "Ana")
    await h.onboard(BEN, "Ben")
    (invite,) = said(await h.text(ANA, "/invite"), ANA)
    token = re.search(r"\?start=(l_[\w-]+)", invite)
    assert token is not None
    await h.text(BEN, f"/start {token.group(1)}")


async def link_status(h: Harness) -> str:
    async with h.db.unit_of_work() as session:
        (row,) = list(await session.scalars(select(PartnerLink)))
        return row.status


async def moments_of(h: Harness, user_id: int) -> list[MomentRow]:
    async with h.db.unit_of_work() as session:
        return list(await session.scalars(select(MomentRow).where(MomentRow.user_id == user_id)))


@pytest.mark.parametrize("words", ["ok sure", "sure", "yeah ok", "sure, link us", "Yes!"])
async def test_a_short_yes_typed_at_an_invite_links(h: Harness, words: str):
    await opened_invite(h)
    actions = await h.text(BEN, words)
    assert C.text("link.linked", name="Ana") in said(actions, BEN)
    assert C.text("link.linked", name="Ben") in said(actions, ANA)
    assert await link_status(h) == "active"


@pytest.mark.parametrize(
    "words", ["wait who is this from", "who is this from?", "what is this", "who sent this?"]
)
async def test_a_question_at_an_invite_shows_it_again_saying_who_it_is_from(h: Harness, words: str):
    await opened_invite(h)
    actions = await h.text(BEN, words)
    (again,) = said(actions, BEN)
    assert again == C.text("link.offer_again", name="Ana")
    labels = [b["text"] for a in actions for b in a.buttons()]
    assert labels == [C.text("link.accept", name="Ana"), C.text("link.decline")]
    assert "look at this moment" not in again
    assert await link_status(h) == "pending" and await moments_of(h, BEN) == []
    # The card shown again still links them.
    actions = await h.press(BEN, C.text("link.accept", name="Ana"))
    assert await link_status(h) == "active"


async def test_a_no_typed_at_an_invite_still_declines_and_other_words_are_read_as_usual(
    h: Harness,
):
    await opened_invite(h)
    told = said(await h.text(BEN, "my sister keeps cancelling on me"), BEN)
    assert C.text("link.offer_again", name="Ana") not in told
    assert await link_status(h) == "pending"
    await h.text(BEN, "/cancel")
    actions = await h.text(BEN, "no thanks")
    assert C.text("link.declined") in said(actions, BEN)
    assert await link_status(h) == "declined"


async def test_ok_without_an_invite_links_nobody(h: Harness):
    await h.onboard(CY, "Cy")
    actions = await h.text(CY, "ok sure")
    assert not any("linked" in t for t in said(actions, CY))


async def test_a_bare_ok_at_an_invite_does_not_link(h: Harness):
    await opened_invite(h)
    await h.text(BEN, "ok")
    assert await link_status(h) != "active"
