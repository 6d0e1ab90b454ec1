"""A person's first two updates, from two chats at once (a tap in the group and /start in
private run side by side), both make their row: on PostgreSQL the second insert waits for
the first, and must then take the row the first made, not fail on the primary key."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import asyncpg
import pytest
from sqlalchemy import func, select

from bot.storage import repositories as repo
from bot.storage.database import Database
from bot.storage.models import User
from tests.postgres import asyncpg_dsn

pytestmark = pytest.mark.postgres
NOW = datetime(2026, 3, 1, 19, 0, tzinfo=UTC)
BEN = 4_200_001
WAITING = (
    "SELECT count(*) FROM pg_stat_activity "
    "WHERE datname = current_database() AND wait_event_type = 'Lock'"
)


async def _until_a_session_waits_on_a_lock(url: str) -> None:
    """Until some backend of this database waits for a lock (the second insert, on the first
    one's uncommitted row): an event to wait for, not a timing."""
    connection = await asyncpg.connect(asyncpg_dsn(url), timeout=5)
    try:
        async with asyncio.timeout(10):
            # pg_stat_activity has no event to wait on: ask it until it says so.
            while not await connection.fetchval(WAITING):  # noqa: ASYNC110
                await asyncio.sleep(0.005)
    finally:
        await connection.close()


async def test_a_first_contact_racing_another_takes_the_row_the_other_made(
    clean_postgres_url: str,
) -> None:
    db = Database(clean_postgres_url)
    made, commit = asyncio.Event(), asyncio.Event()

    async def in_the_group() -> None:
        async with db.unit_of_work() as session:
            await repo.upsert_user(session, BEN, "Ben", "en", NOW, private=False)
            made.set()
            await commit.wait()  # its turn goes on while /start arrives in private

    async def in_private() -> User:
        await made.wait()
        async with db.unit_of_work() as session:
            known, _ = await repo.user_and_state(session, BEN, BEN)
            assert known is None  # the other turn has not committed
            user = await repo.upsert_user(session, BEN, "Ben", "en", NOW, known, private=True)
            user.started_at = NOW
            return user

    try:
        group = asyncio.create_task(in_the_group())
        private = asyncio.create_task(in_private())
        await _until_a_session_waits_on_a_lock(clean_postgres_url)
        commit.set()
        await group
        user = await private
        assert user.id == BEN
        async with db.unit_of_work() as session:
            count = await session.scalar(select(func.count()).select_from(User))
            stored = await session.get(User, BEN)
        assert count == 1
        assert stored is not None
        assert stored.started_at == NOW, "the second turn's change to the row was kept"
        assert stored.last_seen_at == NOW, "and its private contact counted"
    finally:
        await db.dispose()


async def test_first_contact_makes_the_row_and_a_second_call_finds_it(
    clean_postgres_url: str,
) -> None:
    db = Database(clean_postgres_url)
    try:
        async with db.unit_of_work() as session:
            user = await repo.upsert_user(session, BEN, "Ben\u00e9", "fr", NOW, private=False)
            made = (user.first_name, user.language_code, user.last_seen_at)
            assert made == ("Ben\u00e9", "fr", None)
            assert user.evening_on is False and user.created_at == NOW
        async with db.unit_of_work() as session:
            again = await repo.upsert_user(session, BEN, "Ben", "fr", NOW)
            assert again.first_name == "Ben" and again.last_seen_at == NOW
    finally:
        await db.dispose()
