"""Queries the shell uses, each taking the unit of work's session."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.flow import FlowState
from bot.storage.models import ConversationState, ProcessedUpdate, User


def _insert(session: AsyncSession, table: Any) -> Any:
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


async def mark_processed(session: AsyncSession, update_id: int, now: datetime) -> bool:
    """Record `update_id` as handled in this transaction. False if it already was: the caller
    must then do nothing, so a redelivered update has no second effect."""
    statement = (
        _insert(session, ProcessedUpdate)
        .values(update_id=update_id, processed_at=now)
        .on_conflict_do_nothing(index_elements=["update_id"])
    )
    result = await session.execute(statement)
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def forget_processed_before(session: AsyncSession, cutoff: datetime) -> int:
    """Telegram keeps an update for at most 24 hours, so older ids can never come back."""
    result = await session.execute(
        delete(ProcessedUpdate).where(ProcessedUpdate.processed_at < cutoff)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


PROCESSED_UPDATE_RETENTION = timedelta(days=2)


async def upsert_user(
    session: AsyncSession,
    user_id: int,
    first_name: str,
    language_code: str | None,
    now: datetime,
    user: User | None = None,
) -> User:
    """The person's row, created on first contact and kept in step with their Telegram
    profile. Any contact from them means they have not blocked us (any more). Pass `user` if
    it is already loaded."""
    if user is None:
        user = await session.get(User, user_id)
    if user is None:
        user = User(
            id=user_id,
            first_name=first_name[:128],
            language_code=language_code,
            created_at=now,
            updated_at=now,
        )
        session.add(user)
        await session.flush()
        return user
    if user.first_name != first_name[:128]:
        user.first_name = first_name[:128]
    if language_code and user.language_code != language_code:
        user.language_code = language_code
    if user.blocked_at is not None:
        user.blocked_at = None
    return user


async def user_and_state(
    session: AsyncSession, user_id: int, chat_id: int
) -> tuple[User | None, ConversationState | None]:
    """The person and their flow in this chat, in one round trip (every turn needs both)."""
    row = (
        await session.execute(
            select(User, ConversationState)
            .outerjoin(
                ConversationState,
                (ConversationState.user_id == User.id) & (ConversationState.chat_id == chat_id),
            )
            .where(User.id == user_id)
        )
    ).first()
    if row is None:
        return None, None
    return row[0], row[1]


async def load_state(session: AsyncSession, chat_id: int, user_id: int) -> ConversationState | None:
    return await session.scalar(
        select(ConversationState).where(
            ConversationState.chat_id == chat_id, ConversationState.user_id == user_id
        )
    )


def as_flow_state(row: ConversationState) -> FlowState:
    return FlowState(row.flow, row.step, dict(row.data))


async def save_state(
    session: AsyncSession,
    row: ConversationState | None,
    chat_id: int,
    user_id: int,
    state: FlowState | None,
    now: datetime,
) -> ConversationState | None:
    """Write the flow's new state (None ends it). Returns the row, flushed, so that its
    version (the card number on buttons) is final."""
    if state is None:
        if row is not None:
            await session.delete(row)
            await session.flush()
        return None
    if row is None:
        row = ConversationState(chat_id=chat_id, user_id=user_id, updated_at=now)
        session.add(row)
    row.flow, row.step, row.data, row.updated_at = state.flow, state.step, dict(state.data), now
    await session.flush()
    return row
