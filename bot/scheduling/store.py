"""The scheduled_prompts table: planning rows, claiming due ones, recording what happened."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain import repair_flow, schedule
from bot.domain.schedule import Prefs
from bot.storage import couples as couple_store
from bot.storage import moments as moment_store
from bot.storage.database import Database
from bot.storage.models import (
    ConversationState,
    CoupleSpace,
    MomentRow,
    PartnerLink,
    ScheduledPrompt,
    User,
)

log = logging.getLogger(__name__)

PENDING, SENDING, SENT, SKIPPED, FAILED, CANCELLED = (
    "pending",
    "sending",
    "sent",
    "skipped",
    "failed",
    "cancelled",
)
# Why a follow-up was moved to the end of a pause (`last_error` "moved: paused"): such rows
# follow the pause when it changes or ends (`replan_paused_follow_ups`).
PAUSED = "paused"
# Answers to the evening check-in that leave that evening without another card.
DECLINED = ("all_good", "not_tonight")
# A row in `sending` whose send began longer ago than this was abandoned by a process that
# died mid-send.
LEASE = timedelta(minutes=10)
# A claim older than this whose send has not begun has lapsed: its process died, or is too slow
# to get to it (that process then finds the claim gone: see `start_sending`).
CLAIM_LEASE = timedelta(minutes=2)


def prefs_of(user: User) -> Prefs:
    return Prefs(
        zone=user.timezone,
        evening_on=user.evening_on,
        evening_at=schedule.parse_hhmm(user.evening_at),
        quiet_start=schedule.parse_hhmm(user.quiet_start),
        quiet_end=schedule.parse_hhmm(user.quiet_end),
        follow_up_hours=user.follow_up_hours,
        nudges_on=user.nudges_on,
        paused_until=user.paused_until,
    )


def _insert(session: AsyncSession) -> postgresql.Insert | sqlite.Insert:
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(ScheduledPrompt)


async def plan(
    session: AsyncSession,
    *,
    key: str,
    kind: str,
    user_id: int,
    chat_id: int,
    due: datetime,
    now: datetime,
    moment_id: str | None = None,
    revive: bool = False,
    move: bool = False,
) -> bool:
    """Add a prompt unless one with this key exists (a key is sent at most once). True if
    added. With `revive`, a cancelled one with this key (a setting turned off and on again) is
    brought back at `due` instead, and True means that too. With `move`, a pending one with
    this key is planned again, from now, for `due` (a moment left, then picked up and finished:
    its nudge counts from the finish), and True means that too; one already sent stays sent."""
    statement = (
        _insert(session)
        .values(
            key=key,
            kind=kind,
            user_id=user_id,
            chat_id=chat_id,
            due_at=due,
            moment_id=moment_id,
            status=PENDING,
            attempts=0,
            created_at=now,
            updated_at=now,
        )
        .on_conflict_do_nothing(index_elements=["key"])
    )
    result = await session.execute(statement)
    if not result.rowcount and move:  # type: ignore[attr-defined]
        moved = await session.execute(
            update(ScheduledPrompt)
            .where(ScheduledPrompt.key == key, ScheduledPrompt.status == PENDING)
            .values(
                due_at=due,
                created_at=now,  # what a nudge is replanned from (`replan_nudges`)
                claimed_at=None,  # a tick holding it finds its claim gone and skips it
                last_error=None,
                updated_at=now,
            )
        )
        return bool(moved.rowcount)  # type: ignore[attr-defined]
    if result.rowcount or not revive:  # type: ignore[attr-defined]
        return bool(result.rowcount)  # type: ignore[attr-defined]
    revived = await session.execute(
        update(ScheduledPrompt)
        .where(ScheduledPrompt.key == key, ScheduledPrompt.status == CANCELLED)
        .values(
            status=PENDING,
            due_at=due,
            chat_id=chat_id,
            attempts=0,
            claimed_at=None,
            last_error=None,
            updated_at=now,
        )
    )
    return bool(revived.rowcount)  # type: ignore[attr-defined]


async def reschedule_evening(
    session: AsyncSession,
    user: User,
    now: datetime,
    *,
    nudges: bool = True,
    this_minute: bool = False,
) -> datetime | None:
    """Make the person's pending evening reflection match their settings: exactly the next one
    (or none if it is off, or they blocked us). Returns when it is due. This runs whenever
    their settings or zone change, so with `nudges` their pending nudges, which come at the
    evening time, follow too (`replan_nudges`). With `this_minute` (a tick replanning after a
    skipped one, say after downtime), an evening due in this very minute is the next one."""
    prefs = prefs_of(user)
    if nudges:
        await replan_nudges(session, user, now)
        await replan_paused_follow_ups(session, user, now)
    pending = list(
        await session.scalars(
            select(ScheduledPrompt).where(
                ScheduledPrompt.user_id == user.id,
                ScheduledPrompt.kind == schedule.EVENING,
                ScheduledPrompt.status == PENDING,
            )
        )
    )
    # Paused until resumed: no row dated 9999 waiting (resuming changes the settings, and
    # brings the next evening back through here).
    if not prefs.evening_on or user.blocked_at is not None or schedule.paused_until_resumed(prefs):
        for row in pending:
            await session.delete(row)
        return None
    after = schedule.from_this_minute(now) if this_minute else now
    while True:
        day, due = schedule.next_evening(after, prefs)
        key = schedule.evening_key(user.id, day)
        existing = await session.scalar(select(ScheduledPrompt).where(ScheduledPrompt.key == key))
        if existing is None or existing.status in (PENDING, CANCELLED):
            break
        after = due  # that evening has had its prompt: the next one
    for row in pending:
        if row.key != key:
            await session.delete(row)
    if existing is None:
        await plan(
            session,
            key=key,
            kind=schedule.EVENING,
            user_id=user.id,
            chat_id=user.id,
            due=due,
            now=now,
        )
    else:
        existing.due_at, existing.status, existing.attempts = due, PENDING, 0
        existing.claimed_at = None  # a tick holding it finds its claim gone and skips it
        existing.last_error = None
    return due


async def replan_nudges(session: AsyncSession, user: User, now: datetime) -> int:
    """Move the person's pending nudges to their evening time as it is now (a changed time or
    zone). Returns how many moved."""
    prefs = prefs_of(user)
    moved = 0
    for row in await session.scalars(
        select(ScheduledPrompt).where(
            ScheduledPrompt.user_id == user.id,
            ScheduledPrompt.kind == schedule.NUDGE,
            ScheduledPrompt.status == PENDING,
        )
    ):
        moved += _move(row, schedule.nudge_replanned(row.created_at, now, prefs), now)
    return moved


def _move(row: ScheduledPrompt, due: datetime, now: datetime) -> bool:
    """Move a pending row to `due`; whether it moved. A tick holding it finds its claim gone
    and skips it."""
    if due == row.due_at:
        return False
    row.due_at, row.updated_at, row.claimed_at = due, now, None
    return True


async def replan_paused_follow_ups(session: AsyncSession, user: User, now: datetime) -> int:
    """Follow-ups waiting out a pause follow it as it is now: to its new end, or (resumed) to
    the first time out of quiet hours. Returns how many moved."""
    due = schedule.pause_over(now, prefs_of(user))
    moved = 0
    for row in await session.scalars(
        select(ScheduledPrompt).where(
            ScheduledPrompt.user_id == user.id,
            ScheduledPrompt.kind == schedule.FOLLOW_UP,
            ScheduledPrompt.status == PENDING,
            ScheduledPrompt.last_error == moved_because(PAUSED),
        )
    ):
        moved += _move(row, due, now)
    return moved


async def plans_follow_zone(
    session: AsyncSession, user: User, before: str | None, now: datetime
) -> list[datetime]:
    """The person's zone changed from `before` to the one they have now: each planned talk
    still to come goes to the same wall-clock time there (`schedule.plan_in_new_zone`: one
    made as a span from now, or that would be past or too close, keeps its instant), and the
    question about it, pending in their private chat, goes with it (`schedule.follow_up_due`
    from the new time). A question already claimed or sent does not move, nor one waiting out
    a pause (it follows the pause: `replan_paused_follow_ups`). Returns the new times,
    soonest first."""
    prefs = prefs_of(user)
    moved: list[datetime] = []
    for moment in await moment_store.plans_ahead(session, user.id, now):
        assert moment.plan_due_at is not None
        due = schedule.plan_in_new_zone(
            moment.plan_due_at, now, before, prefs.zone, from_now=moment.plan_from_now
        )
        if due is None:
            continue
        moment.plan_due_at, moment.updated_at = due, now  # the turn's time, as `save` keeps
        moved.append(due)
        asked = schedule.follow_up_due(due, prefs)
        for row in await session.scalars(
            select(ScheduledPrompt).where(
                ScheduledPrompt.moment_id == moment.id,
                ScheduledPrompt.user_id == user.id,
                ScheduledPrompt.chat_id == user.id,
                ScheduledPrompt.kind == schedule.FOLLOW_UP,
                ScheduledPrompt.status == PENDING,
                ScheduledPrompt.claimed_at.is_(None)
                | (ScheduledPrompt.claimed_at <= now - CLAIM_LEASE),
                ScheduledPrompt.last_error.is_(None)
                | (ScheduledPrompt.last_error != moved_because(PAUSED)),
            )
        ):
            if _move(row, asked, now):
                row.last_error = None
    return sorted(moved)


async def evening_declined_since(session: AsyncSession, user_id: int, since: datetime) -> bool:
    """Whether the person answered an evening check-in (or its snooze) due since `since` with
    "all good" or "not tonight": that evening wants no other card about a moment."""
    found = await session.scalar(
        select(ScheduledPrompt.id)
        .where(
            ScheduledPrompt.user_id == user_id,
            ScheduledPrompt.kind.in_((schedule.EVENING, schedule.SNOOZE)),
            ScheduledPrompt.due_at >= since,
            ScheduledPrompt.answer.in_(DECLINED),
        )
        .limit(1)
    )
    return found is not None


async def carded_since(session: AsyncSession, user_id: int, since: datetime) -> bool:
    """Whether a card about a moment (a follow-up or nudge) went to the person's chat, or
    began to, since `since`."""
    found = await session.scalar(
        select(ScheduledPrompt.id)
        .where(
            ScheduledPrompt.user_id == user_id,
            ScheduledPrompt.chat_id == user_id,
            ScheduledPrompt.kind.in_(schedule.CARDS),
            ScheduledPrompt.status.in_((SENDING, SENT)),
            ScheduledPrompt.send_started_at >= since,
        )
        .limit(1)
    )
    return found is not None


async def newer_evening_card_sent(session: AsyncSession, row: ScheduledPrompt) -> bool:
    """Whether an evening card went out to the person after `row` (an evening card): `row`
    is then an earlier evening's, and takes no answer."""
    if row.kind not in schedule.EVENING_CARDS or row.sent_at is None:
        return False
    newer = await session.scalar(
        select(ScheduledPrompt.id)
        .where(
            ScheduledPrompt.user_id == row.user_id,
            ScheduledPrompt.kind.in_(schedule.EVENING_CARDS),
            ScheduledPrompt.status == SENT,
            ScheduledPrompt.sent_at > row.sent_at,
        )
        .limit(1)
    )
    return newer is not None


