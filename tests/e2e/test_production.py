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


@pytest.fixture
def webhook_bot(server: SandboxServer, db_url: str, tmp_path: Path) -> Iterator[BotProcess]:
    process = BotProcess(server, db_url, tmp_path)
    port = free_port()
    process.env.update(
        WEBHOOK_URL=f"http://127.0.0.1:{port}/telegram",
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_LISTEN="127.0.0.1",
        WEBHOOK_PORT=str(port),
        TICK_SECONDS="1",
    )
    process.port = port  # type: ignore[attr-defined]
    yield process
    process.stop()


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
    webhook_bot: BotProcess, control: Control, server: SandboxServer, db_url: str
):
    since = control.last_seq()
    webhook_bot.start(control)
    control.wait_for(lambda a: a["method"] == "setWebhook", since)
    assert server.sandbox is not None
    assert server.sandbox.webhook_url.endswith("/telegram")
    base = f"http://127.0.0.1:{webhook_bot.port}"  # type: ignore[attr-defined]
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
