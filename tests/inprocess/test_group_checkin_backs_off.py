"""The couple's blind daily check-in backs off as the personal evening card does (CONTENT.md:
no nagging): after GROUP_CHECKINS_UNANSWERED cards in a row closed with no answer from
either partner, the next one is one line in the group saying the check-in is paused and how
to turn it back on, and the check-in is turned off. An answer from either partner starts the
count again; so does turning it back on; and never within a week of a danger reply."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.content import catalogue
from bot.sandbox.core import BotAction
from bot.scheduling.couple_prompts import GROUP_CHECKINS_UNANSWERED
from bot.storage.models import CoupleSpace, User
from tests.harness import Harness
from tests.inprocess.test_couples import ANA, BEN, check_in_on, paired_group, said

C = catalogue("en")
PAUSED = C.text("checkin.paused")
DAY = timedelta(days=1)


def posted(actions: list[BotAction], group: int) -> list[BotAction]:
    return [a for a in actions if a.method == "sendMessage" and a.chat_id == group]


async def a_card(h: Harness, group: int) -> BotAction:
    """The tick at the check-in's time posts its card (and nothing else) in the group."""
    (card,) = posted(await h.tick(), group)
    assert len(card.buttons()) == 5, card.text
    return card


async def cards_left_alone(h: Harness, group: int, days: int) -> None:
    for _ in range(days):
        await a_card(h, group)
        h.clock.advance(DAY)


async def checkin_on(h: Harness) -> bool:
    async with h.db.unit_of_work() as session:
        (space,) = list(await session.scalars(select(CoupleSpace)))
        return space.checkin_on


async def test_six_check_ins_closed_unanswered_and_the_seventh_is_one_line_not_a_card(h: Harness):
    assert GROUP_CHECKINS_UNANSWERED == 6
    group = await paired_group(h)
    await check_in_on(h, group)
    h.clock.advance(timedelta(minutes=30))  # 21:00 in Berlin
    await cards_left_alone(h, group, GROUP_CHECKINS_UNANSWERED)
    actions = await h.tick()
    (line,) = posted(actions, group)
    assert line.text == PAUSED and not line.buttons()
    assert "/settings" in PAUSED
    # The last card still closed, as every card does.
    assert C.text("checkin.closed") in said(actions, group)
    assert not await checkin_on(h)
    h.clock.advance(DAY)
    assert posted(await h.tick(), group) == []  # and nothing after it
    h.clock.advance(DAY)
    assert posted(await h.tick(), group) == []


async def test_turned_back_on_the_old_silence_does_not_count(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)
    h.clock.advance(timedelta(minutes=30))
    await cards_left_alone(h, group, GROUP_CHECKINS_UNANSWERED)
    (line,) = posted(await h.tick(), group)
    assert line.text == PAUSED
    h.clock.advance(timedelta(hours=1))
    await check_in_on(h, group)  # /settings in the group, as the line says
    h.clock.advance(DAY - timedelta(hours=1))
    await cards_left_alone(h, group, GROUP_CHECKINS_UNANSWERED)
    (line,) = posted(await h.tick(), group)  # six new ones left alone: paused again
    assert line.text == PAUSED


async def test_turned_off_and_on_by_hand_the_old_silence_does_not_count(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)
    h.clock.advance(timedelta(minutes=30))
    await cards_left_alone(h, group, GROUP_CHECKINS_UNANSWERED - 2)
    await a_card(h, group)
    h.clock.advance(timedelta(hours=13))  # the next morning: the last card closes
    assert C.text("checkin.closed") in said(await h.tick(), group)
    await h.text(ANA, "/settings", chat_id=group)
    await h.press(ANA, "Turn the check-in off", chat_id=group)
    await check_in_on(h, group)
    h.clock.advance(timedelta(hours=11))  # 21:00 that evening
    # Five left alone before it was turned off, and one after: the card still comes.
    await cards_left_alone(h, group, GROUP_CHECKINS_UNANSWERED)
    (line,) = posted(await h.tick(), group)
    assert line.text == PAUSED


async def test_one_answer_from_either_partner_starts_the_count_again(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)
    h.clock.advance(timedelta(minutes=30))
    await cards_left_alone(h, group, 2)
    card = await a_card(h, group)
    await h.press(BEN, "3", chat_id=group, message_id=card.message_id)  # Ben alone answers
    h.clock.advance(DAY)
    # The lone answer closed unrevealed, yet it was an answer: six more before it pauses.
    await cards_left_alone(h, group, GROUP_CHECKINS_UNANSWERED)
    (line,) = posted(await h.tick(), group)
    assert line.text == PAUSED


async def test_both_answering_starts_the_count_again_too(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)
    h.clock.advance(timedelta(minutes=30))
    await cards_left_alone(h, group, 4)
    card = await a_card(h, group)
    await h.press(ANA, "4", chat_id=group, message_id=card.message_id)
    await h.press(BEN, "4", chat_id=group, message_id=card.message_id)
    h.clock.advance(DAY)
    await cards_left_alone(h, group, GROUP_CHECKINS_UNANSWERED)
    (line,) = posted(await h.tick(), group)
    assert line.text == PAUSED


async def test_never_within_a_week_of_a_partners_danger_reply(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)
    async with h.db.unit_of_work() as session:
        ben = await session.get(User, BEN)
        assert ben is not None
        ben.quiet_until = h.clock.now  # his quiet day after a danger reply ends now
    h.clock.advance(timedelta(minutes=30))
    await cards_left_alone(h, group, GROUP_CHECKINS_UNANSWERED)
    # Six days and a half since: "it hasn't been needed" is not said this soon.
    await cards_left_alone(h, group, 1)
    assert await checkin_on(h)
    (line,) = posted(await h.tick(), group)  # a week and a half-hour: as usual again
    assert line.text == PAUSED
