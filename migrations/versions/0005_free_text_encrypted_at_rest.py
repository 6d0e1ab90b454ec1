"""free text encrypted at rest

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 00:21:37.353512
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A name is free text too; encrypted it no longer fits 64 characters.
    with op.batch_alter_table("moments", schema=None) as batch_op:
        batch_op.alter_column(
            "who_name", existing_type=sa.VARCHAR(length=64), type_=sa.Text(), existing_nullable=True
        )


def downgrade() -> None:
    with op.batch_alter_table("moments", schema=None) as batch_op:
        batch_op.alter_column(
            "who_name", existing_type=sa.Text(), type_=sa.VARCHAR(length=64), existing_nullable=True
        )
