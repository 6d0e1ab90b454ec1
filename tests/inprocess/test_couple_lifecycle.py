"""A couple's link and space over time: an invite that was forwarded, a space paired again
after a pause (its check-in and weekly round come back), a second group, the link ending while
cards are still out, and pairing taps that repeat."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from tests.harness import Harness
from tests.inprocess.test_couples import (
    ANA,
    BEN,
    CY,
    check_in_on,
    flush,
    link,
    paired_group,
    posted_by_tick,
    said,
    sent,
    shown,
    spaces,
)


async def invite_token(h: Harness) -> str:
    token = re.search(r"start=(l_[\w-]+)", said(await h.text(ANA, "/invite"), ANA)[0])
    assert token is not None
    return token.group(1)


async def test_a_forwarded_invite_stays_with_whoever_opened_it_first(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.onboard(BEN, "Ben")
    await h.onboard(CY, "Cy")
    token = await invite_token(h)
    await h.text(BEN, f"/start {token}")
    replies = said(await h.text(CY, f"/start {token}"), CY)
    assert replies == [
        "Someone else has already opened this invite link. If it was meant for you, "
        "ask for a new invite."
    ]
    assert not h.sandbox.messages.get((CY, h.last_bot_message(CY)), {}).get("reply_markup")
    actions = await h.press(BEN, "Link with Ana")  # Ben's button still works
    assert "You're now linked with Ana" in said(actions, BEN)[0]
    again = said(await h.text(CY, f"/start {token}"), CY)  # and then it is spent
    assert "expired or was already used" in again[0]


async def leave_and_come_back(h: Harness, group: int, how: str) -> None:
    if how == "left":
        h.sandbox.leave_group(group, BEN)
        await flush(h)
        h.sandbox.join_group(group, BEN)
        await flush(h)
    elif how == "removed":
        h.sandbox.remove_bot_from_group(group, by=BEN)
        await flush(h)
        h.sandbox.add_bot_to_group(group, by=ANA)
        await flush(h)
    else:  # the link ended, and they linked again
        await h.text(BEN, "/unlink")
        await h.press(BEN, "Yes, end it")
        await h.text(BEN, f"/start {await invite_token(h)}")
        await h.press(BEN, "Link with Ana")


@pytest.mark.parametrize("how", ["left", "removed", "unlinked"])
async def test_a_space_paired_again_brings_back_its_check_in_and_weekly_round(h: Harness, how: str):
    group = await paired_group(h)
    await check_in_on(h, group)
    await h.press(ANA, "Turn the weekly thanks round on", chat_id=group)
    await leave_and_come_back(h, group, how)
    await h.text(BEN, "/pair", chat_id=group)
    (paired,) = said(await h.text(ANA, "/pair", chat_id=group), group)
    h.clock.advance(timedelta(minutes=30))  # 21:00 in Berlin
    cards = await posted_by_tick(h, group)
    assert len(cards) == 1 and "Ana: waiting" in (cards[0].text or "")
    h.clock.now = datetime(2026, 3, 8, 18, 0, tzinfo=UTC)  # Sunday, 19:00 in Berlin
    asks = {a.chat_id for a in sent(await h.tick()) if "Weekly thanks round" in (a.text or "")}
    assert asks == {ANA, BEN}
    assert "This is now Ana and Ben's space" in paired and "back on, as it was" in paired


async def test_a_check_in_left_open_by_a_pause_closes_once_paired_again(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)
    h.clock.advance(timedelta(minutes=30))
    (card,) = await posted_by_tick(h, group)
    await h.press(ANA, "4", chat_id=group, message_id=card.message_id)
    await leave_and_come_back(h, group, "left")  # its close was cancelled with the pause
    await h.text(BEN, "/pair", chat_id=group)
    await h.text(ANA, "/pair", chat_id=group)
    h.clock.now = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # 09:00 in Berlin
    closed = [a for a in await h.tick() if a.message_id == card.message_id]
    assert [a.method for a in closed] == ["editMessageText"]


async def test_a_partner_who_leaves_is_told_you_left(h: Harness):
    group = await paired_group(h)
    h.sandbox.leave_group(group, ANA)
    actions = await flush(h)
    assert said(actions, ANA) == ['Your shared space in "Us" is paused: you left the group.']
    assert said(actions, BEN) == ['Your shared space in "Us" is paused: Ana left the group.']


async def test_unlinking_without_an_active_space_says_only_that_the_link_ended(h: Harness):
    await link(h)
    await h.text(BEN, "/unlink")
    actions = await h.press(BEN, "Yes, end it")
    assert said(actions, BEN) == ["The partner link has ended."]
    assert said(actions, ANA) == [
        "Ben ended your partner link in Mend. Your own moments stay yours."
    ]


async def test_an_old_bid_cannot_be_answered_once_the_link_has_ended(h: Harness):
    group = await paired_group(h)
    await h.text(ANA, "/repair", chat_id=group)
    card = h.last_card(group)
    await h.text(BEN, "/unlink")
    await h.press(BEN, "Yes, end it")
    actions = await h.press(BEN, "I'm open now", chat_id=group, message_id=card.message_id)
    assert h.toasts(actions) == ["Your partner link has ended, so this can't be answered."]
    assert said(actions, ANA) == [] and said(actions, group) == []
    assert not shown(h, group, card.message_id).get("reply_markup")


async def test_pairing_a_second_group_says_so_in_the_first(h: Harness):
    first = await paired_group(h)
    await check_in_on(h, first)
    second = h.sandbox.create_group("Us two", [ANA, BEN], by=ANA)
    await flush(h)
    await h.text(ANA, "/pair", chat_id=second)
    actions = await h.text(BEN, "/pair", chat_id=second)
    assert said(actions, first) == [
        "Ana and Ben paired another group, so the shared space here is paused. "
        "To use this group again, both of you: /pair here."
    ]
    assert "This is now Ana and Ben's space" in said(actions, second)[0]
    assert {s.chat_id: s.status for s in await spaces(h)} == {first: "paused", second: "active"}
    h.clock.advance(timedelta(minutes=30))
    assert [a for a in await h.tick() if a.chat_id == first] == []  # its check-in stopped


async def test_pairing_taps_that_repeat_are_answered_with_a_toast(h: Harness):
    await link(h)
    group = h.sandbox.create_group("Us", [ANA, BEN], by=ANA)
    await flush(h)
    await h.press(ANA, "Pair this group", chat_id=group)
    actions = await h.press(ANA, "Pair this group", chat_id=group)
    assert h.toasts(actions) == ["You've confirmed. Waiting for Ben."]
    assert said(actions, group) == []
    await h.press(BEN, "Pair this group", chat_id=group)
    actions = await h.press(BEN, "Pair this group", chat_id=group)
    assert h.toasts(actions) == ["This group is already Ana and Ben's space."]
    assert said(actions, group) == []
    assert said(await h.text(ANA, "/pair", chat_id=group), group) == [
        "This group is already Ana and Ben's space."
    ]


async def test_pair_in_a_group_already_paired_asks_telegram_nothing(h: Harness):
    group = await paired_group(h)
    counted = h.sandbox.calls["getChatMemberCount"]
    assert counted > 0  # pairing it counted its members (and this is that call's name)
    assert said(await h.text(ANA, "/pair", chat_id=group), group) == [
        "This group is already Ana and Ben's space."
    ]
    assert h.sandbox.calls["getChatMemberCount"] == counted  # the answer needed no count


PAUSED_THIRD = (
    "The shared space here is paused: someone else is in this group, and it's for the two "
    "of you only."
)
PAUSED_UNLINKED = "The shared space here is paused: the partner link has ended."


async def pause(h: Harness, group: int, how: str) -> None:
    if how == "third":
        h.sandbox.join_group(group, CY)
        await flush(h)
    elif how == "unlink":
        await h.text(BEN, "/unlink")
        await h.press(BEN, "Yes, end it")
    else:  # Ben erased everything
        await h.text(BEN, "/delete")
        await h.press(BEN, "Delete everything")


@pytest.mark.parametrize(
    ("how", "why"),
    [("third", PAUSED_THIRD), ("unlink", PAUSED_UNLINKED), ("delete", PAUSED_UNLINKED)],
)
async def test_a_paused_space_says_it_is_paused_and_why(h: Harness, how: str, why: str):
    group = await paired_group(h)
    await h.onboard(CY, "Cy")
    await pause(h, group, how)
    assert said(await h.text(ANA, "/repair", chat_id=group), group) == [why]
    assert said(await h.text(ANA, "/thanks for the tea", chat_id=group), group) == [why]
    assert said(await h.text(ANA, "/settings", chat_id=group), group) == [why]


async def test_a_space_paused_for_another_group_or_a_leaver_says_how_to_resume(h: Harness):
    first = await paired_group(h)
    second = h.sandbox.create_group("Us two", [ANA, BEN], by=ANA)
    await flush(h)
    await h.text(ANA, "/pair", chat_id=second)
    await h.text(BEN, "/pair", chat_id=second)
    assert said(await h.text(ANA, "/repair", chat_id=first), first) == [
        "Ana and Ben paired another group, so the shared space here is paused. "
        "To use this group again, both of you: /pair here."
    ]
    h.sandbox.leave_group(second, BEN)
    await flush(h)
    assert said(await h.text(ANA, "/repair", chat_id=second), second) == [
        "The shared space here is paused. To use it again, both of you: /pair here."
    ]


@pytest.mark.parametrize(
    ("choice", "told", "you"),
    [
        ("I'm open now", "Ana is open to talk now.", "I've told Ben you're open to talk now."),
        (
            "Later tonight",
            "Ana would like to talk later. I'll remind you both at 21:00.",
            "I've told Ben you'd like to talk later. I'll remind you both at 21:00.",
        ),
        (
            "I need a little time",
            "Ana needs a little time. That's not a no: they'll come back to it when they're ready.",
            "I've told Ben you need a little time. That's okay: it's a pause, not a no.",
        ),
    ],
)
async def test_a_bid_answered_once_the_space_paused_is_answered_privately_not_in_the_group(
    h: Harness, choice: str, told: str, you: str
):
    group = await paired_group(h)
    await h.onboard(CY, "Cy")
    await h.text(BEN, "/repair", chat_id=group)
    card = h.last_card(group)
    h.sandbox.join_group(group, CY)  # the space pauses: Cy is in the group now
    await flush(h)
    actions = await h.press(ANA, choice, chat_id=group, message_id=card.message_id)
    assert said(actions, group) == []  # nothing more in the group, with Cy in it
    assert h.toasts(actions) == [
        "The shared space here is paused, so I've told Ben privately instead."
    ]
    assert said(actions, BEN) == [told]
    assert said(actions, ANA) == [you]
    assert not shown(h, group, card.message_id).get("reply_markup")


async def test_a_group_left_paused_by_unlinking_says_pair_again_once_linked_again(h: Harness):
    group = await paired_group(h)
    await h.text(BEN, "/unlink")
    await h.press(BEN, "Yes, end it")
    token = await invite_token(h)
    await h.text(BEN, f"/start {token}")
    await h.press(BEN, "Link with Ana")
    paused = "The shared space here is paused. To use it again, both of you: /pair here."
    assert said(await h.text(ANA, "/repair", chat_id=group), group) == [paused]
    assert said(await h.text(BEN, "/settings", chat_id=group), group) == [paused]
    await h.text(ANA, "/pair", chat_id=group)
    actions = await h.text(BEN, "/pair", chat_id=group)
    assert "This is now Ana and Ben's space" in said(actions, group)[0]


async def test_a_bid_answered_once_the_space_paused_with_the_asker_unreachable_tells_why(
    h: Harness,
):
    """No one could be told (not in the group, and the asker has blocked Mend): the answer is
    not taken, and the toast says why the space is paused."""
    group = await paired_group(h)
    await h.onboard(CY, "Cy")
    await h.text(BEN, "/repair", chat_id=group)
    card = h.last_card(group)
    h.sandbox.block(BEN)
    h.sandbox.join_group(group, CY)
    await flush(h)
    actions = await h.press(ANA, "I'm open now", chat_id=group, message_id=card.message_id)
    assert h.toasts(actions) == [PAUSED_THIRD]
    assert said(actions, group) == [] and said(actions, BEN) == [] and said(actions, ANA) == []
