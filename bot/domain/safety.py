"""The safety screen: run on every free text before any flow logic.

Three answers (CONTENT.md, "Safety comes first"):
- DANGER: self-harm or suicide, violence or threats against the person, fear of a partner,
  coercion or control, sexual violence. The flow stops; the reply gives help now.
- CONCERN: hyperbole in anger ("I could kill him"), a mention of self-harm that is denied
  ("I'm not going to hurt myself"), distress that names no harm ("I just want to disappear"),
  or something someone else does that may not be safe ("he checks my phone every night").
  A gentle check, not a hotline list, in words that fit which of these it is (`asks_about`).
- NONE: everyday words, idioms included ("killing it at work", "my phone died"), and idioms
  that are everyday only in jest ("he's going to kill me when he finds out lol", "I wanted to
  die when I read it back"), as long as nothing in the message says they are meant (fear, a
  threat reported, leaving). Beside a small mishap with no laugh ("...when he finds out I broke
  his mug") such an idiom is asked about instead.

It errs on the side of care and answers in proportion. It is a screen, not a diagnosis: a
list of patterns that a person, not a model, can read and extend. Each sentence is judged on
its own, so one sentence of danger in a long message is not diluted by the rest.

The lists live in safety_patterns.py. A list only knows what it was given: on 60 danger
phrasings written by someone who had not seen it, it recognised 42 (tests/domain/
safety_holdout.py). So /sos gives the same help on request, and the repair flow's "it doesn't
feel safe to raise" does too.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import IntEnum

from bot.domain.safety_patterns import (
    AFFAIRS,
    AGAINST_ME,
    AGAINST_ME_ELSEWHERE,
    BY_SOMEONE_ELSE,
    DISTRESS,
    EARNEST,
    HOUSEHOLD_FINDS_OUT,
    HYPERBOLE,
    IDIOMS,
    IN_JEST,
    IN_JEST_LAUGHING,
    JEST,
    KILLS_ME_WHEN,
    LAUGH,
    MISHAP,
    ON_MY_BODY,
    SELF_HARM,
    SELF_HARM_ELSEWHERE,
    TOGETHER,
    UNCLEAR,
    UNLESS_EARNEST,
    WARNING_SIGNS,
    either,
)


class Level(IntEnum):
    NONE = 0
    CONCERN = 1
    DANGER = 2


SELF_HARM_REASON = "self-harm"  # danger about oneself; the other danger reasons are about others
ANGER = "anger"  # a CONCERN about the person's anger at someone
WARNING = "warning sign"  # a CONCERN about what someone else does ("he checks my phone")
# The other CONCERN reasons ("unclear", "distress", "self-harm denied") are about oneself.


@dataclass(frozen=True)
class Screen:
    level: Level
    reason: str = ""  # the category, for tests and counts; never logged with the text


# What a gentle check asks about: anger at someone (is anyone in danger?), how heavy things
# feel for the person (are you safe?), or their safety with someone whose behaviour they
# described (does it ever feel unsafe with them?).
ABOUT_ANGER, ABOUT_SELF, ABOUT_THEM = "anger", "self", "them"


def asks_about(result: Screen) -> str:
    """What the gentle check after this CONCERN asks about (ABOUT_*)."""
    if result.reason == ANGER:
        return ABOUT_ANGER
    return ABOUT_THEM if result.reason == WARNING else ABOUT_SELF


def about_oneself(result: Screen) -> bool:
    """Whether this DANGER is about the person harming themselves (self-harm, suicide), not
    about someone else harming, threatening or controlling them."""
    return result.reason == SELF_HARM_REASON


# A self-harm word that the person denies or asks about: a gentle check, not an alarm.
DENIAL = re.compile(
    r"\b(?:not|never|wouldn'?t|won'?t|don'?t|isn'?t|no|nothing like)\b[^.!?]{0,30}$"
)
# A "no" (or "not tonight") opening a message, then a comma or "I", answers a question, a
# card's or a person's; it does not deny what follows: "no, I want to die" at the evening
# check-in is not a denial. "No suicidal thoughts" is one.
ANSWER_FIRST = re.compile(
    r"\s*(?:no+|nope|nah|not (?:tonight|today|now|yet|really))\b"
    r"(?:\s*[,.!;:-]+\s*|\s+(?=i\b|i'm\b|i'd\b|i've\b|i'll\b|i just\b))"
)
WEAPON_EMOJI = re.compile(r"🔪|🔫|🗡️")
WEAPON_TAKEN = re.compile(
    r"\b(?:with|using|get|got|grab|grabbed|take|took|pick up|picked up) "
    r"(?:a|an|the|my|his|her|this|that) (?:\w+ )?(?:gun|knife|knives|weapon)\b"
)
_SENTENCES = re.compile(r"(?<=[.!?\n])\s+|\n+")


def _compile(patterns: list[str]) -> re.Pattern[str]:
    # No IGNORECASE: every text is lowercased by normalise() first, and matching without it is
    # several times faster over a screen this size.
    return re.compile(either(*patterns))


# Which idioms a message is cleared of depends on the whole message (_idioms_for): one
# alternation each way, so a message is still read once per sentence, not once per kind.
_IDIOMS = _compile(IDIOMS)
_UNLESS_EARNEST = _compile([*IDIOMS, *UNLESS_EARNEST])
_SQUIRMING = _compile([*IDIOMS, *UNLESS_EARNEST, *IN_JEST])
_LAUGHING = _compile([*IDIOMS, *UNLESS_EARNEST, *IN_JEST, *IN_JEST_LAUGHING])
_EARNEST = _compile(EARNEST)
_JEST = _compile(JEST)
_LAUGH = _compile(LAUGH)
_KILLS_ME_WHEN = _compile([KILLS_ME_WHEN])
_MISHAP_CLEARS = _compile([*IDIOMS, *UNLESS_EARNEST, KILLS_ME_WHEN])  # that frame only
_MISHAP = _compile([MISHAP])
_HOUSEHOLD_FINDS_OUT = _compile([HOUSEHOLD_FINDS_OUT])  # a small thing too, said of family
# Every idiom that is not always everyday holds one of these: a message without any is read
# with IDIOMS alone, and EARNEST and JEST are not looked for.
_GATED_WORDS = ("kill me", "die", "dying")
_SELF_HARM = _compile([*SELF_HARM, *SELF_HARM_ELSEWHERE])
_AGAINST_ME = _compile([*AGAINST_ME, *AGAINST_ME_ELSEWHERE])
_HYPERBOLE = _compile(HYPERBOLE)
_UNCLEAR = _compile(UNCLEAR)
_WARNING_SIGNS = _compile(WARNING_SIGNS)
_DISTRESS = _compile(DISTRESS)
_BY_SOMEONE_ELSE = _compile([ON_MY_BODY, *BY_SOMEONE_ELSE])
_AFFAIRS = _compile([AFFAIRS])
_TOGETHER = [(pair, _compile([pair.one]), _compile([pair.other])) for pair in TOGETHER]
_SUBJECT = re.compile(r"\b(?:i|we|he|she|they|you)\b")


# Contractions typed without their apostrophe, as phones and hurry write them; those that spell
# a word of their own ("ill", "hell", "shell", "shed", "id") are left alone.
_APOSTROPHES = {
    word.replace("'", ""): word
    for word in [
        *("don't", "doesn't", "didn't", "can't", "couldn't", "won't", "wouldn't", "shouldn't"),
        *("isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't", "hadn't"),
        *("i'm", "i've", "i'll", "i'd", "he's", "she's", "they're", "they've", "that's"),
        *("what's", "there's", "it'll", "he'll", "she'll", "they'll", "he'd", "she'd", "they'd"),
    ]
    if word.replace("'", "") not in {"ill", "hell", "shell", "shed", "id"}
}
_UNSPELT = re.compile(r"\b(?:" + "|".join(_APOSTROPHES) + r")\b")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    text = re.sub(r"(.)\1{3,}", r"\1\1", text)  # "killlll" -> "kill"
    text = _UNSPELT.sub(lambda m: _APOSTROPHES[m.group(0)], text)  # "dont" -> "don't"
    return " ".join(text.split()) if "\n" not in text else text


def _sentence(sentence: str, idioms: re.Pattern[str]) -> Screen:
    text = idioms.sub(" ", sentence)
    if _AGAINST_ME.search(text) or _someone_else_did(_BY_SOMEONE_ELSE, text):
        return Screen(Level.DANGER, "against me")
    harm = _SELF_HARM.search(text)
    if harm:
        if _denied(text, harm.start()):
            return Screen(Level.CONCERN, "self-harm denied")
        return Screen(Level.DANGER, SELF_HARM_REASON)
    hyperbole = _HYPERBOLE.search(text)
    if hyperbole:
        # A weapon taken up beside the threat ("kill him, I'll get the knife"), not a knife
        # elsewhere in the sentence ("he used my good knife"), nor the threat's own emoji.
        rest = text[: hyperbole.start()] + " " + text[hyperbole.end() :]
        if WEAPON_EMOJI.search(rest) or WEAPON_TAKEN.search(text):
            return Screen(Level.DANGER, "threat with a weapon")
        return Screen(Level.CONCERN, ANGER)
    if _UNCLEAR.search(text):
        return Screen(Level.CONCERN, "unclear")
    if _WARNING_SIGNS.search(text):
        return Screen(Level.CONCERN, WARNING)
    if _DISTRESS.search(text):
        return Screen(Level.CONCERN, "distress")
    return Screen(Level.NONE)


def _someone_else_did(act: re.Pattern[str], text: str) -> bool:
    """Whether `act` is in the sentence with someone other than the writer as its subject:
    "he kicked my belly", not "I hit my head on the shelf". The subject is taken to be the
    nearest pronoun before the verb; a named person ("my husband kicked my belly") has none."""
    for found in act.finditer(text):
        subjects = _SUBJECT.findall(text, 0, found.start())
        if not subjects or subjects[-1] not in ("i", "we"):
            return True
    return False


def _denied(text: str, end: int, reach: int | None = None) -> bool:
    """Whether a denial comes just before `end` ("I'd never ..."), within `reach` characters
    if given; not a "no" that opens the message as an answer (ANSWER_FIRST)."""
    opening = ANSWER_FIRST.match(text)
    start = opening.end() if opening is not None else 0
    if reach is not None:
        start = max(start, end - reach)
    return start <= end and DENIAL.search(text, start, end) is not None


def _present(words: re.Pattern[str], text: str) -> bool:
    return words.search(text) is not None


def _said(words: re.Pattern[str], text: str) -> bool:
    """Whether `words` are in the text and not denied ("I'm not going to end it")."""
    return any(
        not _denied(text, found.start(), reach=50)  # DENIAL's reach
        for found in words.finditer(text)
    )


def _idioms_for(text: str) -> re.Pattern[str]:
    """The idioms this message may be cleared of. Beside an EARNEST word (fear, a threat
    reported, leaving) only those that are always everyday: "he'll kill me if he finds out"
    beside "I'm scared" is meant. Those said in jest need a laugh or a squirm (JEST) too, and
    wanting to die at one's own words a laugh (LAUGH): "🙃" can sit beside a wish that is meant."""
    if not any(word in text for word in _GATED_WORDS):
        return _IDIOMS
    if _EARNEST.search(text):
        return _IDIOMS
    if _LAUGH.search(text):
        return _LAUGHING
    return _SQUIRMING if _JEST.search(text) else _UNLESS_EARNEST


