"""What one partner's doing sends to the other in the other's quiet hours arrives without a
sound (Telegram's `disable_notification`): a thanks or a draft sent privately, "you're now
linked", the link ended, an answer to a repair bid; and so does a group check-in whose time
falls in one partner's night. It still goes at once; the author's own replies ring as usual."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from bot.sandbox.core import BotAction
from bot.storage.models import User
from tests.harness import Harness
from tests.inprocess.test_couples import (
    ANA,
    BEN,
    check_in_on,
    flush,
    paired_group,
    said,
)

NIGHT_FOR_BEN = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)  # 02:30 in New York, 08:30 for Ana
DAY_FOR_BOTH = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)  # 10:30 in New York, 16:30 for Ana


async def in_new_york(h: Harness, user_id: int) -> None:
    async with h.db.unit_of_work() as session:
        await session.execute(
            update(User).where(User.id == user_id).values(timezone="America/New_York")
        )


def silent(actions: list[BotAction], chat_id: int) -> list[bool]:
    """For each message sent to `chat_id`, whether it was sent without a sound."""
    return [
        bool(a.params.get("disable_notification"))
        for a in actions
        if a.chat_id == chat_id and a.method == "sendMessage"
    ]


async def thanks_sent_privately_at(h: Harness, now: datetime) -> list[BotAction]:
    await paired_group(h)
    await in_new_york(h, BEN)
    h.clock.now = now
    await h.text(ANA, "/thanks for the flowers")
    return await h.press(ANA, "Send privately")


async def test_a_thanks_in_the_partners_night_arrives_silently_and_at_once(h: Harness):
    actions = await thanks_sent_privately_at(h, NIGHT_FOR_BEN)
    assert "for the flowers" in said(actions, BEN)[0]
    assert silent(actions, BEN) == [True]
    assert not any(silent(actions, ANA))  # Ana's own "Sent" rings as usual


async def test_a_thanks_in_the_partners_day_rings(h: Harness):
    actions = await thanks_sent_privately_at(h, DAY_FOR_BOTH)
    assert "for the flowers" in said(actions, BEN)[0]
    assert silent(actions, BEN) == [False]


async def test_the_link_ending_in_the_partners_night_is_told_silently(h: Harness):
    await paired_group(h)
    await in_new_york(h, BEN)
    h.clock.now = NIGHT_FOR_BEN
    await h.text(ANA, "/unlink")
    actions = await h.press(ANA, "Yes, end it")
    assert "Ana ended your partner link" in said(actions, BEN)[0]
    assert silent(actions, BEN) == [True]
    assert not any(silent(actions, ANA))  # hers is the edited card, as ever


async def test_the_link_ending_by_day_rings(h: Harness):
    await paired_group(h)
    await in_new_york(h, BEN)
    h.clock.now = DAY_FOR_BOTH
    await h.text(ANA, "/unlink")
    actions = await h.press(ANA, "Yes, end it")
    assert silent(actions, BEN) == [False]


async def test_linked_in_the_inviters_night_is_told_silently(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.onboard(BEN, "Ben")
    await in_new_york(h, ANA)
    (invite,) = said(await h.text(ANA, "/invite"), ANA)
    token = re.search(r"\?start=(l_[\w-]+)", invite)
    assert token is not None
    h.clock.now = datetime(2026, 3, 3, 7, 30, tzinfo=UTC)  # 02:30 for Ana, who invited
    await h.text(BEN, f"/start {token.group(1)}")
    actions = await h.press(BEN, "Link with Ana")
    assert "You're now linked with Ben" in said(actions, ANA)[0]
    assert silent(actions, ANA) == [True]
    assert not any(silent(actions, BEN))  # his is the edited card


async def test_linked_by_day_rings(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.onboard(BEN, "Ben")
    await in_new_york(h, ANA)
    (invite,) = said(await h.text(ANA, "/invite"), ANA)
    token = re.search(r"\?start=(l_[\w-]+)", invite)
    assert token is not None
    h.clock.now = DAY_FOR_BOTH  # 10:30 for Ana, who invited
    await h.text(BEN, f"/start {token.group(1)}")
    actions = await h.press(BEN, "Link with Ana")
    assert "You're now linked with Ben" in said(actions, ANA)[0]
    assert silent(actions, ANA) == [False]


async def test_a_partner_leaving_the_group_tells_the_other_silently_in_their_night(h: Harness):
    group = await paired_group(h)
    await in_new_york(h, ANA)
    await in_new_york(h, BEN)
    h.clock.now = NIGHT_FOR_BEN  # 02:30 for both
    h.sandbox.leave_group(group, ANA)
    actions = await flush(h)
    assert "Ana left the group" in said(actions, BEN)[0]
    assert silent(actions, BEN) == [True]
    # She left, at her own 02:30: the word about what she did herself rings as usual.
    assert silent(actions, ANA) == [False]


async def test_an_answer_to_a_repair_bid_reaches_the_asker_silently_in_their_night(h: Harness):
    group = await paired_group(h)
    await in_new_york(h, ANA)
    await h.text(ANA, "/repair", chat_id=group)
    h.clock.now = NIGHT_FOR_BEN  # the same hour: 02:30 for Ana now
    actions = await h.press(BEN, "I'm open now", chat_id=group)
    assert "Ben" in said(actions, ANA)[0]
    assert silent(actions, ANA) == [True]


async def check_in_card_with_ben_in(h: Harness, zone: str) -> BotAction:
    group = await paired_group(h)
    await check_in_on(h, group)  # at 21:00 on Ana's clock, in Berlin
    async with h.db.unit_of_work() as session:
        await session.execute(update(User).where(User.id == BEN).values(timezone=zone))
    h.clock.advance(timedelta(minutes=30))
    (card,) = [a for a in await h.tick() if a.method == "sendMessage" and a.chat_id == group]
    return card


async def test_a_group_check_in_in_one_partners_night_comes_without_a_sound(h: Harness):
    card = await check_in_card_with_ben_in(h, "Asia/Tokyo")  # 05:00 for Ben
    assert card.params.get("disable_notification") is True


async def test_a_group_check_in_in_both_partners_evening_rings(h: Harness):
    card = await check_in_card_with_ben_in(h, "Europe/Berlin")
    assert not card.params.get("disable_notification")


async def test_a_repair_bid_posted_in_the_group_in_the_partners_night_is_silent(h: Harness):
    group = await paired_group(h)
    await in_new_york(h, BEN)
    h.clock.now = NIGHT_FOR_BEN
    actions = await h.text(ANA, "/repair", chat_id=group)
    assert silent(actions, group) == [True]
    h.clock.now = DAY_FOR_BOTH + timedelta(days=1)
    assert silent(await h.text(BEN, "/repair", chat_id=group), group) == [False]


async def test_a_partner_erasing_everything_tells_the_other_silently_in_their_night(h: Harness):
    await paired_group(h)
    await in_new_york(h, BEN)
    h.clock.now = NIGHT_FOR_BEN
    await h.text(ANA, "/delete")
    actions = await h.press(ANA, "Delete everything")
    assert said(actions, BEN) and silent(actions, BEN) == [True]


async def test_the_bot_removed_from_the_group_is_told_silently_to_whoever_sleeps(h: Harness):
    group = await paired_group(h)
    await in_new_york(h, BEN)
    h.clock.now = NIGHT_FOR_BEN
    h.sandbox.remove_bot_from_group(group, by=ANA)
    actions = await flush(h)
    assert silent(actions, BEN) == [True]
    assert silent(actions, ANA) == [False]  # she removed it
