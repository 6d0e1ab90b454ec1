"""Storing and finding moments. Every query is scoped to its owner: a moment id alone never
reaches a row (ids travel in button data, which a client can forge)."""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain.moments import Moment
from bot.storage.models import MomentRow

_FIELDS = [f.name for f in fields(Moment)]


def to_domain(row: MomentRow) -> Moment:
    values = {name: getattr(row, name) for name in _FIELDS}
    values["feelings"] = tuple(row.feelings or ())
    values["needs"] = tuple(row.needs or ())
    return Moment(**values)


async def save(session: AsyncSession, user_id: int, moment: Moment, now: datetime) -> None:
    row = await session.get(MomentRow, moment.id)
    if row is not None and row.user_id != user_id:
        raise PermissionError("a moment id that belongs to someone else")
    if row is None:
        row = MomentRow(id=moment.id, user_id=user_id, created_at=moment.created_at)
        session.add(row)
    for name in _FIELDS:
        if name in ("id", "created_at"):
            continue
        value = getattr(moment, name)
        if name in ("feelings", "needs"):
            value = list(value)
        if getattr(row, name, None) != value:
            setattr(row, name, value)
    row.updated_at = now


async def owned(session: AsyncSession, user_id: int, moment_id: str) -> Moment | None:
    row = await session.scalar(
        select(MomentRow).where(MomentRow.id == moment_id, MomentRow.user_id == user_id)
    )
    return to_domain(row) if row is not None else None


async def recent(session: AsyncSession, user_id: int, limit: int | None = 10) -> list[Moment]:
    """The person's moments, newest first (`limit` None: all of them)."""
    rows = await session.scalars(
        select(MomentRow)
        .where(MomentRow.user_id == user_id)
        .order_by(MomentRow.created_at.desc(), MomentRow.id)
        .limit(limit)
    )
    return [to_domain(row) for row in rows]


async def remove_older_than(session: AsyncSession, cutoff: datetime) -> int:
    """Retention: moments created before `cutoff`, with their prompts (cascade)."""
    result = await session.execute(delete(MomentRow).where(MomentRow.created_at < cutoff))
    return int(result.rowcount)  # type: ignore[attr-defined]


async def remove(session: AsyncSession, user_id: int, moment_id: str) -> bool:
    result = await session.execute(
        delete(MomentRow).where(MomentRow.id == moment_id, MomentRow.user_id == user_id)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]
