"""The in-process harness: real `Update` objects through the real `Application`, with the
Telegram stand-in as its request, and a clock the test controls."""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from telegram import Update

from bot.app import MendApplication, build_application
from bot.config import Settings
from bot.sandbox.core import BotAction, Sandbox
from bot.sandbox.request import SandboxRequest
from bot.scheduling.dispatcher import Dispatcher
from bot.scheduling.ratelimit import MendRateLimiter
from bot.storage.database import Database
from bot.telegram.services import services_of


async def until(condition: Callable[[], bool], timeout: float = 10) -> None:
    """Let the other tasks run until `condition` holds (an event to wait for, not a timing)."""
    async with asyncio.timeout(timeout):
        # The conditions are counters in the stand-in, which has no event for each of them.
        while not condition():  # noqa: ASYNC110
            await asyncio.sleep(0.001)


class FakeClock:
    """A clock that moves only when told to."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@dataclass
class Harness:
    app: MendApplication
    sandbox: Sandbox
    clock: FakeClock
    db: Database

    def person(self, user_id: int, first_name: str, **kwargs: Any) -> int:
        self.sandbox.add_user(user_id, first_name, **kwargs)
        return user_id

    async def feed(self, update: dict[str, Any]) -> list[BotAction]:
        """Hand one update the stand-in produced to the bot; what the bot did in answer."""
        since = self.sandbox.last_seq()
        with contextlib.suppress(KeyError):
            self.sandbox.take_update(update["update_id"])
        await self.app.process_update(Update.de_json(update, self.app.bot))
        return [a for a in self.sandbox.actions if a.seq > since]

    async def text(self, user_id: int, text: str, chat_id: int | None = None) -> list[BotAction]:
        return await self.feed(self.sandbox.send_text(user_id, text, chat_id=chat_id))

    async def onboard(self, user_id: int, name: str, *, evening: bool = False) -> None:
        """A person set up: their name, Berlin, and the evening reflection on or off."""
        self.person(user_id, name)
        await self.text(user_id, "/start")
        await self.text(user_id, name)
        await self.text(user_id, "Berlin")
        await self.press(user_id, "Yes, that's right")
        await self.press(user_id, "Yes, at 21:00" if evening else "No thanks")

    async def walk(
        self, user_id: int, script: Iterable[tuple[str, str, str, str]]
    ) -> list[BotAction]:
        """Each step of a script (tests/inprocess/flows.py) in turn; the last step's actions."""
        actions: list[BotAction] = []
        for kind, value, _, _ in script:
            if kind == "text":
                actions = await self.text(user_id, value)
            else:
                actions = await self.press(user_id, value)
        return actions

    async def link(self, inviter: int, invitee: int, inviter_name: str) -> None:
        """`invitee` opens `inviter`'s invite link and accepts it."""
        (invite,) = self.texts(await self.text(inviter, "/invite"))
        token = re.search(r"\?start=(l_[\w-]+)", invite)
        assert token is not None
        await self.text(invitee, f"/start {token.group(1)}")
        await self.press(invitee, f"Link with {inviter_name}")

    async def media(
        self, user_id: int, kind: str, chat_id: int | None = None, caption: str | None = None
    ) -> list[BotAction]:
        return await self.feed(
            self.sandbox.send_media(user_id, kind, chat_id=chat_id, caption=caption)
        )

    async def press(
        self,
        user_id: int,
        label: str | None = None,
        *,
        data: str | None = None,
        message_id: int | None = None,
        chat_id: int | None = None,
        forge: bool = False,
    ) -> list[BotAction]:
        """Press a button; by default on the newest bot message in the chat that has one."""
        chat = user_id if chat_id is None else chat_id
        if message_id is None and forge:
            message_id = self.last_bot_message(chat)
        if message_id is None:
            message_id = self.last_card(chat).message_id
        assert message_id is not None
        update = self.sandbox.press(
            user_id, message_id, chat_id=chat, data=data, label=label, forge=forge
        )
        return await self.feed(update)

    def last_bot_message(self, chat_id: int) -> int:
        """The id of the newest message the bot sent in the chat, buttons or not."""
        mine = [
            m
            for (chat, m), msg in self.sandbox.messages.items()
            if chat == chat_id and msg["from"]["id"] == self.sandbox.bot["id"]
        ]
        assert mine, f"the bot has sent nothing in chat {chat_id}"
        return max(mine)

    def last_card(self, chat_id: int) -> BotAction:
        """The newest message in the chat that still has buttons."""
        for (chat, message_id), message in sorted(self.sandbox.messages.items(), reverse=True):
            if (
                chat == chat_id
                and message.get("reply_markup")
                and message["from"]["id"] == self.sandbox.bot["id"]
            ):
                return BotAction(
                    0, 0, "message", chat, message_id, message.get("text"), message["reply_markup"]
                )
        raise AssertionError(f"no message with buttons in chat {chat_id}")

    @property
    def dispatcher(self) -> Dispatcher:
        dispatcher = services_of(self.app).dispatcher
        assert dispatcher is not None
        return dispatcher

    async def tick(self) -> list[BotAction]:
        """Run one scheduler tick; what the bot sent because of it."""
        since = self.sandbox.last_seq()
        await self.dispatcher.tick()
        return [a for a in self.sandbox.actions if a.seq > since]

    def texts(self, actions: list[BotAction]) -> list[str]:
        return [a.text for a in actions if a.text and a.method != "answerCallbackQuery"]

    def toasts(self, actions: list[BotAction]) -> list[str | None]:
        return [a.text for a in actions if a.method == "answerCallbackQuery"]


def make_settings(db_url: str, sandbox: Sandbox, **overrides: Any) -> Settings:
    # Tests send many updates in a moment of (fake) time: the flood guard has its own test.
    values: dict[str, Any] = {
        "send_rate_per_second": 1000,
        "group_rate_per_minute": 600,
        "flood_limit": 0,
    }
    values.update(overrides)
    return Settings(
        _env_file=None,
        database_url=db_url,
        telegram_bot_token=sandbox.token,
        **values,
    )


def pace_chats_quickly(app: MendApplication) -> None:
    """Pace each chat at the bot's overall pace (a millisecond here), not in real seconds.

    Pacing waits on the real clock: 0.1 s a group message even at the fastest
    `group_rate_per_minute`, and 1 s between prompts to one private chat, which was most of the
    time the couple tests took. A stand-in that enforces no flood limits (`Sandbox.limits is
    None`) cannot tell how fast the bot sends, so no test sees the difference: the limiter still
    paces every chat, in order, only faster. A stand-in given limits (the `limited` fixture)
    keeps the real pace.
    """
    limiter = app.bot.rate_limiter
    assert isinstance(limiter, MendRateLimiter)
    limiter.group_interval = limiter.private_gap = limiter.overall.interval


@contextlib.asynccontextmanager
async def start_harness(
    db_url: str, clock: FakeClock, sandbox: Sandbox | None = None, **overrides: Any
) -> AsyncIterator[Harness]:
    sandbox = sandbox or Sandbox(first_update_id=1_000, clock=lambda: clock.now.timestamp())
    settings = make_settings(db_url, sandbox, **overrides)
    db = Database(db_url)
    app = build_application(
        settings, request=SandboxRequest(sandbox), token=sandbox.token, clock=clock, database=db
    )
    if sandbox.limits is None:
        pace_chats_quickly(app)
    async with app:
        assert app.post_init is not None
        await app.post_init(app)
        try:
            yield Harness(app, sandbox, clock, db)
        finally:
            await db.dispose()
