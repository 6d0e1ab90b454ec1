"""Shared fixtures: databases (SQLite file, real PostgreSQL), a controllable clock, and the
in-process harness that runs the real Application against the Telegram stand-in."""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
import pytest
from hypothesis import settings
from sqlalchemy.engine import make_url

from bot.storage.migrate import upgrade
from bot.storage.models import Base
from tests.harness import FakeClock, Harness, start_harness
from tests.postgres import admin, create_scratch, drop_scratch, drop_stale

POSTGRES_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
IN_CI = os.environ.get("CI", "").lower() == "true"
# In CI the property tests draw the same examples on every run, so a red run means a change
# broke something (a rare case found by chance would block whatever happened to land); every
# other run draws new ones, and what they find becomes an @example.
settings.register_profile("ci", derandomize=True, database=None)
if IN_CI:
    settings.load_profile("ci")
# Which database the in-process and end-to-end tests use: sqlite (default) or postgres.
TEST_DB = os.environ.get("MEND_TEST_DB", "sqlite")


def _postgres_or_skip() -> None:
    try:
        asyncio.run(admin(POSTGRES_URL, "SELECT 1"))
    except (OSError, asyncpg.PostgresError, TimeoutError) as error:
        message = f"PostgreSQL at {make_url(POSTGRES_URL).host} is not reachable: {error}"
        if IN_CI:
            pytest.fail(f"{message} (CI=true: PostgreSQL tests must run)")
        pytest.skip(message)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, migrated to head, dropped after."""
    _postgres_or_skip()
    asyncio.run(drop_stale(POSTGRES_URL, "mend_test"))  # left by a run killed mid-way
    url = asyncio.run(create_scratch(POSTGRES_URL, "mend_test"))
    upgrade(url)
    yield url
    asyncio.run(drop_scratch(POSTGRES_URL, url))


def _emptying_sql() -> str:
    """Every table emptied and every sequence they own restarted: what `TRUNCATE ... RESTART
    IDENTITY` leaves, in a few milliseconds, not forty (TRUNCATE makes new files for every table,
    index and sequence). Children before parents, so no foreign key is ever in the way."""
    tables = [t.name for t in Base.metadata.sorted_tables]
    deletes = "".join(f'DELETE FROM "{name}";\n' for name in reversed(tables))
    owners = ", ".join(f"'\"{name}\"'::regclass" for name in tables)
    return (
        f"{deletes}SELECT setval(d.objid::regclass, s.seqstart, false) "
        "FROM pg_depend d JOIN pg_sequence s ON s.seqrelid = d.objid "
        "WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass "
        f"AND d.deptype IN ('a', 'i') AND d.refobjid IN ({owners})"
    )


@pytest.fixture
def clean_postgres_url(postgres_url: str) -> str:
    asyncio.run(admin(postgres_url, _emptying_sql()))
    return postgres_url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "mend.db"
    upgrade(f"sqlite+aiosqlite:///{path}")
    return path


@pytest.fixture
def sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    """A migrated SQLite file of this test's own (a copy of one migrated template)."""
    path = tmp_path / "mend.db"
    shutil.copy(sqlite_template, path)
    return f"sqlite+aiosqlite:///{path}"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_db_url(request: pytest.FixtureRequest) -> str:
    """Run the test once on SQLite and once on PostgreSQL."""
    if request.param == "postgres":
        return str(request.getfixturevalue("clean_postgres_url"))
    return str(request.getfixturevalue("sqlite_url"))


@pytest.fixture
def db_url(request: pytest.FixtureRequest) -> str:
    """The database for behaviour tests: SQLite unless MEND_TEST_DB=postgres."""
    if TEST_DB == "postgres":
        return str(request.getfixturevalue("clean_postgres_url"))
    return str(request.getfixturevalue("sqlite_url"))


@pytest.fixture
def clock() -> FakeClock:
    # A Sunday evening in March, before Europe's spring-forward.
    return FakeClock(datetime(2026, 3, 1, 19, 30, tzinfo=UTC))


@pytest.fixture
async def harness(db_url: str, clock: FakeClock) -> AsyncIterator[Harness]:
    async with start_harness(db_url, clock) as h:
        yield h


__all__ = ["FakeClock", "Harness", "timedelta"]
