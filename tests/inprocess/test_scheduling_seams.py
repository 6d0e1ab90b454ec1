"""From a review of the last commits: a "later" bid reminder set apart from the evening
check-in, a closed weekly round's card after an unlink, and the evening after downtime."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.scheduling import store
from bot.scheduling.couple_plans import weekly_ask_key, weekly_ask_of
from bot.storage.models import User
from tests.harness import Harness
from tests.inprocess.test_couple_prompts import later_tonight, prompts, set_user
from tests.inprocess.test_couples import ANA, BEN, check_in_on, paired_group, said, sent


async def test_a_later_tonight_reminder_does_not_come_with_the_groups_check_in(h: Harness):
    group = await paired_group(h)  # 20:30 in Berlin
    await check_in_on(h, group)  # the group's check-in at 21:00
    await h.text(ANA, "/repair", chat_id=group)
    card = h.last_card(group)
    actions = await h.press(BEN, "Later tonight", chat_id=group, message_id=card.message_id)
    told = "Ben would like to talk later. I'll remind you both at 21:45."
    assert said(actions, group) == [told]
    after_check_in = datetime(2026, 3, 1, 20, 45, tzinfo=UTC)  # 21:45 in Berlin
    assert {r.due_at for r in await prompts(h, "bid_later")} == {after_check_in}
    h.clock.now = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)  # 21:00: the check-in alone
    assert [a.chat_id for a in sent(await h.tick())] == [group]
    h.clock.now = after_check_in
    assert {a.chat_id for a in sent(await h.tick())} == {ANA, BEN}


async def test_a_later_tonight_reminder_does_not_come_with_a_partners_evening(h: Harness):
    group = await paired_group(h)  # 20:30 in Berlin; no group check-in
    await set_user(h, BEN, evening_on=True, evening_at="21:00")
    async with h.db.unit_of_work() as session:
        ben = await session.get(User, BEN)
        assert ben is not None
        await store.reschedule_evening(session, ben, h.clock.now)
    await later_tonight(h, group)
    after_evening = datetime(2026, 3, 1, 20, 45, tzinfo=UTC)  # 21:45 in Berlin
    assert {r.due_at for r in await prompts(h, "bid_later")} == {after_evening}
    h.clock.now = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    assert [a.chat_id for a in sent(await h.tick())] == [BEN]  # his evening check-in alone


async def test_a_later_tonight_reminder_stays_at_21_with_no_check_in_then(h: Harness):
    group = await paired_group(h)
    await later_tonight(h, group)
    assert {r.due_at for r in await prompts(h, "bid_later")} == {
        datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    }


async def test_a_weekly_round_card_pressed_after_an_unlink_says_the_link_ended(h: Harness):
    group = await paired_group(h)
    await h.text(ANA, "/settings", chat_id=group)
    await h.press(ANA, "Turn the weekly thanks round on", chat_id=group)
    h.clock.now = datetime(2026, 3, 8, 18, 0, tzinfo=UTC)  # Sunday 8 March, 19:00 in Berlin
    await h.tick()
    ask = h.last_card(BEN)
    await h.text(ANA, "/unlink")
    await h.press(ANA, "Yes, end it")
    actions = await h.press(BEN, "Write mine", message_id=ask.message_id)
    ended = "This week's thanks round is closed: your partner link has ended."
    assert h.toasts(actions) == [ended]
    assert "Go ahead" not in " ".join(said(actions, BEN))
    assert ask.message_id is not None
    shown = h.sandbox.messages[(BEN, ask.message_id)]
    assert shown["text"] == ended and not shown.get("reply_markup")  # nothing left to press


async def test_after_downtime_an_evening_due_that_very_minute_is_not_skipped(h: Harness):
    await h.onboard(ANA, "Ana", evening=True)  # 19:30 UTC; her evening at 21:00 in Berlin
    # Down until 20:00:20 the next day: yesterday's evening is stale, today's due this minute.
    h.clock.now = datetime(2026, 3, 2, 20, 0, 20, tzinfo=UTC)
    assert [a for a in sent(await h.tick()) if a.chat_id == ANA] == []  # yesterday's: skipped
    today = [r for r in await prompts(h, "evening") if r.status == "pending"]
    assert [r.key for r in today] == [f"evening:{ANA}:2026-03-02"]
    h.clock.now += timedelta(seconds=30)
    (card,) = [a for a in sent(await h.tick()) if a.chat_id == ANA]
    assert "Good evening, Ana" in (card.text or "")


async def test_after_downtime_a_check_in_due_that_very_minute_is_not_skipped(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)  # 21:00 in Berlin
    h.clock.now = datetime(2026, 3, 2, 20, 0, 20, tzinfo=UTC)  # down a day, back at 21:00:20
    assert [a for a in sent(await h.tick()) if a.chat_id == group] == []  # yesterday's
    h.clock.now += timedelta(seconds=30)
    (card,) = [a for a in sent(await h.tick()) if a.chat_id == group]
    assert "Ana: waiting" in (card.text or "")


def test_a_weekly_asks_key_names_its_space_and_day_as_a_date():
    day = date(2026, 3, 8)
    assert weekly_ask_of(weekly_ask_key(12, day, 801)) == (12, day)
    assert weekly_ask_of("weekly_ask:12:not-a-day:801") is None
