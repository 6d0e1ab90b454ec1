"""Callback data: the short string an inline button sends back when pressed.

Telegram allows 64 bytes. A flow button carries `<flow>:<step>:<card>:<option>` where `card`
is the flow state's version when the card was drawn: a press whose flow, step or card no
longer matches the stored state is stale and gets "this card has expired" instead of acting.
A menu button carries `menu:<action>`. Never raw user text: only short codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_BYTES = 64
_PART = re.compile(r"^[A-Za-z0-9_.\-]{1,40}$")
_CARD = re.compile(r"^[0-9a-f]{1,12}$")


class CallbackTooLong(ValueError):
    pass


@dataclass(frozen=True)
class FlowPress:
    flow: str
    step: str
    card: int
    option: str


@dataclass(frozen=True)
class MenuPress:
    action: str


def encode_flow(flow: str, step: str, card: int, option: str) -> str:
    return _checked(f"{flow}:{step}:{card:x}:{option}")


def encode_menu(action: str) -> str:
    return _checked(f"menu:{action}")


def _checked(data: str) -> str:
    if len(data.encode()) > MAX_BYTES:
        raise CallbackTooLong(f"callback data over {MAX_BYTES} bytes: {data!r}")
    return data


def row_id(text: str) -> int | None:
    """The row id a button names, if it can be one: ASCII decimal digits,
    within the range of the tables' integer ids (32-bit on PostgreSQL, so within SQLite's 64
    bits too). A forged one out of range is answered as an expired card, never asked of the
    database, which cannot hold it."""
    digits = text.removeprefix("-")
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 10:
        return None
    number = int(text)
    return number if -(2**31) <= number < 2**31 else None


def decode(data: str | None) -> FlowPress | MenuPress | None:
    """Parse callback data; None for anything we did not make (forged, old format, empty)."""
    if not data or len(data.encode()) > MAX_BYTES:
        return None
    parts = data.split(":")
    if len(parts) == 2 and parts[0] == "menu" and _PART.match(parts[1]):
        return MenuPress(parts[1])
    if len(parts) != 4 or not all(_PART.match(p) for p in parts):
        return None
    flow, step, card, option = parts
    if not _CARD.match(card):
        return None
    return FlowPress(flow, step, int(card, 16), option)
