"""scheduling

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 23:38:19.257053
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Existing people get the defaults (server_default) so the new NOT NULL columns can be added.
    op.create_table(
        "scheduled_prompts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=96), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("moment_id", sa.String(length=16), nullable=True),
        sa.Column("due_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.SmallInteger(), nullable=False),
        sa.Column("last_error", sa.String(length=200), nullable=True),
        sa.Column("claimed_at", bot.storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("sent_at", bot.storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("answer", sa.String(length=16), nullable=True),
        sa.Column("answered_at", bot.storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["moment_id"],
            ["moments.id"],
            name=op.f("fk_scheduled_prompts_moment_id_moments"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_scheduled_prompts_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scheduled_prompts")),
        sa.UniqueConstraint("key", name=op.f("uq_scheduled_prompts_key")),
    )
    with op.batch_alter_table("scheduled_prompts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_scheduled_prompts_moment_id"), ["moment_id"], unique=False
        )
        batch_op.create_index(
            "ix_scheduled_prompts_status_due_at", ["status", "due_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_scheduled_prompts_user_id"), ["user_id"], unique=False)

    op.create_table(
        "reflections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("prompt_id", sa.Integer(), nullable=True),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("answer", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["prompt_id"],
            ["scheduled_prompts.id"],
            name=op.f("fk_reflections_prompt_id_scheduled_prompts"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_reflections_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reflections")),
    )
    with op.batch_alter_table("reflections", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reflections_user_id"), ["user_id"], unique=False)

    with op.batch_alter_table("moments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("outcome", sa.String(length=16), nullable=True))
        batch_op.add_column(
            sa.Column("resolved_at", bot.storage.types.UTCDateTime(timezone=True), nullable=True)
        )

    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("evening_on", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.add_column(
            sa.Column("evening_at", sa.String(length=5), nullable=False, server_default="21:00")
        )
        batch_op.add_column(
            sa.Column("quiet_start", sa.String(length=5), nullable=False, server_default="22:30")
        )
        batch_op.add_column(
            sa.Column("quiet_end", sa.String(length=5), nullable=False, server_default="08:00")
        )
        batch_op.add_column(
            sa.Column("follow_up_hours", sa.SmallInteger(), nullable=False, server_default="3")
        )
        batch_op.add_column(
            sa.Column("nudges_on", sa.Boolean(), nullable=False, server_default=sa.true())
        )
        batch_op.add_column(
            sa.Column("paused_until", bot.storage.types.UTCDateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    # Dropped in place ("never" recreate): on SQLite a rebuilt `users` table, with foreign
    # keys on, would cascade-delete every row that belongs to a person.
    with op.batch_alter_table("users", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("paused_until")
        batch_op.drop_column("nudges_on")
        batch_op.drop_column("follow_up_hours")
        batch_op.drop_column("quiet_end")
        batch_op.drop_column("quiet_start")
        batch_op.drop_column("evening_at")
        batch_op.drop_column("evening_on")

    with op.batch_alter_table("moments", schema=None) as batch_op:
        batch_op.drop_column("resolved_at")
        batch_op.drop_column("outcome")

    with op.batch_alter_table("reflections", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reflections_user_id"))

    op.drop_table("reflections")
    with op.batch_alter_table("scheduled_prompts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scheduled_prompts_user_id"))
        batch_op.drop_index("ix_scheduled_prompts_status_due_at")
        batch_op.drop_index(batch_op.f("ix_scheduled_prompts_moment_id"))

    op.drop_table("scheduled_prompts")
