"""Planning a couple space's prompts: its evening check-in and weekly round, a check-in's
close, a weekly round's close. One place for each key's spelling, used both when a person acts
(pairing, settings, answering a round) and when a prompt goes out."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.domain import couples, schedule
from bot.scheduling import store
from bot.storage.couples import of_link
from bot.storage.models import CoupleSpace, PartnerLink, User

CHECKIN_CLOSE = "checkin_close"
ROUND_CLOSE = "round_close"
WEEKLY_ASK = "weekly_ask"


def weekly_ask_key(space_id: int, day: date, user_id: int) -> str:
    """The key of one partner's private ask for a weekly round (each is sent at most once)."""
    return f"{WEEKLY_ASK}:{space_id}:{day.isoformat()}:{user_id}"


def weekly_ask_of(key: str) -> tuple[int, date] | None:
    """The space and the round's day a weekly ask's key names; None if it names none."""
    parts = key.split(":")
    if len(parts) != 4 or parts[0] != WEEKLY_ASK or not parts[1].isdigit():
        return None
    space_id, day = parts[1], parts[2]
    try:
        return int(space_id), date.fromisoformat(day)
    except ValueError:
        return None


def checkin_prefs(space: CoupleSpace | None) -> schedule.Prefs | None:
    """The space's daily check-in as an evening's settings; None if it has none (not active,
    or turned off)."""
    if space is None or space.status != "active" or not space.checkin_on:
        return None
    return schedule.Prefs(
        zone=space.checkin_zone, evening_on=True, evening_at=schedule.parse_hhmm(space.checkin_at)
    )


def weekly_key(space_id: int, day: date) -> str:
    """The key of a space's weekly round going out on `day`: one a week."""
    return f"weekly:{space_id}:{day.isoformat()}"


async def went_out_to(session: AsyncSession, space_id: int, link: PartnerLink, day: date) -> bool:
    """Whether the space's weekly round of `day` went out to `link`'s couple: it went out
    (when it did, not when it was due: a round sent late is theirs) at or after they linked
    (storage.couples.of_link)."""
    went_out = await store.sent_at(session, weekly_key(space_id, day))
    return went_out is not None and of_link(link, went_out)


async def plan_space_prompts(
    session: AsyncSession,
    space: CoupleSpace,
    owner_id: int,
    now: datetime,
    *,
    this_minute: bool = False,
) -> None:
    """The space's next check-in and weekly round, as its settings say (an active space only).
    With `this_minute` (after a stale one was skipped), a check-in due in this very minute is
    the next one."""
    if space.status != "active":
        return
    prefs = checkin_prefs(space)
    if prefs is not None:
        after = schedule.from_this_minute(now) if this_minute else now
        for _ in range(3):
            day, due = schedule.next_evening(after, prefs)
            if await store.plan(
                session,
                key=f"checkin:{space.id}:{day.isoformat()}",
                kind="checkin",
                user_id=owner_id,
                chat_id=space.chat_id,
                due=due,
                now=now,
                revive=True,
            ):
                break
            after = due  # that day's check-in has gone out: the next one
    if space.weekly_on:
        day, due = couples.next_weekly(now, space.checkin_zone)
        await store.plan(
            session,
            key=weekly_key(space.id, day),
            kind="weekly",
            user_id=owner_id,
            chat_id=space.chat_id,
            due=due,
            now=now,
            revive=True,
        )


async def plan_checkin_close(
    session: AsyncSession,
    space: CoupleSpace,
    day: date,
    owner_id: int,
    now: datetime,
    *,
    revive: bool = False,
) -> None:
    """Close the check-in of `day` the next morning. With `revive`, a close cancelled when the
    space was paused comes back (at once, if its time has passed while paused)."""
    closes = couples.checkin_closes(day, space.checkin_zone)
    await store.plan(
        session,
        key=f"{CHECKIN_CLOSE}:{space.id}:{day.isoformat()}",
        kind=CHECKIN_CLOSE,
        user_id=owner_id,
        chat_id=space.chat_id,
        due=max(closes, now),
        now=now,
        revive=revive,
    )


async def plan_round_close(
    session: AsyncSession, space: CoupleSpace, day: date, author: User, now: datetime
) -> None:
    """Tell a round answer's author, when the round closes, if it closed without the other's
    answer (checked when it is due), out of the author's quiet hours."""
    due = couples.round_closes(day, space.checkin_zone)
    await store.plan(
        session,
        key=f"{ROUND_CLOSE}:{space.id}:{day.isoformat()}:{author.id}",
        kind=ROUND_CLOSE,
        user_id=author.id,
        chat_id=author.id,
        due=schedule.out_of_quiet_hours(due, store.prefs_of(author)),
        now=now,
    )
