"""Words in a group that reach Mend (a reply to one of its messages, a mention, a photo's
caption, an edit; everything, outside privacy mode) go through the safety screen: danger and a
worry are answered as words after a command in a group are; anything else is left to the people
there, unanswered, and nobody is recorded for it."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.content import catalogue
from bot.sandbox.core import BotAction
from bot.storage.models import ConversationState, User
from tests.harness import Harness
from tests.inprocess import test_couples as couple
from tests.inprocess.test_couples import paired_group, said

ANA, BEN, CARO = couple.ANA, couple.BEN, 903
PRIVATE_LINE = "Ana, I've replied to you in our private chat."


async def a_bid_card(h: Harness, group: int) -> int:
    await h.text(ANA, "/repair", chat_id=group)
    return h.last_card(group).message_id or 0


async def reply(h: Harness, user_id: int, text: str, group: int, to: int) -> list[BotAction]:
    return await h.feed(h.sandbox.send_text(user_id, text, chat_id=group, reply_to=to))


async def flow_rows(h: Harness) -> int:
    async with h.db.unit_of_work() as session:
        return int(await session.scalar(select(func.count()).select_from(ConversationState)) or 0)


async def test_danger_replied_to_mend_in_a_group_gets_help_privately(h: Harness):
    """Privacy mode, as groups run: a reply to the bid card still reaches Mend."""
    group = await paired_group(h)
    bid = await a_bid_card(h, group)
    actions = await reply(h, ANA, "he hit me yesterday", group, bid)
    assert any("emergency number" in (a.text or "") for a in actions if a.chat_id == ANA)
    assert said(actions, group) == [PRIVATE_LINE]
    assert not any("hit me" in (a.text or "") for a in actions)
    assert await flow_rows(h) == 0  # no check, no flow, no onboarding


async def test_anger_replied_to_mend_in_a_group_is_neither_acted_on_nor_echoed(h: Harness):
    group = await paired_group(h)
    bid = await a_bid_card(h, group)
    actions = await reply(h, ANA, "I could kill him", group, bid)
    in_group = said(actions, group)
    assert len(in_group) == 1 and "private chat" in in_group[0] and "kill" not in in_group[0]
    assert not any(a.chat_id == ANA for a in actions)
    assert await flow_rows(h) == 0


async def test_ordinary_replies_to_mend_in_a_group_stay_unanswered(h: Harness):
    group = await paired_group(h)
    bid = await a_bid_card(h, group)
    # Neither screened nor read for a moment: only, to the one the bid is for, where to tap.
    tap = [catalogue("en").text("bid.reply_tap", partner="Ana")]
    cold = await reply(h, BEN, "honestly you were cold to me all weekend", group, bid)
    assert [a.text for a in cold] == tap and said(cold, group) == tap  # one line, there
    assert said(await reply(h, BEN, "hi", group, bid), group) == tap
    assert await reply(h, ANA, "hi", group, bid) == []  # the one who asked: nothing


async def test_a_caption_in_a_group_is_screened(h: Harness):
    group = await paired_group(h)
    actions = await h.media(ANA, "photo", chat_id=group, caption="he hit me again last night")
    assert any("emergency number" in (a.text or "") for a in actions if a.chat_id == ANA)
    assert said(actions, group) == [PRIVATE_LINE]
    assert await h.media(BEN, "photo", chat_id=group, caption="she never listens to me") == []
    assert await h.media(BEN, "sticker", chat_id=group) == []


async def test_an_edit_in_a_group_is_screened(h: Harness):
    group = await paired_group(h)
    bid = await a_bid_card(h, group)
    update = h.sandbox.send_text(ANA, "fine", chat_id=group, reply_to=bid)
    assert await h.feed(update) == []
    edited = h.sandbox.edit_text(ANA, update["message"]["message_id"], "he hit me", chat_id=group)
    actions = await h.feed(edited)
    assert any("emergency number" in (a.text or "") for a in actions if a.chat_id == ANA)
    assert said(actions, group) == [PRIVATE_LINE]
    edited = h.sandbox.edit_text(ANA, update["message"]["message_id"], "ok then", chat_id=group)
    assert await h.feed(edited) == []  # an ordinary edit: nothing said


async def test_group_chatter_outside_privacy_mode_records_nobody(harness: Harness):
    """A bot that sees every group message answers none of the ordinary ones and keeps no row
    for someone who never wrote to it; danger from them is still answered, in the group."""
    h = harness
    group = await paired_group(h)
    h.person(CARO, "Caro")
    h.sandbox.join_group(group, CARO)  # the service message itself is not what is tested
    for words in ("we should get pizza", "killing it at work today", "my phone died"):
        assert await h.text(CARO, words, chat_id=group) == []
    async with h.db.unit_of_work() as session:
        assert await session.get(User, CARO) is None
    # A worry among people talking to each other is not taken up before everyone.
    assert await h.text(CARO, "I could kill him for being late again", chat_id=group) == []
    actions = await h.text(CARO, "I want to kill myself", chat_id=group)
    assert any("emergency number" in (a.text or "") for a in actions if a.chat_id == group)


async def test_a_thanks_that_doubts_being_alive_is_never_posted(h: Harness):
    group = await paired_group(h)
    actions = await h.text(ANA, "/thanks I'm not sure I want to be alive", chat_id=group)
    assert said(actions, group) == [PRIVATE_LINE]
    assert any("emergency number" in (a.text or "") for a in actions if a.chat_id == ANA)


async def test_help_that_could_not_go_privately_is_not_said_to_have_gone(h: Harness):
    """Ana blocked Mend privately, and the news has not reached it: the help is refused there
    and comes in the group, where she asked, with no line claiming a private reply."""
    group = await paired_group(h)
    h.sandbox.blocked_by.add(ANA)
    actions = await h.text(ANA, "/sos", chat_id=group)
    in_group = said(actions, group)
    assert any("emergency number" in text for text in in_group)
    assert PRIVATE_LINE not in in_group
