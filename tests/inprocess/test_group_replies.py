"""Telegram delivers a reply to one of Mend's messages in a group even in privacy mode. A
partner's reply to an open check-in card is answered once, in the group, with how the card is
answered; the typed number is never recorded (answers are blind, and by tap). Any other reply
stays unanswered, and the safety screen's answer comes first."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.sandbox.core import BotAction
from bot.storage.models import Checkin, User
from tests.harness import Harness
from tests.inprocess.test_couples import ANA, BEN, CY, check_in_on, paired_group, said

TAP = "Tap a number on the card: your answer stays hidden until you've both answered."
PRIVATE_LINE = "Ana, I've replied to you in our private chat."


async def a_check_in_card(h: Harness) -> tuple[int, int]:
    group = await paired_group(h)
    await check_in_on(h, group)
    h.clock.advance(timedelta(minutes=30))  # 21:00 in Berlin
    await h.tick()
    card = h.last_card(group).message_id
    assert card is not None
    return group, card


async def reply(h: Harness, user_id: int, text: str, group: int, to: int) -> list[BotAction]:
    return await h.feed(h.sandbox.send_text(user_id, text, chat_id=group, reply_to=to))


async def answers(h: Harness) -> dict[str, int]:
    async with h.db.unit_of_work() as session:
        (checkin,) = list(await session.scalars(select(Checkin)))
        return dict(checkin.answers)


async def test_a_partners_reply_to_the_check_in_card_says_how_to_answer(h: Harness):
    group, card = await a_check_in_card(h)
    assert said(await reply(h, ANA, "4 i guess", group, card), group) == [TAP]
    assert await answers(h) == {}  # typed, so seen by all: never taken as her answer
    assert said(await reply(h, BEN, "how do i answer this??", group, card), group) == [TAP]
    # The card still takes her tap.
    await h.press(ANA, "4", chat_id=group, message_id=card)
    assert await answers(h) == {str(ANA): 4}


async def test_a_reply_that_trips_the_safety_screen_gets_the_screens_answer_only(h: Harness):
    group, card = await a_check_in_card(h)
    actions = await reply(h, ANA, "1. he hit me yesterday", group, card)
    assert said(actions, group) == [PRIVATE_LINE]
    assert any("emergency number" in (a.text or "") for a in actions if a.chat_id == ANA)
    assert await answers(h) == {}


async def test_other_replies_in_the_group_stay_unanswered(h: Harness):
    group, card = await a_check_in_card(h)
    # A reply to another of Mend's messages: the bid card, by the one who asked (its
    # addressee is told to tap: tests/inprocess/test_couple_cards_typed.py).
    await h.text(ANA, "/repair", chat_id=group)
    bid = h.last_card(group).message_id
    assert bid is not None and bid != card
    assert await reply(h, ANA, "ok, later", group, bid) == []
    # Someone else in the group replying to the card: nothing said, nobody recorded.
    h.person(CY, "Cy")
    h.sandbox.chats[group].members.add(CY)
    assert await reply(h, CY, "3", group, card) == []
    async with h.db.unit_of_work() as session:
        assert await session.get(User, CY) is None
    h.sandbox.chats[group].members.discard(CY)
    # An edit of a reply is not answered again.
    update = h.sandbox.send_text(ANA, "4", chat_id=group, reply_to=card)
    assert said(await h.feed(update), group) == [TAP]
    message_id = update["message"]["message_id"]
    assert await h.feed(h.sandbox.edit_text(ANA, message_id, "5", chat_id=group)) == []


async def test_a_reply_to_a_closed_check_in_stays_unanswered(h: Harness):
    group, card = await a_check_in_card(h)
    await h.press(ANA, "4", chat_id=group, message_id=card)
    await h.press(BEN, "2", chat_id=group, message_id=card)  # revealed: no longer open
    assert await reply(h, BEN, "2 for me", group, card) == []


async def test_a_reply_after_tapping_is_not_told_to_tap_again(h: Harness):
    group, card = await a_check_in_card(h)
    await h.press(ANA, "4", chat_id=group, message_id=card)
    assert said(await reply(h, ANA, "done, 4", group, card), group) == []
    assert said(await reply(h, BEN, "me?", group, card), group) == [TAP]  # he has not yet
