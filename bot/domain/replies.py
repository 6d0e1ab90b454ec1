"""What the core asks the shell to show: messages with optional buttons."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Button:
    """A button under a message.

    `option` is what a press sends back to the current flow step. A `menu` button instead
    starts something from anywhere (`menu:moment`), and a `url` button opens a link.
    """

    label: str
    option: str = ""
    menu: bool = False
    url: str | None = None


Keyboard = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: Keyboard = ()
    # Replace the card whose button was pressed instead of sending a new message.
    edit: bool = False
    # Text meant to be copied (a drafted repair): shown so a long press copies it whole.
    copyable: str | None = None
    # Says something reached someone else ("Sent to Ben."): shown only if it did.
    only_if_delivered: bool = False


def rows(*buttons: Button, width: int = 1) -> Keyboard:
    """Lay buttons out `width` to a row."""
    items = list(buttons)
    return tuple(tuple(items[i : i + width]) for i in range(0, len(items), width))


@dataclass(frozen=True)
class Toast:
    """A short notice on a button press (answerCallbackQuery), not a message."""

    text: str
    alert: bool = False
