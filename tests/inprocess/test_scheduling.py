"""Evening reflections, follow-ups and the tick, on a clock the test moves (no sleeping)."""

from __future__ import annotations

import asyncio
import contextlib
import time
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.domain import schedule
from bot.sandbox.core import BotAction, Fault, FloodLimits, Sandbox
from bot.scheduling import store
from bot.scheduling.dispatcher import Dispatcher, TickReport
from bot.storage.models import ConversationState, MomentRow, Reflection, ScheduledPrompt, User
from tests.harness import FakeClock, Harness, start_harness, until
from tests.inprocess.flows import LATER, SAY_IT_NOW, TO_THE_PATH

ANA, BEN = 701, 702


async def rows(h: Harness, user_id: int | None = None) -> list[ScheduledPrompt]:
    async with h.db.unit_of_work() as session:
        query = select(ScheduledPrompt).order_by(ScheduledPrompt.due_at, ScheduledPrompt.id)
        if user_id is not None:
            query = query.where(ScheduledPrompt.user_id == user_id)
        return list(await session.scalars(query))


async def pending(h: Harness, user_id: int) -> list[ScheduledPrompt]:
    return [r for r in await rows(h, user_id) if r.status == "pending"]


async def user_row(h: Harness, user_id: int) -> User:
    async with h.db.unit_of_work() as session:
        user = await session.get(User, user_id)
        assert user is not None
        return user


def sent_to(h: Harness, chat_id: int, actions: list[BotAction] | None = None) -> list[BotAction]:
    source = h.sandbox.actions if actions is None else actions
    return [a for a in source if a.method == "sendMessage" and a.chat_id == chat_id]


async def test_the_evening_reflection_comes_at_local_time_once(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)  # 19:30 UTC: 20:30 in Berlin
    (row,) = await pending(h, ANA)
    assert row.kind == "evening" and row.key == f"evening:{ANA}:2026-03-01"
    assert row.due_at == datetime(2026, 3, 1, 20, 0, tzinfo=UTC)  # 21:00 in Berlin

    assert await h.tick() == []  # not yet
    h.clock.advance(timedelta(minutes=30))
    actions = await h.tick()
    (card,) = sent_to(h, ANA, actions)
    assert card.text == "Good evening, Ana. Any small moment today worth a look?"
    assert len(card.buttons()) == 6
    assert sent_to(h, ANA, await h.tick()) == []  # once
    (sent,) = [r for r in await rows(h, ANA) if r.status == "sent"]
    assert sent.message_id == card.message_id
    (following,) = await pending(h, ANA)
    assert following.key == f"evening:{ANA}:2026-03-02"


async def evening_card(h: Harness, user_id: int = ANA) -> None:
    h.clock.advance(timedelta(minutes=30))
    assert sent_to(h, user_id, await h.tick())


async def reflections(h: Harness) -> list[Reflection]:
    async with h.db.unit_of_work() as session:
        return list(await session.scalars(select(Reflection)))


