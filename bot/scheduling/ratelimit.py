"""Telegram's flood limits, kept on our side (python-telegram-bot's BaseRateLimiter).

Why not AIORateLimiter as it is: it limits overall and per group, not per private chat; its
leaky bucket lets a full bucket go out at once and then refill, so one second can see twice the
rate; and a RetryAfter inside it either reaches the caller or is retried inside the request,
which is right for a reply but not for a scheduled prompt (the dispatcher must keep the row and
try it later, not block the tick). So: even pacing (one message every 1/rate seconds, a hair
slower, never a burst above the limit), a pace per group and, for prompts, per private chat,
and a RetryAfter pauses all sending for as long as Telegram says.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

# Pace 1% under the limit, so clock jitter can never put one message over it.
MARGIN = 1.01
PROMPT = {"prompt": True}


class Pace:
    """At most one acquisition per `interval` seconds, in the order asked."""

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self.next_slot = 0.0

    async def wait(self) -> None:
        loop = asyncio.get_running_loop()
        now = loop.time()
        slot = max(now, self.next_slot)
        self.next_slot = slot + self.interval
        if slot > now:
            await asyncio.sleep(slot - now)


def retry_seconds(error: RetryAfter) -> float:
    value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


class MendRateLimiter(BaseRateLimiter[dict[str, Any]]):
    def __init__(
        self,
        per_second: float = 30,
        group_per_minute: float = 20,
        private_gap: float = 1.0,
        max_retries: int = 3,
        clock: Callable[[], float] | None = None,
    ) -> None:
        # Flood waits are kept on `clock` (seconds), the bot's own clock by default, so that a
        # test that moves the bot's clock moves them too. Pacing always uses real time.
        self.clock = clock
        self.overall = Pace(MARGIN / per_second)
        self.group_interval = MARGIN * 60 / group_per_minute
        self.private_gap = private_gap * MARGIN
        self.max_retries = max_retries
        self.groups: dict[int, Pace] = {}
        self.chats: dict[int, Pace] = {}
        self.paused_until = 0.0  # when (on `clock`) Telegram's flood wait ends

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    def _pace(self, table: dict[int, Pace], key: int, interval: float) -> Pace:
        pace = table.get(key)
        if pace is None:
            if len(table) > 10_000:  # forget chats whose next slot has long passed
                now = asyncio.get_running_loop().time()
                for stale in [k for k, p in table.items() if p.next_slot < now]:
                    del table[stale]
            pace = table[key] = Pace(interval)
        return pace

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict[str, Any] | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        prompt = bool(rate_limit_args and rate_limit_args.get("prompt"))
        chat_id = data.get("chat_id")
        now = self.clock or asyncio.get_running_loop().time
        for attempt in range(self.max_retries + 1):
            waiting = self.paused_until - now()
            if waiting > 0:
                if prompt:  # the dispatcher keeps the row and comes back later
                    raise RetryAfter(timedelta(seconds=waiting))
                await asyncio.sleep(waiting)
            if chat_id is not None:
                await self._acquire(int(chat_id), prompt)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                seconds = retry_seconds(error)
                self.paused_until = max(self.paused_until, now() + seconds)
                log.info("Telegram asked to wait %.1f s (%s)", seconds, endpoint)
                if prompt or attempt == self.max_retries:
                    raise
        raise AssertionError("unreachable")

    async def _acquire(self, chat_id: int, prompt: bool) -> None:
        if chat_id < 0:
            await self._pace(self.groups, chat_id, self.group_interval).wait()
        elif prompt:
            await self._pace(self.chats, chat_id, self.private_gap).wait()
        await self.overall.wait()
