"""Typed SQLAlchemy models: the tables Mend stores.

Constraint names follow one naming convention so that Alembic's batch migrations on SQLite can
find them again later.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, validates

from bot.storage.crypto import EncryptedJSON, EncryptedText
from bot.storage.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[str]: JSON()}  # noqa: RUF012


class User(Base):
    """A person who has talked to the bot. The id is their Telegram user id."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    first_name: Mapped[str] = mapped_column(String(128))
    preferred_name: Mapped[str | None] = mapped_column(String(64))
    language_code: Mapped[str | None] = mapped_column(String(16))
    timezone: Mapped[str | None] = mapped_column(String(64))
    onboarded_at: Mapped[datetime | None]
    # Set when the person blocks the bot (my_chat_member or a 403), cleared when they return.
    blocked_at: Mapped[datetime | None]
    # Scheduling settings (/settings). Times are local wall-clock "HH:MM" in `timezone`.
    evening_on: Mapped[bool] = mapped_column(default=False)
    evening_at: Mapped[str] = mapped_column(String(5), default="21:00")
    quiet_start: Mapped[str] = mapped_column(String(5), default="22:30")
    quiet_end: Mapped[str] = mapped_column(String(5), default="08:00")
    follow_up_hours: Mapped[int] = mapped_column(SmallInteger, default=3)
    nudges_on: Mapped[bool] = mapped_column(default=True)
    paused_until: Mapped[datetime | None]
    # After a danger reply or /sos: the evening card and nudges wait until then (not a pause:
    # a talk they planned is still asked about).
    quiet_until: Mapped[datetime | None]
    # When they first wrote to the bot privately: the bot can message them only after that.
    started_at: Mapped[datetime | None]
    # When they last wrote or tapped in their private chat, to within `SEEN_EVERY`: someone
    # who writes back to the evening card, whatever they write, has not left it alone.
    last_seen_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @property
    def display_name(self) -> str:
        return self.preferred_name or self.first_name


