"""`python -m bot run` as its own process against the HTTP stand-in."""

from __future__ import annotations

import asyncio

import pytest

from bot.sandbox.server import SandboxServer
from bot.storage.database import Database
from bot.storage.models import User
from tests.e2e.conftest import BotProcess, Control

pytestmark = pytest.mark.e2e
ANA = 3101


async def _user(db_url: str, user_id: int) -> User | None:
    db = Database(db_url)
    try:
        async with db.unit_of_work() as session:
            return await session.get(User, user_id)
    finally:
        await db.dispose()


def user(db_url: str, user_id: int) -> User | None:
    return asyncio.run(_user(db_url, user_id))


def test_onboarding_over_http(bot_process: BotProcess, control: Control, db_url: str):
    bot_process.start(control)
    control.user(ANA, "Ana")
    since = control.last_seq()
    control.send(ANA, "/start")
    control.reply_containing("what should I call you", since)
    since = control.last_seq()
    control.send(ANA, "Annie")
    control.reply_containing("time zone", since)
    since = control.last_seq()
    control.send(ANA, "Tokyo")
    card = control.reply_containing("Asia/Tokyo", since)
    since = control.last_seq()
    control.press(ANA, card["message_id"], "Yes, that's right")
    control.reply_containing("check-in each evening", since)
    since = control.last_seq()
    control.press(ANA, card["message_id"], "Yes, at 21:00")
    control.reply_containing("All set, Annie", since)
    row = user(db_url, ANA)
    assert row is not None and (row.preferred_name, row.timezone) == ("Annie", "Asia/Tokyo")
    assert bot_process.stop() == 0
    logs = bot_process.logs()
    assert "DEBUG" in logs  # it really logged at DEBUG...
    token = bot_process.env["TELEGRAM_BOT_TOKEN"]
    assert token not in logs and token.split(":")[1] not in logs  # ...and never the token
    assert "Annie" not in logs and "Tokyo" not in logs  # nor what the person wrote


def test_kill_9_mid_onboarding_loses_nothing(
    bot_process: BotProcess, control: Control, db_url: str
):
    bot_process.start(control)
    control.user(ANA, "Ana")
    since = control.last_seq()
    control.send(ANA, "/start")
    card = control.reply_containing("what should I call you", since)
    since = control.last_seq()
    control.send(ANA, "Annie")
    control.reply_containing("time zone", since)

    bot_process.kill()
    row = user(db_url, ANA)
    assert row is not None and row.preferred_name == "Annie"  # committed before the kill
    bot_process.start(control)

    since = control.last_seq()
    control.send(ANA, "Lisbon")
    confirm = control.reply_containing("Europe/Lisbon", since)  # continues at the zone step
    # A button from before the restart: its card has expired, and the bot says so.
    since = control.last_seq()
    control.press(ANA, card["message_id"], "Call me Ana")
    control.wait_for(
        lambda a: a["method"] == "answerCallbackQuery" and a["text"] == "This card has expired.",
        since,
    )
    since = control.last_seq()
    control.press(ANA, confirm["message_id"], "Yes, that's right")
    control.reply_containing("check-in each evening", since)
    since = control.last_seq()
    control.press(ANA, confirm["message_id"], "No thanks")
    control.reply_containing("All set, Annie", since)
    row = user(db_url, ANA)
    assert row is not None and (row.preferred_name, row.timezone) == ("Annie", "Europe/Lisbon")


def test_a_token_revoked_while_running_ends_the_bot_with_one_line(
    bot_process: BotProcess, control: Control, server: SandboxServer
):
    bot_process.start(control)
    assert server.sandbox is not None and bot_process.process is not None
    server.sandbox.token = "123456789:revoked-by-botfather"  # Telegram now answers 401
    control.user(ANA, "Ana")
    control.send(ANA, "/start")  # ends the long poll under way; the next one is refused
    assert bot_process.process.wait(30) == 2
    last = bot_process.logs().strip().splitlines()[-1]
    assert last == "mend: Telegram refused TELEGRAM_BOT_TOKEN: check it with @BotFather."
