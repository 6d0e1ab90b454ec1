"""Production behaviour in-process: stopping mid-tick puts claimed prompts back; /healthz."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.scheduling import store
from bot.storage.models import ScheduledPrompt, User
from bot.webserver import health
from tests.harness import Harness


async def plan_five(h: Harness) -> None:
    async with h.db.unit_of_work() as session:
        for n in range(5):
            h.person(1300 + n, "P")
            session.add(User(id=1300 + n, first_name="P", timezone="Europe/Berlin"))
        await session.flush()
        for n in range(5):
            await store.plan(
                session,
                key=f"snooze:{n}",
                kind="snooze",
                user_id=1300 + n,
                chat_id=1300 + n,
                due=h.clock.now,
                now=h.clock.now,
            )


async def test_stopping_mid_tick_sends_no_more_and_puts_the_rest_back(harness: Harness):
    h = harness
    await plan_five(h)
    dispatcher = h.dispatcher
    original = dispatcher._send

    async def send_then_stop(*args, **kwargs):  # SIGTERM arrives during the first send
        result = await original(*args, **kwargs)
        dispatcher.stopping = True
        return result

    dispatcher._send = send_then_stop  # type: ignore[method-assign]
    report = await dispatcher.tick()
    assert (report.counts["sent"], report.counts["released"]) == (1, 4)
    async with h.db.unit_of_work() as session:
        rows = list(await session.scalars(select(ScheduledPrompt)))
    assert sorted(r.status for r in rows) == ["pending"] * 4 + ["sent"]
    assert {r.attempts for r in rows if r.status == "pending"} == {0}


async def test_healthz_says_database_and_tick(harness: Harness):
    h = harness
    report = await health(h.app)
    assert report["ok"] and report["database"] == "ok" and report["tick"] == "not yet"
    await h.dispatcher.tick()
    assert (await health(h.app))["tick_age_seconds"] == 0
    h.clock.advance(timedelta(minutes=5))  # no tick for a while: something is wrong
    assert (await health(h.app))["ok"] is False
