"""Storing and finding moments. Every query is scoped to its owner: a moment id alone never
reaches a row (ids travel in button data, which a client can forge)."""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime

from sqlalchemy import ColumnElement, Select, and_, bindparam, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import flag_modified

from bot.domain.history import CONNECTION, LIST_SIZE, Connection
from bot.domain.moments import DRAFTED, LET_GO, PLANNED, RESUMABLE, Moment
from bot.domain.repair_flow import PARTNER
from bot.domain.schedule import EVENING, SNOOZE
from bot.storage.models import MomentRow, PartnerLink, Reflection, ScheduledPrompt

# The evening answers that begin a moment: kept only as long as the moment is.
BEGIN_A_MOMENT = ("hurt", "by_me")

_FIELDS = [f.name for f in fields(Moment)]
# A moment looked at to its end in the flow: a draft ready, a plan, let go.
FINISHED = (DRAFTED, PLANNED, LET_GO)


def to_domain(row: MomentRow) -> Moment:
    values = {name: getattr(row, name) for name in _FIELDS}
    values["feelings"] = tuple(row.feelings or ())
    values["needs"] = tuple(row.needs or ())
    values["plan_from_now"] = bool(row.plan_from_now)  # a row not yet flushed: None
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
    # Written even when it is the same as before, or the column's onupdate (the wall clock)
    # would stand in for it: the turn's time is the one to keep (the scheduler reads it).
    flag_modified(row, "updated_at")


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


def _before(key: tuple[datetime, str]) -> ColumnElement[bool]:
    """Rows ahead of `key`'s place in `recent`'s order (newer, or as new with a smaller id)."""
    when, moment_id = key
    return or_(
        MomentRow.created_at > when, and_(MomentRow.created_at == when, MomentRow.id < moment_id)
    )


def _after(key: tuple[datetime, str]) -> ColumnElement[bool]:
    """Rows behind `key`'s place in `recent`'s order (older, or as new with a larger id)."""
    when, moment_id = key
    return or_(
        MomentRow.created_at < when, and_(MomentRow.created_at == when, MomentRow.id > moment_id)
    )


async def page(
    session: AsyncSession,
    user_id: int,
    limit: int,
    *,
    older_than: tuple[datetime, str] | None = None,
    newer_than: tuple[datetime, str] | None = None,
    skip: int = 0,
) -> list[Moment]:
    """A page of /history in `recent`'s order (newest first, then by id), by keyset: the
    moments after the place of `older_than` (a (created_at, id) pair; the row itself may be
    gone), or with `newer_than` the ones just before its place, nearest first (that order
    reversed); with neither, from the newest, past the first `skip`."""
    query = select(MomentRow).where(MomentRow.user_id == user_id)
    if newer_than is not None:
        query = query.where(_before(newer_than))
        query = query.order_by(MomentRow.created_at.asc(), MomentRow.id.desc())
    else:
        if older_than is not None:
            query = query.where(_after(older_than))
        query = query.order_by(MomentRow.created_at.desc(), MomentRow.id)
    rows = await session.scalars(query.offset(skip).limit(limit))
    return [to_domain(row) for row in rows]


async def count_newer(session: AsyncSession, user_id: int, key: tuple[datetime, str]) -> int:
    """How many of the person's moments come before `key`'s place in `recent`'s order."""
    count = await session.scalar(
        select(func.count())
        .select_from(MomentRow)
        .where(MomentRow.user_id == user_id, _before(key))
    )
    return int(count or 0)


async def connections(
    session: AsyncSession,
    user_id: int,
    *,
    after: datetime | None = None,
    upto: datetime | None = None,
) -> list[Connection]:
    """Their moments of connection kept (from the evening card) after `after` and up to `upto`
    (either None: no bound), newest first: LIST_SIZE of them, and one more if there are."""
    query = select(Reflection).where(Reflection.user_id == user_id, Reflection.answer == CONNECTION)
    if after is not None:
        query = query.where(Reflection.created_at > after)
    if upto is not None:
        query = query.where(Reflection.created_at <= upto)
    query = query.order_by(Reflection.created_at.desc(), Reflection.id.desc())
    rows = await session.scalars(query.limit(LIST_SIZE + 1))
    return [Connection(row.local_date, row.note) for row in rows]


async def left_since(session: AsyncSession, user_id: int, since: datetime) -> str | None:
    """The id of their moment most lately left unfinished (set aside, or /cancel), if that was
    at `since` or later."""
    return await session.scalar(
        select(MomentRow.id)
        .where(
            MomentRow.user_id == user_id,
            MomentRow.status.in_(RESUMABLE),
            MomentRow.updated_at >= since,
        )
        .order_by(MomentRow.updated_at.desc())
        .limit(1)
    )


