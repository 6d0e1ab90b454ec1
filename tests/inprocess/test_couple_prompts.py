"""A couple's scheduled prompts when things go wrong or the hour is odd: each partner's weekly
ask goes out once through a flood wait, nothing stale goes out after downtime, a "later"
reminder comes to both at one time out of their quiet hours (and keeps to a pause), and a
group that refuses the bot is not tried again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.sandbox.core import Fault
from bot.storage.models import Checkin, ScheduledPrompt, User
from tests.harness import Harness
from tests.inprocess.flows import TO_A_DRAFT_FOR_BEN
from tests.inprocess.test_couple_answers import zoned_couple
from tests.inprocess.test_couples import (
    ANA,
    BEN,
    check_in_on,
    flush,
    paired_group,
    posted_by_tick,
    said,
    sent,
    spaces,
)


async def prompts(h: Harness, kind: str | None = None) -> list[ScheduledPrompt]:
    async with h.db.unit_of_work() as session:
        query = select(ScheduledPrompt).order_by(ScheduledPrompt.id)
        if kind is not None:
            query = query.where(ScheduledPrompt.kind == kind)
        return list(await session.scalars(query))


async def set_user(h: Harness, user_id: int, **values: Any) -> None:
    async with h.db.unit_of_work() as session:
        user = await session.get(User, user_id)
        assert user is not None
        for name, value in values.items():
            setattr(user, name, value)


async def later_tonight(h: Harness, group: int) -> None:
    """Ana asks to reconnect in the group; Ben answers "Later tonight"."""
    await h.text(ANA, "/repair", chat_id=group)
    card = h.last_card(group)
    await h.press(BEN, "Later tonight", chat_id=group, message_id=card.message_id)


async def test_a_weekly_ask_refused_with_a_flood_wait_reaches_each_partner_once(h: Harness):
    group = await paired_group(h)
    await h.text(ANA, "/settings", chat_id=group)
    await h.press(ANA, "Turn the weekly thanks round on", chat_id=group)
    h.clock.now = datetime(2026, 3, 8, 18, 0, tzinfo=UTC)  # Sunday 8 March, 19:00 in Berlin
    h.sandbox.faults.append(Fault("retry_after", method="sendMessage", chat_id=BEN))
    first = await h.tick()  # Ana's ask goes out; Telegram asks us to wait with Ben's
    h.clock.advance(timedelta(seconds=30))
    second = await h.tick()
    asks = [
        (a.chat_id, tick)
        for tick, actions in enumerate((first, second))
        for a in sent(actions)
        if "Weekly thanks round" in (a.text or "")
    ]
    assert asks == [(ANA, 0), (BEN, 1)]  # each once: Ana's is not sent again with Ben's retry
    rows = await prompts(h, "weekly_ask")
    assert sorted((r.user_id, r.status) for r in rows) == [(ANA, "sent"), (BEN, "sent")]
    # The ask that came late still opens the round.
    assert "this week" in said(await h.press(BEN, "Write mine"), BEN)[0]


async def test_after_downtime_a_stale_check_in_and_bid_reminder_are_skipped(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)  # tonight at 21:00 in Berlin
    await later_tonight(h, group)  # reminders at 21:00 too
    h.clock.advance(timedelta(hours=8, minutes=30))  # down until 05:00 in Berlin
    assert sent(await h.tick()) == []
    stale = [(r.kind, r.status, r.last_error) for r in await prompts(h) if r.last_error]
    assert sorted(stale) == [
        ("bid_later", "skipped", "stale"),
        ("bid_later", "skipped", "stale"),
        ("checkin", "skipped", "stale"),
    ]
    async with h.db.unit_of_work() as session:
        assert list(await session.scalars(select(Checkin))) == []  # no card, no check-in
    h.clock.now = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)  # the next one comes as usual
    cards = await posted_by_tick(h, group)
    assert len(cards) == 1 and "Ana: waiting" in (cards[0].text or "")


async def test_a_check_in_closes_however_late_the_bot_comes_back(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)
    h.clock.advance(timedelta(minutes=30))
    (card,) = await posted_by_tick(h, group)
    await h.press(ANA, "5", chat_id=group, message_id=card.message_id)
    h.clock.advance(timedelta(hours=20))  # down past the 09:00 close, until 17:00
    actions = await h.tick()
    assert any(a.method == "editMessageText" and "closed" in (a.text or "") for a in actions)
    async with h.db.unit_of_work() as session:
        (checkin,) = list(await session.scalars(select(Checkin)))
    assert (checkin.status, checkin.answers) == ("closed", {})  # the lone answer is not kept


async def test_a_bid_asked_too_late_for_tonight_offers_tomorrow_evening(h: Harness):
    group = await paired_group(h)
    h.clock.advance(timedelta(hours=3))  # 23:30 in Berlin: too late for "later tonight"
    await h.text(ANA, "/repair", chat_id=group)
    card = h.last_card(group)
    labels = [b["text"] for b in card.buttons()]
    assert labels == ["I'm open now", "Tomorrow evening", "I need a little time"]
    actions = await h.press(BEN, "Tomorrow evening", chat_id=group, message_id=card.message_id)
    told = "Ben would like to talk later. I'll remind you both tomorrow at 21:00."
    assert said(actions, group) == [told] and said(actions, ANA) == [told]
    tomorrow_evening = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)  # 21:00 in Berlin
    assert {r.due_at for r in await prompts(h, "bid_later")} == {tomorrow_evening}
    h.clock.now = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)  # not at 08:00, when quiet hours end
    assert sent(await h.tick()) == []
    h.clock.now = tomorrow_evening
    assert {a.chat_id for a in sent(await h.tick())} == {ANA, BEN}


async def test_a_draft_sent_by_someone_without_a_zone_offers_tonight_by_the_partners(h: Harness):
    """The reminder reckons "tonight" in the partner's zone when the sender has none, so the
    card offers it by that zone too: here it is 04:30 in Tokyo, no time for "later tonight"."""
    await paired_group(h)  # 19:30 UTC
    await set_user(h, ANA, timezone=None)
    await set_user(h, BEN, timezone="Asia/Tokyo")
    await h.walk(ANA, TO_A_DRAFT_FOR_BEN)
    await h.press(ANA, "Send this to Ben")
    await h.press(ANA, "Send privately")
    card = h.last_card(BEN)
    assert [b["text"] for b in card.buttons()] == [
        "I'm open now",
        "Tomorrow evening",
        "I need a little time",
    ]
    await h.press(BEN, "Tomorrow evening", message_id=card.message_id)
    tomorrow_evening = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)  # 21:00 in Tokyo
    assert {r.due_at for r in await prompts(h, "bid_later")} == {tomorrow_evening}


async def test_later_tonight_pressed_on_a_card_answered_too_late_says_tomorrow(h: Harness):
    group = await paired_group(h)  # 20:30 in Berlin: the card offers "later tonight"
    await h.text(ANA, "/repair", chat_id=group)
    card = h.last_card(group)
    h.clock.advance(timedelta(hours=2, minutes=40))  # answered at 23:10
    actions = await h.press(BEN, "Later tonight", chat_id=group, message_id=card.message_id)
    assert said(actions, group) == [
        "Ben would like to talk later. I'll remind you both tomorrow at 21:00."
    ]
    assert {r.due_at for r in await prompts(h, "bid_later")} == {
        datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
    }


async def test_a_bid_reminder_keeps_to_each_partners_quiet_hours_and_pause(h: Harness):
    group = await paired_group(h)
    await set_user(h, BEN, quiet_start="20:00")  # Ben's quiet hours begin at 20:00
    await later_tonight(h, group)  # at 20:30 in Berlin: 21:00 is in Ben's quiet hours
    due = {r.user_id: r.due_at for r in await prompts(h, "bid_later")}
    morning = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)  # 08:00, when his quiet hours end
    assert due == {ANA: morning, BEN: morning}  # the same time for both, to talk then
    await set_user(h, ANA, paused_until=h.clock.now + timedelta(days=7))  # Ana pauses since
    h.clock.now = morning
    assert [a.chat_id for a in sent(await h.tick())] == [BEN]
    (ana,) = [r for r in await prompts(h, "bid_later") if r.user_id == ANA]
    assert (ana.status, ana.last_error) == ("skipped", "paused")


async def test_a_group_refusing_a_check_in_is_not_tried_again(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)
    h.sandbox.chats[group].bot_member = False  # removed, and the news never reached the bot
    h.clock.advance(timedelta(minutes=30))
    report = await h.dispatcher.tick()
    assert report.counts["cancelled"] == 1
    # Tomorrow's check-in (planned before the send) stops too, with the rest of that chat's.
    assert {r.status for r in await prompts(h) if r.chat_id == group} == {"cancelled"}
    async with h.db.unit_of_work() as session:
        assert list(await session.scalars(select(Checkin))) == []  # nothing left half-made
    (space,) = await spaces(h)
    assert space.status == "removed"
    tried = h.sandbox.calls["sendMessage"]
    for _ in range(3):
        h.clock.advance(timedelta(days=1))
        await h.tick()
    assert h.sandbox.calls["sendMessage"] == tried  # never tried again
    h.sandbox.add_bot_to_group(group, by=ANA)  # added back: pairing again, as after a removal
    actions = await flush(h)
    assert "Pair this group" in [b["text"] for a in actions for b in a.buttons()]


async def test_a_bid_reminder_refused_privately_marks_that_partner_blocked(h: Harness):
    group = await paired_group(h)
    await later_tonight(h, group)
    h.sandbox.blocked_by.add(BEN)  # Ben blocked Mend, and the news never reached the bot
    h.clock.advance(timedelta(minutes=30))
    actions = await h.tick()
    assert [a.chat_id for a in sent(actions)] == [ANA]
    async with h.db.unit_of_work() as session:
        ben = await session.get(User, BEN)
        assert ben is not None and ben.blocked_at == h.clock.now
    (space,) = await spaces(h)
    assert space.status == "active"  # a private refusal leaves the group alone


async def test_the_partner_who_set_up_the_check_in_blocking_mend_privately_keeps_the_group_s(
    h: Harness,
):
    group = await paired_group(h)
    await check_in_on(h, group)  # Ana turned it on: the group's rows are hers
    h.sandbox.block(ANA)
    await flush(h)
    h.clock.advance(timedelta(minutes=30))
    cards = await posted_by_tick(h, group)
    assert len(cards) == 1  # the group still gets its check-in


async def weekly_round_on(h: Harness, group: int, by: int = ANA) -> None:
    await h.text(by, "/settings", chat_id=group)
    await h.press(by, "Turn the weekly thanks round on", chat_id=group)


def weekly_asks_in(actions: list[Any]) -> list[int | None]:
    return [a.chat_id for a in sent(actions) if "Weekly thanks round" in (a.text or "")]


@pytest.mark.parametrize("pause", ["Pause a week", "Pause until I resume"])
async def test_a_partner_who_paused_gets_no_weekly_ask(h: Harness, pause: str):
    group = await paired_group(h)
    await weekly_round_on(h, group)
    await h.text(BEN, "/settings")
    await h.press(BEN, pause)
    h.clock.now = datetime(2026, 3, 8, 18, 0, tzinfo=UTC)  # Sunday 8 March, 19:00 in Berlin
    assert weekly_asks_in(await h.tick()) == [ANA]
    (ben,) = [r for r in await prompts(h, "weekly_ask") if r.user_id == BEN]
    assert (ben.status, ben.last_error) == ("skipped", "paused")
    h.clock.advance(timedelta(hours=12))
    assert weekly_asks_in(await h.tick()) == []  # nor later in the round


async def test_a_weekly_ask_waits_for_the_end_of_that_partners_quiet_hours(h: Harness):
    """Ben in New York turns the round on: it goes out at 19:00 there, 01:00 in Berlin, in
    Ana's quiet hours. Hers comes when they end, and the round still takes her answer."""
    group = await zoned_couple(h)
    await weekly_round_on(h, group, by=BEN)
    h.clock.now = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)  # Sunday 19:00 in New York
    assert weekly_asks_in(await h.tick()) == [BEN]
    h.clock.now = datetime(2026, 3, 2, 6, 59, tzinfo=UTC)
    assert weekly_asks_in(await h.tick()) == []
    h.clock.now = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)  # 08:00 in Berlin: quiet hours end
    assert weekly_asks_in(await h.tick()) == [ANA]
    await h.press(BEN, "Write mine")
    await h.text(BEN, "The soup when I was ill")
    await h.press(BEN, "Yes, that's my thanks")
    await h.press(ANA, "Write mine")
    await h.text(ANA, "How you listened on Tuesday")
    (posted,) = said(await h.press(ANA, "Yes, that's my thanks"), group)
    assert "Ana: How you listened on Tuesday" in posted


