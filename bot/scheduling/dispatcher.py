"""The tick: claim due prompts, send them through the rate limiter, record what happened.

One short repeating JobQueue job (DESIGN.md) rather than a job per person. A claimed row stays
`pending` with a lease; just before its own send it moves to `sending` (its own commit, and
only if the claim is still ours), and to its final status right after. A crash leaves only the
row caught mid-send in `sending`: it is failed at the next start, never sent again (at most
once). The rest of the claimed batch is still pending and goes out with the next tick.

Each personal row is checked against the person's settings as they are *now*, not as they were
when it was planned (`schedule.hold_back`): a follow-up that would arrive in their quiet hours
(say they moved to another zone since) goes back to pending, due when those hours end, a
nudge waits for an evening that has not had a card about a moment yet, and one that falls due
with the evening check-in comes a little after it. The check-in itself waits while the person
is in the middle of a moment (`store.moments_under_way`), or is skipped tonight, and comes a
little after their couple's group check-in due with it (`store.group_check_ins_near`).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from telegram import InlineKeyboardMarkup
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import ExtBot

from bot.content import catalogue
from bot.domain import crisis, prompts, schedule
from bot.domain.moments import DRAFTED, PLANNED, RESUMABLE, UNFINISHED, has_content
from bot.domain.replies import Reply
from bot.scheduling import store
from bot.scheduling.couple_prompts import GROUP_KINDS, CouplePrompts
from bot.scheduling.ratelimit import PROMPT, retry_seconds
from bot.storage import chats
from bot.storage import moments as moment_store
from bot.storage.database import Database
from bot.storage.models import User
from bot.telegram.render import render_markup, render_text

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
EVENING_CARDS = schedule.EVENING_CARDS  # held back while a moment is under way
ASKABLE = {schedule.FOLLOW_UP: (PLANNED,), schedule.NUDGE: (DRAFTED, UNFINISHED, PLANNED)}


@dataclass
class TickReport:
    counts: Counter[str] = field(default_factory=Counter)

    def line(self) -> str:
        parts = [
            f"{name} {self.counts[name]}"
            for name in ("sent", "moved", "skipped", "failed", "retry", "cancelled", "lost")
        ]
        return "tick: " + ", ".join(parts)

    def __bool__(self) -> bool:
        return any(self.counts.values())


@dataclass(frozen=True)
class Message:
    text: str
    markup: InlineKeyboardMarkup | None
    parse_mode: str | None


@dataclass(frozen=True)
class Decision:
    """What to do with a claimed row: send `message`; or move it, unsent, to `due`; or close
    it as `outcome` ("skipped", "cancelled") for `reason`. `stops`: the message is the word
    that the evening check-in stops (it is turned off once that has gone out)."""

    outcome: str
    reason: str = ""
    message: Message | None = None
    due: datetime | None = None
    stops: bool = False


class Dispatcher:
    def __init__(
        self,
        db: Database,
        bot: ExtBot[Any],
        clock: Callable[[], datetime],
        *,
        batch: int = 200,
        stale_after: timedelta = schedule.STALE_AFTER,
    ) -> None:
        self.db = db
        self.bot = bot
        self.clock = clock
        self.batch = batch
        self.stale_after = stale_after
        self.couples = CouplePrompts(db, bot, clock, stale_after=stale_after)
        self.last_tick_at: datetime | None = None  # for /healthz
        # Set when the bot is stopping (SIGTERM): a tick under way sends no more and puts the
        # rows it claimed but did not send back to pending, for the next process.
        self.stopping = False

    async def recover(self, *, everything: bool) -> int:
        """At start: rows a previous process left in `sending` are failed, never resent.
        `everything` for SQLite (one process: whatever is in `sending` or claimed is ours and
        dead, so its claims are dropped too); otherwise only rows past the lease (another live
        replica may be mid-send). Returns how many were failed."""
        now = self.clock()
        async with self.db.unit_of_work() as session:
            failed = await store.fail_abandoned(
                session, now, timedelta(0) if everything else store.LEASE
            )
            released = await store.release_all_claims(session, now) if everything else 0
        if failed:
            log.warning("%d prompts were interrupted mid-send before; marked failed", failed)
        if released:
            log.info("%d prompts claimed before a stop are free to send again", released)
        return failed

    async def tick(self) -> TickReport:
        report = TickReport()
        now = self.clock()
        self.last_tick_at = now
        if self.stopping:
            return report
        async with self.db.unit_of_work() as session:
            abandoned = await store.fail_abandoned(session, now, store.LEASE)
            claimed = await store.claim(session, now, self.batch)
        report.counts["failed"] += abandoned
        if not claimed:
            return report
        # Decide the whole batch in one transaction: what to send, what to skip and why.
        sends: list[tuple[store.Claimed, Decision]] = []
        shared = [r for r in claimed if r.kind in GROUP_KINDS]
        async with self.db.unit_of_work() as session:
            users = await store.users_by_id(session, {r.user_id for r in claimed})
            carded: set[int] = set()  # people this batch gives a card about a moment
            checked_in: set[int] = set()  # people this batch gives the evening check-in
            # Follow-ups first, nudges last: an evening's one card goes first to what the
            # person asked for, the check-in knows whether a follow-up goes to them now (it
            # then waits a little), and a nudge whether the check-in does.
            personal = [r for r in claimed if r.kind not in GROUP_KINDS]
            personal.sort(key=_turn)
            # People in the middle of a moment: their evening card or a nudge would interrupt.
            evening_for = {r.user_id for r in personal if r.kind in EVENING_CARDS}
            nudged = {r.user_id for r in personal if r.kind == schedule.NUDGE}
            busy = await store.moments_under_way(
                session, evening_for | nudged, now - schedule.MOMENT_UNDER_WAY_FOR
            )
            # Their couple's group check-in due with their evening card: that goes first.
            group = await store.group_check_ins_near(session, evening_for, now)
            looked = await _looked_today(session, evening_for, users, now)
            for row in personal:
                user = users.get(row.user_id)
                decision = await self._decide(
                    session, row, user, now, carded, checked_in, busy, group, looked
                )
                if decision.message is not None:
                    sends.append((row, decision))
                    if row.kind in schedule.CARDS:
                        carded.add(row.user_id)
                    elif row.kind == schedule.EVENING:
                        checked_in.add(row.user_id)
                    continue
                if decision.due is not None:
                    moved = await store.defer(session, row, decision.due, now, decision.reason)
                    report.counts["moved" if moved else "lost"] += 1
                    continue
                await store.finish(session, row.id, decision.outcome, now, error=decision.reason)
                if user is not None and row.kind == schedule.EVENING:
                    # After downtime, an evening due this very minute is not skipped with it.
                    await store.reschedule_evening(
                        session, user, now, nudges=False, this_minute=True
                    )
                report.counts[decision.outcome] += 1
        sends.sort(key=lambda send: (send[0].due_at, _turn(send[0]), send[0].id))
        for row in shared:  # a couple's space: check-ins, weekly rounds, bid reminders
            outcome = await self.couples.run(row)
            report.counts[outcome] += 1
        # Then send one by one, recording each right after it went (at most once).
        for index, (row, decision) in enumerate(sends):
            if self.stopping:
                async with self.db.unit_of_work() as session:
                    await store.release(session, [r.id for r, _ in sends[index:]], now)
                report.counts["released"] += len(sends) - index
                break
            outcome = await self._send(row, decision, report)
            if outcome == "pause":  # Telegram asked us to wait: leave the rest for later
                async with self.db.unit_of_work() as session:
                    await store.release(session, [r.id for r, _ in sends[index + 1 :]], now)
                break
        log.info(report.line())
        return report

    async def _decide(
        self,
        session: Any,
        row: store.Claimed,
        user: User | None,
        now: datetime,
        carded: set[int],
        checked_in: set[int],
        busy: set[int],
        group: dict[int, datetime],
        looked: set[int],
    ) -> Decision:
        if user is None or user.blocked_at is not None:
            return Decision("cancelled", "blocked")
        prefs = store.prefs_of(user)
        # A follow-up the person asked for ("did you get to talk?") is never lost to a pause
        # or to downtime: it waits for the pause to end, or comes late (out of quiet hours).
        asked_for = row.kind == schedule.FOLLOW_UP
        if schedule.is_paused(now, prefs):
            if asked_for:
                return Decision("moved", store.PAUSED, due=schedule.pause_over(now, prefs))
            return Decision("skipped", "paused")
        if not asked_for and schedule.is_stale(row.due_at, now, self.stale_after):
            return Decision("skipped", "stale")
        if row.kind == schedule.EVENING and not prefs.evening_on:
            return Decision("skipped", "turned off")
        moment = None
        if row.kind not in (schedule.EVENING, schedule.SNOOZE):
            if row.moment_id is not None:
                moment = await moment_store.owned(session, user.id, row.moment_id)
            allowed = ASKABLE.get(row.kind, ())
            if moment is None or (moment.status not in allowed and moment.status not in RESUMABLE):
                return Decision("skipped", "resolved")
            if row.kind == schedule.NUDGE and not has_content(moment):  # kept by an older version
                return Decision("skipped", "nothing told")
        nudge = row.kind == schedule.NUDGE
        today = schedule.day_start(now, prefs)
        carded_today = nudge and (
            user.id in carded or await store.carded_since(session, user.id, today)
        )
        # (Held anyway once carded today: no need to ask.)
        declined = (
            nudge
            and not carded_today
            and await store.evening_declined_since(session, user.id, today)
        )
        hold = schedule.hold_back(
            row.kind,
            now,
            prefs,
            carded_today=carded_today,
            check_in_now=user.id in checked_in,
            carded_now=user.id in carded,
            evening_declined=declined,
            quiet_until=user.quiet_until,  # the quiet day after a danger reply
            moment_under_way=user.id in busy,
            group_check_in=group.get(user.id),  # the couple's, due near now
        )
        if hold is not None:
            return Decision("moved" if hold.due else "skipped", hold.reason, due=hold.due)
        c = catalogue(user.language_code)
        recent_danger = crisis.danger_recently(now, user.quiet_until)
        if (
            row.kind == schedule.EVENING
            and not recent_danger  # "you haven't needed it" is not for someone in a crisis
            and await store.evenings_unanswered(
                session, user.id, EVENINGS_UNANSWERED, last_seen=user.last_seen_at
            )
        ):
            # A week of check-ins left alone: more would be nagging. It stops, saying so once
            # (turned off once that word is sent: `_after`); /settings turns it back on.
            await store.answered_by_us(session, row.id, STOPPED, now)
            stopped = Reply(c.text("evening.stopped", name=user.display_name))
            return Decision("send", message=_message(stopped), stops=True)
        if moment is None:  # an evening reflection, or its snooze
            card = prompts.evening_card(
                user.display_name, row.id, c, looked_today=user.id in looked
            )
            return Decision("send", message=_message(card))
        card = prompts.follow_up_card(moment, row.id, c, nudge=nudge, now=now, zone=prefs.tz)
        return Decision("send", message=_message(card))

    async def _send(self, row: store.Claimed, decision: Decision, report: TickReport) -> str:
        message = decision.message
        assert message is not None
        if not await store.begin_send(self.db, row, self.clock()):
            report.counts["lost"] += 1
            return "lost"
        try:
            sent = await self.bot.send_message(
                row.chat_id,
                message.text,
                parse_mode=message.parse_mode,
                reply_markup=message.markup,
                rate_limit_args=PROMPT,
            )
        except RetryAfter as error:
            wait = timedelta(seconds=retry_seconds(error))
            await self._after(row, "pending", error=f"flood wait {wait}", due=self.clock() + wait)
            report.counts["retry"] += 1
            return "pause"
        except Forbidden:
            async with self.db.unit_of_work() as session:
                await store.refused(session, row, self.clock())
            report.counts["cancelled"] += 1
            return "cancelled"
        except ChatMigrated as error:
            now = self.clock()
            async with self.db.unit_of_work() as session:
                await chats.move_chat(session, row.chat_id, error.new_chat_id, now)
                await store.finish(
                    session, row.id, store.PENDING, now, error="chat migrated", due=now
                )
            report.counts["retry"] += 1
            return "retry"
        except TimedOut:
            # It may have reached Telegram; sending it again could make it arrive twice.
            await self._after(row, store.FAILED, error="timed out; may have been delivered")
            report.counts["failed"] += 1
            return "failed"
        except NetworkError as error:  # never reached Telegram (refused, 5xx): try again later
            if row.attempts >= MAX_ATTEMPTS:
                await self._after(row, store.FAILED, error=f"network: {error}"[:200])
                report.counts["failed"] += 1
                return "failed"
            due = self.clock() + schedule.retry_delay(row.attempts)
            await self._after(row, store.PENDING, error=f"network: {error}"[:200], due=due)
            report.counts["retry"] += 1
            return "retry"
        except BadRequest as error:
            log.warning("prompt %s (%s) refused by Telegram: %s", row.id, row.kind, error)
            await self._after(row, store.FAILED, error=str(error)[:200])
            report.counts["failed"] += 1
            return "failed"
        await self._after(row, store.SENT, message_id=sent.message_id, stops=decision.stops)
        report.counts["sent"] += 1
        return "sent"

    async def _after(
        self,
        row: store.Claimed,
        status: str,
        *,
        error: str | None = None,
        message_id: int | None = None,
        due: datetime | None = None,
        stops: bool = False,
    ) -> None:
        now = self.clock()
        async with self.db.unit_of_work() as session:
            await store.finish(
                session, row.id, status, now, error=error, message_id=message_id, due=due
            )
            if row.kind == schedule.EVENING and status != store.PENDING:
                user = await session.get(User, row.user_id)
                if user is not None:
                    if status == store.SENT and stops:
                        user.evening_on = False  # the word that it stops has gone out
                    await store.reschedule_evening(session, user, now, nudges=False)


# Evening check-ins in a row left unanswered, after which the next one is a word that they
# stop instead (CONTENT.md: no nagging).
EVENINGS_UNANSWERED = 6
STOPPED = "stopped"  # the answer of the check-in row that said so


async def _looked_today(
    session: Any, user_ids: set[int], users: dict[int, User], now: datetime
) -> set[int]:
    """Which of these people finished a moment today (their day): their evening card says
    they already looked at one, rather than ask as if not. One query for a batch."""
    finished = await moment_store.finished_since(session, user_ids, now - timedelta(days=1))
    looked: set[int] = set()
    for user_id, when in finished:
        user = users.get(user_id)
        if user is not None and when >= schedule.day_start(now, store.prefs_of(user)):
            looked.add(user_id)
    return looked


def _turn(row: store.Claimed) -> int:
    """A person's rows due together go in this order: follow-ups, the check-in, nudges."""
    return {schedule.FOLLOW_UP: 0, schedule.NUDGE: 2}.get(row.kind, 1)


def _message(reply: Any) -> Message:
    text, parse_mode = render_text(reply)
    return Message(text, render_markup(reply, None), parse_mode)