async def plans_ahead(session: AsyncSession, user_id: int, now: datetime) -> list[MomentRow]:
    """The person's planned talks still to come (PLANNED, `plan_due_at` after `now`), soonest
    first."""
    rows = await session.scalars(
        select(MomentRow)
        .where(
            MomentRow.user_id == user_id,
            MomentRow.status == PLANNED,
            MomentRow.plan_due_at > now,
        )
        .order_by(MomentRow.plan_due_at, MomentRow.id)
    )
    return list(rows)


async def finished_since(
    session: AsyncSession, user_ids: set[int], since: datetime
) -> list[tuple[int, datetime]]:
    """For these people, each moment they told at `since` or later and finished (a draft
    ready, a plan, let go): who, and when it was begun. One query for a batch. Begun, not last
    changed: a planned talk asked about again ("not yet") is saved again, and that day they
    looked at no moment."""
    if not user_ids:
        return []
    found = await session.execute(
        select(MomentRow.user_id, MomentRow.created_at).where(
            MomentRow.user_id.in_(user_ids),
            MomentRow.status.in_(FINISHED),
            MomentRow.created_at >= since,
        )
    )
    return [(user_id, when) for user_id, when in found]


def _last_names_query() -> Select[str, str]:
    # When the person's newest partner link in Mend ended (/unlink, or the partner erased
    # everything): a partner named in a moment begun before then was that partner, never to be
    # offered again. NULL if no link of theirs ever ended. A scalar subquery, evaluated once.
    link_ended = (
        select(func.max(PartnerLink.ended_at))
        .where(
            PartnerLink.status == "ended",
            or_(
                PartnerLink.inviter_id == bindparam("user_id"),
                PartnerLink.partner_id == bindparam("user_id"),
            ),
        )
        .scalar_subquery()
    )
    newest = func.row_number().over(
        partition_by=MomentRow.who, order_by=(MomentRow.created_at.desc(), MomentRow.id)
    )
    ranked = (
        select(MomentRow.who, MomentRow.who_name, newest.label("n"))
        .where(
            MomentRow.user_id == bindparam("user_id"),
            MomentRow.who.is_not(None),
            MomentRow.who_name.is_not(None),
            or_(
                MomentRow.who != PARTNER,
                MomentRow.created_at >= func.coalesce(link_ended, MomentRow.created_at),
            ),
        )
        .subquery()
    )
    return select(ranked.c.who, ranked.c.who_name).where(ranked.c.n == 1)


# Built once: asked at the who and name steps of every moment, where building it each time
# cost more than running it (0.66 ms a call against 0.17, timed in one session).
_LAST_NAMES = _last_names_query()


async def last_names(session: AsyncSession, user_id: int) -> dict[str, str]:
    """The name the person gave each relation ("partner", "friend"...) in their most recent
    moment with that relation and a name: their own words, offered at "What's their name?".
    For "partner", only from moments begun since their newest partner link ended, if one
    did (an ex's name is not offered after the breakup). One query (the newest named moment
    of each relation)."""
    found = await session.execute(_LAST_NAMES, {"user_id": user_id})
    return {who: name for who, name in found if who and name}


async def rows_of(session: AsyncSession, user_id: int) -> list[MomentRow]:
    """All the person's moment rows, as stored (for /export: one read for both its files)."""
    return list(await session.scalars(select(MomentRow).where(MomentRow.user_id == user_id)))


def newest_first(rows: list[MomentRow]) -> list[Moment]:
    """`rows` as `recent` orders them (newest first, then by id), as moments."""
    ordered = sorted(rows, key=lambda row: row.id)
    ordered.sort(key=lambda row: row.created_at, reverse=True)  # stable: ids stay in order
    return [to_domain(row) for row in ordered]


async def remove_older_than(session: AsyncSession, cutoff: datetime) -> int:
    """Retention: moments created before `cutoff`, with their prompts (cascade)."""
    result = await session.execute(delete(MomentRow).where(MomentRow.created_at < cutoff))
    return int(result.rowcount)  # type: ignore[attr-defined]


async def remove(session: AsyncSession, user_id: int, moment_id: str) -> bool:
    result = await session.execute(
        delete(MomentRow).where(MomentRow.id == moment_id, MomentRow.user_id == user_id)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def forget_answer_that_began(session: AsyncSession, user_id: int, begun: datetime) -> None:
    """A moment begun from the evening card ("A moment hurt") and stopped before anything of it
    was told is not kept ("Nothing was kept"), and neither is the answer that began it: its
    reflection goes, and the card keeps no answer, though it stays answered (its buttons are
    gone, and that evening asks nothing more). The card is the one answered in the very
    instant the moment began (nothing else links the two)."""
    card = await session.scalar(
        select(ScheduledPrompt).where(
            ScheduledPrompt.user_id == user_id,
            ScheduledPrompt.kind.in_((EVENING, SNOOZE)),
            ScheduledPrompt.answer.in_(BEGIN_A_MOMENT),
            ScheduledPrompt.answered_at == begun,
        )
    )
    if card is None:
        return
    await session.execute(
        delete(Reflection).where(Reflection.user_id == user_id, Reflection.prompt_id == card.id)
    )
    card.answer = None
