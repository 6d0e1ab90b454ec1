"""Engine and unit of work.

One unit of work per update: a session, one transaction, committed or rolled back as a whole.

SQLite allows one writer at a time. Rather than let concurrent handlers race for the file
lock and surface "database is locked", every unit of work in this process takes one asyncio
lock and one pooled connection, and begins with `BEGIN IMMEDIATE` (a deferred transaction that
later upgrades to a write fails at once instead of waiting). `busy_timeout` covers the rare
second process (a `migrate` run, say). PostgreSQL gets an ordinary pool and no lock.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from bot.storage.sqlite_inline import inline_creator

SQLITE_BUSY_TIMEOUT_MS = 5_000


def ensure_sqlite_folder(url: str) -> None:
    """Create the folder of a file-backed SQLite database if it is missing."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)


def create_engine(url: str, **kwargs: Any) -> AsyncEngine:
    # A database error's message would otherwise carry the statement's values: what people wrote.
    kwargs.setdefault("hide_parameters", True)
    if make_url(url).get_backend_name() != "sqlite":
        return create_async_engine(url, pool_pre_ping=True, **kwargs)
    ensure_sqlite_folder(url)
    database = make_url(url).database or ":memory:"
    engine = create_async_engine(
        url,
        pool_size=1,
        max_overflow=0,
        # We always end a transaction ourselves; the pool's extra ROLLBACK would be a wasted
        # statement on every checkin.
        pool_reset_on_return=None,
        async_creator=inline_creator(database, SQLITE_BUSY_TIMEOUT_MS / 1000),
        **kwargs,
    )

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the driver so that BEGIN IMMEDIATE below is ours.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")  # durable against process crashes in WAL
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        # Straight to the driver's cursor: this runs once per update, and SQLAlchemy's
        # execution machinery around one fixed statement cost more than the statement.
        cursor = connection.connection.dbapi_connection.cursor()
        cursor.execute("BEGIN IMMEDIATE")
        cursor.close()

    return engine


class Database:
    """The engine, a session factory and the unit of work."""

    def __init__(self, url: str, **engine_kwargs: Any) -> None:
        self.url = url
        self.engine = create_engine(url, **engine_kwargs)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        self._sessions = async_sessionmaker(self.engine, expire_on_commit=False)
        self._write_lock: contextlib.AbstractAsyncContextManager[Any] = (
            asyncio.Lock() if self.is_sqlite else contextlib.nullcontext()
        )

    @contextlib.asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[AsyncSession]:
        """A session in one transaction: committed if the block succeeds, else rolled back."""
        async with self._write_lock, self._sessions() as session, session.begin():
            yield session

    async def dispose(self) -> None:
        await self.engine.dispose()
