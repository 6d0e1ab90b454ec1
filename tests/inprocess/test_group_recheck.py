"""The check before a private post to the couple's group (a draft's "Post in our group", the
weekly round) asks Telegram both how many are in it and whether each partner still is: a
partner who left and a stranger who joined while the bot heard nothing leave the count at 3,
and the post must not reach the stranger. Another bot in the group is an audience too (its
owner reads what it sees): its joining pauses the space as anyone's does, so the rule at the
join and at the post is one."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.sandbox import objects
from bot.sandbox.core import BotAction, Fault
from bot.telegram import couples
from tests.harness import Harness
from tests.inprocess.flows import TO_A_DRAFT_FOR_BEN
from tests.inprocess.test_couples import (
    ANA,
    BEN,
    CY,
    a_round_ana_answered,
    everything_in,
    flush,
    link,
    paired_group,
    said,
    spaces,
)

DRAFT_WORDS = "put your phone down"
OTHER_BOT = 990
THIRD = "Someone else joined this group, so the shared space for Ana and Ben is paused."


def swap_unseen(h: Harness, group: int, gone: int, came: int) -> None:
    """`gone` left and `came` joined while the bot heard nothing: the count stays the same."""
    h.sandbox.chats[group].members.discard(gone)
    h.sandbox.chats[group].members.add(came)


async def test_a_draft_is_not_posted_where_a_partner_was_swapped_for_someone_else(h: Harness):
    await h.onboard(CY, "Cy")
    group = await paired_group(h)
    swap_unseen(h, group, gone=BEN, came=CY)
    await h.walk(ANA, TO_A_DRAFT_FOR_BEN)
    await h.press(ANA, "Send this to Ben")
    actions = await h.press(ANA, "Post in our group")
    assert DRAFT_WORDS not in everything_in(h, group)
    assert [s.status for s in await spaces(h)] == ["paused"]
    # Told privately as a leave the bot saw is; the group (a stranger in it) as a join is.
    assert said(actions, BEN) == ["Your shared group space is paused: you left the group."]
    assert "Your shared group space is paused: Ben left the group." in said(actions, ANA)
    assert THIRD in everything_in(h, group)
    told = everything_in(h, ANA)
    assert "I can't post in your group now" in told
    assert "Posted in your group" not in told


async def test_a_draft_is_not_posted_where_a_partner_left_unseen(h: Harness):
    group = await paired_group(h)
    h.sandbox.chats[group].members.discard(BEN)  # the count is 2: no stranger
    actions = await a_draft_and_post(h)
    assert DRAFT_WORDS not in everything_in(h, group)
    assert [s.status for s in await spaces(h)] == ["paused"]
    assert said(actions, BEN) == ["Your shared group space is paused: you left the group."]
    assert "Your shared group space is paused: Ben left the group." in said(actions, ANA)
    assert THIRD not in everything_in(h, group)  # no one else is known to be there


@pytest.mark.parametrize(
    ("method", "fault"),
    [
        ("getChatMemberCount", "bad_gateway"),
        ("getChatMember", "server_error"),
        ("getChatMember", "timeout"),
    ],
)
async def test_a_draft_is_not_posted_when_the_group_cannot_be_checked(
    h: Harness, method: str, fault: str
):
    """How many are in it, or whether a partner still is, can't be read just then: nothing
    posted, nothing paused, and a moment later it can be."""
    group = await paired_group(h)
    await h.walk(ANA, TO_A_DRAFT_FOR_BEN)
    await h.press(ANA, "Send this to Ben")
    h.sandbox.faults.append(Fault(fault, method=method, times=1))
    actions = await h.press(ANA, "Post in our group")
    assert DRAFT_WORDS not in everything_in(h, group)
    assert any("couldn't check just now who's in your group" in (a.text or "") for a in actions)
    assert "Posted in your group" not in everything_in(h, ANA)
    assert [s.status for s in await spaces(h)] == ["active"]  # not known: nothing paused
    await h.press(ANA, "Don't send")
    await h.press(ANA, "Send this to Ben")
    await h.press(ANA, "Post in our group")
    assert DRAFT_WORDS in everything_in(h, group)


async def test_a_post_asks_the_count_once(h: Harness):
    group = await paired_group(h)
    await h.walk(ANA, TO_A_DRAFT_FOR_BEN)
    await h.press(ANA, "Send this to Ben")
    counted = h.sandbox.calls["getChatMemberCount"]
    await h.press(ANA, "Post in our group")
    assert DRAFT_WORDS in everything_in(h, group)
    assert h.sandbox.calls["getChatMemberCount"] == counted + 1


async def test_share_checks_the_group_itself_when_the_flow_did_not(
    h: Harness, monkeypatch: pytest.MonkeyPatch
):
    """share() does not rely on the flow having had the group checked this turn: here the
    flow's partner is drawn without the check, and a stranger is in the group."""
    await h.onboard(CY, "Cy")
    group = await paired_group(h)
    await h.walk(ANA, TO_A_DRAFT_FOR_BEN)
    await h.press(ANA, "Send this to Ben")
    swap_unseen(h, group, gone=BEN, came=CY)
    counted = h.sandbox.calls["getChatMemberCount"]
    monkeypatch.setattr(couples, "_pressed_post_in_group", lambda turn: False)
    actions = await h.press(ANA, "Post in our group")
    assert DRAFT_WORDS not in everything_in(h, group)
    assert [s.status for s in await spaces(h)] == ["paused"]
    assert any("I can't post in your group now" in t for t in said(actions, ANA))
    assert h.sandbox.calls["getChatMemberCount"] == counted + 1  # share asked, once


