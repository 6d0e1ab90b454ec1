"""Two dispatchers ticking at once on PostgreSQL send each of 10,000 due prompts once."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, insert, select
from telegram.ext import ExtBot

from bot.sandbox.core import Sandbox
from bot.sandbox.request import SandboxRequest
from bot.scheduling.dispatcher import Dispatcher
from bot.scheduling.ratelimit import MendRateLimiter
from bot.storage.database import Database
from bot.storage.models import ScheduledPrompt, User

pytestmark = pytest.mark.postgres
ROWS = 10_000
NOW = datetime(2026, 3, 1, 19, 0, tzinfo=UTC)


async def drain(dispatcher: Dispatcher) -> int:
    sent = 0
    while True:
        report = await dispatcher.tick()
        if not report:
            return sent
        sent += report.counts["sent"]


async def test_two_dispatchers_send_each_of_10000_prompts_exactly_once(clean_postgres_url: str):
    sandbox = Sandbox(first_update_id=1)
    db = Database(clean_postgres_url)
    ids = range(2_000_000, 2_000_000 + ROWS)
    for user_id in ids:
        sandbox.add_user(user_id, "P")
    async with db.unit_of_work() as session:
        await session.execute(
            insert(User),
            [
                {
                    "id": i,
                    "first_name": "P",
                    "timezone": "Europe/Berlin",
                    "created_at": NOW,
                    "updated_at": NOW,
                }
                for i in ids
            ],
        )
        await session.execute(
            insert(ScheduledPrompt),
            [
                {
                    "key": f"snooze:{i}",
                    "kind": "snooze",
                    "user_id": i,
                    "chat_id": i,
                    "due_at": NOW,
                    "status": "pending",
                    "attempts": 0,
                    "created_at": NOW,
                    "updated_at": NOW,
                }
                for i in ids
            ],
        )

    dispatchers = []
    for _ in range(2):
        bot = ExtBot(
            sandbox.token,
            request=SandboxRequest(sandbox),
            rate_limiter=MendRateLimiter(per_second=1_000_000),
        )
        await bot.initialize()
        dispatchers.append(Dispatcher(Database(clean_postgres_url), bot, lambda: NOW, batch=100))
    try:
        first, second = await asyncio.gather(*(drain(d) for d in dispatchers))
    finally:
        for d in dispatchers:
            await d.bot.shutdown()
            await d.db.dispose()

    per_chat = Counter(a.chat_id for a in sandbox.actions if a.method == "sendMessage")
    assert len(per_chat) == ROWS and set(per_chat.values()) == {1}
    assert first + second == ROWS and first > 0 and second > 0  # both really took part
    async with db.unit_of_work() as session:
        statuses = dict(
            (
                await session.execute(
                    select(ScheduledPrompt.status, func.count()).group_by(ScheduledPrompt.status)
                )
            ).all()
        )
    assert statuses == {"sent": ROWS}
    await db.dispose()
