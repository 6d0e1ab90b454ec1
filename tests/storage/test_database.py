"""The unit of work: SQLite settings, serialised writes, UTC times, optimistic locking."""

from __future__ import annotations

import asyncio
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from bot.domain.flow import FlowState
from bot.storage import repositories as repo
from bot.storage.database import Database
from bot.storage.models import User


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


async def test_concurrent_units_of_work_never_see_database_is_locked(sqlite_url: str):
    """200 read-modify-write units at once on one SQLite engine: they run one after another,
    so every one commits and none is lost, and none sees "database is locked"."""
    db = Database(sqlite_url)
    try:
        async with db.unit_of_work() as session:
            session.add(User(id=1, first_name="0"))
        await asyncio.gather(*(_bump(db, 1) for _ in range(200)))
        async with db.unit_of_work() as session:
            user = await session.get(User, 1)
            assert user is not None and user.first_name == "200"
    finally:
        await db.dispose()


@pytest.mark.postgres
async def test_two_engines_write_side_by_side_on_postgres(clean_postgres_url: str):
    first, second = Database(clean_postgres_url), Database(clean_postgres_url)
    try:
        await asyncio.gather(*(_add_user(db, 100 + i) for i, db in enumerate([first, second] * 50)))
        async with first.unit_of_work() as session:
            assert await session.scalar(text("SELECT count(*) FROM users")) == 100
    finally:
        await first.dispose()
        await second.dispose()


ROOT = Path(__file__).resolve().parents[2]
SECOND_PROCESS = """
import asyncio, sys
from bot.domain.flow import FlowState
from bot.storage import repositories as repo
from bot.storage.database import Database
from bot.storage.models import User

async def main(url, first, count):
    db = Database(url)
    for i in range(count):
        async with db.unit_of_work() as session:
            session.add(User(id=first + i, first_name="other process"))
    await db.dispose()

asyncio.run(main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3])))
"""


async def test_a_second_process_writing_at_the_same_time(sqlite_url: str, tmp_path):
    """Another process on the same SQLite file (a `migrate`, say) waits its turn through the
    busy timeout and BEGIN IMMEDIATE: both sides commit everything, nobody sees an error."""
    script = tmp_path / "writer.py"
    script.write_text(SECOND_PROCESS)
    other = await asyncio.create_subprocess_exec(
        sys.executable,
        str(script),
        sqlite_url,
        "100000",
        "300",
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    db = Database(sqlite_url)
    try:
        for i in range(300):
            await _add_user(db, 200000 + i)
        assert await other.wait() == 0
        async with db.unit_of_work() as session:
            count = await session.scalar(text("SELECT count(*) FROM users"))
        assert count == 600
    finally:
        await db.dispose()


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
    """Optimistic locking: two turns read version 1; the second write must fail, whether it
    moves the flow on or ends it."""
    db = Database(any_db_url)
    now = datetime(2026, 3, 1, tzinfo=UTC)
    try:
        async with db.unit_of_work() as session:
            session.add(User(id=9, first_name="Ana"))
            await session.flush()
            first = await repo.save_state(session, None, 9, 9, FlowState("f", "a", {"x": 1}), now)
        assert first is not None and first.version == 1
        async with db.unit_of_work() as session:
            moved = await repo.save_state(session, first, 9, 9, FlowState("f", "b"), now)
        assert moved is not None and moved.version == 2
        for stale_write in (FlowState("f", "c"), None):
            with pytest.raises(StaleDataError):
                async with db.unit_of_work() as session:
                    await repo.save_state(session, first, 9, 9, stale_write, now)
        async with db.unit_of_work() as session:
            stored = await repo.load_state(session, 9, 9)
        assert stored == moved  # neither stale write changed anything
    finally:
        await db.dispose()


async def test_the_person_and_their_flow_load_together_and_changes_to_the_person_are_kept(
    any_db_url: str,
):
    db = Database(any_db_url)
    now = datetime(2026, 3, 1, tzinfo=UTC)
    try:
        async with db.unit_of_work() as session:
            session.add(User(id=7, first_name="Ana", timezone="Europe/Berlin", onboarded_at=now))
            await session.flush()
            await repo.save_state(session, None, -100, 7, FlowState("f", "a", {"m": "é ✓"}), now)
        async with db.unit_of_work() as session:
            user, state = await repo.user_and_state(session, 7, -100)
            assert user is not None and state is not None
            assert (user.timezone, user.onboarded_at) == ("Europe/Berlin", now)
            assert (state.flow, state.step, dict(state.data)) == ("f", "a", {"m": "é ✓"})
            assert await session.get(User, 7) is user  # the one object for this person
            assert await repo.user_and_state(session, 7, 7) == (user, None)  # other chat
            user.preferred_name = "Annie"  # tracked like any loaded object
        async with db.unit_of_work() as session:
            again = await session.get(User, 7)
            assert again is not None and again.preferred_name == "Annie"
            assert await repo.user_and_state(session, 8, -100) == (None, None)
    finally:
        await db.dispose()


async def test_a_database_error_does_not_carry_what_was_written(any_db_url: str):
    db = Database(any_db_url)
    try:
        with pytest.raises(IntegrityError) as raised:
            async with db.unit_of_work() as session:
                session.add(User(id=77, first_name="Ana", preferred_name="my secret name"))
                await session.flush()
                session.add(User(id=77, first_name="Ana", preferred_name="my secret name"))
                await session.flush()
    finally:
        await db.dispose()
    assert "users" in str(raised.value) and "my secret name" not in str(raised.value)
