"""What every handler needs, kept in `application.bot_data` by the composition root."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from telegram.ext import Application, CallbackContext

from bot.config import Settings
from bot.domain.flow import Flow
from bot.storage.database import Database

if TYPE_CHECKING:
    from bot.scheduling.dispatcher import Dispatcher

SERVICES_KEY = "mend.services"
# Entries kept in each of the small in-memory records below: the newest, the oldest first out.
KEPT = 10_000
FORWARD_BURST = timedelta(minutes=1)


def _keep(recent: dict[Any, Any], key: object, value: object) -> None:
    """`key` as the newest entry of `recent`, the oldest dropped beyond KEPT."""
    recent.pop(key, None)
    recent[key] = value
    if len(recent) > KEPT:
        del recent[next(iter(recent))]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class EditedCard:
    message_id: int
    version: int  # the card's number after the edit
    tapped: str  # the callback data of the tap that made it


@dataclass
class Services:
    settings: Settings
    db: Database
    flows: dict[str, Flow]
    clock: Callable[[], datetime] = utc_now
    bot_username: str = ""
    dispatcher: Dispatcher | None = None
    extras: dict[str, Any] = field(default_factory=dict)
    # The message each person's flow card was last edited in by a tap, by (chat, person): the
    # message, the card's number after the edit, and the tap's callback data. A tap on that
    # message with an older number was made before the edit reached the phone, and one with
    # the same data is that tap again (handlers._tapped_just_before). Kept in memory only:
    # after a restart such a tap is answered as an old card's.
    edited_cards: dict[tuple[int, int], EditedCard] = field(default_factory=dict)

    # Albums (media_group_id) seen, by chat: Telegram sends each photo of one as a message of
    # its own, and only the first is answered.
    albums: dict[tuple[int, str], None] = field(default_factory=dict)

    def album_is_new(self, chat_id: int, album: str) -> bool:
        """True the first time `album` is seen in `chat_id`; False for its other items."""
        if (chat_id, album) in self.albums:
            return False
        _keep(self.albums, (chat_id, album), None)
        return True

    # When a forwarded message was last answered, by chat: five forwarded at once (a piece of
    # an argument) get one answer.
    forwards: dict[int, datetime] = field(default_factory=dict)

    def forward_is_new(self, chat_id: int, now: datetime) -> bool:
        """False if a forwarded message was answered in `chat_id` within FORWARD_BURST."""
        last = self.forwards.get(chat_id)
        new = last is None or now - last > FORWARD_BURST
        _keep(self.forwards, chat_id, now if new else last)
        return new

    def card_edited(self, chat_id: int, user_id: int, card: EditedCard) -> None:
        _keep(self.edited_cards, (chat_id, user_id), card)


def services(context: CallbackContext[Any, Any, Any, Any]) -> Services:
    return context.application.bot_data[SERVICES_KEY]  # type: ignore[no-any-return]


def services_of(application: Application[Any, Any, Any, Any, Any, Any]) -> Services:
    return application.bot_data[SERVICES_KEY]  # type: ignore[no-any-return]
