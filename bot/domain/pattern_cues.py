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
# Typed at the pattern card: at most this many words are read as naming patterns ("he
# forgot"); more are their own words ("Something else"), as before.
TYPED_WORDS = 4


@lru_cache(maxsize=8)
def _forms(c: Catalogue) -> dict[str, str]:
    """Each form of a word in `pattern_words` -> the word ("forgot" -> "forget")."""
    return {
        form: base
        for base in c.children("pattern_words")
        for form in (str(f) for f in c.raw(f"pattern_words.{base}.forms"))
    }


def _base(said: list[str], c: Catalogue) -> list[str]:
    forms = _forms(c)
    return [forms.get(w, w) for w in said]


@lru_cache(maxsize=8)
def _index(c: Catalogue) -> dict[str, tuple[Cue, ...]]:
    """Cues by their first word, longest first, so a story is read in one pass. Kept per
    catalogue (one for each language, for as long as the bot runs)."""
    by_first: dict[str, list[Cue]] = {}
    for key in c.children("patterns"):
        if not c.has(f"patterns.{key}.cues"):
            continue  # a pattern with no clear words of its own
        for cue in c.raw(f"patterns.{key}.cues"):
            said = tuple(_base(words(cue), c))
            if said:
                by_first.setdefault(said[0], []).append((said, key))
    return {w: tuple(sorted(cues, key=lambda cue: -len(cue[0]))) for w, cues in by_first.items()}


def _said(text: str, c: Catalogue) -> list[str]:
    # "my sister's birthday", "dad's phone": the word the cue names, without the 's; a word in
    # any of its forms as the word ("forgets": "forget").
    return _base([w.removesuffix("'s") for w in words(text)], c)


def suggested(text: str | None, c: Catalogue) -> list[str]:
    """The one or two patterns `text` clearly names, most named first, then in catalogue order;
    none when it names none, or more than two as much as each other."""
    if not text:
        return []
    index = _index(c)
    said = _said(text, c)
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


def typed_at_the_card(text: str, c: Catalogue) -> list[str]:
    """The patterns a few words typed at the pattern card point at ("forgot", "he forgets":
    the forgotten follow-up and birthday), by `pattern_words`, in catalogue order, for the
    card to offer them first; none for more words than TYPED_WORDS, or words naming none
    (their own words: "mocked", "i got distracted")."""
    said = _said(text, c)
    if not said or len(said) > TYPED_WORDS:
        return []
    named = {
        str(k)
        for base in c.children("pattern_words")
        if base in said
        for k in c.raw(f"pattern_words.{base}.patterns")
    }
    return [k for k in c.children("patterns") if k in named]
