"""A check-in's answers are shown in the group only while it holds just the two of them: the
answer that would reveal both asks Telegram who is there first (someone may have joined while
the bot heard nothing of it). Someone else there closes the card unrevealed; a count that
can't be read keeps both answers hidden until a tap finds it readable again."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.content import catalogue
from bot.sandbox.core import BotAction, Fault
from bot.storage.models import Checkin
from tests.harness import Harness
from tests.inprocess.test_couples import (
    ANA,
    BEN,
    CY,
    check_in_on,
    everything_in,
    paired_group,
    said,
    spaces,
)

C = catalogue("en")


async def a_card_ana_answered(h: Harness) -> tuple[int, BotAction]:
    group = await paired_group(h)
    await check_in_on(h, group)
    h.clock.advance(timedelta(minutes=30))  # 21:00 in Berlin
    (card,) = [a for a in await h.tick() if a.method == "sendMessage" and a.chat_id == group]
    await h.press(ANA, "4", chat_id=group, message_id=card.message_id)
    return group, card


async def stored_checkin(h: Harness) -> Checkin:
    async with h.db.unit_of_work() as session:
        (checkin,) = list(await session.scalars(select(Checkin)))
    return checkin


def revealed(h: Harness, group: int) -> bool:
    return C.text("checkin.revealed", a="Ana", va=4, b="Ben", vb=2) in everything_in(h, group)


async def test_answers_are_not_shown_to_a_group_someone_joined_unseen(h: Harness):
    group, card = await a_card_ana_answered(h)
    h.sandbox.chats[group].members.add(CY)  # joined while the bot heard nothing of it
    actions = await h.press(BEN, "2", chat_id=group, message_id=card.message_id)
    assert not revealed(h, group)
    assert h.toasts(actions) == [C.text("checkin.closed_not_two")]
    assert [s.status for s in await spaces(h)] == ["paused"]
    checkin = await stored_checkin(h)
    assert (checkin.status, checkin.answers) == ("closed", {})
    # The card itself says it closed, with no buttons left to tap.
    edits = [a for a in actions if a.method == "editMessageText" and a.chat_id == group]
    assert edits and edits[-1].text == C.text("checkin.closed_not_two")
    assert edits[-1].buttons() == []


async def test_answers_wait_hidden_while_telegram_cannot_say_who_is_there(h: Harness):
    group, card = await a_card_ana_answered(h)
    h.sandbox.faults.append(Fault("server_error", method="getChatMemberCount", times=1))
    actions = await h.press(BEN, "2", chat_id=group, message_id=card.message_id)
    assert not revealed(h, group)
    assert h.toasts(actions) == [C.text("checkin.reveal_unchecked")]
    checkin = await stored_checkin(h)
    assert checkin.status == "open" and checkin.answers == {str(ANA): 4, str(BEN): 2}
    assert [s.status for s in await spaces(h)] == ["active"]
    # Tapped again once Telegram answers: both are shown.
    actions = await h.press(BEN, "2", chat_id=group, message_id=card.message_id)
    assert revealed(h, group)
    assert (await stored_checkin(h)).status == "revealed"


async def test_the_two_of_them_still_see_both_answers(h: Harness):
    group, card = await a_card_ana_answered(h)
    actions = await h.press(BEN, "2", chat_id=group, message_id=card.message_id)
    assert revealed(h, group)
    assert h.toasts(actions) == [C.text("checkin.both_answered")]
    assert said(actions, BEN) == []  # nothing about it privately
