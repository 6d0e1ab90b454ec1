"""Replies as Telegram messages: text with its parse mode, and inline keyboards. Used by the
handlers' turns and by the scheduler's sends alike."""

from __future__ import annotations

import html
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode

from bot.domain.callbacks import encode_flow, encode_menu
from bot.domain.replies import Reply
from bot.sandbox.objects import utf16_len

MAX_MESSAGE = 4096


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
    """Telegram refuses texts over 4096 UTF-16 units; shorten with an ellipsis rather than
    fail (our own words never come near it, quoted text might)."""
    if utf16_len(text) <= limit:
        return text
    while utf16_len(text) > limit - 1:
        text = text[: -max(1, (utf16_len(text) - limit) // 2 + 1)]
    return text + "…"


def render_text(reply: Reply) -> tuple[str, str | None]:
    """The message text and parse mode. A copyable part is shown as a preformatted block,
    which Telegram clients copy with one tap."""
    if reply.copyable is None:
        return fit(reply.text), None
    body = fit(reply.text, 2000)
    copy = fit(reply.copyable, 2000)
    return f"{html.escape(body)}\n\n<pre>{html.escape(copy)}</pre>", ParseMode.HTML
