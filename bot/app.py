"""Composition root: `build_application(settings)` wires settings, storage, handlers and jobs
into a python-telegram-bot `Application`."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from telegram import BotCommand
from telegram.error import TelegramError
from telegram.ext import Application, ContextTypes
from telegram.request import BaseRequest

from bot.config import Settings
from bot.content import catalogue
from bot.domain.couples import ROUND, THANKS
from bot.domain.flow import Flow
from bot.domain.onboarding import ONBOARDING
from bot.domain.reflection_flow import REFLECTION
from bot.domain.repair_flow import REPAIR
from bot.domain.safety_flow import SAFETY
from bot.domain.settings_flow import SETTINGS
from bot.scheduling.dispatcher import Dispatcher
from bot.scheduling.ratelimit import MendRateLimiter
from bot.storage import moments as moment_store
from bot.storage import repositories as repo
from bot.storage.database import Database
from bot.telegram import handlers
from bot.telegram.concurrency import PerChatUpdateProcessor
from bot.telegram.flood import FloodGuard
from bot.telegram.services import SERVICES_KEY, Services, services_of, utc_now

log = logging.getLogger(__name__)

AnyApplication = Application[Any, Any, Any, Any, Any, Any]


class MendApplication(Application[Any, Any, Any, Any, Any, Any]):
    """python-telegram-bot's Application, telling the dispatcher to stop sending first:
    `stop` then waits for the tick under way, which puts back what it did not send."""

    async def stop(self) -> None:
        dispatcher = services_of(self).dispatcher
        if dispatcher is not None:
            dispatcher.stopping = True
        await super().stop()


# Updates handled at once. On SQLite every write waits for the one writer, so more than a few
# in flight only adds waiting inside handlers (measured: p99 rises with it, throughput does not);
# on PostgreSQL they really run side by side.
MAX_CONCURRENT_UPDATES = 64
MAX_CONCURRENT_UPDATES_SQLITE = 4


def flows() -> dict[str, Flow]:
    every = (ONBOARDING, REPAIR, SETTINGS, REFLECTION, THANKS, ROUND, SAFETY)
    return {flow.name: flow for flow in every}


def concurrency(settings: Settings) -> int:
    return MAX_CONCURRENT_UPDATES_SQLITE if settings.is_sqlite else MAX_CONCURRENT_UPDATES


def rate_limiter(settings: Settings, clock: Callable[[], datetime] = utc_now) -> MendRateLimiter:
    """Telegram's flood limits, kept on our side (see bot/scheduling/ratelimit.py)."""
    return MendRateLimiter(
        per_second=settings.send_rate_per_second,
        group_per_minute=settings.group_rate_per_minute,
        clock=lambda: clock().timestamp(),
    )


def build_application(
    settings: Settings,
    *,
    request: BaseRequest | None = None,
    updates_request: BaseRequest | None = None,
    token: str | None = None,
    clock: Callable[[], datetime] = utc_now,
    database: Database | None = None,
) -> MendApplication:
    """The bot, ready for `python -m bot run` (bot/__main__.py) or
    `async with app: await app.process_update(...)`. It has no python-telegram-bot Updater:
    updates come from our Poller (bot/telegram/poller.py) or our webhook server.

    `request`/`updates_request` replace the HTTP transport (the local stand-in uses this);
    otherwise the bot talks to `TELEGRAM_API_BASE_URL` with `TELEGRAM_BOT_TOKEN`.
    """
    builder = (
        Application.builder()
        .application_class(MendApplication)
        .token(token or settings.token())
        .base_url(settings.telegram_api_base_url)
        .rate_limiter(rate_limiter(settings, clock))
        .concurrent_updates(PerChatUpdateProcessor(concurrency(settings)))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .updater(None)
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(updates_request or request)
    application = builder.build()
    assert isinstance(application, MendApplication)
    db = database or Database(settings.database_url)
    dispatcher = Dispatcher(
        db, application.bot, clock, stale_after=timedelta(hours=settings.stale_after_hours)
    )
    application.bot_data[SERVICES_KEY] = Services(
        settings=settings,
        db=db,
        flows=flows(),
        clock=clock,
        dispatcher=dispatcher,
        extras={"flood": FloodGuard(clock, settings.flood_limit) if settings.flood_limit else None},
    )
    handlers.register(application)
    if application.job_queue is not None:
        # One tick at a time; a tick that falls behind (a long flood wait) is merged into the
        # next rather than run twice or dropped (APScheduler's grace time is 1 s by default).
        application.job_queue.run_repeating(
            _tick,
            interval=timedelta(seconds=settings.tick_seconds),
            first=timedelta(seconds=min(5.0, settings.tick_seconds)),
            name="tick",
            job_kwargs={"max_instances": 1, "coalesce": True, "misfire_grace_time": 3600},
        )
        application.job_queue.run_repeating(
            _forget_old_updates,
            interval=timedelta(hours=6),
            first=timedelta(seconds=30),
            name="forget-old-updates",
            job_kwargs={"misfire_grace_time": 3600, "coalesce": True},
        )
        if settings.retention_months is not None:
            application.job_queue.run_repeating(
                apply_retention,
                interval=timedelta(days=1),
                first=timedelta(minutes=1),
                name="retention",
                job_kwargs={"misfire_grace_time": 3600, "coalesce": True},
            )
    return application


async def apply_retention(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The optional retention setting: moments older than N months are deleted."""
    svc = services_of(context.application)
    months = svc.settings.retention_months
    if months is None:
        return
    cutoff = svc.clock() - timedelta(days=30 * months)
    async with svc.db.unit_of_work() as session:
        removed = await moment_store.remove_older_than(session, cutoff)
    if removed:
        log.info("retention: deleted %d moments older than %d months", removed, months)


async def _tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services_of(context.application)
    assert svc.dispatcher is not None
    await svc.dispatcher.tick()


async def _post_init(application: AnyApplication) -> None:
    svc = services_of(application)
    svc.bot_username = application.bot.username
    svc.extras["started_at"] = svc.clock()
    if svc.dispatcher is not None:
        await svc.dispatcher.recover(everything=svc.settings.is_sqlite)
    content = catalogue()
    commands = [
        BotCommand(name, content.text(f"commands.{name}")) for name in handlers.MENU_COMMANDS
    ]
    try:
        await application.bot.set_my_commands(commands)
    except TelegramError as error:  # a menu is nice to have, never a reason not to start
        log.warning("could not register the command menu: %s", error)


async def _post_shutdown(application: AnyApplication) -> None:
    await services_of(application).db.dispose()


async def _forget_old_updates(context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services_of(context.application)
    async with svc.db.unit_of_work() as session:
        cutoff = svc.clock() - repo.PROCESSED_UPDATE_RETENTION
        removed = await repo.forget_processed_before(session, cutoff)
    if removed:
        log.info("forgot %d handled update ids older than %s", removed, cutoff.date())
