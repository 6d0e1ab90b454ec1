"""Two people and their group: linking, blind check-ins, repair bids, thanks, boundaries and
the group's lifecycle. The stand-in runs in Telegram's group privacy mode throughout: the bot
sees commands, button presses and service messages in the group, nothing else."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.sandbox.core import BotAction, Fault
from bot.storage.models import (
    Appreciation,
    Checkin,
    CoupleSpace,
    PartnerLink,
    RepairBid,
    ScheduledPrompt,
)
from tests.harness import Harness
from tests.inprocess.flows import TO_A_DRAFT_FOR_BEN, TO_THE_PATH

ANA, BEN, CY = 801, 802, 803


async def flush(h: Harness) -> list[BotAction]:
    """Feed every update waiting in the stand-in (group joins, migrations...)."""
    actions: list[BotAction] = []
    for update in h.sandbox.pending_updates():
        actions += await h.feed(update)
    return actions


def said(actions: list[BotAction], chat_id: int) -> list[str]:
    return [
        a.text or ""
        for a in actions
        if a.chat_id == chat_id and a.method in ("sendMessage", "editMessageText")
    ]


def everything_in(h: Harness, chat_id: int) -> str:
    return "\n".join(a.text or "" for a in h.sandbox.actions if a.chat_id == chat_id)


async def link(h: Harness) -> None:
    await h.onboard(ANA, "Ana")
    await h.onboard(BEN, "Ben")
    (invite,) = said(await h.text(ANA, "/invite"), ANA)
    token = re.search(r"\?start=(l_[\w-]+)", invite)
    assert token is not None
    offer = said(await h.text(BEN, f"/start {token.group(1)}"), BEN)
    assert "Ana invited you to link as partners" in offer[0]
    actions = await h.press(BEN, "Link with Ana")
    assert "You're now linked with Ana" in said(actions, BEN)[0]
    assert "You're now linked with Ben" in said(actions, ANA)[0]


async def pair_in_group(h: Harness) -> int:
    """Ana and Ben, linked already, make a new group their space (each taps to pair)."""
    group = h.sandbox.create_group("Us", [ANA, BEN], by=ANA)
    await flush(h)
    await h.press(ANA, "Pair this group", chat_id=group)
    await h.press(BEN, "Pair this group", chat_id=group)
    return group


async def paired_group(h: Harness) -> int:
    await link(h)
    group = h.sandbox.create_group("Us", [ANA, BEN], by=ANA)
    intro = await flush(h)
    assert any("Pair this group" in b["text"] for a in intro for b in a.buttons())
    waiting = said(await h.press(ANA, "Pair this group", chat_id=group), group)
    assert "Waiting for Ben" in waiting[0]
    paired = said(await h.text(BEN, "/pair", chat_id=group), group)
    assert "This is now Ana and Ben's space" in paired[0]
    return group


def sent(actions: list[BotAction]) -> list[BotAction]:
    return [a for a in actions if a.method == "sendMessage"]


def shown(h: Harness, chat_id: int, message_id: int | None) -> dict[str, Any]:
    """The message as the chat shows it now (after any edits)."""
    assert message_id is not None
    return h.sandbox.messages[(chat_id, message_id)]


async def posted_by_tick(h: Harness, group: int) -> list[BotAction]:
    """What the next tick posts in the group."""
    return [a for a in sent(await h.tick()) if a.chat_id == group]


async def spaces(h: Harness) -> list[CoupleSpace]:
    async with h.db.unit_of_work() as session:
        return list(await session.scalars(select(CoupleSpace)))


async def test_an_invite_links_two_people_once(h: Harness):
    await link(h)
    async with h.db.unit_of_work() as session:
        (row,) = list(await session.scalars(select(PartnerLink)))
    assert (row.status, row.token_hash) == ("active", None)  # the token is spent
    replies = said(await h.text(ANA, "/invite"), ANA)
    assert "already linked with Ben" in replies[0]


async def test_invite_tokens_are_single_use_and_expire(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.onboard(BEN, "Ben")
    await h.onboard(CY, "Cy")
    first = re.search(r"start=(l_[\w-]+)", said(await h.text(ANA, "/invite"), ANA)[0])
    second = re.search(r"start=(l_[\w-]+)", said(await h.text(ANA, "/invite"), ANA)[0])
    assert first and second and first.group(1) != second.group(1)
    assert "expired" in said(await h.text(BEN, f"/start {first.group(1)}"), BEN)[0]  # replaced
    assert "your own invite" in said(await h.text(ANA, f"/start {second.group(1)}"), ANA)[0]
    h.clock.advance(timedelta(hours=49))
    assert "expired" in said(await h.text(CY, f"/start {second.group(1)}"), CY)[0]
    forged = "l_" + "A" * 32
    assert "expired" in said(await h.text(CY, f"/start {forged}"), CY)[0]
    async with h.db.unit_of_work() as session:
        assert all(r.status != "active" for r in await session.scalars(select(PartnerLink)))


async def test_only_the_person_who_opened_the_invite_can_accept_it(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.onboard(BEN, "Ben")
    await h.onboard(CY, "Cy")
    token = re.search(r"start=(l_[\w-]+)", said(await h.text(ANA, "/invite"), ANA)[0])
    assert token is not None
    await h.text(BEN, f"/start {token.group(1)}")
    card = h.last_card(BEN)
    data = card.buttons()[0]["callback_data"]
    actions = await h.press(CY, data=data, forge=True)  # Cy replays Ben's button
    assert h.toasts(actions) == [
        "This invite link has expired or was already used. Ask for a new one (/invite)."
    ]
    async with h.db.unit_of_work() as session:
        (row,) = list(await session.scalars(select(PartnerLink)))
    assert row.status == "pending" and row.partner_id is None


async def test_pairing_needs_both_and_refuses_a_group_with_others(h: Harness):
    await link(h)
    await h.onboard(CY, "Cy")
    crowd = h.sandbox.create_group("Friends", [ANA, BEN, CY], by=ANA)
    await flush(h)
    replies = said(await h.text(ANA, "/pair", chat_id=crowd), crowd)
    assert "other people in it" in replies[0]
    assert await spaces(h) == []


async def check_in_on(h: Harness, group: int) -> None:
    await h.text(ANA, "/settings", chat_id=group)
    replies = said(await h.press(ANA, "Turn the check-in on (21:00)", chat_id=group), group)
    assert "Daily check-in: on, at 21:00 (Europe/Berlin)" in replies[0]


async def test_a_blind_check_in_reveals_both_answers_together(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)
    h.clock.advance(timedelta(minutes=30))  # 21:00 in Berlin
    actions = await h.tick()
    (card,) = [a for a in actions if a.method == "sendMessage" and a.chat_id == group]
    assert "Ana: waiting" in (card.text or "") and len(card.buttons()) == 5

    h.sandbox.chats[group].members.add(CY)  # someone else sees the card
    h.person(CY, "Cy")
    actions = await h.press(CY, "1", chat_id=group, message_id=card.message_id)
    assert h.toasts(actions) == ["This one is for Ana and Ben."]
    h.sandbox.chats[group].members.discard(CY)

    actions = await h.press(ANA, "4", chat_id=group, message_id=card.message_id)
    (edited,) = said(actions, group)
    assert "Ana: answered ✓" in edited and "Ben: waiting" in edited
    assert "4" not in edited.replace("1 (distant) to 5", "")  # the value stays hidden
    assert h.toasts(actions) == ["Noted. It shows when Ben has answered too."]
    actions = await h.press(BEN, "2", chat_id=group, message_id=card.message_id)
    (revealed,) = said(actions, group)
    assert "Ana: 4 · Ben: 2" in revealed and "quite different" in revealed
    # Ben's answer is the one that reveals: no "shows when Ana has answered" at that moment.
    assert h.toasts(actions) == ["You've both answered: here's how today felt."]


async def test_a_check_in_turned_off_and_on_again_still_comes_tonight(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)
    await h.press(ANA, "Turn the check-in off", chat_id=group)
    await h.press(ANA, "Turn the check-in on (21:00)", chat_id=group)  # tonight's comes back
    h.clock.advance(timedelta(minutes=30))  # 21:00 in Berlin
    cards = [a for a in await h.tick() if a.method == "sendMessage" and a.chat_id == group]
    assert len(cards) == 1 and "Ana: waiting" in (cards[0].text or "")


async def test_a_check_in_card_refused_with_a_flood_wait_goes_out_once_on_retry(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)
    h.clock.advance(timedelta(minutes=30))
    h.sandbox.faults.append(Fault("retry_after", method="sendMessage", chat_id=group))
    assert [a for a in await h.tick() if a.chat_id == group] == []  # Telegram said wait
    h.clock.advance(timedelta(seconds=30))
    cards = [a for a in await h.tick() if a.method == "sendMessage" and a.chat_id == group]
    assert len(cards) == 1 and "Ana: waiting" in (cards[0].text or "")
    async with h.db.unit_of_work() as session:
        (checkin,) = list(await session.scalars(select(Checkin)))
    assert checkin.message_id == cards[0].message_id


async def test_a_check_in_one_partner_never_answers_closes_without_revealing(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)
    h.clock.advance(timedelta(minutes=30))
    (card,) = [a for a in await h.tick() if a.method == "sendMessage" and a.chat_id == group]
    await h.press(ANA, "5", chat_id=group, message_id=card.message_id)
    h.clock.advance(timedelta(hours=12))  # 09:00 the next morning
    actions = await h.tick()
    assert any(a.method == "editMessageText" and "closed" in (a.text or "") for a in actions)
    shown = everything_in(h, group)
    assert "Ana: 5" not in shown and ": 5" not in shown
    async with h.db.unit_of_work() as session:
        (checkin, *_) = list(await session.scalars(select(Checkin)))
    assert (checkin.status, checkin.answers) == ("closed", {})
    actions = await h.press(BEN, "3", chat_id=group, message_id=card.message_id, forge=True)
    assert h.toasts(actions) == ["This card has expired."]


async def test_a_repair_bid_accepted_later_tonight_reminds_both(h: Harness):
    group = await paired_group(h)
    actions = await h.text(ANA, "/repair", chat_id=group)
    assert said(actions, group) == ["Ana would like to reconnect about a moment earlier."]
    assert "I'll tell you here when Ben answers" in said(actions, ANA)[0]
    card = h.last_card(group)
    assert h.toasts(await h.press(ANA, "I'm open now", chat_id=group)) == ["This one is for Ben."]
    actions = await h.press(BEN, "Later tonight", chat_id=group, message_id=card.message_id)
    told = "Ben would like to talk later. I'll remind you both at 21:00."
    assert said(actions, group) == [told] and said(actions, ANA) == [told]
    async with h.db.unit_of_work() as session:
        reminders = list(
            await session.scalars(
                select(ScheduledPrompt).where(ScheduledPrompt.kind == "bid_later")
            )
        )
    assert {r.user_id for r in reminders} == {ANA, BEN}
    assert {r.due_at for r in reminders} == {datetime(2026, 3, 1, 20, 0, tzinfo=UTC)}
    h.clock.advance(timedelta(minutes=30))
    actions = await h.tick()
    assert [
        c
        for c in (ANA, BEN)
        if said(actions, c) == ["A gentle reminder: you two planned to find a moment to reconnect."]
    ] == [ANA, BEN]


async def test_a_draft_reaches_the_partner_only_after_confirming_that_text(h: Harness):
    await paired_group(h)
    await h.walk(ANA, TO_A_DRAFT_FOR_BEN)
    before = len(h.sandbox.actions)
    actions = await h.press(ANA, "Send this to Ben")
    (confirm,) = [a for a in actions if a.method == "editMessageText"]
    draft = re.search(r"<pre>(.*)</pre>", confirm.params["text"], re.S)
    assert draft is not None and "lonely" in draft.group(1)
    assert [b["text"] for b in confirm.buttons()] == [
        "Send privately",
        "Post in our group",
        "Don't send",
    ]
    assert not [a for a in h.sandbox.actions[before:] if a.chat_id != ANA]  # nothing left yet
    actions = await h.press(ANA, "Send privately")
    (to_ben,) = [a for a in actions if a.chat_id == BEN]
    assert to_ben.text is not None and "Ana sent you this through Mend:" in to_ben.text
    assert draft.group(1) in to_ben.params["text"]  # exactly what Ana saw
    actions = await h.press(BEN, "I'm open now")
    assert said(actions, ANA) == ["Ben is open to talk now."]


async def test_the_send_question_asked_again_still_offers_sending(h: Harness):
    await paired_group(h)
    await h.walk(ANA, TO_A_DRAFT_FOR_BEN)
    softer = next(b for b in h.last_card(ANA).buttons() if b["text"] == "Softer")
    await h.press(ANA, "Send this to Ben")
    # A button of the draft card, pressed a while later (not a quick second tap, answered
    # quietly: test_quick_taps): expired, so the current question comes again.
    h.clock.advance(timedelta(minutes=1))
    actions = await h.press(ANA, data=softer["callback_data"], forge=True)
    again = [a for a in actions if a.method in ("sendMessage", "editMessageText")][-1]
    assert [b["text"] for b in again.buttons()] == [
        "Send privately",
        "Post in our group",
        "Don't send",
    ]


async def test_dont_send_sends_nothing(h: Harness):
    group = await paired_group(h)
    await h.walk(ANA, TO_A_DRAFT_FOR_BEN)
    await h.press(ANA, "Send this to Ben")
    await h.press(ANA, "Don't send")
    assert "lonely" not in everything_in(h, BEN) + everything_in(h, group)


async def test_a_draft_waiting_to_be_sent_when_the_link_ends_can_still_be_finished(h: Harness):
    group = await paired_group(h)
    await h.walk(ANA, TO_A_DRAFT_FOR_BEN)
    await h.press(ANA, "Send this to Ben")
    await h.text(BEN, "/unlink")
    await h.press(BEN, "Yes, end it")
    actions = await h.press(ANA, "Send privately")  # on the card asked before the link ended
    (card,) = [a for a in actions if a.method == "editMessageText"]
    assert card.text is not None and "Nothing was sent: your partner link has ended" in card.text
    assert "That works" in [b["text"] for b in card.buttons()]
    actions = await h.press(ANA, "That works")
    assert any("Recorded:" in t for t in said(actions, ANA))
    assert "lonely" not in everything_in(h, BEN) + everything_in(h, group)


async def test_thanks_privately_and_in_the_group(h: Harness):
    group = await paired_group(h)
    await h.text(ANA, "/thanks")
    actions = await h.text(ANA, "You took the bins out in the rain")
    assert "Kept" in said(actions, ANA)[0]
    assert "You took the bins out in the rain" not in everything_in(h, BEN)
    actions = await h.press(ANA, "Send privately")
    assert "Ana appreciates you for this:" in said(actions, BEN)[0]
    replies = said(await h.text(BEN, "/thanks for the coffee this morning", chat_id=group), group)
    assert replies == ['Ben appreciates you: "for the coffee this morning"']
    async with h.db.unit_of_work() as session:
        rows = list(await session.scalars(select(Appreciation)))
    assert len(rows) == 3  # Ana's kept, Ana's sent, Ben's in the group


async def test_a_weekly_thanks_round_posts_both_answers_together(h: Harness):
    group = await paired_group(h)
    await h.text(ANA, "/settings", chat_id=group)
    (card,) = said(await h.press(ANA, "Turn the weekly thanks round on", chat_id=group), group)
    assert "Weekly thanks round: on, Sundays at 19:00 (Europe/Berlin)" in card
    h.clock.now = datetime(2026, 3, 8, 18, 0, tzinfo=UTC)  # Sunday 8 March, 19:00 in Berlin
    actions = await h.tick()
    for person in (ANA, BEN):
        assert "Weekly thanks round" in said(actions, person)[0]
    await h.press(ANA, "Write mine")
    await h.text(ANA, "How you listened on Tuesday")
    await h.press(ANA, "Yes, that's my thanks")  # on the card that showed her words
    assert "How you listened" not in everything_in(h, group)  # not until both have answered
    await h.press(BEN, "Write mine")
    await h.text(BEN, "The soup when I was ill")
    actions = await h.press(BEN, "Yes, that's my thanks")
    (posted,) = said(actions, group)
    assert "Ana: How you listened on Tuesday" in posted and "Ben: The soup when I was ill" in posted
    actions = await h.press(ANA, "Write mine")  # the round's button, once more
    assert h.toasts(actions) == ["You've already answered this week's round."]
    assert said(actions, group) == []  # one answer each: the round is not posted again


async def a_round_ana_answered(h: Harness) -> tuple[int, datetime]:
    """A weekly round gone out (Sunday 19:00 in Berlin) that Ana has answered; the group and
    when the round went out."""
    group = await paired_group(h)
    await h.text(ANA, "/settings", chat_id=group)
    await h.press(ANA, "Turn the weekly thanks round on", chat_id=group)
    sent = datetime(2026, 3, 8, 18, 0, tzinfo=UTC)
    h.clock.now = sent
    await h.tick()
    await h.press(ANA, "Write mine")
    await h.text(ANA, "How you listened on Tuesday")
    await h.press(ANA, "Yes, that's my thanks")  # on the card that showed her words
    return group, sent


async def test_a_weekly_round_stays_open_two_days_from_its_local_evening(h: Harness):
    group, sent = await a_round_ana_answered(h)
    # 47 hours after it went out (and 65 after midnight UTC of its day): still open.
    h.clock.now = sent + timedelta(hours=47)
    await h.press(BEN, "Write mine")
    await h.text(BEN, "The soup when I was ill")
    (posted,) = said(await h.press(BEN, "Yes, that's my thanks"), group)
    assert "Ana: How you listened on Tuesday" in posted


async def test_a_weekly_round_answered_after_two_days_stays_private(h: Harness):
    group, sent = await a_round_ana_answered(h)
    h.clock.now = sent + timedelta(hours=47, minutes=59)  # begun just before it closes
    await h.press(BEN, "Write mine")
    await h.text(BEN, "The soup when I was ill")
    h.clock.now = sent + timedelta(hours=49)  # confirmed after
    assert said(await h.press(BEN, "Yes, that's my thanks"), group) == []


async def test_a_partner_never_sees_the_others_moments(h: Harness):
    await paired_group(h)
    for kind, value, _, _ in [
        *TO_THE_PATH,
        ("press", "Let it go", "letgo", ""),
        ("press", "No, it's truly let go", "", ""),
    ]:
        await (h.text(ANA, value) if kind == "text" else h.press(ANA, value))
    replies = said(await h.text(BEN, "/history"), BEN)
    assert "No moments yet" in replies[0]
    async with h.db.unit_of_work() as session:
        from bot.storage.models import MomentRow

        (moment,) = list(await session.scalars(select(MomentRow)))
    for action in ("ho", "hu", "hx"):
        actions = await h.press(BEN, data=f"menu:{action}.{moment.id}", forge=True)
        assert h.toasts(actions) == ["That moment is no longer here."]
    assert "Sam" not in everything_in(h, BEN) and "mum" not in everything_in(h, BEN)


async def test_group_text_is_not_seen_in_privacy_mode_and_commands_still_work(h: Harness):
    group = await paired_group(h)
    update = h.sandbox.send_text(ANA, "just chatting here", chat_id=group)
    assert update["update_id"] is None  # Telegram would not deliver it to the bot
    assert (
        "Ana would like to reconnect" in said(await h.text(ANA, "/repair", chat_id=group), group)[0]
    )


async def test_the_group_becomes_a_supergroup_and_everything_follows(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)
    new_id = h.sandbox.migrate_group(group)
    await flush(h)
    (space,) = await spaces(h)
    assert space.chat_id == new_id
    async with h.db.unit_of_work() as session:
        pending = list(
            await session.scalars(
                select(ScheduledPrompt).where(ScheduledPrompt.status == "pending")
            )
        )
    assert pending and {r.chat_id for r in pending} == {new_id}
    h.clock.advance(timedelta(minutes=30))
    actions = await h.tick()
    assert [a.chat_id for a in actions if a.method == "sendMessage"] == [new_id]


async def test_a_group_found_migrated_by_a_refused_send_moves_everything_too(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)
    await h.text(ANA, "/repair", chat_id=group)  # a repair bid lives under the chat id too
    new_id = h.sandbox.migrate_group(group)  # the bot has not seen the service message
    h.clock.advance(timedelta(minutes=30))
    assert await h.tick() == []  # the check-in card is refused with ChatMigrated
    cards = [a for a in await h.tick() if a.method == "sendMessage"]
    assert [a.chat_id for a in cards] == [new_id]
    (space,) = await spaces(h)
    async with h.db.unit_of_work() as session:
        checkins = list(await session.scalars(select(Checkin)))
        bids = list(await session.scalars(select(RepairBid)))
        left_behind = await session.scalar(
            select(ScheduledPrompt).where(ScheduledPrompt.chat_id == group)
        )
    assert space.chat_id == new_id and left_behind is None
    assert [c.chat_id for c in checkins] == [new_id] and [b.chat_id for b in bids] == [new_id]


async def test_a_partner_leaving_pauses_the_space_and_tells_both(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)
    h.sandbox.leave_group(group, BEN)
    actions = await flush(h)
    assert said(actions, ANA) == ['Your shared space in "Us" is paused: Ben left the group.']
    assert said(actions, BEN) == ['Your shared space in "Us" is paused: you left the group.']
    (space,) = await spaces(h)
    assert space.status == "paused"
    async with h.db.unit_of_work() as session:
        prompts = list(
            await session.scalars(select(ScheduledPrompt).where(ScheduledPrompt.chat_id == group))
        )
    assert prompts and all(p.status == "cancelled" for p in prompts)  # its check-in too
    h.clock.advance(timedelta(minutes=30))
    assert await h.tick() == []


async def test_unlinking_pauses_the_space(h: Harness):
    await paired_group(h)
    await h.text(BEN, "/unlink")
    actions = await h.press(BEN, "Yes, end it")
    # One message each, which says the space paused too (and no group title it cannot know).
    assert said(actions, ANA) == [
        "Ben ended your partner link in Mend, so your shared group space is paused."
        " Your own moments stay yours."
    ]
    assert said(actions, BEN) == [
        "The partner link has ended, and your shared group space is paused."
    ]
    (space,) = await spaces(h)
    assert space.status == "paused"


async def test_removed_and_added_back(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)
    h.sandbox.remove_bot_from_group(group, by=ANA)
    actions = await flush(h)
    assert "I was removed from" in said(actions, ANA)[0]
    async with h.db.unit_of_work() as session:
        statuses = {r.status for r in await session.scalars(select(ScheduledPrompt))}
    assert "pending" not in statuses
    h.sandbox.add_bot_to_group(group, by=ANA)
    actions = await flush(h)
    assert "Pair this group" in [b["text"] for a in actions for b in a.buttons()]
    await h.text(ANA, "/pair", chat_id=group)
    await h.text(BEN, "/pair", chat_id=group)
    (space,) = await spaces(h)
    assert space.status == "active"


async def test_made_a_channel_administrator_says_nothing_there(h: Harness):
    await h.onboard(ANA, "Ana")
    channel = h.sandbox.create_channel("Ana's notes", by=ANA)
    actions = await flush(h)
    assert actions == [] and await spaces(h) == []
    assert not [a for a in h.sandbox.actions if a.chat_id == channel]


async def test_thanks_with_its_words_in_private_skips_the_question(h: Harness):
    """As the group's /help teaches it: `/thanks for the flowers` is the answer itself."""
    group = await paired_group(h)
    actions = await h.text(ANA, "/thanks   for the\nflowers")
    replies = said(actions, ANA)
    assert not any("What's something everyday you appreciated?" in r for r in replies)
    assert len(replies) == 2 and replies[0].startswith("Kept.")
    assert replies[1].startswith("This is exactly what Ben will see, from you:")
    assert "for the flowers" in replies[1]
    assert "flowers" not in everything_in(h, BEN) + everything_in(h, group)  # not yet
    actions = await h.press(ANA, "Send privately")
    assert "Ana appreciates you for this:" in said(actions, BEN)[0]
    async with h.db.unit_of_work() as session:
        texts = [row.text for row in await session.scalars(select(Appreciation))]
    assert texts == ["for the flowers", "for the flowers"]  # kept, and the copy sent


