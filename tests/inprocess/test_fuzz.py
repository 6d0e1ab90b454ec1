"""Hardened input: thousands of random updates through the real Application.

Each example starts from three people with private moments (each with a secret word), a
couple's group and a stranger, then throws a random mix of texts (any Unicode, up to 4096
characters), commands, stickers and other media, edits, button presses with real, stale,
forged or someone else's data, group messages, channel posts and messages from unknown chats.
After every example: no handler raised, no reply shows a traceback, no reply to anyone shows
another person's secret, and every stored flow state is one the bot knows.
"""

from __future__ import annotations

import asyncio
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from telegram import Update
from telegram.ext import ContextTypes

from bot.app import flows
from bot.sandbox.objects import MEDIA_KINDS
from bot.storage.models import ConversationState, MomentRow, User
from tests.harness import FakeClock, Harness, start_harness

PEOPLE = {1101: "Ana", 1102: "Ben", 1103: "Cy"}
SECRETS = {uid: f"SECRET{uid}WORD" for uid in PEOPLE}
STRANGER = 1199
COMMANDS = [
    "/start",
    "/moment",
    "/history",
    "/cancel",
    "/back",
    "/settings",
    "/thanks",
    "/invite",
    "/unlink",
    "/export",
    "/privacy",
    "/help",
    "/repair",
    "/pair",
    "/nonsense",
    "/start moment",
    "/start history",
    "/start l_bogus",
    "/thanks for the flowers",
    "/start l_" + "x" * 32,
    "/start@MendSandboxBot",
]

person = st.sampled_from(sorted(PEOPLE))
texts = st.one_of(
    st.text(max_size=300),
    st.text(min_size=3000, max_size=4096),
    st.sampled_from(COMMANDS),
    st.sampled_from(
        [
            "I want to die",
            "I could kill him",
            "he hit me",
            "hello",
            "21:00",
            "Berlin",
            "1",
            "Done",
            "😭😭",
            "x" * 4096,
        ]
    ),
)
actions = st.one_of(
    st.tuples(st.just("text"), person, texts),
    st.tuples(st.just("media"), person, st.sampled_from(MEDIA_KINDS)),
    st.tuples(st.just("caption"), person, texts),
    st.tuples(st.just("edit"), person, texts),
    st.tuples(st.just("press"), person, st.integers(0, 20)),
    st.tuples(st.just("forge"), person, st.text(max_size=70)),
    st.tuples(st.just("steal"), person, st.integers(0, 50)),
    st.tuples(st.just("group"), person, st.sampled_from([*COMMANDS, "plain group text"])),
    st.tuples(st.just("channel"), person, st.text(max_size=50)),
    st.tuples(st.just("stranger"), person, texts),
)


async def setup(h: Harness) -> int:
    for uid, name in PEOPLE.items():
        h.person(uid, name)
        for text in ("/start", name, "Berlin"):
            await h.text(uid, text)
        await h.press(uid, "Yes, that's right")
        await h.press(uid, "No thanks")
        await h.text(uid, f"He mocked me about {SECRETS[uid]} at dinner")
        await h.press(uid, "Yes, let's look")
    group = h.sandbox.create_group("Us", [1101, 1102], by=1101)
    for update in h.sandbox.pending_updates():
        await h.feed(update)
    return group


async def run(example: list[tuple[str, int, Any]], db_path: Path) -> None:
    clock = FakeClock(datetime(2026, 3, 1, 19, 30, tzinfo=UTC))
    async with start_harness(f"sqlite+aiosqlite:///{db_path}", clock) as h:
        errors: list[BaseException] = []

        async def record(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
            errors.append(context.error or RuntimeError("unknown"))

        h.app.add_error_handler(record)
        group = await setup(h)
        channel = h.sandbox.create_channel("News")
        h.sandbox.add_user(STRANGER, "Stranger")
        all_data = [
            b.get("callback_data")
            for m in h.sandbox.messages.values()
            for row in m.get("reply_markup", {}).get("inline_keyboard", [])
            for b in row
            if b.get("callback_data")
        ]
        async with h.db.unit_of_work() as session:
            ids = [m.id for m in await session.scalars(select(MomentRow))]
        all_data += [f"menu:{a}.{i}" for i in ids for a in ("ho", "hu", "hx", "hr", "hd")]
        for kind, who, value in example:
            update = make_update(h, kind, who, value, group, channel, all_data)
            if update is not None and update.get("update_id") is not None:
                h.sandbox.take_update(update["update_id"])
                await h.app.process_update(Update.de_json(update, h.app.bot))
            clock.advance(timedelta(seconds=7))
        assert errors == [], errors
        for action in h.sandbox.actions:
            shown = action.text or ""
            assert "Traceback" not in shown and "Error" not in shown[:20]
            sent = f"{shown} {action.params} {action.reply_markup}"  # files and buttons too
            for uid, secret in SECRETS.items():
                if secret in sent:
                    assert action.chat_id == uid, (secret, action.chat_id)
        known = flows()
        async with h.db.unit_of_work() as session:
            for state in await session.scalars(select(ConversationState)):
                assert state.flow in known and state.step
                assert await session.get(User, state.user_id) is not None


def make_update(
    h: Harness, kind: str, who: int, value: Any, group: int, channel: int, all_data: list[str]
) -> dict[str, Any] | None:
    s = h.sandbox
    if kind == "text":
        return s.send_text(who, value or ".")
    if kind == "media":
        return s.send_media(who, value)
    if kind == "caption":  # a photo with words: read as a message is
        return s.send_media(who, "photo", caption=value or ".")
    if kind == "edit":
        mine = [
            m
            for (c, m), msg in s.messages.items()
            if c == who and msg.get("from", {}).get("id") == who and "text" in msg
        ]
        return s.edit_text(who, max(mine), value or ".") if mine else None
    if kind == "press":
        cards = [
            (m, b["callback_data"])
            for (c, m), msg in s.messages.items()
            if c == who
            for row in msg.get("reply_markup", {}).get("inline_keyboard", [])
            for b in row
            if "callback_data" in b
        ]
        if not cards:
            return None
        message_id, data = cards[value % len(cards)]
        return s.press(who, message_id, data=data)
    if kind in ("forge", "steal"):
        data = value if kind == "forge" else all_data[value % len(all_data)]
        mine = [m for (c, m) in s.messages if c == who]
        return s.press(who, max(mine), data=data or "x", forge=True) if mine else None
    if kind == "group":
        if who not in s.chats[group].members:
            return None
        return s.send_text(who, value, chat_id=group)
    if kind == "channel":
        return s.channel_post(channel, value or ".")
    return s.send_text(STRANGER, value or ".")


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)
@given(example=st.lists(actions, min_size=10, max_size=40))
def test_random_updates_never_break_the_bot_or_leak(example, sqlite_template, tmp_path):
    path = tmp_path / "fuzz.db"
    shutil.copy(sqlite_template, path)
    try:
        asyncio.run(run(example, path))
    finally:
        path.unlink(missing_ok=True)