class ConversationState(Base):
    """The one flow a person is in, per chat: our replacement for ConversationHandler.

    Stored in the database and written in the same transaction as the answer it records, so a
    crash or a restart never loses or forks a flow (see DESIGN.md). `version` is SQLAlchemy's
    optimistic lock: two concurrent writers cannot both win.
    """

    __tablename__ = "conversation_states"
    __table_args__ = (UniqueConstraint("chat_id", "user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    flow: Mapped[str] = mapped_column(String(32))
    step: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON, default=dict)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class ProcessedUpdate(Base):
    """Update ids already handled, written in the handling transaction: a redelivered update
    (restart of the poller, webhook retry) finds its id here and has no second effect."""

    __tablename__ = "processed_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    processed_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class MomentRow(Base):
    """One noticed moment and what the person chose to do about it.

    Why a table of its own and not just the flow state: the state row is a cursor that ends
    with the flow, while a moment outlives it: /history lists it, follow-ups refer to it, a
    cancelled one can be resumed, and export and erasure need every moment a person has. The
    flow mirrors its answers here at every step, so nothing said is lost at any point.
    Free-text columns hold what people wrote about their relationships: the most sensitive
    data we keep.
    """

    __tablename__ = "moments"
    __table_args__ = (Index("ix_moments_user_id_created_at", "user_id", "created_at"),)

    id: Mapped[str] = mapped_column(String(16), primary_key=True)  # random, unguessable
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16))
    direction: Mapped[str | None] = mapped_column(String(8))
    who: Mapped[str | None] = mapped_column(String(16))
    who_name: Mapped[str | None] = mapped_column(EncryptedText)
    pattern: Mapped[str | None] = mapped_column(String(32))
    description: Mapped[str | None] = mapped_column(EncryptedText)
    observation: Mapped[str | None] = mapped_column(EncryptedText)
    intensity: Mapped[int | None] = mapped_column(SmallInteger)
    feelings: Mapped[list[str]] = mapped_column(default=list)
    feelings_text: Mapped[str | None] = mapped_column(EncryptedText)
    needs: Mapped[list[str]] = mapped_column(default=list)
    needs_text: Mapped[str | None] = mapped_column(EncryptedText)
    path: Mapped[str | None] = mapped_column(String(8))
    draft: Mapped[str | None] = mapped_column(EncryptedText)
    draft_style: Mapped[str | None] = mapped_column(String(16))
    plan_due_at: Mapped[datetime | None]
    # A plan made as a span from now ("In a few hours"): it keeps its instant when the
    # person's time zone changes, where a clock time they chose keeps its wall clock.
    plan_from_now: Mapped[bool] = mapped_column(default=False)
    step: Mapped[str | None] = mapped_column(String(16))
    # How it went, from a follow-up: went_well, hard; and when it was repaired or let go.
    outcome: Mapped[str | None] = mapped_column(String(16))
    resolved_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ScheduledPrompt(Base):
    """A message the bot sends on its own: an evening reflection, a follow-up, a snooze.

    Why a table and one periodic tick rather than an APScheduler job per person (DESIGN.md):
    jobs are not persisted, 100,000 of them take half a minute and hundreds of megabytes to
    create at every start, and several processes cannot share them. A row survives restarts,
    its unique `key` absorbs a double schedule, and its status makes every send at most once:
    pending (claimed with a lease) -> sending (its send begun) -> sent | skipped | failed |
    cancelled.
    """

    __tablename__ = "scheduled_prompts"
    __table_args__ = (Index("ix_scheduled_prompts_status_due_at", "status", "due_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(96), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    moment_id: Mapped[str | None] = mapped_column(
        ForeignKey("moments.id", ondelete="CASCADE"), index=True
    )
    due_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(12), default="pending")
    attempts: Mapped[int] = mapped_column(SmallInteger, default=0)
    last_error: Mapped[str | None] = mapped_column(String(200))
    claimed_at: Mapped[datetime | None]
    # When the row moved to `sending`, just before its send (a claim leaves it `pending`).
    send_started_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    answer: Mapped[str | None] = mapped_column(String(16))
    answered_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Reflection(Base):
    """An answer to an evening reflection (and its optional line)."""

    __tablename__ = "reflections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    prompt_id: Mapped[int | None] = mapped_column(
        ForeignKey("scheduled_prompts.id", ondelete="SET NULL")
    )
    local_date: Mapped[date] = mapped_column(Date)
    answer: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(EncryptedText)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class PartnerLink(Base):
    """Two people who chose to be linked as partners. The invite token itself is never stored:
    only its SHA-256, so a database leak does not hand out working invite links."""

    __tablename__ = "partner_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    inviter_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    partner_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    # pending (invite out), active, declined, ended
    status: Mapped[str] = mapped_column(String(12), default="pending")
    opened_by: Mapped[int | None] = mapped_column(BigInteger)  # who opened the invite link
    expires_at: Mapped[datetime]
    accepted_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CoupleSpace(Base):
    """A group chat that two linked partners made their shared space."""

    __tablename__ = "couple_spaces"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    link_id: Mapped[int | None] = mapped_column(
        ForeignKey("partner_links.id", ondelete="SET NULL"), index=True
    )
    # pairing (one confirmed), active, paused (a partner left or unlinked), removed (bot out)
    status: Mapped[str] = mapped_column(String(12), default="pairing")
    confirmed: Mapped[list[str]] = mapped_column(default=list)  # user ids, as strings
    checkin_on: Mapped[bool] = mapped_column(default=False)
    checkin_at: Mapped[str] = mapped_column(String(5), default="21:00")
    checkin_zone: Mapped[str | None] = mapped_column(String(64))
    weekly_on: Mapped[bool] = mapped_column(default=False)
    # Check-ins in a row closed with no answer from either partner, since the check-in was last
    # turned on (or the space last became active): after a run of them the next one is a word
    # that it is paused instead (scheduling.couple_prompts). An answer starts it again at 0.
    checkins_unanswered: Mapped[int] = mapped_column(SmallInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @validates("checkin_on", "status")
    def _starts_afresh(self, key: str, value: Any) -> Any:
        """The check-in turned on (it was off), or the space active again (paired again after
        a pause): silence from before does not count against the check-ins to come. Wherever
        it is set (the group's /settings, pairing), so no caller has to remember."""
        on = {"checkin_on": True, "status": "active"}[key]
        if value == on and self.__dict__.get(key) != on:  # as loaded: never a lazy load
            self.checkins_unanswered = 0
        return value


class Checkin(Base):
    """One blind daily check-in card: both answers are shown only once both exist."""

    __tablename__ = "checkins"
    __table_args__ = (UniqueConstraint("space_id", "local_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    space_id: Mapped[int] = mapped_column(ForeignKey("couple_spaces.id", ondelete="CASCADE"))
    local_date: Mapped[date] = mapped_column(Date)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    answers: Mapped[dict[str, Any]] = mapped_column(default=dict)  # user id -> 1..5
    status: Mapped[str] = mapped_column(String(12), default="open")  # open, revealed, closed
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]


class RepairBid(Base):
    """ "<name> would like to reconnect": sent in the group or privately, answered by the
    partner alone."""

    __tablename__ = "repair_bids"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    from_user: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    to_user: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    message_id: Mapped[int | None] = mapped_column(BigInteger)
    text: Mapped[str | None] = mapped_column(EncryptedText)  # a draft they chose to send
    answer: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    answered_at: Mapped[datetime | None]


class Appreciation(Base):
    """Thanks for an everyday effort."""

    __tablename__ = "appreciations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(EncryptedText)
    # Where it went, if anywhere: to the partner privately, or the couple's group.
    shared_with: Mapped[int | None] = mapped_column(BigInteger)
    space_id: Mapped[int | None] = mapped_column(
        ForeignKey("couple_spaces.id", ondelete="SET NULL")
    )
    round_key: Mapped[str | None] = mapped_column(String(32), index=True)  # weekly round
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
