"""The command line: `python -m bot run | console | migrate | rotate-keys | sandbox`."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import sys
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlparse

from pydantic import ValidationError

from bot.config import Settings, describe_error
from bot.logs import configure_logging

log = logging.getLogger("bot")

STARTUP_TRIES = 8
NO_TOKEN = (
    "No TELEGRAM_BOT_TOKEN is set. Get one from @BotFather (https://t.me/BotFather) and put it "
    "in .env, or try Mend right here with: python -m bot console"
)


def _fail(message: str, code: int = 2) -> int:
    print(f"mend: {message}", file=sys.stderr)
    return code


def load_settings() -> Settings:
    return Settings()


def migrate(settings: Settings) -> None:
    from bot.storage.migrate import upgrade

    upgrade(settings.database_url)
    check_encryption(settings)
    log.info("database schema is current")


def check_encryption(settings: Settings) -> None:
    """Refuse to start on encrypted data the configured keys cannot read."""
    from bot.storage.crypto import MissingKey
    from bot.storage.database import Database
    from bot.storage.encryption import check_readable

    async def check() -> None:
        db = Database(settings.database_url)
        try:
            async with db.unit_of_work() as session:
                await check_readable(session)
        finally:
            await db.dispose()

    try:
        asyncio.run(check())
    except MissingKey as error:
        raise StartRefused(f"{error}: start with the keys it was written with") from None


TOKEN_REFUSED = "Telegram refused TELEGRAM_BOT_TOKEN: check it with @BotFather."


class StartRefused(Exception):
    """A reason not to start, said in one line."""


def cmd_rotate_keys(settings: Settings) -> int:
    from bot.storage import crypto
    from bot.storage.database import Database
    from bot.storage.encryption import rotate_all

    if not crypto.enabled():
        return _fail("rotate-keys needs ENCRYPTION_KEYS (the new key first)")

    async def rotate() -> int:
        db = Database(settings.database_url)
        try:
            async with db.unit_of_work() as session:
                return await rotate_all(session)
        finally:
            await db.dispose()

    migrate(settings)
    print(f"mend: re-encrypted {asyncio.run(rotate())} values with the first key")
    return 0


def cmd_run(settings: Settings) -> int:
    if settings.telegram_bot_token is None:
        return _fail(NO_TOKEN)
    from telegram.error import InvalidToken

    migrate(settings)
    try:
        return asyncio.run(run_bot(settings))
    except StartRefused as error:
        return _fail(str(error))
    except InvalidToken:  # revoked while running
        return _fail(TOKEN_REFUSED)


async def run_bot(settings: Settings) -> int:
    """Long polling, or a webhook when WEBHOOK_URL is set. SIGINT/SIGTERM stop it after the
    updates in flight and the tick under way; nothing taken from Telegram is left unhandled."""
    import signal

    from telegram import Update

    from bot.app import build_application
    from bot.telegram.poller import Poller

    application = build_application(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    if not await _initialize(application, settings, stop):
        return 0  # told to stop while still waiting for Telegram
    servers = []
    try:
        assert application.post_init is not None and application.post_shutdown is not None
        await application.post_init(application)
        poller = None
        if settings.webhook_url:
            assert settings.webhook_secret is not None
            secret = settings.webhook_secret.get_secret_value()
            path = urlparse(settings.webhook_url).path or "/"
            # Listening first: Telegram is told where to deliver only once we can take it (a
            # port already in use stops us here, with the old webhook left as it was).
            servers.append(
                _listen(settings, settings.webhook_port, "WEBHOOK_PORT", application, path, secret)
            )
            await application.bot.set_webhook(
                settings.webhook_url, secret_token=secret, allowed_updates=Update.ALL_TYPES
            )
            where = f"webhook on {settings.webhook_listen}:{settings.webhook_port}{path}"
        else:
            poller = Poller(application)
            where = f"long polling {settings.telegram_api_base_url}"
        if settings.health_port and not (
            settings.webhook_url and settings.health_port == settings.webhook_port
        ):
            servers.append(
                _listen(settings, settings.health_port, "HEALTH_PORT", application, None, None)
            )
        await application.start()
        log.info("starting: %s", where)
        if poller is not None:
            await poller.run(stop)
        else:
            await stop.wait()
        log.info("stopping: finishing the updates in flight")
    finally:
        for server in servers:
            server.stop()
        if application.running:
            await application.stop()
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)
    return 0


def _listen(
    settings: Settings,
    port: int,
    setting: str,
    application: Any,
    path: str | None,
    secret: str | None,
) -> Any:
    """The web server on `port`; a port that cannot be had stops the start with one line that
    says which, and which setting names it."""
    from bot.webserver import serve

    try:
        return serve(application, settings.webhook_listen, port, path, secret)
    except OSError as error:
        where = f"{settings.webhook_listen}:{port}"
        raise StartRefused(f"cannot listen on {where} ({setting}): {error.strerror}") from None


async def _initialize(application: Any, settings: Settings, stop: asyncio.Event) -> bool:
    """Meet Telegram (getMe). Failing at the very start is usually passing: try again, a
    little later each time, before giving up with one line. False if told to stop meanwhile."""
    from telegram.error import InvalidToken, NetworkError

    for attempt in range(STARTUP_TRIES):
        try:
            await application.initialize()
            return True
        except InvalidToken:
            raise StartRefused(TOKEN_REFUSED) from None
        except NetworkError as error:
            if attempt == STARTUP_TRIES - 1:
                url = settings.telegram_api_base_url
                raise StartRefused(f"could not reach {url}: {error}") from None
            wait = min(30, 2**attempt)
            log.warning("could not reach Telegram at start (%s); trying again in %d s", error, wait)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), wait)
            if stop.is_set():
                return False
    return False


def cmd_console(settings: Settings) -> int:
    from bot.console import run_console

    if "flood_limit" not in settings.model_fields_set:
        # One person at their own terminal, or a script piping a whole conversation in: the
        # "slow down" guard is for Telegram's many users, and would drop a piped session.
        settings = settings.model_copy(update={"flood_limit": 0})
    migrate(settings)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run_console(settings))
    return 0


def cmd_migrate(settings: Settings) -> int:
    from bot.storage.migrate import current_head

    migrate(settings)
    print(f"mend: the database is at revision {current_head()}")
    return 0


def cmd_sandbox(settings: Settings, port: int) -> int:
    from bot.sandbox.core import Sandbox
    from bot.sandbox.server import serve_forever

    sandbox = Sandbox()
    print(f"mend: Telegram stand-in on http://127.0.0.1:{port}")
    print(f"  TELEGRAM_API_BASE_URL=http://127.0.0.1:{port}/bot")
    print(f"  TELEGRAM_BOT_TOKEN={sandbox.token}")
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve_forever(port, sandbox))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Mend, a Telegram bot.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="run on Telegram (long polling)")
    sub.add_parser("console", help="chat with Mend in this terminal; no token needed")
    sub.add_parser("migrate", help="apply database migrations")
    sub.add_parser("rotate-keys", help="re-encrypt stored text with the first ENCRYPTION_KEYS key")
    sandbox = sub.add_parser("sandbox", help="serve the local Telegram stand-in over HTTP")
    sandbox.add_argument("--port", type=int, default=8081)
    args = parser.parse_args(argv)

    try:
        settings = load_settings()
    except ValidationError as error:
        return _fail(describe_error(error))
    console = args.command == "console"
    keys = settings.encryption_keys.get_secret_value() if settings.encryption_keys else None
    if keys:
        from bot.storage import crypto

        crypto.configure(crypto.parse_keys(keys))
    configure_logging(
        "WARNING" if console and settings.log_level == "INFO" else settings.log_level,
        settings.log_format,
        secrets=(
            settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else None,
            *(k.strip() for k in (keys or "").split(",") if k.strip()),
        ),
    )
    try:
        if args.command == "run":
            return cmd_run(settings)
        if console:
            return cmd_console(settings)
        if args.command == "migrate":
            return cmd_migrate(settings)
        if args.command == "rotate-keys":
            return cmd_rotate_keys(settings)
        return cmd_sandbox(settings, args.port)
    except StartRefused as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(f"{error.strerror or error}: {error.filename or ''}".rstrip(": "))
    except Exception as error:
        from sqlalchemy.exc import SQLAlchemyError

        if isinstance(error, SQLAlchemyError):
            reason = str(error.__cause__ or error).splitlines()[0]
            return _fail(f"database error ({settings.database_url.split('://')[0]}): {reason}")
        raise


if __name__ == "__main__":
    sys.exit(main())
