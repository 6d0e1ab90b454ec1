"""Encryption at rest: what people write is absent from the raw database."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import pytest
from cryptography.fernet import Fernet
from sqlalchemy import select
from sqlalchemy.engine import make_url

from bot.storage import crypto, encryption
from bot.storage.database import Database
from bot.storage.encryption import check_readable, rotate_all
from bot.storage.models import ConversationState, MomentRow, User

SECRET = "he forgot my mother's funeral"
NOW = datetime(2026, 3, 1, tzinfo=UTC)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def no_keys_after() -> Iterator[None]:
    yield
    crypto.configure(None)


async def write(db: Database) -> None:
    async with db.unit_of_work() as session:
        session.add(User(id=1, first_name="Ana"))
        await session.flush()
        session.add(
            MomentRow(
                id="m1",
                user_id=1,
                status="open",
                description=SECRET,
                draft=f"When {SECRET}, I felt hurt.",
                feelings=["hurt"],
                needs=[],
            )
        )
        session.add(
            ConversationState(
                chat_id=1, user_id=1, flow="moment", step="cam", data={"m": {"description": SECRET}}
            )
        )


async def read(db: Database) -> tuple[str | None, dict[str, object]]:
    async with db.unit_of_work() as session:
        moment = await session.get(MomentRow, "m1")
        state = await session.scalar(select(ConversationState))
        assert moment is not None and state is not None
        return moment.description, state.data


async def test_sqlite_file_holds_no_plain_text(sqlite_url: str):
    crypto.configure([Fernet(Fernet.generate_key())])
    db = Database(sqlite_url)
    await write(db)
    assert await read(db) == (SECRET, {"m": {"description": SECRET}})
    await db.dispose()
    path = Path(make_url(sqlite_url).database or "")
    raw = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    assert SECRET.encode() not in raw and b"funeral" not in raw
    assert b"Ana" in raw  # the check would notice if nothing were written at all


@pytest.mark.postgres
async def test_postgres_table_holds_no_plain_text(clean_postgres_url: str):
    crypto.configure([Fernet(Fernet.generate_key())])
    db = Database(clean_postgres_url)
    await write(db)
    assert (await read(db))[0] == SECRET
    await db.dispose()
    dsn = (
        make_url(clean_postgres_url)
        .set(drivername="postgresql")
        .render_as_string(hide_password=False)
    )
    connection = await asyncpg.connect(dsn)
    try:
        rows = await connection.fetch(
            "SELECT description, draft, m.id, s.data::text AS data "
            "FROM moments m, conversation_states s"
        )
    finally:
        await connection.close()
    dumped = repr([dict(r) for r in rows])
    assert "funeral" not in dumped and "enc1:" in dumped


@pytest.mark.parametrize("keys", [False, True], ids=["no keys", "keys"])
async def test_a_person_typing_the_prefix_is_read_back_as_typed(sqlite_url: str, keys: bool):
    """Someone writes "enc1:" themselves: it must neither look encrypted (and stop the bot
    from starting without keys) nor be stored unencrypted."""
    crypto.configure([Fernet(Fernet.generate_key())] if keys else None)
    typed = ["enc1: notes to self", "enc0:x", "enc1:gAAAA"]
    db = Database(sqlite_url)
    async with db.unit_of_work() as session:
        session.add(User(id=1, first_name="Ana"))
        await session.flush()
        for n, text in enumerate(typed):
            session.add(MomentRow(id=f"m{n}", user_id=1, status="open", description=text))
        session.add(
            ConversationState(chat_id=1, user_id=1, flow="moment", step="cam", data={"m": typed})
        )
    async with db.unit_of_work() as session:
        await check_readable(session)  # nothing here is unreadable
        moments = list(await session.scalars(select(MomentRow).order_by(MomentRow.id)))
        state = await session.scalar(select(ConversationState))
    await db.dispose()
    assert [m.description for m in moments] == typed
    assert state is not None and state.data == {"m": typed}


async def test_rotation_re_encrypts_with_the_new_key(sqlite_url: str):
    old, new = Fernet.generate_key(), Fernet.generate_key()
    crypto.configure([Fernet(old)])
    db = Database(sqlite_url)
    await write(db)
    crypto.configure([Fernet(new), Fernet(old)])
    async with db.unit_of_work() as session:
        assert await rotate_all(session) == 3  # description, draft, state data
    crypto.configure([Fernet(new)])
    assert (await read(db))[0] == SECRET
    crypto.configure([Fernet(old)])
    with pytest.raises(crypto.MissingKey):
        async with db.unit_of_work() as session:
            await check_readable(session)
    await db.dispose()


async def test_rotation_pages_through_many_rows_and_keeps_each_its_own(
    db_url: str, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(encryption, "ROTATE_CHUNK", 2)  # five moments: three chunks
    old, new = Fernet.generate_key(), Fernet.generate_key()
    crypto.configure([Fernet(old)])
    db = Database(db_url)
    texts = {f"m{n}": f"{SECRET} ({n})" for n in range(5)}
    async with db.unit_of_work() as session:
        session.add(User(id=1, first_name="Ana"))
        await session.flush()
        for key, text in texts.items():
            session.add(MomentRow(id=key, user_id=1, status="open", description=text))
    crypto.configure([Fernet(new), Fernet(old)])
    async with db.unit_of_work() as session:
        assert await rotate_all(session) == 5
    crypto.configure([Fernet(new)])  # the old key gone: every row must read with the new one
    async with db.unit_of_work() as session:
        moments = (await session.scalars(select(MomentRow))).all()
        assert {m.id: m.description for m in moments} == texts
    await db.dispose()


async def test_encrypted_rows_and_no_key_refuse_to_start(sqlite_url: str, tmp_path: Path):
    crypto.configure([Fernet(Fernet.generate_key())])
    db = Database(sqlite_url)
    await write(db)
    await db.dispose()
    env = {k: v for k, v in os.environ.items() if k != "ENCRYPTION_KEYS"}
    env.update(DATABASE_URL=sqlite_url, PYTHONPATH=str(ROOT), TELEGRAM_BOT_TOKEN="123:" + "a" * 30)
    result = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "ENCRYPTION_KEYS is not set" in result.stderr and "Traceback" not in result.stderr