async def test_a_weekly_ask_waiting_out_quiet_hours_keeps_to_a_pause_begun_since(h: Harness):
    group = await zoned_couple(h)
    await weekly_round_on(h, group, by=BEN)
    h.clock.now = datetime(2026, 3, 2, 0, 0, tzinfo=UTC)
    await h.tick()
    await set_user(h, ANA, paused_until=h.clock.now + timedelta(days=7))  # Ana pauses at 01:00
    h.clock.now = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
    assert weekly_asks_in(await h.tick()) == []
    (ana,) = [r for r in await prompts(h, "weekly_ask") if r.user_id == ANA]
    assert (ana.status, ana.last_error) == ("skipped", "paused")


def test_a_weekly_asks_key_names_its_space_and_day_and_nothing_else_does():
    from datetime import date

    from bot.scheduling.couple_plans import weekly_ask_key, weekly_ask_of

    day = date(2026, 3, 8)
    assert weekly_ask_of(weekly_ask_key(7, day, 701)) == (7, day)
    for other in ("weekly_ask:7:2026-3-8:701", "weekly:7:2026-03-08", "round:7:2026-03-08", ""):
        assert weekly_ask_of(other) is None, other


async def test_a_partner_in_a_quiet_day_after_danger_gets_no_weekly_ask(h: Harness):
    group = await paired_group(h)
    await weekly_round_on(h, group)
    h.clock.now = datetime(2026, 3, 8, 17, 0, tzinfo=UTC)  # Sunday 8 March, 18:00 in Berlin
    assert "emergency number" in said(await h.text(BEN, "He hit me again last night"), BEN)[0]
    h.clock.now = datetime(2026, 3, 8, 18, 0, tzinfo=UTC)  # the round, within his quiet day
    assert weekly_asks_in(await h.tick()) == [ANA]
    (ben,) = [r for r in await prompts(h, "weekly_ask") if r.user_id == BEN]
    assert (ben.status, ben.last_error) == ("skipped", "after danger")


async def test_no_check_in_card_while_either_partner_is_in_a_quiet_day(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)  # tonight at 21:00 in Berlin
    h.clock.now = datetime(2026, 3, 1, 19, 45, tzinfo=UTC)  # 20:45: quiet until 20:45 tomorrow
    assert "emergency number" in said(await h.text(BEN, "He hit me again last night"), BEN)[0]
    h.clock.now = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    assert await posted_by_tick(h, group) == []  # no card, and nothing said about why
    (skipped,) = [r for r in await prompts(h, "checkin") if r.status == "skipped"]
    assert skipped.last_error == "after danger"
    async with h.db.unit_of_work() as session:
        assert list(await session.scalars(select(Checkin))) == []
    h.clock.now = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)  # the next evening, the day over
    cards = await posted_by_tick(h, group)
    assert len(cards) == 1 and "Ana: waiting" in (cards[0].text or "")
