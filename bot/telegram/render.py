"""Replies as Telegram messages: text with its parse mode, and inline keyboards. Used by the
handlers' turns and by the scheduler's sends alike."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode

from bot.domain.callbacks import encode_flow, encode_menu
from bot.domain.replies import Reply
from bot.sandbox.objects import utf16_len

MAX_MESSAGE = 4096
# A toast (answerCallbackQuery's text, an alert too): at most 200, or it is refused outright.
MAX_TOAST = 200
_LAST_WORD = re.compile(r"\s+\S*$")


@dataclass(frozen=True)
class Card:
    """The flow step a card's buttons answer; `version` is the state row's version."""

    flow: str
    step: str
    version: int


def render_markup(reply: Reply, card: Card | None) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    keyboard = []
    for row in reply.buttons:
        buttons = []
        for button in row:
            if button.url:
                buttons.append(InlineKeyboardButton(button.label, url=button.url))
            elif button.menu:
                data = encode_menu(button.option)
                buttons.append(InlineKeyboardButton(button.label, callback_data=data))
            else:
                if card is None:
                    raise ValueError(f"flow button {button.option!r} outside a flow")
                data = encode_flow(card.flow, card.step, card.version, button.option)
                buttons.append(InlineKeyboardButton(button.label, callback_data=data))
        keyboard.append(buttons)
    return InlineKeyboardMarkup(keyboard)


def fit(text: str, limit: int = MAX_MESSAGE) -> str:
    """Telegram refuses texts over its limits (a message's 4096 UTF-16 units, a toast's 200),
    and the person would see nothing: shorten with an ellipsis rather than fail, between
    words where a word boundary is not too far back (our own words rarely come near it;
    quoted text and names might)."""
    if utf16_len(text) <= limit:
        return text
    room, used, end = limit - 1, 0, 0  # one unit for the ellipsis
    for end, char in enumerate(text):  # noqa: B007 - `end` is the cut
        used += 2 if ord(char) > 0xFFFF else 1
        if used > room:
            break
    head = text[:end]
    if not text[end].isspace():  # the cut fell inside a word: leave that word out
        shorter = _LAST_WORD.sub("", head)
        if len(shorter) > len(head) // 2:
            head = shorter
    return head.rstrip() + "…"


def render_text(reply: Reply) -> tuple[str, str | None]:
    """The message text and parse mode. A copyable part is shown as a preformatted block,
    which Telegram clients copy with one tap."""
    if reply.copyable is None:
        return fit(reply.text), None
    body = fit(reply.text, 2000)
    copy = fit(reply.copyable, 2000)
    return f"{html.escape(body)}\n\n<pre>{html.escape(copy)}</pre>", ParseMode.HTML
