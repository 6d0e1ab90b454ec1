"""The words that open the offer and thank someone for naming their needs: a few variants in
content, one picked by the moment so the same person does not meet the identical line every
time. The pick is by a stable hash of the moment's id, never at random: the same moment always
gets the same words (asked again, the card reads as it did), and a test can say which.

A story told with clear signs of a lot of feeling (crying or broken-heart emoji, "going crazy",
"maybe I'm too much", "I can't do this", several "??" or "!!") has the feeling met first: its
offer opens with a validating line (`moment.offer_openers_heavy`). Danger never reaches the
offer; the safety screen answers it before this."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from bot.content import Catalogue
from bot.domain import small_talk

_VARIANT = "\ufe0f"  # the emoji form of a sign ("❤️"): the same sign
_EMPHASIS = re.compile(r"[?!]{2,}")  # "??", "!!", "?!": a run of them
# Sentences: a laugh in one says nothing of another.
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n+")
EMPHASES_THAT_COUNT = 2  # several runs ("why?? why would he say that??"), not one ("what??")


def pick(options: Sequence[str], seed: str, salt: str = "") -> str:
    """One of `options`, the same one every time for the same `seed` (and `salt`, so two
    lists picked for one moment do not move in step)."""
    if not options:
        raise ValueError("nothing to pick from")
    digest = hashlib.sha256(f"{salt}:{seed}".encode()).digest()
    return options[int.from_bytes(digest[:8], "big") % len(options)]


def sounds_heavy(text: str, c: Catalogue) -> bool:
    """Whether what they told carries clear signs of a lot of feeling (`moment.offer_heavy_*`).
    Conservative: "he talks too much" or one "what??" is not one, and a laugh in the same
    sentence (`moment.offer_light`: "lmao 😭", "cried laughing", "happy tears") says that one
    is not heavy ("sorry for the essay lol. i cried in front of his parents" still is)."""
    for sentence in _SENTENCE.split(text):
        if not _laughing(sentence, c) and _signs(sentence, c):
            return True
    return not _laughing(text, c) and len(_EMPHASIS.findall(text)) >= EMPHASES_THAT_COUNT


def _laughing(text: str, c: Catalogue) -> bool:
    said = _plain(small_talk.words(text))
    for light in c.raw("moment.offer_light"):
        marker = str(light)
        if marker in text if not marker.isascii() else _holds(said, _plain(marker.split())):
            return True
    return False


def _signs(text: str, c: Catalogue) -> bool:
    emoji = {e.replace(_VARIANT, "") for e in c.raw("moment.offer_heavy_emoji")}
    if any(ch in emoji for ch in text.replace(_VARIANT, "")):
        return True
    said = _plain(small_talk.words(text))
    if any(word in said for word in _plain(c.raw("moment.offer_heavy_words"))):
        return True
    return any(
        _holds(said, _plain(small_talk.words(str(phrase))))
        for phrase in c.raw("moment.offer_heavy_phrases")
    )


def offer_text(moment_id: str, told: str, c: Catalogue) -> str:
    """The offer's words for a moment: an opening line, validating first if what they told
    sounds heavy, then the question (`moment.offer`)."""
    key = "moment.offer_openers_heavy" if sounds_heavy(told, c) else "moment.offer_openers"
    return c.text("moment.offer", opener=pick(c.raw(key), moment_id, "offer"))


def needs_thanks(moment_id: str, c: Catalogue) -> str:
    """The thanks that comes with the path question, once the needs are named."""
    return pick(c.raw("moment.path_thanks"), moment_id, "thanks")


def _plain(words: Sequence[str]) -> list[str]:
    """Words with their apostrophes left out: "cant" is "can't", "im" is "i'm"."""
    return [w.replace("'", "") for w in words]


def _holds(said: Sequence[str], phrase: Sequence[str]) -> bool:
    n = len(phrase)
    return n > 0 and any(list(said[i : i + n]) == list(phrase) for i in range(len(said) - n + 1))
