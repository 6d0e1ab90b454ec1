"""Logging that never prints the bot token.

httpx logs every request URL at INFO, and Bot API URLs contain the token (`/bot<token>/...`).
Two lines of defence: the noisy loggers are raised to WARNING, and every record is redacted
twice: its message when the record is created (so any handler, ours or a library's, sees the
redacted text) and the final formatted line (tracebacks included).
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TextIO

# Anything shaped like a bot token, whether or not it is ours: `123456:AA...` after "bot" or
# standing alone with a long secret part.
_TOKEN_SHAPE = re.compile(r"(?<![A-Za-z0-9])\d{3,}:[A-Za-z0-9_-]{20,}")
_BOT_PATH = re.compile(r"/bot\d+:[^/\s\"']+")
REDACTED = "[redacted]"

_secrets: set[str] = set()
_original_factory: Callable[..., logging.LogRecord] | None = None


def register_secret(secret: str | None) -> None:
    """Make sure `secret` is redacted from every log record from now on."""
    if secret:
        _secrets.add(secret)


def redact(text: str) -> str:
    for secret in _secrets:
        if secret in text:
            text = text.replace(secret, REDACTED)
    text = _BOT_PATH.sub(f"/bot{REDACTED}", text)
    return _TOKEN_SHAPE.sub(REDACTED, text)


def _install_record_factory() -> None:
    global _original_factory
    if _original_factory is not None:
        return
    original = logging.getLogRecordFactory()
    _original_factory = original

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = original(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # a bad format string is the caller's bug; keep the raw record
            return record
        redacted = redact(message)
        if redacted != message or record.args:
            record.msg, record.args = redacted, None
        return record

    logging.setLogRecordFactory(factory)


# python-telegram-bot logs the whole batch at CRITICAL when it cannot parse an update in it
# ("Error while parsing updates! Received data was [...]"): that is what people wrote. The
# poller reads such a batch again, update by update, and logs the one it skips by its id.
_UPDATE_DUMP = "Error while parsing updates!"
_UPDATE_DUMP_LOGGERS = ("telegram.Bot", "telegram.ext.ExtBot")


class _WithholdUpdateDumps(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(_UPDATE_DUMP)


def withhold_update_dumps() -> None:
    """Keep python-telegram-bot's dump of an unparseable batch out of every log (idempotent)."""
    for name in _UPDATE_DUMP_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, _WithholdUpdateDumps) for f in logger.filters):
            logger.addFilter(_WithholdUpdateDumps())


class RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class JsonFormatter(logging.Formatter):
    """One JSON object per line, for log collectors."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key in ("update_id", "chat_id", "event"):
            if hasattr(record, key):
                entry[key] = getattr(record, key)
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return redact(json.dumps(entry, ensure_ascii=False))


def configure_logging(
    level: str = "INFO",
    fmt: str = "text",
    secrets: tuple[str | None, ...] = (),
    stream: TextIO | None = None,
) -> logging.Handler:
    """Set up the root logger once, for the whole process; returns the handler it installed."""
    for secret in secrets:
        register_secret(secret)
    _install_record_factory()
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(
        JsonFormatter()
        if fmt == "json"
        else RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    )
    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, "_mend", False):
            root.removeHandler(old)
    handler._mend = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    # Request URLs carry the token: keep these quiet even at DEBUG.
    for noisy in ("httpx", "httpcore", "apscheduler.executors.default", "aiosqlite", "alembic"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLevelName(level)))
    # "Execution of job tick skipped: maximum number of running instances reached" is our
    # design (one tick at a time, a long one merges the next), not a warning.
    logging.getLogger("apscheduler.scheduler").setLevel(
        max(logging.ERROR, logging.getLevelName(level))
    )
    # python-telegram-bot logs whole updates and request parameters at DEBUG: that is what
    # people wrote, and it must not reach a log. Its INFO and above carry no content.
    logging.getLogger("telegram").setLevel(max(logging.INFO, logging.getLevelName(level)))
    withhold_update_dumps()
    return handler
