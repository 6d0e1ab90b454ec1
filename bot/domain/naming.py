"""Naming: finding feelings, needs and interpretation words in what a person types."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.content import Catalogue

_SEPARATORS = re.compile(r"[,;/.!?\n]+|\s+(?:and|but|or|a bit|kind of|really|so|very|quite)\s+")
_FILLER = {
    "i",
    "felt",
    "feel",
    "feeling",
    "was",
    "am",
    "just",
    "a",
    "bit",
    "kind",
    "of",
    "so",
    "very",
    "really",
    "quite",
    "and",
    "like",
    "little",
    "me",
}


@dataclass(frozen=True)
class Found:
    feelings: tuple[str, ...]
    interpretations: tuple[str, ...]
    # True when the text says more than the words we recognised: keep it in their words.
    has_more: bool


def _normal(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z'\-]+", text.lower())) + " "


def feeling_keys(c: Catalogue) -> list[str]:
    return [
        key for group in c.children("feeling_groups") for key in c.raw(f"feeling_groups.{group}")
    ]


def _interpretations_in(normal: str, c: Catalogue) -> list[str]:
    found = []
    for key in c.children("interpretations"):
        spellings = [c.text(f"interpretations.{key}.label"), *c.raw(f"interpretations.{key}.also")]
        if any(f" {s.lower()} " in normal for s in spellings):
            found.append(key)
    return found


def without_interpretations(text: str, c: Catalogue) -> str:
    """`text` less the parts that name an interpretation ("ignored and stupid" -> "stupid";
    "he ignored me, I felt small" -> "I felt small"): a reading of what the other person did
    is looked at underneath, not kept as a feeling. "" when nothing else was said."""
    parts = [" ".join(p.split()) for p in _SEPARATORS.split(text)]
    kept = [p for p in parts if p and not _interpretations_in(_normal(p), c)]
    return ", ".join(kept)


def beyond_chosen(text: str, chosen: list[str]) -> str:
    """`text` less the parts that only say again what was chosen with a button ("angry,
    betrayed" with "angry" chosen -> "betrayed"; "i felt angry and small" -> "small"); the
    text as typed when no part does."""
    said = {w for phrase in chosen for w in _normal(phrase).split()}
    parts = [" ".join(p.split()) for p in _SEPARATORS.split(text)]
    parts = [p for p in parts if p]
    words = [set(_normal(p).split()) for p in parts]
    again = [bool(w & said) and w <= said | _FILLER for w in words]
    if not any(again):
        return text
    return ", ".join(p for p, repeated in zip(parts, again, strict=True) if not repeated)


def find_words(text: str, c: Catalogue) -> Found:
    """Feelings and interpretation words mentioned in `text`, in catalogue order."""
    normal = _normal(text)
    feelings = [k for k in feeling_keys(c) if f" {c.text(f'feelings.{k}')} " in normal]
    interpretations = _interpretations_in(normal, c)
    recognised = {c.text(f"feelings.{k}") for k in feelings}
    recognised |= {c.text(f"interpretations.{k}.label") for k in interpretations}
    rest = normal
    for word in sorted(recognised, key=len, reverse=True):
        rest = rest.replace(f" {word} ", " ")
    leftover = [w for w in rest.split() if w not in _FILLER]
    return Found(tuple(feelings), tuple(interpretations), bool(leftover))


def find_needs(text: str, c: Catalogue) -> tuple[tuple[str, ...], bool]:
    """Needs named in `text` by their button label; and whether there is more to keep."""
    normal = _normal(text)
    found = [
        k for k in c.children("needs") if _normal(c.text(f"needs.{k}.label")).strip() in normal
    ]
    return tuple(found), len(normal.split()) > sum(
        len(c.text(f"needs.{k}.label").split()) for k in found
    )
