"""Telling small talk from a moment: a hello, a thanks, a goodbye, an "ok", or "how does this
work?", is answered, not kept as part of what happened.

Conservative by design: only a whole message that is small talk counts ("ok", "thanks, that
helped"); one that merely has such words among others ("ok so he ignored me again", "thanks
for nothing, he never listens") is a moment. The word lists are content (`shell.*`), one set
per language."""

from __future__ import annotations

import re
import unicodedata

from bot.content import Catalogue

GREETING, HOW, THANKS, GOODBYE, ACK = "greeting", "how", "thanks", "goodbye", "ack"
SAD = "sad"  # only sad or crying emoji ("😭😭😭"): invited to say what happened

# What each kind is answered with outside any flow, and at the moment offer.
IDLE_REPLIES = {
    GREETING: "shell.idle_text",
    HOW: "shell.how_it_works",
    THANKS: "shell.thanks_reply",
    GOODBYE: "shell.goodbye_reply",
    ACK: "shell.ack_reply",
    SAD: "shell.sad_reply",
}
OFFER_REPLIES = {
    GREETING: "moment.offer_hello",
    HOW: "moment.offer_how",
    THANKS: "moment.offer_thanks",
    GOODBYE: "moment.offer_bye",
    ACK: "moment.offer_ack",
    SAD: "moment.offer_sad",
}

# A word: letters and digits, with an apostrophe inside ("what's"); everything else (emoji,
# punctuation) only separates words.
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_VARIANT = "\ufe0f"  # the emoji form of a sign ("☹️"): the same sign


def words(text: str) -> list[str]:
    """The words of `text`, lower case, without emoji or punctuation."""
    return _WORD.findall(text.lower().replace("\u2019", "'"))


def kind(text: str, c: Catalogue) -> str | None:
    """Which kind of small talk `text` is (GREETING, HOW, THANKS, GOODBYE, ACK, SAD), or None
    for anything that may be a moment."""
    said = words(text)
    if not said:  # only emoji or punctuation ("👍", "..."); nothing at all is not small talk
        if not text.strip():
            return None
        if _only_sad(text, c):
            return SAD
        # A lone "?" asks what this is and what to do: the how-it-works answer says both.
        return HOW if "?" in text else ACK
    phrase = " ".join(said)
    if phrase in c.raw("shell.how_questions"):
        return HOW
    if phrase in c.raw("shell.greetings"):
        return GREETING
    if phrase in c.raw("shell.acknowledgements"):
        return ACK
    return _thanks_or_goodbye(said, c) or _thanks_or_goodbye(_after_ack(said, c), c)


def _only_sad(text: str, c: Catalogue) -> bool:
    """Only sad or crying emoji (`shell.sad_emoji`), punctuation aside: "😭😭😭", "😢...".
    One other emoji among them ("😭👍") leaves it an acknowledgement."""
    sad = {e.replace(_VARIANT, "") for e in c.raw("shell.sad_emoji")}
    shown = [ch for ch in text if ch != _VARIANT and not ch.isspace()]
    signs = [ch for ch in shown if not unicodedata.category(ch).startswith("P")]
    return bool(signs) and all(ch in sad for ch in signs)


def _thanks_or_goodbye(said: list[str], c: Catalogue) -> str | None:
    if not said:
        return None
    if " ".join(said) in c.raw("shell.goodbyes"):
        return GOODBYE
    if len(said) > int(c.raw("shell.thanks_max_words")):
        return None
    tail = _after(said, c.raw("shell.thanks_openers"))
    if tail is not None and set(tail) <= set(c.raw("shell.thanks_words")):
        return THANKS
    return None


def _after(said: list[str], openers: list[str]) -> list[str] | None:
    """The words after the longest of `openers` that `said` starts with; None if none."""
    opening = [len(o.split()) for o in openers if said[: len(o.split())] == o.split()]
    return said[max(opening) :] if opening else None


def _after_ack(said: list[str], c: Catalogue) -> list[str]:
    """The words after an acknowledgement that opens them ("ok" of "ok bye"), if any."""
    return _after(said, c.raw("shell.acknowledgements")) or []


def yes_or_no(text: str, c: Catalogue) -> str | None:
    """ "yes" or "no" typed in answer to a yes/no card ("yes please", "nope"), else None. Not
    a question ("yes?"), nor a lone letter ("y?" is often "why?")."""
    if "?" in text:
        return None
    phrase = " ".join(words(text))
    if phrase in c.raw("shell.typed_yes"):
        return "yes"
    if phrase in c.raw("shell.typed_no"):
        return "no"
    return None