async def a_draft_and_post(h: Harness) -> list[BotAction]:
    await h.walk(ANA, TO_A_DRAFT_FOR_BEN)
    await h.press(ANA, "Send this to Ben")
    return await h.press(ANA, "Post in our group")


async def test_the_round_is_not_posted_where_a_partner_was_swapped_for_someone_else(h: Harness):
    await h.onboard(CY, "Cy")
    group, sent = await a_round_ana_answered(h)
    h.clock.now = sent + timedelta(hours=1)
    await h.press(BEN, "Write mine")
    await h.text(BEN, "The soup when I was ill")
    swap_unseen(h, group, gone=ANA, came=CY)
    actions = await h.press(BEN, "Yes, that's my thanks")
    in_group = everything_in(h, group)
    assert "How you listened on Tuesday" not in in_group and "The soup" not in in_group
    assert [s.status for s in await spaces(h)] == ["paused"]
    to_ben, to_ana = said(actions, BEN), said(actions, ANA)
    assert "Your shared group space is paused: Ana left the group." in to_ben
    assert "Your shared group space is paused: you left the group." in to_ana
    assert any("didn't post this week's thanks round" in t for t in to_ben)
    assert all("How you listened" not in t for t in to_ben)


def another_bot(h: Harness) -> None:
    h.sandbox.users[OTHER_BOT] = objects.user(OTHER_BOT, "GifBot", is_bot=True)


async def test_a_bot_joining_pauses_the_space_as_anyone_joining_does(h: Harness):
    group = await paired_group(h)
    another_bot(h)
    h.sandbox.join_group(group, OTHER_BOT)
    actions = await flush(h)
    assert [s.status for s in await spaces(h)] == ["paused"]
    assert said(actions, group) == [
        f"{THIRD} Make a group with just the two of you and me, and /pair there."
    ]
    paused = 'Your shared space in "Us" is paused: someone else joined the group.'
    assert said(actions, ANA) == [paused]
    assert said(actions, BEN) == [paused]
    # Nothing private goes there afterwards: a draft's card no longer offers the group.
    await h.walk(ANA, TO_A_DRAFT_FOR_BEN)
    await h.press(ANA, "Send this to Ben")
    offered = [b["text"] for b in h.last_card(ANA).buttons()]
    assert "Send privately" in offered and "Post in our group" not in offered


async def test_mend_itself_added_back_is_no_third_member(h: Harness):
    group = await paired_group(h)
    h.sandbox.remove_bot_from_group(group, by=ANA)
    await flush(h)
    h.sandbox.add_bot_to_group(group, by=ANA)
    await flush(h)
    assert [s.status for s in await spaces(h)] == ["pairing"]
    await h.press(ANA, "Pair this group", chat_id=group)
    paired = said(await h.text(BEN, "/pair", chat_id=group), group)
    assert "This is now Ana and Ben's space" in paired[0]
    assert THIRD not in everything_in(h, group)


async def test_a_bot_in_the_group_refuses_pairing_as_a_person_would(h: Harness):
    await link(h)
    another_bot(h)
    group = h.sandbox.create_group("Us", [ANA, BEN, OTHER_BOT], by=ANA)
    await flush(h)
    actions = await h.press(ANA, "Pair this group", chat_id=group)
    assert any("This group has other people in it" in (a.text or "") for a in actions)
    assert said(actions, group) == []  # a toast to the one who tapped, not the group
    assert [s.status for s in await spaces(h)] == []
