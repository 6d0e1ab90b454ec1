"""The unit of work: SQLite settings, serialised writes, UTC times, optimistic locking."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.orm.exc import StaleDataError

from bot.storage.database import Database
from bot.storage.models import ConversationState, User


async def test_sqlite_runs_in_wal_with_foreign_keys(sqlite_url: str):
    db = Database(sqlite_url)
    try:
        async with db.unit_of_work() as session:
            assert (await session.scalar(text("PRAGMA journal_mode"))) == "wal"
            assert (await session.scalar(text("PRAGMA foreign_keys"))) == 1
            assert (await session.scalar(text("PRAGMA busy_timeout"))) >= 5000
    finally:
        await db.dispose()


async def test_the_data_folder_is_created(tmp_path):
    db = Database(f"sqlite+aiosqlite:///{tmp_path}/new/folder/mend.db")
    try:
        async with db.unit_of_work() as session:
            await session.execute(text("SELECT 1"))
    finally:
        await db.dispose()
    assert (tmp_path / "new" / "folder" / "mend.db").exists()


async def _add_user(db: Database, user_id: int) -> None:
    async with db.unit_of_work() as session:
        session.add(User(id=user_id, first_name=f"u{user_id}"))


async def _bump(db: Database, user_id: int) -> None:
    async with db.unit_of_work() as session:
        user = await session.get(User, user_id)
        assert user is not None
        await asyncio.sleep(0)  # let other writers interleave between read and write
        user.first_name = str(int(user.first_name) + 1)


async def test_concurrent_writers_never_see_database_is_locked(any_db_url: str):
    """Two engines (as two processes would have) and 200 read-modify-write units at once:
    every one commits, none is lost, and SQLite's lock error never surfaces."""
    first, second = Database(any_db_url), Database(any_db_url)
    try:
        async with first.unit_of_work() as session:
            session.add(User(id=1, first_name="0"))
        if first.is_sqlite:
            await asyncio.gather(*(_bump(db, 1) for db in [first, second] * 100))
            async with first.unit_of_work() as session:
                user = await session.get(User, 1)
                assert user is not None and user.first_name == "200"
        await asyncio.gather(*(_add_user(db, 100 + i) for i, db in enumerate([first, second] * 50)))
        async with first.unit_of_work() as session:
            count = await session.scalar(text("SELECT count(*) FROM users"))
        assert count == 101
    finally:
        await first.dispose()
        await second.dispose()


async def test_times_come_back_aware_in_utc_and_naive_ones_are_refused(any_db_url: str):
    db = Database(any_db_url)
    try:
        berlin_evening = datetime.fromisoformat("2026-03-29T21:00:00+02:00")
        async with db.unit_of_work() as session:
            session.add(User(id=5, first_name="Ana", onboarded_at=berlin_evening))
        async with db.unit_of_work() as session:
            user = await session.get(User, 5)
            assert user is not None and user.onboarded_at == berlin_evening
            assert user.onboarded_at.tzinfo == UTC
        with pytest.raises(Exception, match="naive"):
            async with db.unit_of_work() as session:
                session.add(User(id=6, first_name="Ben", onboarded_at=datetime(2026, 1, 1)))
    finally:
        await db.dispose()


async def test_a_stale_flow_state_write_is_refused(any_db_url: str):
    """Optimistic locking: two writers read version 1; the second write must fail."""
    db = Database(any_db_url)
    try:
        async with db.unit_of_work() as session:
            session.add(User(id=9, first_name="Ana"))
            await session.flush()
            session.add(ConversationState(chat_id=9, user_id=9, flow="f", step="a", data={}))
        async with db.unit_of_work() as first:
            row = await first.get(ConversationState, 1)
            assert row is not None and row.version == 1
        row.step = "b"
        async with db.unit_of_work() as session:
            await session.merge(row)
        row.step = "c"  # still carries version 1, but the row is at version 2 now
        with pytest.raises(StaleDataError):
            async with db.unit_of_work() as session:
                await session.merge(row)
    finally:
        await db.dispose()
