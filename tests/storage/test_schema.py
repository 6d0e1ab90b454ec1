"""Models and migrations agree, on SQLite and on the real PostgreSQL."""

from __future__ import annotations

import asyncio
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from bot.storage.database import create_engine
from bot.storage.migrate import alembic_config, upgrade
from bot.storage.models import Base


async def _differences(url: str) -> list[Any]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(
                lambda sync: compare_metadata(
                    MigrationContext.configure(sync, opts={"compare_type": True}), Base.metadata
                )
            )
    finally:
        await engine.dispose()


async def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            return set(await connection.run_sync(lambda c: inspect(c).get_table_names()))
    finally:
        await engine.dispose()


def test_migrations_and_models_agree(any_db_url: str):
    assert asyncio.run(_differences(any_db_url)) == []


def test_every_model_table_is_created_by_the_migrations(any_db_url: str):
    expected = {t.name for t in Base.metadata.sorted_tables} | {"alembic_version"}
    assert asyncio.run(_tables(any_db_url)) == expected


def test_downgrade_to_nothing_and_back(any_db_url: str):
    from alembic import command

    command.downgrade(alembic_config(any_db_url), "base")
    assert asyncio.run(_tables(any_db_url)) == {"alembic_version"}
    upgrade(any_db_url)
    assert asyncio.run(_differences(any_db_url)) == []


def test_stepping_down_a_migration_that_alters_users_keeps_what_hangs_off_them(any_db_url: str):
    """On SQLite a batch alter rebuilds a table; rebuilding `users` with foreign keys on would
    cascade-delete every row that belongs to a person."""
    from alembic import command

    from bot.storage.database import Database
    from bot.storage.models import ConversationState, User

    async def add() -> None:
        db = Database(any_db_url)
        async with db.unit_of_work() as session:
            session.add(User(id=1, first_name="Ana"))
            await session.flush()
            session.add(ConversationState(chat_id=1, user_id=1, flow="moment", step="dir", data={}))
        await db.dispose()

    async def count() -> int:
        engine = create_engine(any_db_url)
        try:
            async with engine.connect() as connection:
                result = await connection.exec_driver_sql(
                    "SELECT count(*) FROM conversation_states"
                )
                return int(result.scalar_one())
        finally:
            await engine.dispose()

    asyncio.run(add())
    command.downgrade(alembic_config(any_db_url), "0006")
    assert asyncio.run(count()) == 1
    upgrade(any_db_url)
    assert asyncio.run(count()) == 1
