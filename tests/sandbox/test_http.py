"""The HTTP transport: the real python-telegram-bot HTTP client against the stand-in."""

from __future__ import annotations

import io
import logging
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest

from bot.logs import configure_logging
from bot.sandbox.core import Sandbox
from bot.sandbox.server import SandboxServer

ANA = 21


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    sandbox = Sandbox(first_update_id=1)
    sandbox.add_user(ANA, "Ana")
    with SandboxServer(sandbox) as s:
        yield s


@pytest.fixture
async def bot(server: SandboxServer) -> AsyncIterator[Bot]:
    assert server.sandbox is not None
    async with Bot(server.sandbox.token, base_url=server.api_base_url) as b:
        yield b


async def test_the_real_http_client_sends_form_data_and_parses_answers(server, bot):
    assert bot.username == "MendSandboxBot"
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Go", callback_data="menu:go")]])
    sent = await bot.send_message(ANA, "Hello 👋", reply_markup=markup)
    assert sent.text == "Hello 👋" and sent.reply_markup == markup
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(404, "nobody")


async def test_json_bodies_are_accepted_as_telegram_does(server):
    token = server.sandbox.token
    async with httpx.AsyncClient() as client:
        answer = await client.post(
            f"{server.api_base_url}{token}/sendMessage", json={"chat_id": ANA, "text": "from JSON"}
        )
        assert answer.status_code == 200 and answer.json()["result"]["text"] == "from JSON"
        answer = await client.post(f"{server.api_base_url}{token}/nope", json={})
        assert answer.status_code == 404 and answer.json()["ok"] is False
        answer = await client.post(f"{server.api_base_url}1:bad/getMe")
        assert answer.status_code == 401


async def test_control_api_acts_as_a_person_and_reports_what_the_bot_did(server, bot):
    async with httpx.AsyncClient(base_url=f"{server.url}/sandbox") as control:
        await control.post("/users", json={"id": 22, "first_name": "Ben"})
        update = (await control.post("/send", json={"user_id": 22, "text": "/start"})).json()
        assert update["message"]["entities"][0]["type"] == "bot_command"
        updates = await bot.get_updates(timeout=1)
        assert [u.message.text for u in updates] == ["/start"]

        waiting = control.get("/wait", params={"since": 0, "chat_id": 22, "timeout": 5})
        sent = await bot.send_message(
            22,
            "Hi Ben",
            reply_markup=InlineKeyboardMarkup(
                [[InlineKeyboardButton("Yes", callback_data="a:b:1:yes")]]
            ),
        )
        action = (await waiting).json()
        assert action["text"] == "Hi Ben" and action["message_id"] == sent.message_id

        press = await control.post(
            "/press",
            json={"user_id": 22, "chat_id": 22, "message_id": sent.message_id, "label": "Yes"},
        )
        assert press.json()["callback_query"]["data"] == "a:b:1:yes"
        bad = await control.post("/press", json={"user_id": 22, "message_id": 999})
        assert bad.status_code == 400
        timeout = await control.get("/wait", params={"since": 99, "timeout": 0.2})
        assert timeout.status_code == 408


async def test_the_token_never_reaches_the_log_even_with_httpx_at_debug(server):
    """httpx logs every request URL, which contains the token."""
    token = server.sandbox.token
    stream = io.StringIO()
    handler = configure_logging("DEBUG", "text", secrets=(token,), stream=stream)
    logging.getLogger("httpx").setLevel(logging.DEBUG)  # defeat the first line of defence
    logging.getLogger("httpcore").setLevel(logging.DEBUG)
    try:
        async with Bot(token, base_url=server.api_base_url) as b:
            await b.send_message(ANA, "hi")
            try:
                await b.send_message(404, "nobody")
            except BadRequest:
                logging.getLogger("test").exception("failed sending to %s", b.base_url)
    finally:
        logging.getLogger().removeHandler(handler)
    output = stream.getvalue()
    assert "HTTP Request: POST" in output  # httpx did log the URLs...
    assert "[redacted]" in output  # ...and they were redacted
    assert token not in output and token.split(":")[1] not in output
