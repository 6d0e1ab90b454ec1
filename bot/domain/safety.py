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

A list only knows what it was given: on phrasings written after it was last changed it
recognised 15 of 40 (tests/domain/safety_holdout.py). So /sos gives the same help on request,
and the repair flow's "it doesn't feel safe to raise" does too.
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


ANGER = "anger"  # the one CONCERN reason about someone else; the others are about oneself


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
    r"(?:phone|battery|laptop|car|plant|plants|wifi|printer|conversation|party) (?:has |had )?(?:died|is dead|was dead|is dying|was dying)",
    r"dead (?:tired|on my feet|serious|end|line|lines|ringer|set on)",
    r"i'?m dead(?: 😂| lol)?$",
    r"deadline",
    r"hit (?:the (?:gym|road|hay|sack|books|nail|spot|jackpot|ground running)|it off|me up|send|reply|a wall|rock bottom with work)",
    r"beat (?:the traffic|me to it|around the bush|the odds)",
    r"beat (?:me|us|him|her|them) to (?:it|the \w+(?: \w+)?)",
    r"beat (?:me|us|him|her|them) (?:at|in) \w+",
    r"(?:pushed|pushes|dragged|drags) (?:me|us) (?:to|along|out to|into (?:applying|going|trying|doing))\b",
    r"thr(?:ew|ows) (?:me|us) a (?:party|surprise|curveball|bone)",
    r"hit (?:me|us) with (?:a|the|his|her) (?:question|bill|news|idea|joke)",
    r"in danger of",
    r"dying inside",
    r"(?:i'?d|i would|i could) die for",
    r"died of (?:embarrassment|shame|boredom|cringe)",
    r"abused my trust",
    r"(?:substance|drug|alcohol|drink|drinking) abuse",
    r"stalk(?:s|ed|ing)? (?:my|his|her|their|your) (?:instagram|facebook|tiktok|profile|page|socials?|posts?|photos|ex'?s? \w+)",
    r"\w+'s death|death of (?:my|his|her|our|a|the) \w+",
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
    r"\b(?:hurt|harm|burn|burned|burnt|punish|starve)(?:ing|s)? my ?self\b",
    r"\bself[- ]?harm",
    r"\bcut(?:ting)? my ?self\b",
    r"\boverdos(?:e|ed|ing)\b",
    r"\b(?:took|take|taking|swallowed|swallow) (?:too many|a lot of|a bunch of|a handful of|all) (?:of )?(?:my |the |his |her )?(?:\w+ )?(?:pills|tablets|meds|medication)\b",
    r"\b(?:goodbye|suicide) (?:letter|note)\b",
    r"\b(?:don'?t|can'?t) see (?:the|any) point (?:of|in) (?:being here|living|going on|being alive|life)\b",
    r"\b(?:think(?:ing)? about|want to|wish i could|wanna) (?:not existing|stop(?:ping)? existing|not being here|not being alive)\b",
    r"\b(?:want|wish) (?:it|everything|this|all this) (?:all )?to (?:stop|end)\b[^.!?]*\b(?:permanently|forever|for good)\b",
    r"\b(?:drive|crash|walk|step|throw myself) (?:my car )?(?:into|in front of|under) (?:a |the )?(?:tree|wall|traffic|train|bus|truck|car)\b",
    r"\b(?:nobody|no one|no-one) would (?:even )?(?:notice|care|miss me)\b[^.!?]*\bif i (?:was|were|am|died|disappeared|wasn'?t)\b",
    r"\b(?:never|not) (?:to )?wake up\b",
    r"\b(?:tired of|done with) (?:living|being alive)\b",
    r"\bways to (?:die|kill myself|end (?:it|my life))\b",
    r"\bhow (?:many|much) (?:\w+ )?(?:pills|tablets)\b[^.!?]*\b(?:take|kill|die|enough)\b",
    r"\bsleep forever\b",
    r"\b(?:rather|better) (?:be )?dead\b",
    r"\b(?:out of|end|leave|done with) (?:this|my) life\b",
    r"\bplan (?:to|for) (?:kill(?:ing)? myself|die|dying|end(?:ing)? my life)\b",
    r"\b(?:won'?t|don'?t think i'?ll|not going to|doubt i'?ll) (?:be )?(?:alive|around|here) (?:much )?(?:longer|by|next|for)\b",
    r"\b(?:saving|stockpiling|hoarding|collecting) (?:up )?(?:my |the )?(?:pills|medication|meds|tablets)\b",
    r"\bpoint (?:of|in) (?:living|life|going on|being alive)\b",
    r"\b(?:punch|cut|burn|scratch|bang|stab)(?:ing|ed|es|s|t)? my ?self\b",
    r"\b(?:keep|kept|have|got|hide|hid|bought) a (?:razor|blade)\b",
    r"\b(?:happier|better off|easier) (?:if|when) i (?:was|were|wasn'?t|weren'?t|am not|'m not) (?:around|here|gone|dead|alive)\b",
    r"\bgiven away (?:my|all my) (?:things|stuff|belongings)\b",
    r"\b(?:i'?ve|i have|i'?m|i am|i) (?:started |been )?cutting (?:again|myself)\b",
    r"\b(?:thinking (?:about|of)|going to|gonna|want to|wanna) jump(?:ing)?\b(?!\s+(?:in|into|at|on|to|ship|the gun|through|back|ahead|up|down|for))",
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
    r"\bthr(?:ew|ows|owing) (?:\w+ ){1,3}at (?:me|my (?:head|face))\b",
    r"\b(?:until|till|til) (?:it|i|they) bled\b|\bmade me bleed\b",
    r"\b(?:slam(?:med|s)?|drag(?:ged|s)?|smack(?:ed|s)?|bit|bites|stab(?:bed|s)?|spat on|spits on|headbutt(?:ed|s)?|whip(?:ped|s)?|shook|shakes) (?:me|my (?:head|face|neck|throat|hair|arms?|wrists?|body|stomach|back|chest|legs?|ribs?|eyes?|mouth|nose|jaw))\b",
    r"\b(?:hit|hits|hitting|kick(?:ed|s|ing)?|punch(?:ed|es|ing)?|slap(?:ped|s|ping)?|chok(?:ed|es|ing)|strangl(?:ed|es|ing)|burn(?:ed|t|s)?|push(?:ed|es)|shov(?:ed|es)|beat(?:s|en)?) my (?:head|face|neck|throat|hair|arms?|wrists?|body|stomach|back|chest|legs?|ribs?|eyes?|mouth|nose|jaw)\b",
    r"\b(?:hit|hits|beat|beats|smack(?:ed|s)?|slapp?(?:ed|s)?|punch(?:ed|es)?|kick(?:ed|s)?|hurt|hurts|chok(?:ed|es)) (?:our|my|the) (?:son|daughter|kids?|children|child|baby)\b",
    r"\bhands? (?:around|on|round) my (?:neck|throat)\b",
    r"\b(?:knife|gun|weapon)\b[^.!?]{0,20}\bat me\b|\bpoint(?:ed|s|ing) (?:a|the|his|her) (?:knife|gun)\b",
    r"\bwith me in it\b|\bfind my body\b",
    r"\b(?:afraid|scared|terrified|frightened) of what (?:he|she|they)(?:'ll| will| might| would|'d) do\b",
    r"\b(?:take|takes|took|taken|hid|hides) (?:away )?my (?:passport|documents|papers|id|bank cards?)\b",
    r"\bmade me do (?:things|stuff)\b[^.!?]*\b(?:didn'?t want|against my will|in bed)\b",
    r"\bpressur(?:e|es|ed|ing) me (?:into|to have) sex\b",
    r"\b(?:gets|got|getting|becomes|became) violent\b",
    r"\bi(?:'m| am) in danger\b",
    r"\bthr(?:ew|ows|own) me (?:against|into|onto|down|across|to the (?:floor|ground))\b",
    r"\btied me (?:up|down)\b|\bbroke (?:down )?(?:the|my|our) door\b",
    r"\block(?:ed)? myself in (?:the |my )?(?:bathroom|bedroom|car|room|toilet)\b",
    r"\bgrab(?:bed|s|bing)? my (?:throat|neck|hair|arms?|wrists?|face)\b",
    r"\bblack eye\b|\b(?:split|bloody|bleeding) (?:lip|nose)\b|\bi'?m bleeding\b",
    r"\bmolest(?:ed|ing|s|er)?\b|\bstalk(?:s|ed|ing|er)\b|\bstalking me\b",
    r"\babus(?:e|ed|es|ing|ive)\b",
    r"\b(?:post|share|send|leak)(?:s|ed|ing)? my (?:nudes|naked|intimate)\b",
    r"\bmake me disappear\b",
    r"\b(?:he|she|they) (?:might|could|may|will|would) (?:\w+ )?kill me\b",
    r"\b(?:afraid|scared|terrified|frightened) (?:to (?:go to )?sleep|to be (?:at )?home|for my life)\b",
    r"\bwon'?t (?:give|let) me (?:have )?(?:my own |any )?(?:money|cash|bank card|access to (?:money|my account))\b",
    r"\bh(?:eld|olds?|olding) me down\b|\bpinned me\b",
    r"\bbr(?:oke|eaks?|oken) my (?:arm|nose|ribs?|jaw|wrist|fingers?|leg|tooth|teeth)\b",
    r"\b(?:i )?hid(?:e|ing)? (?:from (?:him|her|them)|in the (?:bathroom|bedroom|closet|car|wardrobe)) when (?:he|she|they)\b",
    r"\b(?:tracks|tracked|tracking) my (?:location|phone)\b|\bfollows me everywhere\b",
    r"\b(?:he|she|they) hurts me\b(?! (?:feelings|with (?:his|her|their) words))",
    r"\b(?:i have|i'?ve got|i got|covered in|hide (?:the|my)) (?:new |more )?bruises\b",
    r"\bforced (?:himself|herself|themselves) on me\b",
    r"\btouch(?:es|ed)? me (?:when|after|even though|even when) i (?:say|said) (?:no|stop|don'?t)\b",
    r"\battack(?:ed|s)? me\b(?! (?:verbally|with (?:words|questions)))",
    r"\b(?:assaulted me|i was assaulted|i got assaulted|been assaulted)\b",
    r"\bkill (?:himself|herself|themselves) and me\b",
    r"\b(?:he|she|they)(?:'ll| will| would|'d)? (?:\w+ )?kill (?:himself|herself|themselves) if i\b",
    r"\b(?:hit|hits|hitting|punch(?:ed|es|ing)?|kick(?:ed|s|ing)?|slap(?:ped|s|ping)?|chok(?:ed|es|ing)|strangl(?:ed|es|ing)|shov(?:ed|es|ing)|beat(?:s|en|ing)?|grabb?(?:ed|ing)|push(?:ed|es)|bit|burn(?:ed|t)|threw \w+ at|throws \w+ at) me\b",
    r"\bhurts? me (?:physically|when|every|again)\b",
    r"\b(?:he|she|they) hurt me\b(?! feelings)(?!'s feelings)",
    r"\bleft (?:a )?(?:bruise|bruises|marks)\b",
    r"\bbruises? (?:on|all over) (?:my|me)\b",
    r"\bthreat(?:en)?(?:ed|s|ing)? (?:to )?(?:\w+ ){0,5}(?:kill|hurt|harm|hit|beat)\b",
    r"\bthreat(?:en)?(?:ed|s|ing)? to take (?:the|my|our) (?:kids|children|baby)\b",
    r"\bthreat(?:en)?(?:ed|s|ing)? me\b",
    r"\b(?:he|she|they)(?:'ll| will| would|'d| is going to|'s going to| said (?:he|she|they)(?:'d| would)) (?:kill|hurt|hit) me\b",
    r"\b(?:afraid|scared|terrified|frightened) (?:of|for) (?:him|her|them|my (?:partner|husband|wife|boyfriend|girlfriend|bf|gf|ex))\b",
    r"\b(?:afraid|scared|terrified|frightened) (?:to be (?:alone )?with|of being (?:alone )?with) (?:him|her|them|my \w+)\b",
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
    r"\bwon'?t let me (?:\w+ ){0,2}(?:leave|see (?:my )?(?:friends|family)|go out|money|my phone|work)\b",
    r"\b(?:locks|locked) me (?:in|out)\b",
    r"\btakes? (?:away )?my (?:phone|money|keys|passport)\b",
    r"\bcontrols? (?:all )?(?:my|our) (?:money|phone|finances)\b",
    r"\bnot allowed to (?:see|leave|go|work|have|talk|speak|call|visit|text)\b",
    r"\b(?:has|got) a (?:gun|knife) and\b",
    r"\bpulled a (?:gun|knife)\b",
    r"\bwith a (?:gun|knife)\b",
]