def screen(text: str) -> Screen:
    """The most serious answer over the message's sentences, or danger if the message as a
    whole holds both parts of a pair (TOGETHER) that is only danger together, or puts two of
    its affairs in order."""
    text = normalise(text)
    idioms = _idioms_for(text)
    found = _screen(text, idioms)
    if (
        found.level == Level.DANGER
        and idioms is _UNLESS_EARNEST
        and _KILLS_ME_WHEN.search(text)
        and (_MISHAP.search(text) or _HOUSEHOLD_FINDS_OUT.search(text))
    ):
        # "He's going to kill me when he finds out I broke his mug", "my dad will kill me when he
        # finds out I failed", no laugh: likely the idiom, not surely. A gentle check about them,
        # unless danger remains with the idiom cleared.
        cleared = _screen(text, _MISHAP_CLEARS)
        return max(cleared, Screen(Level.CONCERN, WARNING), key=lambda s: s.level)
    return found


def _screen(text: str, idioms: re.Pattern[str]) -> Screen:
    """screen() of a normalised text, cleared of `idioms`."""
    worst = Screen(Level.NONE)
    plain = idioms.sub(" ", text)
    for pair, one, other in _TOGETHER:
        holds = _said if pair.deniable else _present
        if holds(one, plain) and holds(other, plain):
            return Screen(Level.DANGER, pair.reason)
    if len({found.group(0) for found in _AFFAIRS.finditer(plain)}) >= 2:  # a will and a note
        return Screen(Level.DANGER, SELF_HARM_REASON)
    for sentence in _SENTENCES.split(text):
        found = _sentence(sentence.strip(), idioms)
        if found.level > worst.level:
            worst = found
            if worst.level == Level.DANGER:
                break
    return worst
