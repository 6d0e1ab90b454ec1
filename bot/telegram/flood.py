"""A per-person flood guard: more than `limit` updates in `window` gets one "slow down", and
the rest are dropped politely (a pressed button still gets its spinner stopped) until the
window has room again. It runs before any handler and touches no database."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, ContextTypes, TypeHandler

from bot.content import catalogue
from bot.telegram.services import services

LIMIT = 20
WINDOW = timedelta(seconds=10)


class FloodGuard:
    def __init__(
        self, clock: Callable[[], datetime], limit: int = LIMIT, window: timedelta = WINDOW
    ) -> None:
        self.clock = clock
        self.limit = limit
        self.window = window
        self.seen: dict[int, deque[datetime]] = {}
        self.warned: set[int] = set()
        self.next_sweep = clock() + window

    def check(self, user_id: int) -> str:
        """ "ok", "warn" (the first update over the limit) or "drop"."""
        now = self.clock()
        if now >= self.next_sweep:  # once a window: forget people quiet for a whole window
            self._forget_quiet(now)
        times = self.seen.setdefault(user_id, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        if len(times) < self.limit:
            times.append(now)
            self.warned.discard(user_id)
            return "ok"
        if user_id in self.warned:
            return "drop"
        self.warned.add(user_id)
        return "warn"

    def _forget_quiet(self, now: datetime) -> None:
        quiet = [u for u, times in self.seen.items() if not times or times[-1] <= now - self.window]
        for user_id in quiet:
            del self.seen[user_id]
            self.warned.discard(user_id)
        self.next_sweep = now + self.window


def sender_key(update: Update) -> int | None:
    """Whose updates these are, for the guard: the person's id; for a message sent as a chat
    (an anonymous group admin, a channel), that chat's id, since Telegram gives every such
    sender in every group the same account (GroupAnonymousBot) and one busy group must not
    silence the others."""
    message = update.effective_message
    if message is not None and message.sender_chat is not None:
        return message.sender_chat.id
    user = update.effective_user
    return user.id if user is not None else None


async def _guard(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    user = update.effective_user
    guard: FloodGuard | None = services(context).extras.get("flood")
    key = sender_key(update)
    if user is None or guard is None or key is None:
        return
    verdict = guard.check(key)
    if verdict == "ok":
        return
    try:
        if update.callback_query is not None:
            await update.callback_query.answer()
        if verdict == "warn" and update.effective_chat is not None:
            text = catalogue(user.language_code).text("shell.slow_down")
            await context.bot.send_message(update.effective_chat.id, text)
    except TelegramError:
        pass  # nothing more to do for an update we are dropping anyway
    raise ApplicationHandlerStop


def flood_handler() -> TypeHandler[Update, Any, None]:
    return TypeHandler(Update, _guard)
