"""Production mode: webhook with its secret token, /healthz, SIGTERM."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from bot.sandbox.server import SandboxServer
from bot.storage.database import Database
from bot.storage.models import ProcessedUpdate
from tests.e2e.conftest import BotProcess, Control

pytestmark = pytest.mark.e2e
ANA = 6101
SECRET = "s3cret-token_for-tests"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class WebhookBot(BotProcess):
    port = 0

    def start(self, control: Control) -> None:
        """Start on a port that was free a moment ago. Another process may take it before the
        bot binds it; the bot then exits (address in use) and we try again on another."""
        for _ in range(3):
            self.port = free_port()
            self.env.update(
                WEBHOOK_URL=f"http://127.0.0.1:{self.port}/telegram",
                WEBHOOK_PORT=str(self.port),
            )
            since = control.last_seq()
            super().start(control)
            try:  # set once its server is listening
                control.wait_for(lambda a: a["method"] == "setWebhook", since, timeout=15)
                return
            except AssertionError:
                assert self.process is not None
                if self.process.poll() is None:
                    raise  # running but never set its webhook: a real failure
        raise AssertionError(f"no free port for the webhook bot: {self.logs()}")


@pytest.fixture
def webhook_bot(server: SandboxServer, db_url: str, tmp_path: Path) -> Iterator[WebhookBot]:
    process = WebhookBot(server, db_url, tmp_path)
    process.env.update(WEBHOOK_SECRET=SECRET, WEBHOOK_LISTEN="127.0.0.1", TICK_SECONDS="1")
    yield process
    process.stop()


def test_a_webhook_port_in_use_stops_the_bot_before_telegram_is_told_to_deliver_there(
    server: SandboxServer, control: Control, db_url: str, tmp_path: Path
):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        bot = BotProcess(server, db_url, tmp_path)
        bot.env.update(
            WEBHOOK_URL=f"http://127.0.0.1:{port}/telegram",
            WEBHOOK_SECRET=SECRET,
            WEBHOOK_LISTEN="127.0.0.1",
            WEBHOOK_PORT=str(port),
        )
        since = control.last_seq()
        bot.start(control)
        assert bot.process is not None
        assert bot.process.wait(30) == 2  # refused to start, with one line
    assert f"cannot listen on 127.0.0.1:{port} (WEBHOOK_PORT): Address already in use" in (
        bot.logs()
    )
    assert [a for a in control.actions(since) if a["method"] == "setWebhook"] == []
    assert server.sandbox is not None and not server.sandbox.webhook_url


def handled(db_url: str) -> int:
    async def count() -> int:
        db = Database(db_url)
        try:
            async with db.unit_of_work() as session:
                return int(
                    await session.scalar(select(func.count()).select_from(ProcessedUpdate)) or 0
                )
        finally:
            await db.dispose()

    return asyncio.run(count())


def test_webhook_checks_the_secret_and_serves_health(
    webhook_bot: WebhookBot, control: Control, server: SandboxServer, db_url: str
):
    webhook_bot.start(control)
    assert server.sandbox is not None
    assert server.sandbox.webhook_url.endswith("/telegram")
    base = f"http://127.0.0.1:{webhook_bot.port}"
    control.user(ANA, "Ana")
    update = control.send(ANA, "/help")
    with httpx.Client(base_url=base, timeout=10) as web:
        for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
            answer = web.post("/telegram", json=update, headers=headers)
            assert answer.status_code == 403
        assert handled(db_url) == 0  # refused calls are not processed
        since = control.last_seq()
        answer = web.post(
            "/telegram", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
        )
        assert answer.status_code == 200
        # Handled before the 200 (committed and answered): a crash after it loses nothing.
        assert handled(db_url) == 1
        assert any("What I can do" in (a["text"] or "") for a in control.actions(since))
        health = web.get("/healthz")
        assert health.status_code == 200 and health.json()["database"] == "ok"
    assert webhook_bot.stop() == 0  # SIGTERM: a clean stop
    assert "stopping: finishing the updates in flight" in webhook_bot.logs()
