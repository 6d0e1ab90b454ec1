"""Telling small talk from a moment: a hello, or "how does this work?", is answered, not kept
as part of what happened."""

from __future__ import annotations

from bot.content import Catalogue

_EDGES = " !.?,👋🙂😊"


def plain(text: str) -> str:
    """The words as said, without case, edge punctuation or doubled spaces."""
    return " ".join(text.lower().strip(_EDGES).split())


def is_greeting(text: str, c: Catalogue) -> bool:
    return plain(text) in c.raw("shell.greetings")


def asks_how_it_works(text: str, c: Catalogue) -> bool:
    return plain(text) in c.raw("shell.how_questions")
