"""The stand-in answers like Telegram: python-telegram-bot parses every object it makes with no
unknown field left over, and its errors become the exceptions Telegram's would."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import (
    BadRequest,
    ChatMigrated,
    EndPointNotFound,
    Forbidden,
    RetryAfter,
    TimedOut,
)

from bot.sandbox.core import Fault, Sandbox
from bot.sandbox.objects import MEDIA_KINDS
from bot.sandbox.request import SandboxRequest

ANA, BEN = 11, 12


@pytest.fixture
def sandbox() -> Sandbox:
    s = Sandbox(first_update_id=1)
    s.add_user(ANA, "Ana", username="ana")
    s.add_user(BEN, "Ben", language_code=None)
    return s


@pytest.fixture
async def bot(sandbox: Sandbox) -> AsyncIterator[Bot]:
    async with Bot(
        sandbox.token, request=SandboxRequest(sandbox), get_updates_request=SandboxRequest(sandbox)
    ) as b:
        yield b


def no_leftovers(obj: object, path: str = "update") -> list[str]:
    """Fields python-telegram-bot did not recognise (kept in api_kwargs), anywhere inside."""
    from telegram import TelegramObject

    found: list[str] = []
    if isinstance(obj, TelegramObject):
        if obj.api_kwargs:
            found.append(f"{path}: {sorted(obj.api_kwargs)}")
        for slot in obj.__class__.__mro__:
            for name in getattr(slot, "__slots__", ()):
                if not name.startswith("_") and name != "api_kwargs":
                    found += no_leftovers(getattr(obj, name, None), f"{path}.{name}")
    elif isinstance(obj, (tuple, list)):
        for i, item in enumerate(obj):
            found += no_leftovers(item, f"{path}[{i}]")
    return found


async def every_update_kind(sandbox: Sandbox, bot: Bot) -> list[dict[str, object]]:
    sent = await bot.send_message(
        ANA,
        "pick",
        reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton("one", callback_data="d:1")]]),
    )
    group = sandbox.create_group("Us", [ANA, BEN], by=ANA)
    channel = sandbox.create_channel("News")
    msg = sandbox.send_text(ANA, "/start@MendSandboxBot hello 👋")
    updates = [
        msg,
        sandbox.send_text(BEN, "hi all", chat_id=group),
        sandbox.edit_text(ANA, msg["message"]["message_id"], "/help"),
        sandbox.press(ANA, sent.message_id, label="one"),
        sandbox.channel_post(channel, "post"),
    ]
    updates += [sandbox.send_media(ANA, kind) for kind in MEDIA_KINDS]
    sandbox.block(ANA)
    sandbox.unblock(ANA)
    sandbox.add_user(13, "Cy")
    sandbox.join_group(group, 13)
    sandbox.leave_group(group, BEN)
    new_group = sandbox.migrate_group(group)
    sandbox.remove_bot_from_group(new_group, by=ANA)
    return sandbox.pending_updates()


async def test_every_object_parses_strictly_with_nothing_left_over(sandbox, bot):
    updates = await every_update_kind(sandbox, bot)
    kinds = set()
    for data in updates:
        update = Update.de_json(data, bot)
        assert update is not None
        kinds |= {k for k in data if k != "update_id"}
        assert no_leftovers(update) == [], data
    assert {
        "message",
        "edited_message",
        "callback_query",
        "channel_post",
        "my_chat_member",
    } <= kinds
    me = await bot.get_me()
    assert me.username == "MendSandboxBot" and me.is_bot and no_leftovers(me, "me") == []


async def test_get_updates_confirms_with_offset_and_long_polls(sandbox, bot):
    sandbox.send_text(ANA, "one")
    sandbox.send_text(ANA, "two")
    first = await bot.get_updates(timeout=0)
    assert [u.message.text for u in first] == ["one", "two"]
    again = await bot.get_updates(timeout=0)
    assert len(again) == 2  # not confirmed yet
    assert await bot.get_updates(offset=first[-1].update_id + 1, timeout=0) == ()
    started = time.monotonic()
    assert await bot.get_updates(offset=first[-1].update_id + 1, timeout=1) == ()
    assert time.monotonic() - started >= 0.9


async def test_messages_keyboards_edits_and_answers(sandbox, bot):
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("Yes", callback_data="a:b:1:yes")]])
    sent = await bot.send_message(ANA, "Sure?", reply_markup=markup)
    assert sent.reply_markup == markup and sent.from_user.is_bot
    query = Update.de_json(sandbox.press(ANA, sent.message_id, label="Yes"), bot).callback_query
    assert query is not None
    assert query.data == "a:b:1:yes"
    assert await query.answer("noted")
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await query.answer("twice")
    edited = await bot.edit_message_text("Done", chat_id=ANA, message_id=sent.message_id)
    assert edited.text == "Done" and edited.reply_markup is None
    with pytest.raises(BadRequest, match=r"(?i)not modified"):
        await bot.edit_message_text("Done", chat_id=ANA, message_id=sent.message_id)
    assert await bot.delete_message(ANA, sent.message_id)
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("Gone", chat_id=ANA, message_id=sent.message_id)


async def test_telegram_errors(sandbox, bot):
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(999, "hi")
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(ANA, "x" * 4097)
    assert (await bot.send_message(ANA, "x" * 4096)).text == "x" * 4096
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(ANA, "😀" * 2049)  # 4098 UTF-16 units
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(
            ANA,
            "hi",
            reply_markup=InlineKeyboardMarkup(
                [[InlineKeyboardButton("b", callback_data="x" * 65)]]
            ),
        )
    with pytest.raises(BadRequest, match=r"(?i)can.t parse entities"):
        await bot.send_message(ANA, "<blink>hi</blink>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(ANA, " ")
    with pytest.raises(EndPointNotFound):
        await bot.do_api_request("noSuchMethod")


async def test_blocked_and_migrated_chats(sandbox, bot):
    sandbox.block(ANA)
    with pytest.raises(Forbidden, match=r"(?i)blocked by the user"):
        await bot.send_message(ANA, "hi")
    sandbox.unblock(ANA)
    assert await bot.send_message(ANA, "hi again")
    group = sandbox.create_group("Us", [ANA, BEN], by=ANA)
    new_id = sandbox.migrate_group(group)
    with pytest.raises(ChatMigrated) as caught:
        await bot.send_message(group, "hello")
    assert caught.value.new_chat_id == new_id
    assert (await bot.send_message(new_id, "hello")).chat.type == "supergroup"


async def test_faults_are_acted_out(sandbox, bot):
    sandbox.faults.append(Fault("retry_after", method="sendMessage", retry_after=7, times=2))
    for _ in range(2):
        with pytest.raises(RetryAfter) as caught:
            await bot.send_message(ANA, "hi")
        assert caught.value.retry_after == timedelta(seconds=7)
    assert await bot.send_message(ANA, "through")
    sandbox.faults.append(Fault("blocked", chat_id=BEN))
    await bot.send_message(ANA, "Ana is fine")
    with pytest.raises(Forbidden):
        await bot.send_message(BEN, "hi")
    sandbox.faults.append(Fault("migrated", method="sendMessage", new_chat_id=-1001234))
    with pytest.raises(ChatMigrated) as migrated:
        await bot.send_message(ANA, "hi")
    assert migrated.value.new_chat_id == -1001234
    sandbox.faults.append(Fault("timeout", method="getMe"))
    with pytest.raises(TimedOut):
        await bot.get_me()
    sandbox.faults.append(Fault("slow", delay=0.2))
    started = time.monotonic()
    await bot.send_message(ANA, "slowly")
    assert time.monotonic() - started >= 0.2
    sandbox.faults.append(Fault("server_error"))
    with pytest.raises(Exception, match="Internal Server Error"):
        await bot.send_message(ANA, "hi")


async def test_wrong_token_is_unauthorized(sandbox):
    from telegram.error import InvalidToken

    with pytest.raises(InvalidToken):
        async with Bot("1:wrong-token", request=SandboxRequest(sandbox)):
            pass