async def evenings_unanswered(
    session: AsyncSession, user_id: int, count: int, last_seen: datetime | None = None
) -> bool:
    """Whether the person's last `count` evening check-ins went out and were all left alone:
    none answered (a tap or a typed answer marks one), no moment begun since the first of
    them (telling a moment instead of tapping is an answer too), and nothing written to the
    bot since then either (`last_seen`: "ok" or a 👍 answers no button, but it is not silence).
    Only check-ins that went out count: one skipped (quiet hours, a moment under way, a pause)
    was never left alone."""
    sent = list(
        await session.execute(
            select(ScheduledPrompt.answered_at, ScheduledPrompt.sent_at)
            .where(
                ScheduledPrompt.user_id == user_id,
                ScheduledPrompt.kind == schedule.EVENING,
                ScheduledPrompt.status == SENT,
            )
            .order_by(ScheduledPrompt.sent_at.desc())
            .limit(count)
        )
    )
    if len(sent) < count or any(answered is not None for answered, _ in sent):
        return False
    first = min(at for _, at in sent if at is not None)
    if last_seen is not None and last_seen >= first:
        return False
    told = await session.scalar(
        select(MomentRow.id)
        .where(MomentRow.user_id == user_id, MomentRow.created_at >= first)
        .limit(1)
    )
    return told is None