async def test_all_good_is_recorded_and_answered_once(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    await evening_card(h)
    replies = h.texts(await h.press(ANA, "All good"))
    assert replies == ["Glad to hear it. Sleep well, Ana."]
    (reflection,) = await reflections(h)
    assert (reflection.answer, reflection.local_date) == ("all_good", date(2026, 3, 1))
    card = max(m for (c, m) in h.sandbox.messages if c == ANA)
    actions = await h.press(
        ANA, data=f"menu:ev.not_tonight.{reflection.prompt_id}", message_id=card, forge=True
    )
    assert h.toasts(actions) == ["You've already answered this one."]
    assert len(await reflections(h)) == 1


@pytest.mark.parametrize("forged", ["9" * 30, "-1", "2147483648", "x"])
async def test_a_forged_prompt_id_is_an_expired_card(harness: Harness, forged: str):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    await evening_card(h)
    card = max(m for (c, m) in h.sandbox.messages if c == ANA)
    for kind in ("ev.all_good", "fu.hard"):
        actions = await h.press(ANA, data=f"menu:{kind}.{forged}", message_id=card, forge=True)
        assert h.toasts(actions) == ["This card has expired."]
    assert await reflections(h) == []


async def test_a_moment_hurt_starts_the_repair_flow_in_that_direction(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    await evening_card(h)
    actions = await h.press(ANA, "I may have hurt someone")
    assert [a.method for a in actions] == ["answerCallbackQuery", "editMessageText"]
    assert actions[-1].text == "Who do you think you hurt?"
    async with h.db.unit_of_work() as session:
        state = await session.scalar(select(ConversationState))
    assert state is not None and (state.flow, state.step) == ("moment", "who")
    assert state.data["m"]["direction"] == "by_me"


async def test_a_moment_of_connection_keeps_an_optional_line(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    await evening_card(h)
    await h.press(ANA, "A moment of connection")
    replies = h.texts(await h.text(ANA, "We laughed about the burnt toast together"))
    assert "worth noticing" in replies[0]
    (reflection,) = await reflections(h)
    assert reflection.answer == "connection"
    assert reflection.note == "We laughed about the burnt toast together"


async def test_snooze_an_hour_and_respect_quiet_hours(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    await evening_card(h)  # 21:00 in Berlin
    replies = h.texts(await h.press(ANA, "Ask me in an hour"))
    assert replies == ["Okay, I'll ask again around 22:00."]
    snooze = [r for r in await pending(h, ANA) if r.kind == "snooze"]
    assert len(snooze) == 1 and snooze[0].due_at == datetime(2026, 3, 1, 21, 0, tzinfo=UTC)
    h.clock.advance(timedelta(hours=1))
    actions = await h.tick()
    assert len(sent_to(h, ANA, actions)) == 1
    # At 22:00 another hour would be 23:00: inside quiet hours (22:30-08:00).
    replies = h.texts(await h.press(ANA, "Ask me in an hour"))
    assert "quiet time" in replies[0]
    assert [r for r in await pending(h, ANA) if r.kind == "snooze"] == []


async def test_a_follow_up_after_the_planned_talk_records_how_it_went(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LATER)  # "tomorrow evening": 19:00 in Berlin, asked about at 21:00
    (row,) = await pending(h, ANA)
    assert row.kind == "follow_up" and row.due_at == datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
    h.clock.advance(timedelta(hours=24))
    assert sent_to(h, ANA, await h.tick()) == []  # not at the talk itself
    h.clock.advance(timedelta(minutes=30))
    (card,) = sent_to(h, ANA, await h.tick())
    assert card.text == 'Did you get to talk about "Phone out mid-talk" from yesterday?'
    replies = h.texts(await h.press(ANA, "It went well"))
    assert "repaired, a day after it happened" in replies[0]  # /moment 19:30, answer 20:00
    async with h.db.unit_of_work() as session:
        (moment,) = list(await session.scalars(select(MomentRow)))
    assert (moment.status, moment.outcome) == ("repaired", "went_well")
    assert moment.resolved_at == h.clock.now
    actions = await h.press(
        ANA, data=f"menu:fu.hard.{row.id}", message_id=card.message_id, forge=True
    )
    assert h.toasts(actions) == ["You've already answered this one."]


async def test_not_yet_days_later_still_works_and_plans_again(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LATER)
    h.clock.advance(timedelta(hours=24, minutes=30))
    await h.tick()
    h.clock.advance(timedelta(days=3))  # they answer three days later
    replies = h.texts(await h.press(ANA, "Not yet, remind me"))
    assert replies == ["When should I ask again?"]
    replies = h.texts(await h.press(ANA, "Tomorrow evening"))
    assert replies == ["Okay, I'll ask again tomorrow evening."]
    (again,) = await pending(h, ANA)
    assert again.due_at == datetime(2026, 3, 6, 18, 0, tzinfo=UTC)
    h.clock.advance(timedelta(days=1))
    assert len(sent_to(h, ANA, await h.tick())) == 1
    replies = h.texts(await h.press(ANA, "It was hard"))
    assert "Hard talks still count" in replies[0]


async def test_a_moment_with_no_plan_gets_one_gentle_follow_up(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, SAY_IT_NOW)  # drafted at 20:30 Berlin: tomorrow's evening time
    (nudge,) = await pending(h, ANA)
    assert nudge.kind == "nudge" and nudge.due_at == datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
    h.clock.advance(timedelta(hours=24, minutes=30))
    (card,) = sent_to(h, ANA, await h.tick())
    assert card.text == 'Yesterday you looked at "Phone out mid-talk". How is it now?'
    h.clock.advance(timedelta(days=2))
    assert sent_to(h, ANA, await h.tick()) == []  # one, not a series


async def test_not_yet_on_an_unfinished_moment_asks_again_to_pick_it_up(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:5])  # what happened told (a direction alone is not kept)
    await h.text(ANA, "/cancel")  # kept as unfinished
    h.clock.advance(timedelta(days=1, hours=1))
    await h.tick()
    await h.press(ANA, "Not yet, remind me")
    assert h.texts(await h.press(ANA, "Tomorrow evening")) == [
        "Okay, I'll ask again tomorrow evening."
    ]
    async with h.db.unit_of_work() as session:
        (moment,) = list(await session.scalars(select(MomentRow)))
    assert (moment.status, moment.plan_due_at) == ("unfinished", None)  # no talk was planned
    h.clock.advance(timedelta(days=1))
    (card,) = sent_to(h, ANA, await h.tick())
    assert card.text is not None and card.text.startswith("On Sunday you looked at")
    assert [b["text"] for b in card.buttons()] == [
        "Pick it up again",
        "Not yet, remind me",
        "I'll let it go",
    ]
    replies = h.texts(await h.press(ANA, "Pick it up again"))
    assert replies and "Did you get to talk" not in replies[0]


async def test_no_follow_up_when_turned_off(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/settings")
    await h.press(ANA, "No-plan follow-up off")
    assert (await user_row(h, ANA)).nudges_on is False
    await h.walk(ANA, SAY_IT_NOW)
    assert await pending(h, ANA) == []


async def test_prompts_claimed_but_not_reached_before_a_crash_are_sent_once_after_it(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    h.clock.advance(timedelta(minutes=30))
    async with h.db.unit_of_work() as session:  # a dispatcher claims, then the process dies
        (claimed,) = await store.claim(session, h.clock.now, 10)
    restarted = Dispatcher(h.db, h.app.bot, h.clock)
    assert await restarted.recover(everything=True) == 0
    assert len(sent_to(h, ANA, await h.tick())) == 1
    assert len(sent_to(h, ANA, await h.tick())) == 0
    (row,) = [r for r in await rows(h, ANA) if r.id == claimed.id]
    assert (row.status, row.attempts) == ("sent", 1)


def evening_cards(h: Harness, chat_id: int, actions: list[BotAction]) -> list[BotAction]:
    return [
        a
        for a in sent_to(h, chat_id, actions)
        if any(b.get("callback_data", "").startswith("menu:ev.") for b in a.buttons())
    ]


async def a_tick_stuck_on_anas_send(
    h: Harness, dispatcher: Dispatcher
) -> tuple[asyncio.Task[TickReport], asyncio.Event, int]:
    """Ana's and Ben's evenings due (Ana's row first) and `dispatcher`'s tick held at Ana's send,
    which is at Telegram. Returns the tick, the gate that lets that send finish, and the last
    action before the tick."""
    await h.onboard(ANA, "Ana", evening=True)  # both evenings due at 20:00 UTC (21:00 in Berlin)
    await h.onboard(BEN, "Ben", evening=True)
    h.clock.advance(timedelta(minutes=30))
    gate = asyncio.Event()
    h.sandbox.faults.append(Fault("hold", method="sendMessage", chat_id=ANA, gate=gate))
    since = h.sandbox.last_seq()
    calls = h.sandbox.calls["sendMessage"]
    ticking = asyncio.create_task(dispatcher.tick())
    await until(lambda: h.sandbox.calls["sendMessage"] > calls)
    return ticking, gate, since


async def test_a_crash_during_a_send_never_resends_it_and_the_rest_of_the_batch_go_out(
    harness: Harness,
):
    h = harness
    ticking, _, _ = await a_tick_stuck_on_anas_send(h, h.dispatcher)
    ticking.cancel()  # the process dies mid-send: it may or may not have reached Ana
    with contextlib.suppress(asyncio.CancelledError):
        await ticking
    due = [r for r in await rows(h) if r.kind == "evening" and r.due_at <= h.clock.now]
    assert {r.user_id: r.status for r in due} == {ANA: "sending", BEN: "pending"}

    restarted = Dispatcher(h.db, h.app.bot, h.clock)
    assert await restarted.recover(everything=True) == 1
    since = h.sandbox.last_seq()
    await restarted.tick()
    after = [a for a in h.sandbox.actions if a.seq > since]
    assert sent_to(h, ANA, after) == []
    assert len(sent_to(h, BEN, after)) == 1
    (ana,) = [r for r in await rows(h, ANA) if r.kind == "evening" and r.status != "pending"]
    assert ana.status == "failed" and "not sent again" in (ana.last_error or "")
    (ben,) = [r for r in await rows(h, BEN) if r.kind == "evening" and r.status != "pending"]
    assert ben.status == "sent"


async def test_a_claimed_row_is_left_to_its_claimer_until_the_claim_lapses(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    h.clock.advance(timedelta(minutes=30))
    async with h.db.unit_of_work() as session:  # another replica claims it
        await store.claim(session, h.clock.now, 10)
    assert sent_to(h, ANA, await h.tick()) == []
    h.clock.advance(store.CLAIM_LEASE + timedelta(seconds=1))  # and never gets to it
    assert len(sent_to(h, ANA, await h.tick())) == 1


async def test_an_evening_moved_while_its_tick_is_under_way_comes_at_the_new_time(
    harness: Harness,
):
    h = harness
    ticking, gate, since = await a_tick_stuck_on_anas_send(h, h.dispatcher)
    await h.text(BEN, "/settings")  # meanwhile Ben moves tonight's reflection to 22:00
    await h.press(BEN, "Change its time")
    await h.text(BEN, "22:00")
    gate.set()
    await ticking
    assert evening_cards(h, BEN, [a for a in h.sandbox.actions if a.seq > since]) == []
    h.clock.advance(timedelta(minutes=61))  # 22:01 in Berlin
    assert len(evening_cards(h, BEN, await h.tick())) == 1


async def test_a_replica_too_slow_to_reach_its_claim_loses_it_and_does_not_send_it(
    harness: Harness,
):
    h = harness
    slow = Dispatcher(h.db, h.app.bot, h.clock)  # a second replica, stuck on Ana's send
    ticking, gate, since = await a_tick_stuck_on_anas_send(h, slow)

    h.clock.advance(store.CLAIM_LEASE + timedelta(seconds=1))
    other = await h.tick()  # another replica: Ben's row was claimed but never begun
    assert len(sent_to(h, BEN, other)) == 1 and sent_to(h, ANA, other) == []
    (ana,) = [r for r in await rows(h, ANA) if r.kind == "evening" and r.due_at <= h.clock.now]
    assert ana.status == "sending"  # mid-send within its lease: left to the slow replica

    gate.set()  # the slow replica goes on to Ben's row, which is no longer its own
    report = await ticking
    assert (report.counts["sent"], report.counts["lost"]) == (1, 1)
    after = [a for a in h.sandbox.actions if a.seq > since]
    assert len(sent_to(h, ANA, after)) == 1 and len(sent_to(h, BEN, after)) == 1


async def test_after_downtime_stale_prompts_are_skipped_and_fresh_ones_sent(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)  # evening due 20:00 UTC
    await h.onboard(BEN, "Ben")
    await plan_at(h, BEN, "tomorrow at 17:00")  # Ben's follow-up: 2 March 18:00 UTC
    h.clock.advance(timedelta(hours=22, minutes=40))  # down from 19:30 until 18:10 next day
    actions = await h.tick()
    assert sent_to(h, ANA, actions) == []  # yesterday's evening, 22 hours late: skipped
    assert len(sent_to(h, BEN, actions)) == 1  # ten minutes late: sent
    (old,) = [r for r in await rows(h, ANA) if r.key.endswith("2026-03-01")]
    assert (old.status, old.last_error) == ("skipped", "stale")
    assert [r.key for r in await pending(h, ANA)] == [f"evening:{ANA}:2026-03-02"]


async def test_a_blocked_person_has_prompts_cancelled_and_no_retry_loop(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LATER)
    await h.text(ANA, "/settings")
    await h.press(ANA, "Evening check-in on")
    assert len(await pending(h, ANA)) == 2
    h.sandbox.blocked_by.add(ANA)  # blocked, and the bot has not heard of it yet
    h.clock.advance(timedelta(days=1, minutes=30))  # the follow-up, two hours after the talk
    before = h.sandbox.calls["sendMessage"]
    report = await h.dispatcher.tick()
    assert report.counts["cancelled"] >= 1
    assert (await user_row(h, ANA)).blocked_at == h.clock.now
    assert await pending(h, ANA) == []
    attempts = h.sandbox.calls["sendMessage"] - before
    h.clock.advance(timedelta(days=2))
    await h.dispatcher.tick()
    assert h.sandbox.calls["sendMessage"] - before == attempts == 1  # tried once, never again
    h.sandbox.unblock(ANA)  # they come back
    await h.feed(h.sandbox.pending_updates()[-1])
    assert [r.kind for r in await pending(h, ANA)] == ["evening"]


async def test_a_migrated_group_moves_its_rows(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    h.person(BEN, "Ben")
    group = h.sandbox.create_group("Us", [ANA, BEN], by=ANA)
    async with h.db.unit_of_work() as session:
        await store.plan(
            session,
            key="snooze:group-test",
            kind="snooze",
            user_id=ANA,
            chat_id=group,
            due=h.clock.now,
            now=h.clock.now,
        )
    new_id = h.sandbox.migrate_group(group)
    report = await h.dispatcher.tick()
    assert report.counts["retry"] == 1
    (row,) = await rows(h, ANA)
    assert row.chat_id == new_id and row.status == "pending"
    await h.dispatcher.tick()
    assert len(sent_to(h, new_id)) == 1


async def test_network_errors_retry_with_backoff_and_timeouts_are_not_resent(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.onboard(BEN, "Ben")
    for user in (ANA, BEN):
        async with h.db.unit_of_work() as session:
            await store.plan(
                session,
                key=f"snooze:{user}",
                kind="snooze",
                user_id=user,
                chat_id=user,
                due=h.clock.now,
                now=h.clock.now,
            )
    h.sandbox.faults.append(Fault("bad_gateway", method="sendMessage", chat_id=ANA))
    h.sandbox.faults.append(Fault("timeout", method="sendMessage", chat_id=BEN, delay=0.01))
    report = await h.dispatcher.tick()
    assert (report.counts["retry"], report.counts["failed"]) == (1, 1)
    (ana,) = await rows(h, ANA)
    assert ana.status == "pending" and ana.due_at == h.clock.now + timedelta(seconds=15)
    (ben,) = await rows(h, BEN)
    assert ben.status == "failed" and "may have been delivered" in (ben.last_error or "")
    h.clock.advance(timedelta(seconds=15))
    actions = await h.tick()
    assert len(sent_to(h, ANA, actions)) == 1 and sent_to(h, BEN, actions) == []
    h.clock.advance(timedelta(hours=1))
    assert await h.tick() == []  # the timed-out one is never tried again


@pytest.fixture
async def limited(db_url: str, clock: FakeClock):
    """The stand-in enforcing Telegram's flood limits in real time, and the bot told the
    same limit (50 a second here, so the test is quick)."""
    sandbox = Sandbox(
        first_update_id=5_000,
        clock=time.time,
        limits=FloodLimits(overall_per_second=50, retry_after=1),
    )
    async with start_harness(db_url, clock, sandbox, send_rate_per_second=50) as h:
        yield h


async def test_a_storm_of_429s_sends_every_prompt_exactly_once_and_never_too_fast(limited):
    h = limited
    people = list(range(900, 960))
    async with h.db.unit_of_work() as session:
        for person in people:
            h.person(person, f"P{person}")
            session.add(User(id=person, first_name=f"P{person}", timezone="Europe/Berlin"))
        await session.flush()
        for person in people:
            await store.plan(
                session,
                key=f"snooze:{person}",
                kind="snooze",
                user_id=person,
                chat_id=person,
                due=h.clock.now,
                now=h.clock.now,
            )
    h.sandbox.faults.append(Fault("retry_after", method="sendMessage", retry_after=3, times=4))
    for _ in range(12):
        if not [r for r in await rows(h) if r.status == "pending"]:
            break
        await h.dispatcher.tick()
        h.clock.advance(timedelta(seconds=3))
    counts = {p: len(sent_to(h, p)) for p in people}
    assert set(counts.values()) == {1}, counts
    assert h.sandbox.flood_refusals == 0  # our pacing never went over the limit
    assert {r.status for r in await rows(h)} == {"sent"}


async def test_settings_change_the_schedule(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    replies = h.texts(await h.text(ANA, "/settings"))
    assert "Evening check-in: off" in replies[0] and "Quiet hours: 22:30–08:00" in replies[0]
    await h.press(ANA, "Change its time")
    await h.text(ANA, "23:00")  # inside quiet hours: refused
    assert (await user_row(h, ANA)).evening_on is False
    replies = h.texts(await h.text(ANA, "19:45"))
    assert "Evening check-in: on, at 19:45" in replies[0]
    (row,) = await pending(h, ANA)
    assert row.due_at == datetime(2026, 3, 2, 18, 45, tzinfo=UTC)  # 19:45 tonight has passed
    await h.press(ANA, "Pause a week")
    (row,) = await pending(h, ANA)
    assert row.due_at == datetime(2026, 3, 9, 18, 45, tzinfo=UTC)  # 8 March 19:45 is in it
    await h.press(ANA, "Resume")
    await h.press(ANA, "Pause until I resume")
    assert await pending(h, ANA) == []  # nothing waiting for the year 9999
    await h.press(ANA, "Resume")
    (row,) = await pending(h, ANA)
    assert row.due_at == datetime(2026, 3, 2, 18, 45, tzinfo=UTC)  # back with the next one
    await h.press(ANA, "Quiet hours")
    replies = h.texts(await h.text(ANA, "21:00-07:00"))
    assert "Quiet hours: 21:00–07:00" in replies[0]
    await h.press(ANA, "Evening check-in off")
    assert await pending(h, ANA) == []
    await h.press(ANA, "Done")
    async with h.db.unit_of_work() as session:
        assert await session.scalar(select(ConversationState)) is None


async def move_to(h: Harness, user_id: int, city: str) -> None:
    """The person changes their time zone in /settings."""
    await h.text(user_id, "/settings")
    await h.press(user_id, "Time zone")
    await h.text(user_id, city)
    await h.press(user_id, "Yes, that's right")
    await h.press(user_id, "Done")


async def plan_at(h: Harness, user_id: int, typed: str) -> list[str]:
    """A moment planned for a typed time; what the bot said to close it."""
    await h.walk(user_id, TO_THE_PATH)
    await h.press(user_id, "Talk about it later")
    await h.press(user_id, "I'll type a time")
    return h.texts(await h.text(user_id, typed))


def labels(card: BotAction) -> list[str]:
    return [b["text"] for b in card.buttons()]


async def test_this_evening_is_not_offered_when_too_late_and_what_is_said_is_what_is_stored(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana")
    await move_to(h, ANA, "London")
    await h.walk(ANA, LATER)  # tomorrow evening: 19:00 on 2 March in London (UTC+0)
    h.clock.now = datetime(2026, 3, 2, 21, 0, tzinfo=UTC)  # asked two hours after the talk
    (card,) = sent_to(h, ANA, await h.tick())
    h.clock.now = datetime(2026, 3, 2, 21, 3, tzinfo=UTC)
    await h.press(ANA, "Not yet, remind me")
    assert labels(h.last_card(ANA)) == ["Tomorrow evening", "In a few hours"]
    # "This evening" on the card as it was before 19:30: asked again, not quietly tomorrow.
    (row,) = [r for r in await rows(h, ANA) if r.status == "sent"]
    replies = h.texts(
        await h.press(ANA, data=f"menu:fr.tonight.{row.id}", message_id=card.message_id, forge=True)
    )
    assert replies == ["It's getting late for this evening. When should I ask again?"]
    assert await pending(h, ANA) == []
    replies = h.texts(await h.press(ANA, "Tomorrow evening"))
    assert replies == ["Okay, I'll ask again tomorrow evening."]
    (again,) = await pending(h, ANA)
    assert again.due_at == datetime(2026, 3, 3, 19, 0, tzinfo=UTC)


async def test_a_plan_typed_into_quiet_hours_says_when_the_question_will_come(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")  # 20:30 in Berlin
    replies = await plan_at(h, ANA, "23:15")
    assert replies[0] == (
        "I've kept this moment, Ana, with a plan to talk today at 23:15. That's in your quiet"
        " hours, so I'll ask how it went on Monday at 08:00, once they're over."
    )
    (row,) = await pending(h, ANA)
    assert row.due_at == datetime(2026, 3, 2, 7, 0, tzinfo=UTC)  # 08:00 in Berlin


async def test_a_follow_up_planned_in_the_old_zone_waits_out_the_new_zones_quiet_hours(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana")
    await move_to(h, ANA, "New York")  # 14:30 there
    await plan_at(h, ANA, "19:34")  # 00:34 UTC, asked about two hours later: 02:34 UTC
    await move_to(h, ANA, "London")  # where 02:34 is in quiet hours (22:30-08:00)
    h.clock.now = datetime(2026, 3, 2, 2, 34, tzinfo=UTC)
    since = h.sandbox.last_seq()
    report = await h.dispatcher.tick()
    assert report.counts["moved"] == 1
    assert [a for a in h.sandbox.actions if a.seq > since] == []
    (row,) = await pending(h, ANA)
    assert row.due_at == datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # when quiet hours end
    assert (row.attempts, row.claimed_at, row.last_error) == (0, None, "moved: quiet hours")
    h.clock.now = datetime(2026, 3, 2, 7, 59, tzinfo=UTC)
    assert await h.tick() == []
    h.clock.now = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    (card,) = sent_to(h, ANA, await h.tick())
    assert card.text is not None and card.text.startswith("Did you get to talk about")
    assert sent_to(h, ANA, await h.tick()) == []  # once
    (sent,) = await rows(h, ANA)
    assert (sent.status, sent.attempts) == ("sent", 1)


async def test_a_held_back_row_is_moved_only_under_our_own_claim(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await plan_at(h, ANA, "23:15")
    h.clock.now = datetime(2026, 3, 2, 7, 0, tzinfo=UTC)
    async with h.db.unit_of_work() as session:
        (ours,) = await store.claim(session, h.clock.now, 10)
    h.clock.advance(store.CLAIM_LEASE + timedelta(seconds=1))
    async with h.db.unit_of_work() as session:  # the claim lapsed and another replica took it
        (theirs,) = await store.claim(session, h.clock.now, 10)
    async with h.db.unit_of_work() as session:
        assert not await store.defer(session, ours, h.clock.now, h.clock.now, "quiet hours")
        assert await store.defer(session, theirs, h.clock.now, h.clock.now, "quiet hours")
    (row,) = await pending(h, ANA)
    assert (row.claimed_at, row.attempts) == (None, 1)  # two claims, one put back untried


async def leave_unfinished(h: Harness, user_id: int) -> None:
    """A moment looked at up to its pattern, then left: it gets a nudge."""
    await h.walk(user_id, TO_THE_PATH[:5])
    await h.text(user_id, "/cancel")


async def test_a_nudge_about_a_moment_with_nothing_told_is_not_sent(harness: Harness):
    """Such moments are no longer kept, but one kept before, with its nudge, may be waiting."""
    h = harness
    await h.onboard(ANA, "Ana")
    await leave_unfinished(h, ANA)
    (nudge,) = [r for r in await pending(h, ANA) if r.kind == "nudge"]
    async with h.db.unit_of_work() as session:
        moment = await session.get(MomentRow, nudge.moment_id)
        assert moment is not None
        moment.pattern = None  # as a direction alone was kept before
    h.clock.now = nudge.due_at
    assert sent_to(h, ANA, await h.tick()) == []
    (done,) = [r for r in await rows(h, ANA) if r.id == nudge.id]
    assert (done.status, done.last_error) == ("skipped", "nothing told")


async def test_at_most_one_card_about_a_moment_an_evening(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await leave_unfinished(h, ANA)  # Sunday: its nudge is due Monday at 21:00
    h.clock.now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    await leave_unfinished(h, ANA)  # Monday noon: the same pattern, due the same evening
    await plan_at(h, ANA, "18:30")  # and a talk Ana planned that evening, asked about at 20:30
    nudges = [r for r in await pending(h, ANA) if r.kind == "nudge"]
    assert [r.due_at for r in nudges] == [datetime(2026, 3, 2, 20, 0, tzinfo=UTC)] * 2

    cards: dict[str, list[str | None]] = {}
    for day in (2, 3, 4, 5):
        evening: list[str | None] = []
        for at in ((19, 30), (20, 0)):  # 20:30 and 21:00 in Berlin
            h.clock.now = datetime(2026, 3, day, *at, tzinfo=UTC)
            evening += [a.text for a in sent_to(h, ANA, await h.tick())]
        cards[f"{day} March"] = evening
    assert [len(c) for c in cards.values()] == [1, 1, 1, 0]
    assert (
        cards["2 March"][0] == 'Did you get to talk about "Phone out mid-talk" from earlier today?'
    )
    # The two nudges about the same pattern say which day's moment they mean.
    assert cards["3 March"][0] == 'On Sunday you looked at "Phone out mid-talk". How is it now?'
    assert cards["4 March"][0] == 'On Monday you looked at "Phone out mid-talk". How is it now?'
    assert {r.status for r in await rows(h, ANA)} == {"sent"}


async def test_pending_nudges_follow_the_evening_time(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await leave_unfinished(h, ANA)
    (nudge,) = await pending(h, ANA)
    assert nudge.due_at == datetime(2026, 3, 2, 20, 0, tzinfo=UTC)  # Monday 21:00 in Berlin
    h.clock.now = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    await h.text(ANA, "/settings")
    await h.press(ANA, "Change its time")
    await h.text(ANA, "19:30")
    due = {r.kind: r.due_at for r in await pending(h, ANA)}
    at_1930 = datetime(2026, 3, 2, 18, 30, tzinfo=UTC)
    assert due == {"evening": at_1930, "nudge": at_1930}
    h.clock.now = at_1930
    (check_in,) = sent_to(h, ANA, await h.tick())  # the check-in first, on its own
    assert check_in.text is not None and "Any small moment today" in check_in.text
    h.clock.now = at_1930 + timedelta(minutes=45)
    (card,) = sent_to(h, ANA, await h.tick())  # then its one nudge
    assert card.text is not None and "How is it now?" in card.text
    h.clock.now = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
    assert sent_to(h, ANA, await h.tick()) == []  # nothing left at the old time


async def test_an_hour_reads_as_an_hour(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/settings")
    await h.press(ANA, '"In a few hours" length')
    replies = h.texts(await h.press(ANA, "1 h"))
    assert '"In a few hours" means: 1 hour\n' in replies[0]
    await h.press(ANA, "Done")
    await h.walk(ANA, [*TO_THE_PATH, ("press", "Talk about it later", "", "")])
    replies = h.texts(await h.press(ANA, "In a few hours"))
    assert "a plan to talk today at 21:30" in replies[0]  # 20:30 in Berlin now: one hour on


async def test_a_planned_talk_is_asked_about_after_it_not_at_its_very_minute(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    h.clock.now = datetime(2026, 3, 2, 15, 30, tzinfo=UTC)  # 16:30 in Berlin
    await h.walk(ANA, [*TO_THE_PATH, ("press", "Talk about it later", "", "")])
    replies = h.texts(await h.press(ANA, "In a few hours"))
    assert "a plan to talk today at 19:30. I'll ask how it went today at 21:30." in replies[0]
    h.clock.now = datetime(2026, 3, 2, 18, 30, tzinfo=UTC)  # 19:30: the talk itself
    assert sent_to(h, ANA, await h.tick()) == []
    h.clock.now = datetime(2026, 3, 2, 20, 30, tzinfo=UTC)  # 21:30: two hours on
    (card,) = sent_to(h, ANA, await h.tick())
    assert card.text == 'Did you get to talk about "Phone out mid-talk" from earlier today?'


# ------------------------------------------------------------------ the evening card mid-moment


async def moment_rows(h: Harness) -> list[MomentRow]:
    async with h.db.unit_of_work() as session:
        return list(await session.scalars(select(MomentRow)))


async def evening_card_mid_moment(h: Harness) -> None:
    """The evening card to someone who put a moment down partway: held back at 21:00 while
    the moment was under way, it comes once the moment has been left alone for a while."""
    h.clock.advance(timedelta(minutes=30))
    assert sent_to(h, ANA, await h.tick()) == []  # not while the moment is under way
    h.clock.advance(schedule.MOMENT_UNDER_WAY_FOR)
    assert sent_to(h, ANA, await h.tick())


async def test_the_evening_card_mid_moment_keeps_the_moment_as_moment_does(harness: Harness):
    """At the intensity step when the card arrives, "A moment hurt" used to leave the moment
    "unfinished" and start another without a word. It answers as /moment does there, and the
    evening's answer is still kept."""
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    await h.walk(ANA, TO_THE_PATH[:6])  # at the intensity question
    await evening_card_mid_moment(h)
    replies = h.texts(await h.press(ANA, "A moment hurt"))
    assert replies[0] == "We're in the middle of a moment already. Here's where we were:"
    assert "How much is it" in replies[1] and len(replies) == 2
    assert replies == h.texts(await h.text(ANA, "/moment"))  # the same words and card
    (moment,) = await moment_rows(h)
    assert moment.status == "open"
    async with h.db.unit_of_work() as session:
        state = await session.scalar(select(ConversationState))
    assert state is not None and (state.flow, state.step) == ("moment", "int")
    assert [r.answer for r in await reflections(h)] == ["hurt"]
    assert "How did it feel?" in h.texts(await h.press(ANA, "4"))[-1]


async def test_a_moment_of_connection_mid_moment_comes_back_to_the_moment(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    await h.walk(ANA, TO_THE_PATH[:6])
    await evening_card_mid_moment(h)
    await h.press(ANA, "A moment of connection")
    replies = h.texts(await h.text(ANA, "We laughed about the burnt toast together"))
    assert "worth noticing" in replies[0]
    assert replies[1] == "Now, back to where we were:" and "How much is it" in replies[2]
    (moment,) = await moment_rows(h)
    assert moment.status == "open"
    (reflection,) = await reflections(h)
    assert reflection.note == "We laughed about the burnt toast together"
