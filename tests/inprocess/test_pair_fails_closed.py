"""A group becomes a couple's space only when Telegram says it holds just the two of them (and
the bot): a member count that can't be read pairs nothing. Before their private words are
posted there (a draft, the weekly round), the group is asked again: someone who joined
unseen, or a count that can't be read, posts nothing."""

from __future__ import annotations

from datetime import timedelta

from bot.sandbox.core import Fault
from tests.harness import Harness
from tests.inprocess.test_couple_answers import a_draft_sent
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

RETRY = "I couldn't check who's in this group just now, so it isn't paired yet."
DRAFT_WORDS = "put your phone down"


async def test_pair_fails_closed_when_the_member_count_errors(h: Harness):
    await link(h)
    await h.onboard(CY, "Cy")
    crowd = h.sandbox.create_group("Friends", [ANA, BEN, CY], by=ANA)
    await flush(h)
    # Both taps meet a failed getChatMemberCount (a 5xx, a flood wait, a timeout).
    h.sandbox.faults.append(Fault("server_error", method="getChatMemberCount", times=2))
    first = said(await h.text(ANA, "/pair", chat_id=crowd), crowd)
    second = said(await h.text(BEN, "/pair", chat_id=crowd), crowd)
    assert first[0].startswith(RETRY) and "try again in a moment" in first[0]
    assert second[0].startswith(RETRY)
    assert [s.status for s in await spaces(h)] == []  # nothing paired, nothing half-paired
    # Once Telegram answers again, the third person is seen.
    again = said(await h.text(ANA, "/pair", chat_id=crowd), crowd)
    assert again == [
        "This group has other people in it. Mend's shared space is for the two of you only: "
        "make a group with just you two and me."
    ]


async def test_a_failed_count_on_a_tap_is_only_asked_again(h: Harness):
    await link(h)
    group = h.sandbox.create_group("Us", [ANA, BEN], by=ANA)
    await flush(h)
    h.sandbox.faults.append(Fault("timeout", method="getChatMemberCount", times=1))
    actions = await h.press(ANA, "Pair this group", chat_id=group)
    assert any(RETRY in (a.text or "") for a in actions)  # a toast to the one who tapped
    assert said(actions, group) == []
    waiting = said(await h.press(ANA, "Pair this group", chat_id=group), group)
    assert "Waiting for Ben" in waiting[0]
    paired = said(await h.text(BEN, "/pair", chat_id=group), group)
    assert "This is now Ana and Ben's space" in paired[0]


async def test_a_draft_is_not_posted_to_a_group_someone_joined_unseen(h: Harness):
    group = await paired_group(h)
    h.sandbox.chats[group].members.add(CY)  # joined while the bot heard nothing of it
    await a_draft_sent(h, "Post in our group")
    assert DRAFT_WORDS not in everything_in(h, group)
    assert "Someone else joined this group" in everything_in(h, group)
    assert [s.status for s in await spaces(h)] == ["paused"]
    told = everything_in(h, ANA)
    assert "I can't post in your group now" in told
    assert "Posted in your group" not in told


async def test_a_draft_is_still_posted_to_the_two_of_them(h: Harness):
    group = await paired_group(h)
    await a_draft_sent(h, "Post in our group")
    assert DRAFT_WORDS in everything_in(h, group)
    assert "Posted in your group for Ben." in everything_in(h, ANA)


async def test_a_round_is_not_posted_to_a_group_someone_joined_unseen(h: Harness):
    group, sent = await a_round_ana_answered(h)
    h.sandbox.chats[group].members.add(CY)
    h.clock.now = sent + timedelta(hours=1)
    await h.press(BEN, "Write mine")
    await h.text(BEN, "The soup when I was ill")
    actions = await h.press(BEN, "Yes, that's my thanks")
    in_group = everything_in(h, group)
    assert "How you listened on Tuesday" not in in_group and "The soup" not in in_group
    assert [s.status for s in await spaces(h)] == ["paused"]
    # Each is told, with their own words only.
    to_ben, to_ana = said(actions, BEN), said(actions, ANA)
    assert any("didn't post this week's thanks round" in t for t in to_ben)
    assert any("didn't post this week's thanks round" in t for t in to_ana)
    assert all("How you listened" not in t for t in to_ben)
    assert all("The soup" not in t for t in to_ana)
