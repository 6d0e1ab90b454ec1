"""whether a moment's planned talk is a span from when it was made

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 08:30:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("moments", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("plan_from_now", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    # Plans already made: whether each was a span from now ("In a few hours") or a clock time
    # was not recorded. They keep their instant on a change of time zone, as every plan did
    # before plans followed the zone: moving a real instant to another clock would be hours
    # off, and tell them it is the time they chose.
    moments = sa.table(
        "moments", sa.column("status", sa.String), sa.column("plan_from_now", sa.Boolean)
    )
    op.execute(moments.update().where(moments.c.status == "planned").values(plan_from_now=True))


def downgrade() -> None:
    # Dropped in place ("never" recreate): on SQLite a rebuilt `moments` table, with foreign
    # keys on, would cascade-delete the prompts that refer to its moments.
    with op.batch_alter_table("moments", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("plan_from_now")
