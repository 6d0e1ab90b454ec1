"""when a person last wrote to the bot privately

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 02:30:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.types

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Empty for everyone until they next write: the evening check-in's "left alone for a week"
    # then reads as it did before (answers and moments only) for that first week.
    with op.batch_alter_table("users", schema=None) as batch_op:
        column_type = bot.storage.types.UTCDateTime(timezone=True)
        batch_op.add_column(sa.Column("last_seen_at", column_type, nullable=True))


def downgrade() -> None:
    # Dropped in place ("never" recreate): on SQLite a rebuilt `users` table, with foreign
    # keys on, would cascade-delete every row that belongs to a person.
    with op.batch_alter_table("users", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("last_seen_at")
