"""Scheduled prompts of a couple's space: the daily check-in card and its closing, the weekly
thanks round (one ask to each partner, out of their quiet hours and none while they are paused,
and a word to one who answered a round that closed without the other's), and the reminder
after a repair bid answered "later"."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram.error import ChatMigrated, Forbidden, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.content import catalogue
from bot.domain import couples, crisis, schedule
from bot.domain.replies import Button, Reply, rows
from bot.scheduling import store
from bot.scheduling.couple_plans import (
    CHECKIN_CLOSE,
    ROUND_CLOSE,
    WEEKLY_ASK,
    plan_checkin_close,
    plan_space_prompts,
    weekly_ask_key,
    weekly_ask_of,
    went_out_to,
)
from bot.scheduling.ratelimit import PROMPT, retry_seconds
from bot.storage import chats
from bot.storage import couples as couple_store
from bot.storage.database import Database
from bot.storage.models import (
    Checkin,
    CoupleSpace,
    RepairBid,
    User,
)
from bot.telegram.render import render_markup, render_text

GROUP_KINDS = ("checkin", CHECKIN_CLOSE, "weekly", WEEKLY_ASK, "bid_later", ROUND_CLOSE)
# A close only edits the card (and drops a lone answer): however late, it is still due.
NEVER_STALE = (CHECKIN_CLOSE,)
# Group check-ins in a row closed with no answer from either partner, after which the next
# one is a line that it is paused instead (CONTENT.md: no nagging), as the personal evening
# card stops after dispatcher.EVENINGS_UNANSWERED.
GROUP_CHECKINS_UNANSWERED = 6
PAUSED = "paused"  # the answer of the check-in row that said the check-in is paused instead


def _backs_off(space: CoupleSpace, partners: tuple[User, User], now: datetime) -> bool:
    """Whether the space's check-in due now is to say it is paused instead: a run of
    GROUP_CHECKINS_UNANSWERED closed with no answer from either partner since it was last
    turned on, and no danger reply of either partner lately (`crisis.danger_recently`)."""
    recent_danger = any(crisis.danger_recently(now, p.quiet_until) for p in partners)
    return not recent_danger and space.checkins_unanswered >= GROUP_CHECKINS_UNANSWERED


class CouplePrompts:
    def __init__(
        self,
        db: Database,
        bot: ExtBot[Any],
        clock: Callable[[], datetime],
        *,
        stale_after: timedelta = schedule.STALE_AFTER,
    ) -> None:
        self.db = db
        self.bot = bot
        self.clock = clock
        self.stale_after = stale_after

    async def run(self, row: store.Claimed) -> str:
        """Handle one claimed row; returns the status it ended in."""
        stale = schedule.is_stale(row.due_at, self.clock(), self.stale_after)
        if stale and row.kind not in NEVER_STALE:
            return await self._skip_stale(row)
        if not await store.begin_send(self.db, row, self.clock()):  # then it may reach Telegram
            return "lost"
        try:
            handler: Callable[[store.Claimed], Awaitable[str]] = getattr(self, f"_{row.kind}")
            return await handler(row)
        except RetryAfter as error:
            due = self.clock() + timedelta(seconds=retry_seconds(error))
            await self._finish(row, store.PENDING, "flood wait", due=due)
            return "retry"
        except ChatMigrated as error:
            now = self.clock()
            async with self.db.unit_of_work() as session:
                await chats.move_chat(session, row.chat_id, error.new_chat_id, now)
                await store.finish(
                    session, row.id, store.PENDING, now, error="chat migrated", due=now
                )
            return "retry"
        except Forbidden:
            async with self.db.unit_of_work() as session:
                await store.refused(session, row, self.clock())
            return store.CANCELLED
        except TelegramError as error:
            await self._finish(row, store.FAILED, str(error)[:200])
            return store.FAILED

    async def _finish(
        self,
        row: store.Claimed,
        status: str,
        error: str | None = None,
        due: datetime | None = None,
        message_id: int | None = None,
    ) -> None:
        async with self.db.unit_of_work() as session:
            await store.finish(
                session, row.id, status, self.clock(), error=error, due=due, message_id=message_id
            )

    async def _skip_stale(self, row: store.Claimed) -> str:
        """Too late to make sense (a 21:00 check-in at 4 a.m. after downtime): skipped, and the
        space's next one planned, as a personal evening reflection's would be."""
        now = self.clock()
        async with self.db.unit_of_work() as session:
            await store.finish(session, row.id, store.SKIPPED, now, error="stale")
            if row.kind in ("checkin", "weekly"):
                space = await couple_store.space_for_chat(session, row.chat_id)
                if space is not None:  # one due this very minute is not skipped with it
                    await plan_space_prompts(session, space, row.user_id, now, this_minute=True)
        return store.SKIPPED

    async def _space(self, session: Any, chat_id: int) -> tuple[CoupleSpace, User, User] | None:
        space = await couple_store.space_for_chat(session, chat_id)
        couple = await couple_store.couple_of(session, space)
        if space is None or couple is None:
            return None
        return space, *couple

    async def _send(self, chat_id: int, reply: Reply, *, silent: bool = False) -> int:
        text, parse_mode = render_text(reply)
        sent = await self.bot.send_message(
            chat_id,
            text,
            parse_mode=parse_mode,
            reply_markup=render_markup(reply, None),
            disable_notification=True if silent else None,
            rate_limit_args=PROMPT,
        )
        return sent.message_id

    async def _checkin(self, row: store.Claimed) -> str:
        now = self.clock()
        day = date.fromisoformat(row.key.rsplit(":", 1)[1])
        pause = await self._pause_instead(row, now)
        if pause is not None:
            return await self._paused(row, *pause)
        async with self.db.unit_of_work() as session:
            found = await self._space(session, row.chat_id)
            if found is None or not found[0].checkin_on:
                await store.finish(session, row.id, store.SKIPPED, now, error="space not active")
                return store.SKIPPED
            space, a, b = found
            if any(crisis.is_quiet(now, p.quiet_until) for p in (a, b)):
                # A partner's quiet day after danger: no cheerful card in their group, and
                # nothing there says why. The next one comes as usual.
                await store.finish(session, row.id, store.SKIPPED, now, error="after danger")
                await plan_space_prompts(
                    session, space, row.user_id, row.due_at + timedelta(minutes=1)
                )
                return store.SKIPPED
            # A retry (a flood wait, a migrated group) finds the card it made the first time.
            checkin = await session.scalar(
                select(Checkin).where(Checkin.space_id == space.id, Checkin.local_date == day)
            )
            if checkin is None:
                checkin = Checkin(
                    space_id=space.id,
                    local_date=day,
                    chat_id=space.chat_id,
                    answers={},
                    status="open",
                    created_at=now,
                )
                session.add(checkin)
                await session.flush()
            checkin.chat_id = space.chat_id
            c = catalogue(a.language_code)
            card = couples.checkin_card(
                checkin.id, {a.id: a.display_name, b.id: b.display_name}, {}, "open", c
            )
            await plan_checkin_close(session, space, day, row.user_id, now)
            await plan_space_prompts(session, space, row.user_id, row.due_at + timedelta(minutes=1))
            checkin_id = checkin.id
            # The time is the couple's, on one clock: where it falls in a partner's night (a
            # 21:00 in New York is 03:00 in Berlin) the card comes without a sound.
            silent = any(schedule.night_now(now, store.prefs_of(p)) is not None for p in (a, b))
        try:
            message_id = await self._send(row.chat_id, card, silent=silent)
        except Forbidden:  # the card never went out: nor does a check-in for it stay behind
            async with self.db.unit_of_work() as session:
                unsent = await session.get(Checkin, checkin_id)
                if unsent is not None and unsent.message_id is None:
                    await session.delete(unsent)
            raise
        async with self.db.unit_of_work() as session:
            saved = await session.get(Checkin, checkin_id)
            if saved is not None:
                saved.message_id = message_id
            await store.finish(session, row.id, store.SENT, self.clock(), message_id=message_id)
        return store.SENT

    async def _pause_instead(self, row: store.Claimed, now: datetime) -> tuple[Reply, bool] | None:
        """The line to post instead of the check-in due now, and whether without a sound, when
        a run of them was left alone by both (`_backs_off`); None to go on as usual (a quiet
        day after danger is skipped as usual, saying nothing)."""
        async with self.db.unit_of_work() as session:
            found = await self._space(session, row.chat_id)
            if found is None or not found[0].checkin_on:
                return None
            space, a, b = found
            if any(crisis.is_quiet(now, p.quiet_until) for p in (a, b)):
                return None
            if not _backs_off(space, (a, b), now):
                return None
            line = Reply(catalogue(a.language_code).text("checkin.paused"))
            # As the card would: without a sound where it is night for either of them.
            silent = any(schedule.night_now(now, store.prefs_of(p)) is not None for p in (a, b))
            return line, silent

    async def _paused(self, row: store.Claimed, line: Reply, silent: bool) -> str:
        """Say in the group that the check-in is paused; once said, it is turned off (the
        space's next check-in is not planned), and a run counts afresh from when it is turned
        back on."""
        message_id = await self._send(row.chat_id, line, silent=silent)
        async with self.db.unit_of_work() as session:
            space = await couple_store.space_for_chat(session, row.chat_id)
            if space is not None:
                space.checkin_on, space.checkins_unanswered = False, 0
            await store.finish(session, row.id, store.SENT, self.clock(), message_id=message_id)
            await store.answered_by_us(session, row.id, PAUSED, self.clock())
        return store.SENT

    async def _checkin_close(self, row: store.Claimed) -> str:
        now = self.clock()
        _, space_id, day = row.key.split(":")
        async with self.db.unit_of_work() as session:
            checkin = await session.scalar(
                select(Checkin).where(
                    Checkin.space_id == int(space_id), Checkin.local_date == date.fromisoformat(day)
                )
            )
            space = await session.get(CoupleSpace, int(space_id))
            if checkin is not None and checkin.status == "revealed" and space is not None:
                space.checkins_unanswered = 0  # both answered it
            if checkin is None or checkin.status != "open" or checkin.message_id is None:
                await store.finish(session, row.id, store.SKIPPED, now, error="nothing to close")
                return store.SKIPPED
            if space is not None:  # a lone answer is an answer too: the run starts again
                space.checkins_unanswered = 0 if checkin.answers else space.checkins_unanswered + 1
            # Closed unrevealed: a lone answer is never shown, and not kept either.
            text = catalogue().text(couples.closed_key(checkin.answers))
            checkin.status, checkin.answers, checkin.closed_at = "closed", {}, now
            chat_id, message_id = checkin.chat_id, checkin.message_id
        try:
            await self.bot.edit_message_text(
                text, chat_id=chat_id, message_id=message_id, rate_limit_args=PROMPT
            )
        except TelegramError as error:
            if "not modified" not in str(error).lower() and "not found" not in str(error).lower():
                raise
        await self._finish(row, store.SENT)
        return store.SENT

    async def _weekly(self, row: store.Claimed) -> str:
        now = self.clock()
        day = date.fromisoformat(row.key.rsplit(":", 1)[1])
        async with self.db.unit_of_work() as session:
            found = await self._space(session, row.chat_id)
            if found is None or not found[0].weekly_on:
                await store.finish(session, row.id, store.SKIPPED, now, error="space not active")
                return store.SKIPPED
            space, a, b = found
            await plan_space_prompts(session, space, row.user_id, now + timedelta(minutes=1))
            # One row per partner, each sent at most once: a flood wait or a failure on one
            # ask is retried (or not) for that partner alone, never resending the other's.
            # Each comes by its partner's own settings: out of their quiet hours (a partner
            # in another zone may be asleep); a pause is checked as it is sent, and skips it.
            keys = []
            for person in (a, b):
                if person.started_at is None or person.blocked_at is not None:
                    continue
                key = weekly_ask_key(space.id, day, person.id)
                due = couples.round_ask_due(
                    day,
                    space.checkin_zone,
                    now,
                    store.prefs_of(person),
                    person.quiet_until,
                )
                await store.plan(
                    session,
                    key=key,
                    kind=WEEKLY_ASK,
                    user_id=person.id,
                    chat_id=person.id,
                    due=due or now,  # not to be sent: due now, to be skipped saying why
                    now=now,
                )
                keys.append(key)
            await store.finish(session, row.id, store.SENT, now)
        async with self.db.unit_of_work() as session:  # sent now rather than at the next tick
            asks = await store.claim(session, now, len(keys), keys=keys) if keys else []
        for ask in asks:
            await self.run(ask)
        return store.SENT

    async def _weekly_ask(self, row: store.Claimed) -> str:
        named = weekly_ask_of(row.key)
        assert named is not None, row.key  # made by weekly_ask_key
        space_id, day = named
        async with self.db.unit_of_work() as session:
            space = await session.get(CoupleSpace, space_id)
            couple = await couple_store.couple_of(session, space)
            if space is None or couple is None or not space.weekly_on:
                await store.finish(
                    session, row.id, store.SKIPPED, self.clock(), error="space not active"
                )
                return store.SKIPPED
            link = await couple_store.link_of(session, space)
            if (
                row.user_id not in (couple[0].id, couple[1].id)
                or link is None
                or not await went_out_to(session, space.id, link, day)
            ):
                # The group was paired with another link since this round went out: the ask
                # was for the couple before (a partner gone would be told the new one's name).
                await store.finish(
                    session, row.id, store.SKIPPED, self.clock(), error="link changed"
                )
                return store.SKIPPED
            person, partner = couple if couple[0].id == row.user_id else couple[::-1]
            if person.started_at is None or person.blocked_at is not None:
                await store.finish(
                    session, row.id, store.CANCELLED, self.clock(), error="not reachable"
                )
                return store.CANCELLED
            # Their settings as they are now: paused since it was planned, quiet hours changed.
            now, prefs = self.clock(), store.prefs_of(person)
            due = couples.round_ask_due(day, space.checkin_zone, now, prefs, person.quiet_until)
            if due is None:
                why = "paused" if schedule.is_paused(now, prefs) else "round closing"
                if crisis.is_quiet(now, person.quiet_until):
                    why = "after danger"
                await store.finish(session, row.id, store.SKIPPED, now, error=why)
                return store.SKIPPED
            if due > now:
                await store.finish(
                    session, row.id, store.PENDING, now, error="quiet hours", due=due
                )
                return "moved"  # as a person's own prompt moved out of quiet hours is counted
            c = catalogue(person.language_code)
            callback = f"wr.{space.id}.{day.isoformat()}"  # as `start_round` reads it
            button = Button(c.text("thanks.round_write"), callback, menu=True)
            ask = Reply(c.text("thanks.round_ask", partner=partner.display_name), rows(button))
        message_id = await self._send(row.chat_id, ask)
        await self._finish(row, store.SENT, message_id=message_id)
        return store.SENT

    async def _round_close(self, row: store.Claimed) -> str:
        """A weekly round has closed: the partner who answered it hears, privately, that it
        closed without both answers (unless the other's came in after all)."""
        _, space_id, day, _ = row.key.split(":")
        key = couples.round_key(int(space_id), date.fromisoformat(day))
        async with self.db.unit_of_work() as session:
            user = await session.get(User, row.user_id)
            answers = await couple_store.answers_to_round(session, key)
            others = any(author != row.user_id for author in answers)
        if user is None or user.blocked_at is not None or user.started_at is None:
            await self._finish(row, store.CANCELLED, "not reachable")
            return store.CANCELLED
        if others:
            await self._finish(row, store.SKIPPED, "both answered")
            return store.SKIPPED
        if schedule.is_paused(self.clock(), store.prefs_of(user)):
            await self._finish(row, store.SKIPPED, "paused")
            return store.SKIPPED
        text = catalogue(user.language_code).text("thanks.round_closed")
        message_id = await self._send(row.chat_id, Reply(text))
        await self._finish(row, store.SENT, message_id=message_id)
        return store.SENT

    @staticmethod
    async def _bid_still_linked(session: AsyncSession, key: str) -> bool:
        """Whether the bid a "later" reminder (`bid:<bid id>:<user id>`) is for still stands:
        the bid is kept, and the two are linked by the link they had when it was asked (not
        one that ended since, by /unlink or /delete, nor a new one made after)."""
        kind, _, rest = key.partition(":")
        bid_id = rest.partition(":")[0]
        if kind != "bid" or not bid_id.isdigit():
            return False
        bid = await session.get(RepairBid, int(bid_id))
        if bid is None:
            return False
        link = await couple_store.active_link(session, bid.from_user)
        if link is None or link.partner_id is None:
            return False
        if couple_store.other(link, bid.from_user) != bid.to_user:
            return False
        return couple_store.of_link(link, bid.created_at)

    async def _bid_later(self, row: store.Claimed) -> str:
        async with self.db.unit_of_work() as session:
            user = await session.get(User, row.user_id)
            linked = await self._bid_still_linked(session, row.key)
        if not linked:  # the link ended (/unlink, /delete) since: nothing to talk about together
            await self._finish(row, store.CANCELLED, "link ended")
            return store.CANCELLED
        if user is None or user.blocked_at is not None or user.started_at is None:
            await self._finish(row, store.CANCELLED, "not reachable")
            return store.CANCELLED
        if schedule.is_paused(self.clock(), store.prefs_of(user)):  # paused since it was planned
            await self._finish(row, store.SKIPPED, "paused")
            return store.SKIPPED
        message_id = await self._send(
            row.chat_id, Reply(catalogue(user.language_code).text("bid.reminder"))
        )
        await self._finish(row, store.SENT, message_id=message_id)
        return store.SENT
