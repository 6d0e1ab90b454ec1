"""Which patterns the story a moment began with points at ("my dad forgot my birthday": a
forgotten birthday), for the pattern card to offer them first. Only an ordering, never a
choice: the person still taps one, so a negation ("it wasn't his phone") is not looked for.

Each pattern's `cues` (content, per language) are words or phrases matched as whole words,
without case; a cue of several words counts over the shorter ones inside it ("texting me
back" is a reply, not "texting"). A pattern named more often than the others comes first; a
story that names many patterns as much as each other names none clearly, and moves nothing."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from bot.content import Catalogue
from bot.domain.small_talk import words

# "One or two": more first would hide the usual ones the card would otherwise start with.
MOST_SUGGESTED = 2

# A cue's words, and the pattern it points at.
Cue = tuple[tuple[str, ...], str]


@lru_cache(maxsize=8)
def _index(c: Catalogue) -> dict[str, tuple[Cue, ...]]:
    """Cues by their first word, longest first, so a story is read in one pass. Kept per
    catalogue (one for each language, for as long as the bot runs)."""
    by_first: dict[str, list[Cue]] = {}
    for key in c.children("patterns"):
        if not c.has(f"patterns.{key}.cues"):
            continue  # a pattern with no clear words of its own
        for cue in c.raw(f"patterns.{key}.cues"):
            said = tuple(words(cue))
            if said:
                by_first.setdefault(said[0], []).append((said, key))
    return {w: tuple(sorted(cues, key=lambda cue: -len(cue[0]))) for w, cues in by_first.items()}


def _said(text: str) -> list[str]:
    # "my sister's birthday", "dad's phone": the word the cue names, without the 's.
    return [w.removesuffix("'s") for w in words(text)]


def suggested(text: str | None, c: Catalogue) -> list[str]:
    """The one or two patterns `text` clearly names, most named first, then in catalogue order;
    none when it names none, or more than two as much as each other."""
    if not text:
        return []
    index = _index(c)
    said = _said(text)
    named: Counter[str] = Counter()
    at = 0
    while at < len(said):
        starting = index.get(said[at], ())
        found = next(
            (cue for cue in starting if tuple(said[at : at + len(cue[0])]) == cue[0]), None
        )
        if found is None:
            at += 1
            continue
        named[found[1]] += 1
        at += len(found[0])  # its words are used: no shorter cue inside it counts too
    if not named:
        return []
    order = c.children("patterns")
    ranked = sorted(named, key=lambda k: (-named[k], order.index(k)))
    if len(ranked) <= MOST_SUGGESTED:
        return ranked
    # Only those named more often than the first left out: a tie at the edge is not clear.
    edge = named[ranked[MOST_SUGGESTED]]
    return [k for k in ranked[:MOST_SUGGESTED] if named[k] > edge]
