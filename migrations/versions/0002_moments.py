"""moments

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 23:05:44.130803
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.types

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "moments",
        sa.Column("id", sa.String(length=16), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=True),
        sa.Column("who", sa.String(length=16), nullable=True),
        sa.Column("who_name", sa.String(length=64), nullable=True),
        sa.Column("pattern", sa.String(length=32), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("observation", sa.Text(), nullable=True),
        sa.Column("intensity", sa.SmallInteger(), nullable=True),
        sa.Column("feelings", sa.JSON(), nullable=False),
        sa.Column("feelings_text", sa.Text(), nullable=True),
        sa.Column("needs", sa.JSON(), nullable=False),
        sa.Column("needs_text", sa.Text(), nullable=True),
        sa.Column("path", sa.String(length=8), nullable=True),
        sa.Column("draft", sa.Text(), nullable=True),
        sa.Column("draft_style", sa.String(length=16), nullable=True),
        sa.Column("plan_due_at", bot.storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("step", sa.String(length=16), nullable=True),
        sa.Column("created_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_moments_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_moments")),
    )
    with op.batch_alter_table("moments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_moments_user_id_created_at", ["user_id", "created_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("moments", schema=None) as batch_op:
        batch_op.drop_index("ix_moments_user_id_created_at")

    op.drop_table("moments")