async def moments_under_way(session: AsyncSession, user_ids: set[int], since: datetime) -> set[int]:
    """Which of these people are in the middle of a moment: its flow past the offer to look at
    one (`repair_flow.under_way`), last answered at `since` or later. One query for a batch."""
    if not user_ids:
        return set()
    found = await session.scalars(
        select(ConversationState.user_id).where(
            ConversationState.user_id.in_(user_ids),
            ConversationState.flow == repair_flow.FLOW,
            ConversationState.step != repair_flow.OFFER,
            ConversationState.updated_at >= since,
        )
    )
    return set(found)


async def group_check_ins_near(
    session: AsyncSession, user_ids: set[int], now: datetime
) -> dict[int, datetime]:
    """For these people, when the group check-in of their couple space (active, with an active
    link) is due, if one is due less than AFTER_CHECK_IN before or after `now` and has not been
    skipped or dropped: the latest such. One query for a batch."""
    if not user_ids:
        return {}
    window = schedule.AFTER_CHECK_IN
    found = await session.execute(
        select(PartnerLink.inviter_id, PartnerLink.partner_id, ScheduledPrompt.due_at)
        .join(CoupleSpace, CoupleSpace.link_id == PartnerLink.id)
        .join(ScheduledPrompt, ScheduledPrompt.chat_id == CoupleSpace.chat_id)
        .where(
            or_(PartnerLink.inviter_id.in_(user_ids), PartnerLink.partner_id.in_(user_ids)),
            PartnerLink.status == "active",
            CoupleSpace.status == "active",
            ScheduledPrompt.kind == "checkin",
            ScheduledPrompt.status.in_((PENDING, SENDING, SENT)),
            ScheduledPrompt.due_at > now - window,
            ScheduledPrompt.due_at < now + window,
        )
    )
    near: dict[int, datetime] = {}
    for inviter, partner, due in found:
        for person in (inviter, partner):
            if person in user_ids and (person not in near or due > near[person]):
                near[person] = due
    return near


