"""partners and couple spaces

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 23:57:42.380395
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import bot.storage.types

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "partner_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("inviter_id", sa.BigInteger(), nullable=False),
        sa.Column("partner_id", sa.BigInteger(), nullable=True),
        sa.Column("token_hash", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("opened_by", sa.BigInteger(), nullable=True),
        sa.Column("expires_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("accepted_at", bot.storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("ended_at", bot.storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["inviter_id"],
            ["users.id"],
            name=op.f("fk_partner_links_inviter_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"],
            ["users.id"],
            name=op.f("fk_partner_links_partner_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_links")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_partner_links_token_hash")),
    )
    with op.batch_alter_table("partner_links", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_partner_links_inviter_id"), ["inviter_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_partner_links_partner_id"), ["partner_id"], unique=False
        )

    op.create_table(
        "repair_bids",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("from_user", sa.BigInteger(), nullable=False),
        sa.Column("to_user", sa.BigInteger(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("answer", sa.String(length=16), nullable=True),
        sa.Column("created_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("answered_at", bot.storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["from_user"],
            ["users.id"],
            name=op.f("fk_repair_bids_from_user_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["to_user"], ["users.id"], name=op.f("fk_repair_bids_to_user_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_repair_bids")),
    )
    with op.batch_alter_table("repair_bids", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_repair_bids_from_user"), ["from_user"], unique=False)
        batch_op.create_index(batch_op.f("ix_repair_bids_to_user"), ["to_user"], unique=False)

    op.create_table(
        "couple_spaces",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("link_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("confirmed", sa.JSON(), nullable=False),
        sa.Column("checkin_on", sa.Boolean(), nullable=False),
        sa.Column("checkin_at", sa.String(length=5), nullable=False),
        sa.Column("checkin_zone", sa.String(length=64), nullable=True),
        sa.Column("weekly_on", sa.Boolean(), nullable=False),
        sa.Column("created_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["link_id"],
            ["partner_links.id"],
            name=op.f("fk_couple_spaces_link_id_partner_links"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_couple_spaces")),
        sa.UniqueConstraint("chat_id", name=op.f("uq_couple_spaces_chat_id")),
    )
    with op.batch_alter_table("couple_spaces", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_couple_spaces_link_id"), ["link_id"], unique=False)

    op.create_table(
        "appreciations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.BigInteger(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("shared_with", sa.BigInteger(), nullable=True),
        sa.Column("space_id", sa.Integer(), nullable=True),
        sa.Column("round_key", sa.String(length=32), nullable=True),
        sa.Column("created_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_appreciations_author_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["space_id"],
            ["couple_spaces.id"],
            name=op.f("fk_appreciations_space_id_couple_spaces"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appreciations")),
    )
    with op.batch_alter_table("appreciations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_appreciations_author_id"), ["author_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_appreciations_round_key"), ["round_key"], unique=False)

    op.create_table(
        "checkins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("space_id", sa.Integer(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("answers", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_at", bot.storage.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("closed_at", bot.storage.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["space_id"],
            ["couple_spaces.id"],
            name=op.f("fk_checkins_space_id_couple_spaces"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkins")),
        sa.UniqueConstraint("space_id", "local_date", name=op.f("uq_checkins_space_id_local_date")),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("started_at", bot.storage.types.UTCDateTime(timezone=True), nullable=True)
        )
    # People who already talked to the bot did so privately (groups came with this revision).
    op.execute("UPDATE users SET started_at = created_at WHERE started_at IS NULL")


def downgrade() -> None:
    # Dropped in place ("never" recreate): on SQLite a rebuilt `users` table, with foreign
    # keys on, would cascade-delete every row that belongs to a person.
    with op.batch_alter_table("users", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("started_at")

    op.drop_table("checkins")
    with op.batch_alter_table("appreciations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_appreciations_round_key"))
        batch_op.drop_index(batch_op.f("ix_appreciations_author_id"))

    op.drop_table("appreciations")
    with op.batch_alter_table("couple_spaces", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_couple_spaces_link_id"))

    op.drop_table("couple_spaces")
    with op.batch_alter_table("repair_bids", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_repair_bids_to_user"))
        batch_op.drop_index(batch_op.f("ix_repair_bids_from_user"))

    op.drop_table("repair_bids")
    with op.batch_alter_table("partner_links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_links_partner_id"))
        batch_op.drop_index(batch_op.f("ix_partner_links_inviter_id"))

    op.drop_table("partner_links")