# Words that may mean ending one's life or may mean something else ("I want to end it" could
# be the relationship): asked about gently, never ignored.
UNCLEAR = [
    r"\b(?:want to|wanna|going to|gonna|just want to|ready to) end it\b(?!\s+(?:with|between|all\b))",
    r"\bdon'?t want to be (?:here|around) any ?more\b",
    r"\bi'?m (?:just |such )?a burden\b",
    r"\b(?:want|wish) (?:it|everything|this) (?:all )?to be over\b",
    r"\bbought (?:a )?rope\b",
    r"\bend(?:ing)? things\b(?! with)",
    r"\b(?:can'?t see myself|don'?t think i'?ll|not sure i'?ll) mak(?:e|ing) it (?:to|through)\b",
    r"\b(?:wrote|writing|made|making) (?:my|a) (?:will|goodbye)\b",
    r"\bchecks my phone\b|\b(?:to|trying to) scare me\b",
    r"\bcame at me\b|\bcoming (?:at|after) me\b",
    r"\b(?:i|i'?m|i am|me|my|myself)\b[^.!?]*\b(?:die|dying|dead|death)\b|\b(?:die|dying|dead|death)\b[^.!?]*\b(?:i|me|my|myself)\b",
    r"\b(?:balcony|bridge|ledge|roof|edge)\b[^.!?]*\bthinking about (?:it|jumping)\b",
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
_UNCLEAR = _compile(UNCLEAR)


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
        return Screen(Level.CONCERN, ANGER)
    if _UNCLEAR.search(text):
        return Screen(Level.CONCERN, "unclear")
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
