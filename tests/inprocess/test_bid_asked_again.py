"""A repair bid's card takes an answer for BID_OPEN_FOR, and the asker is told so. A tap on
a lapsed card, when the asker has asked again since, points to the newer card rather than
telling the partner to send /repair themselves."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.couples import BID_OPEN_FOR
from tests.harness import Harness
from tests.inprocess.test_couples import ANA, BEN, paired_group, said


async def test_the_asker_is_told_how_long_the_card_takes_an_answer(h: Harness):
    group = await paired_group(h)
    actions = await h.text(ANA, "/repair", chat_id=group)
    hours = int(BID_OPEN_FOR.total_seconds() // 3600)
    assert f"for {hours} hours" in said(actions, ANA)[0]


async def test_a_lapsed_card_points_to_the_bid_asked_since(h: Harness):
    group = await paired_group(h)
    await h.text(ANA, "/repair", chat_id=group)
    sunday = h.last_card(group)
    h.clock.advance(BID_OPEN_FOR + timedelta(hours=1))
    await h.text(ANA, "/repair", chat_id=group)  # the first lapsed: she may ask again
    monday = h.last_card(group)
    assert monday.message_id != sunday.message_id
    actions = await h.press(BEN, "I'm open now", chat_id=group, message_id=sunday.message_id)
    assert h.toasts(actions) == [
        "This card is from a while ago. Ana has asked again since: answer the newer card."
    ]
    assert said(actions, ANA) == []  # nothing passed on from the old card
    actions = await h.press(BEN, "I'm open now", chat_id=group, message_id=monday.message_id)
    assert said(actions, ANA)  # the newer one is answered as usual


async def test_a_lapsed_card_with_no_newer_bid_says_to_send_repair(h: Harness):
    group = await paired_group(h)
    await h.text(ANA, "/repair", chat_id=group)
    card = h.last_card(group)
    h.clock.advance(BID_OPEN_FOR + timedelta(hours=1))
    actions = await h.press(BEN, "I'm open now", chat_id=group, message_id=card.message_id)
    assert "send /repair in your group" in (h.toasts(actions)[0] or "")
