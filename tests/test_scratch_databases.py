"""Scratch PostgreSQL databases that a killed run left behind are dropped by the next run;
those of a run still going are not."""

from __future__ import annotations

import time
import uuid

import asyncpg
import pytest

from tests.conftest import POSTGRES_URL
from tests.postgres import (
    STALE_AFTER_SECONDS,
    admin,
    asyncpg_dsn,
    create_scratch,
    drop_scratch,
    drop_stale,
)

pytestmark = pytest.mark.postgres


async def names() -> set[str]:
    connection = await asyncpg.connect(asyncpg_dsn(POSTGRES_URL), timeout=5)
    try:
        return {r[0] for r in await connection.fetch("SELECT datname FROM pg_database")}
    finally:
        await connection.close()


async def test_only_scratch_databases_older_than_any_run_are_dropped(postgres_url: str):
    prefix = f"mend_sweep{uuid.uuid4().hex[:6]}"  # this run's own: suites run side by side
    fresh = await create_scratch(POSTGRES_URL, prefix)
    made = int(time.time()) - STALE_AFTER_SECONDS - 60
    left = f"{prefix}_{made}_0123abcd"
    other = f"{prefix}x_{made}_0123abcd"  # another prefix: not ours to drop
    for name in (left, other):
        await admin(POSTGRES_URL, f'CREATE DATABASE "{name}"')
    try:
        assert await drop_stale(POSTGRES_URL, prefix) == [left]
        present = await names()
        assert left not in present
        assert {fresh.rsplit("/", 1)[1], other} <= present
    finally:
        await drop_scratch(POSTGRES_URL, fresh)
        await admin(POSTGRES_URL, f'DROP DATABASE IF EXISTS "{other}"')
