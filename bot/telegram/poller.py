"""Long polling that confirms updates to Telegram only once they are handled.

python-telegram-bot's Updater puts a batch of updates on the queue and, with its next
`getUpdates`, confirms them to Telegram at once, before they are handled: a crash (kill -9)
in between loses them for good; Telegram will not send them again. This poller handles a batch
(concurrently across chats, in order within a chat, through the application's update
processor) and only then asks for the next, whose offset confirms it. A crash mid-batch means
Telegram sends the batch again, and the `processed_updates` table makes the updates that were
already handled have no second effect.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from telegram import Update
from telegram.error import Conflict, InvalidToken, RetryAfter, TelegramError, TimedOut

from bot.scheduling.ratelimit import retry_seconds
from bot.telegram.concurrency import handle_now

log = logging.getLogger(__name__)

LONG_POLL_SECONDS = 10
BATCH = 100


class Poller:
    def __init__(self, application: Any, timeout: int = LONG_POLL_SECONDS) -> None:
        self.application = application
        self.timeout = timeout
        self.offset: int | None = None

    async def run(self, stop: asyncio.Event) -> None:
        backoff = 1.0
        webhook_removed = False
        while not stop.is_set():
            try:
                if not webhook_removed:  # polling and webhooks exclude each other
                    await self.application.bot.delete_webhook(drop_pending_updates=False)
                    webhook_removed = True
                updates = await self._fetch(stop)
                backoff = 1.0
            except TimedOut:
                continue
            except RetryAfter as error:
                log.warning("Telegram asked us to slow down polling: %s", error)
                await self._pause(stop, retry_seconds(error))
                continue
            except Conflict as error:
                log.error("another process is taking this bot's updates: %s", error)
                await self._pause(stop, 5)
                continue
            except InvalidToken:
                raise  # the token was revoked: retrying cannot help; the process says so
            except TelegramError as error:  # network errors, Telegram's 5xx, odd refusals
                log.warning("polling failed: %s; again in %.0f s", error, backoff)
                await self._pause(stop, backoff)
                backoff = min(backoff * 2, 30)
                continue
            if updates is None:  # told to stop during the long poll
                break
            if updates:
                await asyncio.gather(*(handle_now(self.application, u) for u in updates))
                self.offset = updates[-1].update_id + 1
        await self._confirm_last()

    async def _fetch(self, stop: asyncio.Event) -> tuple[Update, ...] | None:
        """The next batch (its offset confirms the last one), or None if `stop` came first."""
        fetch = asyncio.ensure_future(self.application.bot.get_updates(
            offset=self.offset, timeout=self.timeout, limit=BATCH,
            allowed_updates=Update.ALL_TYPES,
        ))  # fmt: skip
        stopping = asyncio.ensure_future(stop.wait())
        await asyncio.wait({fetch, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if not fetch.done():
            fetch.cancel()
            with contextlib.suppress(asyncio.CancelledError, TelegramError):
                await fetch
            return None
        updates: tuple[Update, ...] = fetch.result()
        return updates

    async def _confirm_last(self) -> None:
        """Tell Telegram the last batch is handled, so a restart does not see it again (it
        would have no second effect anyway)."""
        if self.offset is None:
            return
        with contextlib.suppress(TelegramError):
            await self.application.bot.get_updates(offset=self.offset, timeout=0, limit=1)

    @staticmethod
    async def _pause(stop: asyncio.Event, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), seconds)
