"""Long polling through Mend's Poller: Telegram hears an update is taken only once it has been
handled, so a crash mid-update means Telegram sends it again, and the second time has no
effect a person could see."""

from __future__ import annotations

import asyncio
import contextlib

import pytest
from telegram import Update
from telegram.ext import ContextTypes, TypeHandler

from bot.sandbox.core import Fault
from bot.telegram.poller import Poller
from tests.harness import Harness, until

ANA = 501


async def test_an_update_is_confirmed_only_after_it_is_handled_and_a_crash_repeats_nothing(
    harness: Harness,
) -> None:
    h = harness
    h.person(ANA, "Ana")
    handled, crash_now = asyncio.Event(), asyncio.Event()

    async def hang(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        handled.set()  # Mend's handlers (group 0) have committed and answered by now
        await crash_now.wait()

    hanger = TypeHandler(Update, hang)
    h.app.add_handler(hanger, group=99)
    await h.app.start()
    try:
        first = asyncio.create_task(Poller(h.app, timeout=1).run(asyncio.Event()))
        start = h.sandbox.send_text(ANA, "/start")
        await asyncio.wait_for(handled.wait(), 10)
        greeting = [a.text for a in h.sandbox.sent(ANA)]
        assert greeting, "the bot answered /start"
        # Still being handled: Telegram has not been told the update is taken.
        assert [u["update_id"] for u in h.sandbox.pending_updates()] == [start["update_id"]]

        first.cancel()  # the process dies before it asks for more
        with contextlib.suppress(asyncio.CancelledError):
            await first
        h.app.remove_handler(hanger, group=99)
        crashed_at = h.sandbox.last_seq()

        stop = asyncio.Event()
        second = asyncio.create_task(Poller(h.app, timeout=1).run(stop))
        h.sandbox.send_text(ANA, "/help")
        answer = await h.sandbox.next_in_chat(ANA, ("sendMessage",), 10)
        assert answer is not None
        stop.set()
        await second
    finally:
        await h.app.stop()

    after = [a.text for a in h.sandbox.sent(ANA, since=crashed_at)]
    # (/help asks setup's current question again, which /start asked: its hello is its own.)
    assert greeting[0] not in after, "the repeated /start had no second effect"
    assert answer.text not in greeting
    # Both updates handled, and Telegram told so on the way out.
    assert h.sandbox.pending_updates() == []


@pytest.mark.parametrize("method", ["getUpdates", "deleteWebhook"])
@pytest.mark.parametrize("kind", ["retry_after", "server_error", "bad_gateway", "timeout"])
async def test_polling_survives_telegram_failing_and_loses_nothing(
    harness: Harness, kind: str, method: str
) -> None:
    h = harness
    h.person(ANA, "Ana")
    h.sandbox.faults.append(Fault(kind, method=method, retry_after=1))
    await h.app.start()
    stop = asyncio.Event()
    polling = asyncio.create_task(Poller(h.app, timeout=1).run(stop))
    try:
        h.sandbox.send_text(ANA, "/start")
        answer = await h.sandbox.next_in_chat(ANA, ("sendMessage",), 15)
    finally:
        stop.set()
        await polling
        await h.app.stop()
    assert answer is not None
    assert h.sandbox.faults[0].times == 0, "the fault was acted out"
    assert h.sandbox.pending_updates() == []


async def test_a_stop_during_the_long_poll_returns_at_once(harness: Harness) -> None:
    h = harness
    await h.app.start()
    stop = asyncio.Event()
    polling = asyncio.create_task(Poller(h.app, timeout=30).run(stop))
    try:
        await until(lambda: h.sandbox.calls["getUpdates"] > 0)  # in the long poll
        stop.set()
        await asyncio.wait_for(polling, 5)  # not the 30 s the long poll would take
    finally:
        await h.app.stop()