async def test_thanks_with_words_in_private_alone_is_kept(h: Harness):
    await h.onboard(CY, "Cy")
    (kept,) = h.texts(await h.text(CY, "/thanks for the tea"))
    assert kept.startswith("Kept.")
    async with h.db.unit_of_work() as session:
        (row,) = list(await session.scalars(select(Appreciation)))
        assert (row.author_id, row.text) == (CY, "for the tea")


async def test_thanks_with_words_in_private_is_screened_first(h: Harness):
    await h.onboard(CY, "Cy")
    await h.text(CY, "/moment")  # a moment in progress, set aside by danger
    replies = h.texts(await h.text(CY, "/thanks I want to kill myself"))
    assert len(replies) == 1 and "emergency number" in replies[0]
    replies = h.texts(await h.text(CY, "/thanks I was so angry I could kill him"))
    assert len(replies) == 1 and "is anyone in danger right now?" in replies[0]
    replies = h.texts(await h.press(CY, "I'm safe, just angry"))
    assert not any(r.startswith("Kept.") for r in replies)  # angry words are no thanks
    async with h.db.unit_of_work() as session:
        assert list(await session.scalars(select(Appreciation))) == []
    replies = h.texts(await h.text(CY, "/thanks for the flowers"))  # an ordinary one is kept
    assert replies[0].startswith("Kept.")


@pytest.mark.parametrize("payload", ["l_bogus", "l_", "l_" + "x" * 80, "l_a b"])
async def test_a_malformed_invite_says_the_link_is_not_valid(h: Harness, payload: str):
    await h.onboard(BEN, "Ben")
    replies = said(await h.text(BEN, f"/start {payload}"), BEN)
    assert replies == [
        "This invite link has expired or was already used. Ask for a new one (/invite)."
    ]


async def test_a_newcomer_with_a_spent_invite_is_told_so_and_then_set_up(h: Harness):
    h.person(BEN, "Ben")
    expired, greeting, ask = said(await h.text(BEN, "/start l_bogus"), BEN)
    assert "expired or was already used" in expired
    assert "not therapy" in greeting and "what should I call you" in ask
