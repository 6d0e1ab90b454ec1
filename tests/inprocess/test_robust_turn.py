"""The shell's edges: text with U+0000 in it (PostgreSQL's text columns refuse it) is read
without it, and a toast is never longer than Telegram shows (200 characters: a longer one is
refused, and the person sees nothing)."""

from __future__ import annotations

import pytest
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler, ContextTypes

from bot.content import catalogue
from bot.sandbox.objects import utf16_len
from bot.telegram.turn import Turn, turn_handler
from tests.harness import Harness

ANA = 971


def errors_of(h: Harness) -> list[BaseException]:
    errors: list[BaseException] = []

    async def record(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        errors.append(context.error or RuntimeError("unknown"))

    h.app.add_error_handler(record)
    return errors


async def test_a_story_with_a_nul_in_it_is_kept_without_it(h: Harness) -> None:
    errors = errors_of(h)
    await h.onboard(ANA, "Ana")
    told = h.texts(await h.text(ANA, "He walked out mid-sentence\x00 and slammed the door"))
    assert told, "the story was answered"
    looked = h.texts(await h.press(ANA, "Yes, let's look"))
    assert looked
    assert errors == []
    for action in h.sandbox.sent(ANA):
        assert "\x00" not in (action.text or "")


async def test_a_caption_and_a_name_with_a_nul_in_them_are_read_without_it(h: Harness) -> None:
    errors = errors_of(h)
    await h.onboard(ANA, "Ana")
    h.sandbox.users[ANA]["first_name"] = "An\x00a"
    acts = await h.media(ANA, "photo", caption="He walked out\x00 and slammed the door")
    assert h.texts(acts), "the caption was answered"
    assert errors == []


async def _press_anything(h: Harness, data: str) -> int:
    """A press of a button with `data` on a message of the bot's; returns the update's id."""
    await h.text(ANA, "/start")
    pressed = h.sandbox.press(ANA, h.last_bot_message(ANA), data=data, forge=True)
    return int(pressed["update_id"])


async def test_the_stand_in_refuses_a_toast_over_200_characters_as_telegram_does(
    harness: Harness,
) -> None:
    h = harness
    h.person(ANA, "Ana")
    await _press_anything(h, "x")
    (query_id,) = h.sandbox.callback_queries
    with pytest.raises(BadRequest, match=r"(?i)message_too_long"):
        await h.app.bot.answer_callback_query(query_id, text="x" * 201)
    with pytest.raises(BadRequest, match=r"(?i)message_too_long"):
        await h.app.bot.answer_callback_query(query_id, text="💛" * 101)  # 202 UTF-16 units
    assert await h.app.bot.answer_callback_query(query_id, text="x" * 200)


@pytest.mark.parametrize(
    "text",
    [
        # Two names as long as Mend keeps them (64 characters).
        catalogue("en").text(
            "group.moved",
            a="Bartholomew Alexander Featherstonehaugh-Montgomery of Whitstable",
            b="Maximiliana Theodora Wolkenstein-Rodeneck von Hohenzollern-Ost",
        ),
        "💛 " * 150,
        "x" * 300,  # no word to break at
    ],
)
async def test_a_long_toast_is_shortened_to_what_telegram_shows(h: Harness, text: str) -> None:
    async def toast(turn: Turn) -> None:
        turn.toast(text, alert=True)

    h.app.add_handler(CallbackQueryHandler(turn_handler(toast), pattern="^long-toast$"), group=-2)
    h.person(ANA, "Ana")
    update_id = await _press_anything(h, "long-toast")
    since = h.sandbox.last_seq()
    update = h.sandbox.take_update(update_id)
    acts = [a for a in await h.feed(update) if a.seq > since]
    (answer,) = [a for a in acts if a.method == "answerCallbackQuery"]
    assert answer.text is not None
    assert utf16_len(answer.text) <= 200
    assert answer.text.endswith("…")
    kept = answer.text.removesuffix("…").rstrip()
    assert text.startswith(kept)
    if " " in text.strip():  # broken at a word, not in one
        assert text[len(kept)] == " "
        assert len(kept) > 100
