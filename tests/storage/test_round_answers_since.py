"""`round_answers(since=...)`: only the answers kept since a moment, so closing a space's cards
reads the rounds that may still be open, not every round the space ever had."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.storage import couples as store
from bot.storage.database import Database
from bot.storage.models import Appreciation, CoupleSpace, User

NOW = datetime(2026, 3, 3, 12, 0, tzinfo=UTC)


async def test_round_answers_since_leaves_out_older_ones(any_db_url: str):
    db = Database(any_db_url)
    try:
        async with db.unit_of_work() as session:
            session.add(User(id=1, first_name="Ana"))
            space = CoupleSpace(chat_id=-100)
            session.add(space)
            await session.flush()
            for days_ago, day in ((9, "2026-02-22"), (2, "2026-03-01")):
                session.add(
                    Appreciation(
                        author_id=1,
                        text=f"thanks {day}",
                        space_id=space.id,
                        round_key=f"round:{space.id}:{day}",
                        created_at=NOW - timedelta(days=days_ago),
                    )
                )
            space_id = space.id
        async with db.unit_of_work() as session:
            every = await store.round_answers(session, space_id)
            recent = await store.round_answers(session, space_id, since=NOW - timedelta(days=3))
            edge = await store.round_answers(session, space_id, since=NOW - timedelta(days=2))
        assert sorted(a.text for a in every) == ["thanks 2026-02-22", "thanks 2026-03-01"]
        assert [a.text for a in recent] == ["thanks 2026-03-01"]
        assert [a.text for a in edge] == ["thanks 2026-03-01"]  # `since` itself is kept
    finally:
        await db.dispose()
