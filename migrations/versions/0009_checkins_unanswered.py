"""a couple space's check-ins in a row closed unanswered

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 10:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # 0 for every space: check-ins left alone before this counts none, so a group check-in
    # pauses itself only after a full run of them from now on.
    with op.batch_alter_table("couple_spaces", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("checkins_unanswered", sa.SmallInteger(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    # Dropped in place ("never" recreate): on SQLite a rebuilt `couple_spaces` table, with
    # foreign keys on, would cascade-delete its check-ins.
    with op.batch_alter_table("couple_spaces", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("checkins_unanswered")
