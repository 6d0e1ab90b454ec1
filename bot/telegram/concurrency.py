"""Updates from different people run concurrently; one person's updates run in order."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

# python-telegram-bot's own semaphore is taken before `do_process_update` runs: an update
# waiting for its chat would hold one of its slots and starve every other chat. So its limit
# is set high, and the real limit is a semaphore taken *after* the chat's turn has come.
_OUTER_FACTOR = 1000

log = logging.getLogger(__name__)


async def handle_now(application: Any, update: Update) -> None:
    """Handle one update through the application's processor and return once it is done, so
    the caller (the poller, the webhook) tells Telegram it is taken only after it is handled."""
    try:
        await application.update_processor.process_update(
            update, application.process_update(update)
        )
    except Exception:  # handler errors go to the error handler; this is a last resort
        log.exception("update %s could not be handled", update.update_id)


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """python-telegram-bot's extension point for concurrency, keyed by chat.

    Two quick taps from one person must not run side by side (they would race on the same flow
    state), while a thousand people should not wait for each other.
    """

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates * _OUTER_FACTOR)
        self._slots = asyncio.Semaphore(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _key(update)
        if key is None:
            async with self._slots:
                await coroutine
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._users[key] = self._users.get(key, 0) + 1
        try:
            async with lock, self._slots:
                await coroutine
        finally:
            self._users[key] -= 1
            if self._users[key] == 0:  # forget idle chats so the map does not grow forever
                del self._users[key], self._locks[key]

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None


def _key(update: object) -> int | None:
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    if update.effective_user is not None:
        return update.effective_user.id
    return None
