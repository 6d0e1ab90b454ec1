"""after danger, a person's reminders hold back for a while

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 13:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.types

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Not the pause a person chooses (which skips everything): only the evening card and
    # nudges wait, while a talk they planned is still asked about.
    with op.batch_alter_table("users", schema=None) as batch_op:
        column_type = bot.storage.types.UTCDateTime(timezone=True)
        batch_op.add_column(sa.Column("quiet_until", column_type, nullable=True))


def downgrade() -> None:
    # Dropped in place ("never" recreate): on SQLite a rebuilt `users` table, with foreign
    # keys on, would cascade-delete every row that belongs to a person.
    with op.batch_alter_table("users", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("quiet_until")
