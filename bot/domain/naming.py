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


# A feeling word denied ("not angry", "wasn't really angry", "no longer angry") is not one
# they felt; nor is one done to someone ("I will hurt him", "to hurt her"). Words that may
# stand between a denial and the feeling ("don't feel angry", "not really angry"); never "so"
# ("never felt so hurt" is very hurt).
_DENIALS = {"not", "never", "dont", "doesnt", "didnt", "wasnt", "isnt", "arent", "werent"}
_DENIALS |= {"wont", "cant", "couldnt", "wouldnt", "havent", "hasnt", "hadnt", "aint"}
_BETWEEN = {"really", "even", "that", "too", "very", "particularly", "exactly", "actually"}
_BETWEEN |= {"feel", "feeling", "felt", "be", "been", "being", "am", "was", "is", "just"}
_BETWEEN |= {"at", "all", "any", "i", "i'm", "im", "a", "bit"}
_BEFORE_AN_ACT = {"will", "could", "would", "might", "can", "shall", "to", "wanna", "gonna"}
_AFTER_AN_ACT = {"him", "her", "them", "you", "u", "his", "their", "your", "someone", "somebody"}
_AFTER_AN_ACT |= {"anyone", "anybody", "everyone", "everybody", "people"}
_AFTER_AN_ACT |= {"himself", "herself", "themselves", "yourself", "myself"}


def _denied(before: list[str]) -> bool:
    words = list(before)
    while words and words[-1] in _BETWEEN:
        words.pop()
    if words[-2:] == ["no", "longer"]:
        return True
    return bool(words) and (words[-1] in _DENIALS or words[-1].endswith("n't"))


def _done_to(before: list[str], after: list[str]) -> bool:
    last = before[-1] if before else ""
    act = last in _BEFORE_AN_ACT or last.endswith(("'ll", "'d"))
    return act or (bool(after) and after[0] in _AFTER_AN_ACT)


def _named(normal: str, word: str) -> bool:
    """Whether `word` is said in `normal` as a feeling: not denied, nor done to someone."""
    for found in re.finditer(rf"(?<= ){re.escape(word)}(?= )", normal):
        before, after = normal[: found.start()].split(), normal[found.end() :].split()
        if not (_denied(before) or _done_to(before, after)):
            return True
    return False


_DENIAL_PARTS = re.compile(r"[,;/.!?\n]+|\s+(?:and|but|or)\s+")
_DENIAL_EXTRA = {"no", "longer", "anymore", "more", "any"}


def without_denials(text: str, c: Catalogue) -> str:
    """`text` less the parts that only deny a feeling ("not angry, just sad" -> "just sad";
    "not sad" -> ""): a feeling they did not have is never said as one. The text as typed
    when no part does."""
    labels = [c.text(f"feelings.{k}") for k in feeling_keys(c)]

    def denies(part: str) -> bool:
        normal = _normal(part.replace("’", "'"))
        here = sorted((w for w in labels if f" {w} " in normal), key=len, reverse=True)
        if not here or any(_named(normal, w) for w in here):
            return False
        for word in here:
            normal = normal.replace(f" {word} ", " ")
        allowed = _DENIALS | _BETWEEN | _FILLER | _DENIAL_EXTRA
        return all(w in allowed or w.endswith("n't") for w in normal.split())

    parts = [" ".join(p.split()) for p in _DENIAL_PARTS.split(text)]
    parts = [p for p in parts if p]
    if not any(denies(p) for p in parts):
        return text
    return ", ".join(p for p in parts if not denies(p))


def find_words(text: str, c: Catalogue) -> Found:
    """Feelings and interpretation words mentioned in `text`, in catalogue order; a feeling
    denied ("not angry") or done to someone ("I will hurt him") is not one."""
    normal = _normal(text.replace("’", "'"))
    feelings = [k for k in feeling_keys(c) if _named(normal, c.text(f"feelings.{k}"))]
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