async def answered_by_us(session: AsyncSession, prompt_id: int, answer: str, now: datetime) -> None:
    """Mark a prompt answered though no one tapped it: it says something that needs none (the
    evening check-in stopping), and a run of unanswered ones starts afresh after it."""
    await session.execute(
        update(ScheduledPrompt)
        .where(ScheduledPrompt.id == prompt_id)
        .values(answer=answer, answered_at=now, updated_at=now)
    )


async def sent_at(session: AsyncSession, key: str) -> datetime | None:
    """When the prompt with `key` went out; None if it has not (yet)."""
    return await session.scalar(
        select(ScheduledPrompt.sent_at).where(
            ScheduledPrompt.key == key, ScheduledPrompt.status == SENT
        )
    )


async def users_by_id(session: AsyncSession, ids: set[int]) -> dict[int, User]:
    found = await session.scalars(select(User).where(User.id.in_(ids)))
    return {user.id: user for user in found}


async def cancel_for_moment(session: AsyncSession, moment_id: str, now: datetime) -> int:
    result = await session.execute(
        update(ScheduledPrompt)
        .where(ScheduledPrompt.moment_id == moment_id, ScheduledPrompt.status == PENDING)
        .values(status=CANCELLED, last_error="resolved", updated_at=now)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def cancel_for_user(session: AsyncSession, user_id: int, reason: str, now: datetime) -> int:
    """Cancel the prompts to the person's private chat (they blocked the bot). Their group's
    prompts, even those they set up, go on: the bot is still welcome there."""
    result = await session.execute(
        update(ScheduledPrompt)
        .where(
            ScheduledPrompt.user_id == user_id,
            ScheduledPrompt.chat_id == user_id,
            ScheduledPrompt.status == PENDING,
        )
        .values(status=CANCELLED, last_error=reason, updated_at=now)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def cancel_for_chat(
    session: AsyncSession,
    chat_id: int,
    reason: str,
    now: datetime,
    kinds: tuple[str, ...] | None = None,
) -> int:
    """Cancel a chat's pending prompts (of `kinds`, or all): a group paused or left."""
    where = [ScheduledPrompt.chat_id == chat_id, ScheduledPrompt.status == PENDING]
    if kinds is not None:
        where.append(ScheduledPrompt.kind.in_(kinds))
    result = await session.execute(
        update(ScheduledPrompt)
        .where(*where)
        .values(status=CANCELLED, last_error=reason, updated_at=now)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Claimed:
    id: int
    key: str
    kind: str
    user_id: int
    chat_id: int
    moment_id: str | None
    due_at: datetime
    attempts: int
    claimed_at: datetime  # identifies this claim: a later claim of the row has a later time


async def claim(
    session: AsyncSession, now: datetime, limit: int, keys: list[str] | None = None
) -> list[Claimed]:
    """Claim up to `limit` due rows (only those with `keys`, if given) and return them, oldest
    first. A claimed row stays `pending` (nothing has been sent) with `claimed_at` set; it
    becomes `sending` only when its own send begins (`start_sending`), so a crash leaves just
    that one row in `sending`.

    On PostgreSQL `FOR UPDATE SKIP LOCKED` lets several dispatchers claim at once without
    taking the same row; on SQLite the write transaction (BEGIN IMMEDIATE) does that. A claim
    lapses after CLAIM_LEASE.
    """
    unclaimed = ScheduledPrompt.claimed_at.is_(None) | (
        ScheduledPrompt.claimed_at <= now - CLAIM_LEASE
    )
    where = [ScheduledPrompt.status == PENDING, ScheduledPrompt.due_at <= now, unclaimed]
    if keys is not None:
        where.append(ScheduledPrompt.key.in_(keys))
    due = (
        select(ScheduledPrompt.id)
        .where(*where)
        .order_by(ScheduledPrompt.due_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    result = await session.execute(
        update(ScheduledPrompt)
        .where(ScheduledPrompt.id.in_(due.scalar_subquery()))
        .values(
            claimed_at=now,
            send_started_at=None,
            attempts=ScheduledPrompt.attempts + 1,
            updated_at=now,
        )
        .returning(
            ScheduledPrompt.id,
            ScheduledPrompt.key,
            ScheduledPrompt.kind,
            ScheduledPrompt.user_id,
            ScheduledPrompt.chat_id,
            ScheduledPrompt.moment_id,
            ScheduledPrompt.due_at,
            ScheduledPrompt.attempts,
            ScheduledPrompt.claimed_at,
        )
    )
    rows = [
        Claimed(
            id=r.id,
            key=r.key,
            kind=r.kind,
            user_id=r.user_id,
            chat_id=r.chat_id,
            moment_id=r.moment_id,
            due_at=r.due_at,
            attempts=r.attempts,
            claimed_at=r.claimed_at,
        )
        for r in result.all()
    ]
    return sorted(rows, key=lambda r: (r.due_at, r.id))


async def finish(
    session: AsyncSession,
    prompt_id: int,
    status: str,
    now: datetime,
    *,
    error: str | None = None,
    message_id: int | None = None,
    due: datetime | None = None,
) -> None:
    values: dict[str, object] = {"status": status, "updated_at": now, "last_error": error}
    if status == PENDING:
        values["claimed_at"] = None  # to be claimed afresh when due
    if status == SENT:
        values.update(sent_at=now, message_id=message_id)
    if due is not None:
        values["due_at"] = due
    await session.execute(
        update(ScheduledPrompt).where(ScheduledPrompt.id == prompt_id).values(**values)
    )


async def refused(session: AsyncSession, row: Claimed, now: datetime) -> None:
    """Telegram answered `Forbidden`: the person blocked the bot, or the bot is no longer in
    the group. That chat's prompts stop (DESIGN.md), as a `my_chat_member` update would have
    stopped them: a group's space is marked removed (adding the bot back offers pairing)."""
    if row.chat_id == row.user_id:
        reason = "blocked"
        user = await session.get(User, row.user_id)
        if user is not None:
            user.blocked_at = user.blocked_at or now
        await cancel_for_user(session, row.user_id, reason, now)
    else:
        reason = "bot removed"
        space = await couple_store.space_for_chat(session, row.chat_id)
        if space is not None:
            space.status = "removed"
        await cancel_for_chat(session, row.chat_id, reason, now)
    await finish(session, row.id, CANCELLED, now, error=reason)


def moved_because(why: str) -> str:
    """What a row moved unsent says in `last_error`: why it was moved."""
    return f"moved: {why}"


async def defer(
    session: AsyncSession, row: Claimed, due: datetime, now: datetime, why: str
) -> bool:
    """A claimed row that is not to go now (quiet hours, a nudge's one-a-day) goes back to
    pending, due at `due`, unsent. Only while the claim is ours; nothing was tried, so the
    attempt does not count. False if the claim was gone."""
    result = await session.execute(
        update(ScheduledPrompt)
        .where(
            ScheduledPrompt.id == row.id,
            ScheduledPrompt.status == PENDING,
            ScheduledPrompt.claimed_at == row.claimed_at,
        )
        .values(
            due_at=due,
            claimed_at=None,
            attempts=ScheduledPrompt.attempts - 1,
            last_error=moved_because(why),
            updated_at=now,
        )
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def release(session: AsyncSession, ids: list[int], now: datetime) -> None:
    """Claimed rows we did not get to (a flood wait, a shutdown): unclaimed, untouched."""
    if ids:
        await session.execute(
            update(ScheduledPrompt)
            .where(ScheduledPrompt.id.in_(ids), ScheduledPrompt.status == PENDING)
            .values(claimed_at=None, attempts=ScheduledPrompt.attempts - 1, updated_at=now)
        )


async def release_all_claims(session: AsyncSession, now: datetime) -> int:
    """At start with SQLite (one process): claims left by the previous process are dead."""
    result = await session.execute(
        update(ScheduledPrompt)
        .where(ScheduledPrompt.status == PENDING, ScheduledPrompt.claimed_at.is_not(None))
        .values(claimed_at=None, attempts=ScheduledPrompt.attempts - 1, updated_at=now)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def begin_send(db: Database, row: Claimed, now: datetime) -> bool:
    """`start_sending` in a commit of its own, just before the send; says so when the claim
    has lapsed (the caller must then not send)."""
    async with db.unit_of_work() as session:
        if await start_sending(session, row, now):
            return True
    log.warning("prompt %s: our claim lapsed before we reached it; not sent", row.id)
    return False


async def start_sending(session: AsyncSession, row: Claimed, now: datetime) -> bool:
    """Mark the row `sending` just before its send: from now on it may reach Telegram. False
    if the claim is no longer ours (it lapsed and another process took the row, or the row was
    cancelled or rescheduled meanwhile): the caller must not send it."""
    result = await session.execute(
        update(ScheduledPrompt)
        .where(
            ScheduledPrompt.id == row.id,
            ScheduledPrompt.status == PENDING,
            ScheduledPrompt.claimed_at == row.claimed_at,
        )
        .values(status=SENDING, send_started_at=now, updated_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def fail_abandoned(session: AsyncSession, now: datetime, older_than: timedelta) -> int:
    """Rows left in `sending` by a process that stopped mid-send (begun before `now -
    older_than`). They may or may not have reached Telegram, so they are never sent again: at
    most once."""
    result = await session.execute(
        update(ScheduledPrompt)
        .where(
            ScheduledPrompt.status == SENDING,
            ScheduledPrompt.send_started_at <= now - older_than,
        )
        .values(
            status=FAILED,
            updated_at=now,
            last_error="interrupted while sending; not sent again (at most once)",
        )
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


async def forget_before(session: AsyncSession, cutoff: datetime) -> int:
    """Finished rows older than `cutoff` (keys of sent prompts are kept for a while so that a
    late double schedule is still absorbed)."""
    result = await session.execute(
        delete(ScheduledPrompt).where(
            ScheduledPrompt.status.in_((SENT, SKIPPED, FAILED, CANCELLED)),
            ScheduledPrompt.due_at < cutoff,
            ScheduledPrompt.answered_at.is_(None) | (ScheduledPrompt.answered_at < cutoff),
        )
    )
    return int(result.rowcount)  # type: ignore[attr-defined]
