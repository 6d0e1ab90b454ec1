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

from bot.logs import withhold_update_dumps
from bot.scheduling.ratelimit import retry_seconds
from bot.telegram.concurrency import handle_now

log = logging.getLogger(__name__)

LONG_POLL_SECONDS = 10
BATCH = 100

# A batch of updates, and the id of the last one Telegram sent (read or not), which the next
# request confirms.
Batch = tuple[tuple[Update, ...], int | None]


def parse_update(data: Any, bot: Any) -> Update | None:
    """One update as Telegram sent it, parsed; None (logged by its id and the kind of error,
    never its content: that is what people wrote) if python-telegram-bot cannot parse it."""
    update_id = data.get("update_id") if isinstance(data, dict) else None
    try:
        update = Update.de_json(data, bot)
        if update is None:
            raise TypeError("not an update")
        insert_callback_data = getattr(bot, "insert_callback_data", None)  # ExtBot's
        if insert_callback_data is not None:
            insert_callback_data(update)
    except Exception as error:  # whatever the parser raised: this one is skipped
        log.warning("update %s cannot be read (%s); skipped", update_id, type(error).__name__)
        return None
    return update


class Poller:
    def __init__(self, application: Any, timeout: int = LONG_POLL_SECONDS) -> None:
        self.application = application
        self.timeout = timeout
        self.offset: int | None = None
        withhold_update_dumps()  # however logging was set up

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
            batch, last_id = updates
            if batch:
                await asyncio.gather(*(handle_now(self.application, u) for u in batch))
            if last_id is not None:  # confirms the batch, updates that could not be read too
                self.offset = last_id + 1
        await self._confirm_last()

    async def _fetch(self, stop: asyncio.Event) -> Batch | None:
        """The next batch (its offset confirms the last one), or None if `stop` came first."""
        fetch = asyncio.ensure_future(self._next_batch())
        stopping = asyncio.ensure_future(stop.wait())
        await asyncio.wait({fetch, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if not fetch.done():
            fetch.cancel()
            with contextlib.suppress(asyncio.CancelledError, TelegramError):
                await fetch
            return None
        batch: Batch = fetch.result()
        return batch

    async def _next_batch(self) -> Batch:
        bot = self.application.bot
        try:
            updates: tuple[Update, ...] = await bot.get_updates(
                offset=self.offset, timeout=self.timeout, limit=BATCH,
                allowed_updates=Update.ALL_TYPES,
            )  # fmt: skip
        except TelegramError:
            raise
        except Exception:  # an update python-telegram-bot cannot parse
            # (It logged the whole batch, what people wrote: bot.logs withholds that record.)
            return await self._read_one_by_one()
        return updates, (updates[-1].update_id if updates else None)

    async def _read_one_by_one(self) -> Batch:
        """The same batch again, as Telegram sent it (it is not confirmed yet, so it comes at
        once), read update by update: one python-telegram-bot cannot parse (a shape a newer or
        older Bot API sends) is skipped and logged by its id and the kind of error only, and
        still confirmed, or Telegram would send it, and stop the poller on it, forever.

        `Bot.do_api_request` is python-telegram-bot's public way to a raw result, but it warns
        for a method the bot has; `_post` is what `Bot.get_updates` itself calls (the
        getUpdates request object, defaults applied)."""
        bot = self.application.bot
        raw = await bot._post(
            "getUpdates",
            {"offset": self.offset, "timeout": 0, "limit": BATCH,
             "allowed_updates": Update.ALL_TYPES},
        )  # fmt: skip
        updates: list[Update] = []
        last_id: int | None = None
        for data in raw or ():
            update_id = data.get("update_id") if isinstance(data, dict) else None
            if isinstance(update_id, int):
                last_id = update_id if last_id is None else max(last_id, update_id)
            update = parse_update(data, bot)
            if update is not None:
                updates.append(update)
        return tuple(updates), last_id

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
