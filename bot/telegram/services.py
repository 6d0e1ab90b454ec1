"""What every handler needs, kept in `application.bot_data` by the composition root."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from telegram.ext import Application, CallbackContext

from bot.config import Settings
from bot.domain.flow import Flow
from bot.storage.database import Database

if TYPE_CHECKING:
    from bot.scheduling.dispatcher import Dispatcher

SERVICES_KEY = "mend.services"


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    settings: Settings
    db: Database
    flows: dict[str, Flow]
    clock: Callable[[], datetime] = utc_now
    bot_username: str = ""
    dispatcher: Dispatcher | None = None
    extras: dict[str, Any] = field(default_factory=dict)


def services(context: CallbackContext[Any, Any, Any, Any]) -> Services:
    return context.application.bot_data[SERVICES_KEY]  # type: ignore[no-any-return]


def services_of(application: Application[Any, Any, Any, Any, Any, Any]) -> Services:
    return application.bot_data[SERVICES_KEY]  # type: ignore[no-any-return]
