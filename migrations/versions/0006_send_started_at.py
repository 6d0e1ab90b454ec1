"""a prompt records when its own send began

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 02:45:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.types

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A claimed row now stays pending until its own send begins; this records when it began,
    # so a crash fails only the row that was in flight (after the lease), not its whole batch.
    with op.batch_alter_table("scheduled_prompts", schema=None) as batch_op:
        column_type = bot.storage.types.UTCDateTime(timezone=True)
        batch_op.add_column(sa.Column("send_started_at", column_type, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("scheduled_prompts", schema=None) as batch_op:
        batch_op.drop_column("send_started_at")
