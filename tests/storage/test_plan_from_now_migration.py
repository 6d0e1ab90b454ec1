"""Migration 0010: whether a plan is a span from now. Plans made before it was recorded keep
their instant on a change of time zone (as all plans did then); every other moment, and every
moment from then on unless told otherwise, is not from now."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import sqlalchemy as sa

from bot.storage.database import Database, create_engine
from bot.storage.migrate import alembic_config, upgrade
from bot.storage.models import User
from bot.storage.types import UTCDateTime

AT = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
MOMENTS = sa.table(
    "moments",
    sa.column("id", sa.String),
    sa.column("user_id", sa.BigInteger),
    sa.column("status", sa.String),
    sa.column("feelings", sa.JSON),
    sa.column("needs", sa.JSON),
    sa.column("plan_due_at", UTCDateTime(timezone=True)),
    sa.column("created_at", UTCDateTime(timezone=True)),
    sa.column("updated_at", UTCDateTime(timezone=True)),
)


def test_plans_made_before_keep_their_instant_and_others_are_not_from_now(any_db_url: str):
    from alembic import command

    async def add() -> None:
        db = Database(any_db_url)
        async with db.unit_of_work() as session:
            session.add(User(id=1, first_name="Ana"))
            await session.flush()
            for moment_id, status, due in (("m1", "planned", AT), ("m2", "drafted", None)):
                await session.execute(
                    MOMENTS.insert().values(
                        id=moment_id,
                        user_id=1,
                        status=status,
                        feelings=[],
                        needs=[],
                        plan_due_at=due,
                        created_at=AT,
                        updated_at=AT,
                    )
                )
        await db.dispose()

    async def flags() -> dict[str, bool]:
        engine = create_engine(any_db_url)
        try:
            async with engine.connect() as connection:
                ids, flagged = sa.column("id", sa.String), sa.column("plan_from_now", sa.Boolean)
                found = sa.select(ids, flagged).select_from(sa.table("moments"))
                result = await connection.execute(found)
                return {str(moment_id): bool(flag) for moment_id, flag in result}
        finally:
            await engine.dispose()

    command.downgrade(alembic_config(any_db_url), "0009")
    asyncio.run(add())
    upgrade(any_db_url)
    assert asyncio.run(flags()) == {"m1": True, "m2": False}
    command.downgrade(alembic_config(any_db_url), "0009")  # and down again, the rows kept
    upgrade(any_db_url)
    assert asyncio.run(flags()) == {"m1": True, "m2": False}
