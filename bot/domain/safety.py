"""The safety screen: run on every free text before any flow logic.

Three answers (CONTENT.md, "Safety comes first"):
- DANGER: self-harm or suicide, violence or threats against the person, fear of a partner,
  coercion or control, sexual violence. The flow stops; the reply gives help now.
- CONCERN: hyperbole in anger ("I could kill him"), or a mention of self-harm that is denied
  ("I'm not going to hurt myself"). A gentle check, not a hotline list.
- NONE: everyday words, idioms included ("killing it at work", "my phone died").

It errs on the side of care and answers in proportion. It is a screen, not a diagnosis: a
list of patterns that a person, not a model, can read and extend. Each sentence is judged on
its own, so one sentence of danger in a long message is not diluted by the rest.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import IntEnum


class Level(IntEnum):
    NONE = 0
    CONCERN = 1
    DANGER = 2


@dataclass(frozen=True)
class Screen:
    level: Level
    reason: str = ""  # the category, for tests and counts; never logged with the text


# Everyday phrases that only look alarming. Removed before anything else is matched.
IDIOMS = [
    r"kill(?:ing|ed|s)? (?:it|time|the (?:mood|vibe|lights?|engine|music))",
    r"killed it",
    r"(?:you'?re|this is|it'?s|that'?s) killing me",
    r"killer (?:workout|deal|view)",
    r"(?:it|that|this) (?:kind of |kinda )?killed me(?: a (?:little|bit))?",
    r"dying (?:to|for|of laughter|laughing)",
    r"died (?:laughing|of laughter|a little)",
    r"(?:phone|battery|laptop|car|plant|plants|wifi|printer|conversation|party) (?:has |had )?(?:died|is dead|was dead)",
    r"dead (?:tired|on my feet|serious|end|line|lines|ringer|set on)",
    r"i'?m dead(?: 😂| lol)?$",
    r"deadline",
    r"hit (?:the (?:gym|road|hay|sack|books|nail|spot|jackpot|ground running)|it off|me up|send|reply|a wall|rock bottom with work)",
    r"beat (?:the traffic|me to it|around the bush|the odds)",
    r"(?:shoot|fire) me (?:a|an) (?:message|text|email)",
    r"knock(?:ed)? (?:it|them) out of the park",
    r"bored to death",
    r"scared (?:the life|the hell) out of",
    r"(?:love|miss) (?:you|him|her) to death",
    r"over my dead body",
    r"murder (?:a|an) (?:burger|pizza|drink)",
    r"(?:i'?m|i am) (?:so )?(?:dead|done) (?:lol|haha|😂)",
    r"(?:to|could) die for",
    r"break a leg",
    r"cut (?:me|him|her) (?:some|a little) slack",
    r"cut (?:it|things) (?:short|fine)",
]

# Self-harm and suicide.
SELF_HARM = [
    r"\bk[i!1]+l+ my ?self\b",
    r"\bkms\b",
    r"\bsu[i1]?c+[i1]?de?",
    r"\bsuicid",
    r"\bend (?:my|it) ?(?:life|all)\b",
    r"\bend(?:ing)? (?:it all|my life|things for good)\b",
    r"\b(?:take|taking|swallow(?:ing)?) (?:all )?(?:my|the) pills\b",
    r"\b(?:want|wanna|wnt|going|gonna|plan(?:ning)?) (?:to )?die\b",
    r"\bwish i (?:was|were) dead\b",
    r"\bbetter off (?:dead|without me)\b",
    r"\bhurt(?:ing)? my ?self\b",
    r"\bharm(?:ing)? my ?self\b",
    r"\bself[- ]?harm",
    r"\bcut(?:ting)? my ?self\b",
    r"\boverdose\b",
    r"\btake (?:my|all my) (?:own )?(?:life|pills)\b",
    r"\bno (?:reason|point) (?:to|in) (?:live|living|going on)\b",
    r"\bnot worth living\b",
    r"\bhang my ?self\b",
    r"\bdon'?t want to (?:live|be alive|wake up|exist)\b",
    r"\bjump (?:off|in front of)\b",
    r"\bdisappear forever\b",
    r"\bcan'?t go on\b(?! like this)",
]

# Violence, threats, sexual violence and control, by someone against the person.
AGAINST_ME = [
    r"\bhit+s? me\b",
    r"\bthr(?:ew|ows) (?:\w+ ){1,3}at me\b",
    r"\b(?:hit|hits|hitting|punch(?:ed|es|ing)?|kick(?:ed|s|ing)?|slap(?:ped|s|ping)?|chok(?:ed|es|ing)|strangl(?:ed|es|ing)|shov(?:ed|es|ing)|beat(?:s|en|ing)?|grabb?(?:ed|ing)|push(?:ed|es)|bit|burn(?:ed|t)|threw \w+ at|throws \w+ at) me\b",
    r"\bhurts? me (?:physically|when|every|again)\b",
    r"\b(?:he|she|they) hurt me\b(?! feelings)(?!'s feelings)",
    r"\bleft (?:a )?(?:bruise|bruises|marks)\b",
    r"\bbruises? (?:on|all over) (?:my|me)\b",
    r"\bthreat(?:en)?(?:ed|s|ing)? (?:to )?(?:kill|hurt|harm|hit|beat)\b",
    r"\bthreat(?:en)?(?:ed|s|ing)? me\b",
    r"\b(?:he|she|they)(?:'ll| will| would|'d| is going to|'s going to| said (?:he|she|they)(?:'d| would)) (?:kill|hurt|hit) me\b",
    r"\b(?:afraid|scared|terrified|frightened) (?:of|for) (?:him|her|them|my (?:partner|husband|wife|boyfriend|girlfriend|bf|gf|ex))\b",
    r"\b(?:afraid|scared|terrified) (?:he|she|they)(?:'ll| will| might| is going to) (?:hurt|hit|kill|harm|come after|take the kids|do something|snap|lose it)\b",
    r"\bterrified (?:he|she|they)(?:'ll| will| might) find (?:out|me)\b",
    r"\b(?:afraid|scared|terrified) to go home\b",
    r"\bfear for my (?:life|safety)\b",
    r"\b(?:don'?t|do not|no longer) feel safe\b",
    r"\bnot safe (?:at home|with (?:him|her|them))\b",
    r"\bi'?m not safe\b",
    r"\brap(?:ed|e|ing)\b",
    r"\bsexual(?:ly)? assault",
    r"\b(?:forced|forces|made|makes) me (?:to )?(?:have sex|sleep with|do sexual)",
    r"\bdidn'?t stop when i said no\b",
    r"\btouched me (?:when|after|even though) i said no\b",
    r"\bwon'?t let me (?:leave|see (?:my )?(?:friends|family)|go out|have (?:money|my phone)|work)\b",
    r"\b(?:locks|locked) me (?:in|out)\b",
    r"\btakes? (?:away )?my (?:phone|money|keys|passport)\b",
    r"\bcontrols? (?:all )?(?:my|our) (?:money|phone|finances)\b",
    r"\bnot allowed to (?:see|leave|go|work|have)\b",
    r"\b(?:has|got) a (?:gun|knife) and\b",
    r"\bpulled a (?:gun|knife)\b",
    r"\bwith a (?:gun|knife)\b",
]

# Anger aimed outward, said in the heat of the moment.
HYPERBOLE = [
    r"\b(?:could|want to|wanna|gonna|going to|i'?ll|about to|ready to) (?:kill|murder|strangle|throttle|punch|smack|slap|hit|strangle) (?:him|her|them|my \w+|that \w+)\b",
    r"\b(?:kill|murder|strangle) (?:him|her|them)\b",
    r"🔪|🗡️|🔫",
]

# A self-harm word that the person denies or asks about: a gentle check, not an alarm.
DENIAL = re.compile(
    r"\b(?:not|never|wouldn'?t|won'?t|don'?t|isn'?t|no|nothing like)\b[^.!?]{0,30}$"
)
WEAPON = re.compile(r"\b(?:gun|knife|knives|weapon)\b|🔪|🔫|🗡️")
_SENTENCES = re.compile(r"(?<=[.!?\n])\s+|\n+")


def _compile(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_IDIOMS = _compile(IDIOMS)
_SELF_HARM = _compile(SELF_HARM)
_AGAINST_ME = _compile(AGAINST_ME)
_HYPERBOLE = _compile(HYPERBOLE)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    text = re.sub(r"(.)\1{3,}", r"\1\1", text)  # "killlll" -> "kill"
    return " ".join(text.split()) if "\n" not in text else text


def _sentence(sentence: str) -> Screen:
    text = _IDIOMS.sub(" ", sentence)
    if _AGAINST_ME.search(text):
        return Screen(Level.DANGER, "against me")
    harm = _SELF_HARM.search(text)
    if harm:
        if DENIAL.search(text[: harm.start()]):
            return Screen(Level.CONCERN, "self-harm denied")
        return Screen(Level.DANGER, "self-harm")
    if _HYPERBOLE.search(text):
        if WEAPON.search(text):
            return Screen(Level.DANGER, "threat with a weapon")
        return Screen(Level.CONCERN, "anger")
    return Screen(Level.NONE)


def screen(text: str) -> Screen:
    """The most serious answer over the message's sentences."""
    worst = Screen(Level.NONE)
    for sentence in _SENTENCES.split(normalise(text)):
        found = _sentence(sentence.strip())
        if found.level > worst.level:
            worst = found
            if worst.level == Level.DANGER:
                break
    return worst
