"""Scratch PostgreSQL databases: one per test session, and one per benchmark or load run."""

from __future__ import annotations

import re
import time
import uuid

import asyncpg
from sqlalchemy.engine import make_url


def asyncpg_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def admin(url: str, sql: str) -> None:
    connection = await asyncpg.connect(asyncpg_dsn(url), timeout=5)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


# A scratch database lives as long as one test session or benchmark run; one older than this
# was left by a run that was killed before it could drop it.
STALE_AFTER_SECONDS = 6 * 3600


async def create_scratch(server_url: str, prefix: str) -> str:
    """A new, empty database on the server of `server_url`; returns its URL. Its name says when
    it was made, so that one a killed run left behind can be told from one in use."""
    name = f"{prefix}_{int(time.time())}_{uuid.uuid4().hex[:8]}"
    await admin(server_url, f'CREATE DATABASE "{name}"')
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


async def drop_stale(server_url: str, prefix: str, now: float | None = None) -> list[str]:
    """Drop the scratch databases of `prefix` made more than STALE_AFTER_SECONDS ago; returns
    their names."""
    now = time.time() if now is None else now
    named = re.compile(rf"{re.escape(prefix)}_(\d+)_[0-9a-f]{{8}}")
    connection = await asyncpg.connect(asyncpg_dsn(server_url), timeout=5)
    try:
        names = [r[0] for r in await connection.fetch("SELECT datname FROM pg_database")]
    finally:
        await connection.close()
    stale = [
        name
        for name in names
        if (made := named.fullmatch(name)) and now - int(made.group(1)) > STALE_AFTER_SECONDS
    ]
    for name in stale:
        await admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return stale


async def drop_scratch(server_url: str, url: str) -> None:
    name = make_url(url).database
    await admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
