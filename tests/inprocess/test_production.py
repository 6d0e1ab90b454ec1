"""Production behaviour in-process: stopping mid-tick puts claimed prompts back; /healthz;
the webhook answers Telegram only once an update is handled."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx
import pytest
import tornado.httpserver
import tornado.netutil
from sqlalchemy import select

from bot.sandbox.core import Fault
from bot.scheduling import store
from bot.storage.models import ScheduledPrompt, User
from bot.webserver import SECRET_HEADER, health, make_app
from tests.harness import Harness, until


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


async def test_the_webhook_answers_telegram_only_after_the_update_is_handled(harness: Harness):
    h = harness
    h.person(1400, "Ana")
    gate = asyncio.Event()
    h.sandbox.faults.append(Fault("hold", method="sendMessage", gate=gate))
    server = tornado.httpserver.HTTPServer(make_app(h.app, "/telegram", "s3cret"))
    (sock,) = tornado.netutil.bind_sockets(0, "127.0.0.1")
    server.add_sockets([sock])
    update = h.sandbox.send_text(1400, "/help")
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/telegram"
    try:
        async with httpx.AsyncClient(timeout=10) as client:
            posting = asyncio.create_task(
                client.post(url, json=update, headers={SECRET_HEADER: "s3cret"})
            )
            await until(lambda: h.sandbox.calls["sendMessage"] > 0)  # the reply is on its way
            assert not posting.done()  # ...and Telegram has not been told "delivered" yet
            gate.set()
            assert (await posting).status_code == 200
    finally:
        server.stop()
    assert [a.text for a in h.sandbox.sent(1400) if "What I can do" in (a.text or "")]


async def test_an_update_the_library_cannot_read_is_acknowledged_and_skipped(
    harness: Harness, caplog: pytest.LogCaptureFixture
):
    """A webhook call Telegram made with an update python-telegram-bot cannot parse (a field
    it now requires, missing): answered 200, so Telegram does not send it again and again,
    skipped with its id logged and never its words; the next update is handled."""
    h = harness
    h.person(1401, "Ana")
    unreadable = {
        "update_id": 9_000_001,
        "message": {
            "message_id": 1,
            "date": 0,
            "chat": {"id": 1401, "type": "private"},
            "from": {"id": 1401, "is_bot": False, "first_name": "Ana"},
            "poll": {"id": "1", "question": "my secret words?", "options": []},
        },
    }
    server = tornado.httpserver.HTTPServer(make_app(h.app, "/telegram", "s3cret"))
    (sock,) = tornado.netutil.bind_sockets(0, "127.0.0.1")
    server.add_sockets([sock])
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/telegram"
    headers = {SECRET_HEADER: "s3cret"}
    try:
        async with httpx.AsyncClient(timeout=10) as client:
            assert (await client.post(url, json=unreadable, headers=headers)).status_code == 200
            update = h.sandbox.send_text(1401, "/help")
            assert (await client.post(url, json=update, headers=headers)).status_code == 200
            not_json = await client.post(url, content=b"{", headers=headers)
            assert not_json.status_code == 400  # not Telegram's: refused
    finally:
        server.stop()
    assert "9000001" in caplog.text and "my secret words" not in caplog.text
    assert [a.text for a in h.sandbox.sent(1401) if "What I can do" in (a.text or "")]
