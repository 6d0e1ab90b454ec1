"""Who a moment was with, when it is typed instead of tapped ("my boyfriend Jake")."""

from __future__ import annotations

import re

from bot.content import Catalogue

# Capitalised words that are not a name: "My boyfriend", "The guy at work".
_NOT_NAMES = frozenset({"my", "a", "an", "our", "the", "this", "his", "her", "their", "i", "me"})


def read_who(text: str, c: Catalogue) -> tuple[str, str | None]:
    """Who it was and their name, if said: ("partner", "Jake") for "my boyfriend Jake",
    ("family", None) for "my mum", and ("other", text) when no word says who (a name alone,
    "Jake", is kept as the name). A name is the capitalised words besides the one saying who,
    so "my boyfriend jake" asks for the name rather than guess at it."""
    said = " ".join(text.split())
    lowered = said.lower()
    found: tuple[str, re.Match[str]] | None = None
    for who in c.children("who_words"):
        for word in c.raw(f"who_words.{who}"):
            match = re.search(rf"(?<!\w){re.escape(word)}s?(?!\w)", lowered)
            if match and (found is None or len(match.group()) > len(found[1].group())):
                found = (who, match)  # the longest word wins: "best friend" over "friend"
    if found is None:
        return "other", said
    who, match = found
    rest = f"{said[: match.start()]} {said[match.end() :]}"
    words = [w.strip(",.;:!?()") for w in rest.split()]
    name = " ".join(w for w in words if w[:1].isupper() and w.lower() not in _NOT_NAMES)
    return who, name or None
