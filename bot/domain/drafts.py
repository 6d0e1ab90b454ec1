"""Drafting a repair someone can actually say, from their answers.

"Happened to me" gets a softened start-up (observation, feeling, need, a doable request, no
blame); "I did it" gets an apology (what I did without excuses, the impact, what matters, a
question about what they need). The words are templates in `content/<lang>/drafts.toml`.

A catalogue pattern brings its own words for what happened, written to be said to the other
person. What a camera would have seen (`Moment.observation`) is said instead when it can be
said to them as typed (`seen_words`: "he scrolled his phone" -> "you scrolled your phone", the
speaker's own words kept; an apology says what I did first, "I said ... when you asked ...").
It is one sentence, starting with who did it, with nobody else in it and no blame, judgement
or excuse; else the pattern's words, as a wrong draft is worse than a generic one.
"Something else" has only the person's own narration, usually about the other person in the
third person ("She called and I hung up"), so it is never pasted into the draft: without a
camera that can be said, those drafts (`*_own`) refer to "earlier" and leave the specifics to
the person.

Feelings and needs they typed are said in the draft only once made sayable to the other
person (`sayable`: "i felt like he doesnt care" -> "I felt like you don't care"); words that
don't read as one phrase are left out of the sentence and shown beside the draft instead
(`own_words_note`), and so is blame ("for him to stop being so selfish", "like he never
listens") and sarcasm ("oh great 🙃"). An answer that names nothing ("idk, maybe nothing") is
not said at all: the tapped words, or the draft's own plain ones, are (with no feeling given,
a draft says none, in either direction: `*_unfelt`). Nor is one that only
names a feeling or need already chosen (tapped, or ticked from the words), however hedged
("just some respect", "to be respected", "respect i guess?"): it is said once, and what
they typed after it ("... and for him to just look at me") is still read.

The request is the pattern's (else the first need's), and it is sent as the person's own
words: it assumes no reason they did not give ("when now isn't a good time to talk", never
"when you're too tired").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from bot.content import Catalogue
from bot.domain.moments import BY_ME, OTHER_PATTERN, TO_ME, WHO, Moment
from bot.domain.naming import beyond_chosen, find_words, without_denials
from bot.domain.safety import Level, screen
from bot.domain.who import read_name

STYLES = ("standard", "softer", "shorter")
MAX_DRAFT = 600
_OWN_WORDS_LIMIT = 70  # typed feelings or needs, short enough to read as one phrase
_NEEDS_MAX = 3  # needs named in one draft
_FEELINGS_MAX = 3
_NOTE_LIMIT = 200  # their own words shown beside the draft
# What a camera saw, said in a draft: one clause a person can say in a breath, which keeps the
# longest frame (softer, with a name and typed feelings) under MAX_DRAFT; Shorter, shorter.
_SEEN_LIMIT = 160
_SEEN_SHORTER = 100


def join(items: list[str], c: Catalogue) -> str:
    """ "a, b and c" in the catalogue's words."""
    if len(items) <= 1:
        return "".join(items)
    return c.text("drafts.parts.list_sep").join(items[:-1]) + c.text("drafts.parts.and") + items[-1]


def clip(text: str, limit: int) -> str:
    """`text` on one line, at most `limit` characters: cut after a whole word, with "…",
    never inside a word."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and text[limit - 1] != " ":  # the cut falls inside a word: drop the word
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + "…"


def _clip(text: str, limit: int) -> str:
    return clip(" ".join(text.split()).rstrip(".!?"), limit)


def _lower_first(text: str, c: Catalogue | None = None) -> str:
    """`text` with its first letter in lower case, as inside a sentence ("Lonely" ->
    "lonely"), unless its first word is "I", in capitals ("ADHD") or, with `c`, not English
    ("Aufmerksamkeit", a German noun, keeps its capital; "Exhausted" does not)."""
    first = text.split()[0] if text.split() else ""
    if not first[:1].isupper() or first == "I" or first.startswith("I'"):
        return text
    if len(first) > 1 and first.isupper():
        return text
    if c is not None and not _english(first.lower(), c):
        return text
    return text[:1].lower() + text[1:]


def _english(word: str, c: Catalogue) -> bool:
    """Whether `word` may be English: one the catalogue uses, or one that does not look like
    another language's (a letter English does not use, a German noun's ending)."""
    word = word.strip(".,!?;:\"'()")
    if word in vocabulary(c):
        return True
    return word.isascii() and not word.endswith(tuple(_words(c).lists["foreign_endings"]))


@lru_cache(maxsize=8)
def vocabulary(c: Catalogue) -> frozenset[str]:
    """Every word the catalogue says, in lower case."""
    words: set[str] = set()
    for key in c.all_keys():
        value = c.raw(key)
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str):
                words.update(re.findall(r"[a-z']+", text.lower()))
    return frozenset(words)


def _direction(moment: Moment) -> str:
    return BY_ME if moment.direction == BY_ME else TO_ME


def _from_catalogue(moment: Moment) -> bool:
    return bool(moment.pattern) and moment.pattern != OTHER_PATTERN


def happened(moment: Moment, c: Catalogue, style: str = "standard") -> str:
    """What happened: what the camera saw, if it can be said (`seen_words`), else the
    pattern's words for this direction ("" for own words, whose drafts do not name it)."""
    seen = seen_words(moment, c, style)
    if seen or not _from_catalogue(moment):
        return seen
    return c.text(f"patterns.{moment.pattern}.{_direction(moment)}")


def seen_words(moment: Moment, c: Catalogue, style: str = "standard") -> str:
    """What the camera saw, said to the other person as a clause for "When ..." (to_me) or
    "I want to own it: ..." (by_me); "" when it can't be said as typed (`_seen`) or is too
    long for this style."""
    if not moment.observation:
        return ""
    said = _seen(moment.observation, _direction(moment), c, moment.who, moment.who_name)
    limit = _SEEN_SHORTER if style == "shorter" else _SEEN_LIMIT
    return said if said and len(said) <= limit else ""


def feelings_words(moment: Moment, c: Catalogue) -> str:
    return _feelings(moment, c) or c.text("drafts.parts.fallback_feeling")


def _feelings(moment: Moment, c: Catalogue) -> str:
    """The feelings to say, "" when none was given (none tapped, nothing typed that names
    one: "idk")."""
    own = _own(moment, FEEL, c)
    chosen = [c.text(f"feelings.{key}") for key in moment.feelings]
    # A tapped feeling their own words already say ("lonely" in "kinda lonely") is said once.
    chosen = [w for w in chosen if not any(_says(phrase, w) for phrase in own.said)]
    words = chosen[: _FEELINGS_MAX - 1 if own.said else _FEELINGS_MAX] + list(own.said)
    if not words and own.unsaid:  # typed, but not as a phrase to say: a plain one instead
        words = [c.text("drafts.parts.typed_feeling" + _by_me(moment))]
    return join(words[:_FEELINGS_MAX], c)


def _says(phrase: str, word: str) -> bool:
    return re.search(rf"(?<![\w']){re.escape(word)}(?![\w'])", phrase, re.I) is not None


def need_phrase(key: str, direction: str, c: Catalogue) -> str:
    """A need's words after "I needed" or, for an apology, after "you deserved" (where "your
    attention" has to become "my attention")."""
    if direction == BY_ME and c.has(f"needs.{key}.phrase_by_me"):
        return c.text(f"needs.{key}.phrase_by_me")
    return c.text(f"needs.{key}.phrase")


def needs_words(moment: Moment, c: Catalogue) -> str:
    """Up to three needs as one phrase after "I needed" / "you deserved": the chosen ones,
    then what they typed if it reads as a need ("for you to listen"), joined by
    `join_needs`."""
    direction = _direction(moment)
    own = _own(moment, NEED, c)
    typed = list(own.said[:_NEEDS_MAX])
    phrases = [need_phrase(key, direction, c) for key in moment.needs[: _NEEDS_MAX - len(typed)]]
    if not phrases and not typed and own.unsaid:  # typed, but not as a phrase to say
        phrases = [c.text("drafts.parts.typed_need" + _by_me(moment))]
    fallback = "drafts.parts.fallback_need" + _by_me(moment)
    return join_needs(phrases, c, typed) or c.text(fallback)


def join_needs(phrases: list[str], c: Catalogue, typed: list[str] | None = None) -> str:
    """Needs joined so the sentence stays English: things ("support", "your attention")
    together, then what they needed to feel or be ("to feel heard and respected", under one
    "to feel"), then their own typed words; the groups joined with ", and" ("support and
    honesty, and to feel heard"). A thing with words after it ("some reassurance that we're
    okay") comes last among the things, and is never followed by a bare "and" that it would
    swallow: with more than one such thing, or three groups, it is "a, b, and c"."""
    mark = c.text("drafts.parts.infinitive")
    feel = c.text("drafts.parts.to_feel")
    things = sorted((p for p in phrases if not p.startswith(mark)), key=_long_thing)
    felt = [p.removeprefix(feel) for p in phrases if p.startswith(feel)]
    to_do = [p for p in phrases if p.startswith(mark) and not p.startswith(feel)]
    doing = ([feel + join(felt, c)] if felt else []) + to_do
    groups = [g for g in (things, doing, list(typed or ())) if g]
    if not groups:
        return ""
    swallows = any(_long_thing(p) for p in things[:-1])
    if len(groups) == 1 and not swallows:
        return join(groups[0], c)
    if len(groups) == 2 and not swallows:
        return _oxford([join(g, c) for g in groups], c)
    return _oxford([p for g in groups for p in g], c)


def _long_thing(phrase: str) -> bool:
    """A need with words after its noun ("some space to rest", "a fairer share of the
    load"): what follows it could be read as part of it."""
    return len(phrase.split()) > 2


def _oxford(items: list[str], c: Catalogue) -> str:
    """ "a, and b" / "a, b, and c": a comma before the last "and"."""
    sep = c.text("drafts.parts.list_sep")
    return sep.join(items[:-1]) + sep + c.text("drafts.parts.and").lstrip() + items[-1]


def _by_me(moment: Moment) -> str:
    return "_by_me" if _direction(moment) == BY_ME else ""


# ---------------------------------------------------------------- their own typed words

FEEL, NEED = "feel", "need"


@dataclass(frozen=True)
class Own:
    """What a person typed for their feelings or needs: the phrases a draft can say
    (`said`, already in words for the other person), and those it can't (`unsaid`, as
    typed, shown beside the draft instead)."""

    said: tuple[str, ...] = ()
    unsaid: tuple[str, ...] = ()


def _own(moment: Moment, kind: str, c: Catalogue) -> Own:
    typed = moment.feelings_text if kind == FEEL else moment.needs_text
    if not typed:
        return Own()
    if kind == FEEL:
        chosen = [c.text(f"feelings.{k}") for k in moment.feelings]
    else:
        chosen = [c.text(f"needs.{k}.label") for k in moment.needs]
        chosen += [c.text(f"needs.{k}.phrase") for k in moment.needs]
    said: list[str] = []
    unsaid: list[str] = []

    def beyond(text: str) -> str:
        """What `text` says besides the chosen ones ("" for "just some respect" with Respect
        chosen); a feeling denied ("not angry") is not said, what else they typed may be."""
        text = without_denials(text, c) if kind == FEEL else text
        return beyond_chosen(text, chosen, c, hedges=_words(c).lists["beside_chosen"], forms=True)

    for part in re.split(r"[;\n]+", typed):  # each time they typed, in turn
        whole = " ".join(part.split())
        # A sentence that only says again what was chosen ("respect i guess? and for him to
        # look at me") is left out: what follows it is read instead.
        said_whole = whole
        while len(split := _SENTENCE_BREAK.split(said_whole, maxsplit=1)) > 1:
            if beyond(split[0]).strip():
                break
            said_whole = split[1]
        # More than one sentence ("angry but relieved?? weird mix"): the first may be said,
        # all of it is shown beside the draft.
        head = _SENTENCE_BREAK.split(said_whole, maxsplit=1)[0]
        rest = beyond(head)
        if head != said_whole:
            unsaid.append(whole)
        if not rest.strip():
            continue
        phrase = sayable(rest, kind, _direction(moment), c, moment.who, moment.who_name)
        if phrase and not beyond(phrase).strip():
            continue  # said as the chosen one once made sayable ("i needed respect")
        if phrase and head != said_whole and phrase.lower() in _words(c).lists["need_subjects"]:
            phrase = None  # "him. to. listen." is not "I needed you"
        elif phrase is None:  # shown beside the draft; its first words may still be said
            if head == whole:
                unsaid.append(whole)
            phrase = _first_clause(rest, kind, moment, c)
        if phrase and phrase not in said and phrase not in chosen:
            said.append(phrase)
    return Own(tuple(said), tuple(unsaid))


_SENTENCE_BREAK = re.compile(r"\s*[.?!…]+\s+(?=[^\W\d_])")


def _first_clause(text: str, kind: str, moment: Moment, c: Catalogue) -> str | None:
    """The words before the first comma or joining word, if they read as a phrase by
    themselves and deny nothing ("humiliated and probably like..." -> "humiliated"; never
    "not angry" from "not angry, just hurt")."""
    w = _words(c)
    first = w.first_clause.split(text, maxsplit=1)[0]
    words = {t.lower() for t in re.findall(r"[\w']+", first)}
    denies = any(end in t for t in words for end in w.denial_endings)
    if first == text or words & w.negations or denies:
        return None
    phrase = sayable(first, kind, _direction(moment), c, moment.who, moment.who_name)
    return None if not phrase or phrase.lower() in w.lists["need_subjects"] else phrase


def own_words_note(moment: Moment, c: Catalogue) -> str:
    """Their own words for a feeling or need that the draft could not say as typed: shown
    beside the draft, to work in. "" when the draft says all they typed."""
    lines = []
    for kind, key in ((FEEL, "felt"), (NEED, "needed")):
        own = _own(moment, kind, c)
        if own.unsaid:
            text = clip("; ".join(own.unsaid), _NOTE_LIMIT)
            lines.append(c.text(f"drafts.reminder.{key}{_by_me(moment)}", text=text))
    if not lines:
        return ""
    return "\n".join([*lines, c.text("drafts.reminder.hint")])


@dataclass(frozen=True)
class _Words:
    """The word lists of `drafts.typed`, with the patterns and sets built from them: built
    once per catalogue."""

    lists: dict[str, list[str]]
    maps: dict[str, dict[str, str]]
    leads: dict[tuple[str, str], re.Pattern[str]]
    first_clause: re.Pattern[str]  # where the first words of an answer end
    negations: frozenset[str]
    denial_endings: tuple[str, ...]  # naming.denial_endings: "wasn't"
    not_a_feeling: frozenset[str]  # words a feeling can't start with
    pronouns: frozenset[str]  # after a joining word, a clause ("so you left")
    he: frozenset[str]
    she: frozenset[str]
    relations: re.Pattern[str]  # "my boyfriend", "my mum": someone besides them
    who_refs: dict[str, list[str]]  # per who: how they are referred to ("my boyfriend")
    filler: re.Pattern[str]
    tails: re.Pattern[str]
    need_filler: re.Pattern[str]
    harm: re.Pattern[str]
    judged: re.Pattern[str]
    blame: re.Pattern[str]
    dangling_start: re.Pattern[str]
    dangling_end: re.Pattern[str]
    denied_then: re.Pattern[str]
    need_tails: re.Pattern[str]
    need_parts: re.Pattern[str]  # between needs: ", " or "and" before a thing ("and some warmth")
    need_thing: re.Pattern[str]  # a need that is a thing ("some warmth"; not "a bit more")
    a_time: re.Pattern[str]
    they: frozenset[str]  # "they", "their": the other person, in what a camera saw
    people: re.Pattern[str]  # a relation word anywhere ("mum's", "his friend"): someone else
    seen_lead: re.Pattern[str]  # "basically", "ok so", "idk": left out at the start
    seen_tail: re.Pattern[str]  # "lol", "...": left out at the end
    seen_then: re.Pattern[str]  # "you asked ... and I said ...", for an apology to turn round
    seen_judging: re.Pattern[str]  # "always", "on purpose", "rude", "idiot": not a camera's
    excuses: re.Pattern[str]  # "but I was tired": not in an apology
    seen_reaction: re.Pattern[str]  # "I cried", "I left the room": how I reacted, not an act
    seen_aggression: re.Pattern[str]  # "you yelled", "you were shouting": theirs, not mine
    seen_you_did: re.Pattern[str]  # "... and you left": what they did, said as mine


def alternatives(words: list[str]) -> str:
    """A regex alternation of `words` (or phrases), longest first so that none is cut short."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=8)
def _words(c: Catalogue) -> _Words:
    lists: dict[str, list[str]] = {}
    maps: dict[str, dict[str, str]] = {}
    for key in c.children("drafts.typed"):
        at = f"drafts.typed.{key}"
        if c.has(at) and isinstance(c.raw(at), str):  # one word ("you")
            maps.setdefault("words", {})[key] = c.text(at)
        elif c.has(at):
            lists[key] = [str(w) for w in c.raw(at)]
        else:  # a table: {typed = said}
            maps[key] = {str(k): c.text(f"{at}.{k}") for k in c.children(at)}
    end = r"(?![\w'])"
    openers = rf"(?:(?:{alternatives(lists['openers'])})\s+)*"
    hedges = rf"(?:(?:{alternatives(lists['hedges'])})\s+)*"
    was = rf"(?:\s+(?:was|is){end})?"
    leads = {}
    what = rf"(?:(?:{alternatives(lists['what'])})\s+)?"
    for direction, by_me in ((TO_ME, ""), (BY_ME, "_by_me")):
        subjects = lists[f"subjects{by_me}"]
        # A guess at how they felt ("she might feel", "he'd be"): only of the other person.
        guessed = lists["hedges"] + (lists["guesses_by_me"] if by_me else [])
        subject = rf"{what}(?:{alternatives(subjects)})\s+(?:(?:{alternatives(guessed)})\s+)*"
        feel = alternatives(lists["feel_verbs"])
        contracted = lists[f"feel_contracted{by_me}"]
        leads[(FEEL, direction)] = re.compile(
            rf"^{openers}(?:{subject}(?:{feel}){was}|(?:{alternatives(contracted)}){end}\s*"
            rf"{hedges}|(?:{alternatives(lists['feel_alone'])})){end}",
            re.IGNORECASE,
        )
        need = alternatives(lists["need_verbs"])
        leads[(NEED, direction)] = re.compile(
            rf"^{openers}(?:{subject}(?:{need}){was}|(?:{alternatives(lists['need_alone'])})){end}",
            re.IGNORECASE,
        )
    # Never at "so" (first_clause_goes_on), which may say how much ("stop being so selfish").
    joins = alternatives([j for j in lists["joins"] if j not in lists["first_clause_goes_on"]])
    negations = lists["negations"]
    denials = negations + [maps["spelling"].get(n, n) for n in negations]
    mine = re.escape(maps["words"]["mine"])
    relations = alternatives(_relation_words(c))
    not_things = rf"(?!(?:{alternatives(lists['not_things'])}){end})"
    thing = rf"{not_things}(?:{alternatives(lists['thing_starts'])})\s"
    return _Words(
        lists=lists,
        maps=maps,
        leads=leads,
        first_clause=re.compile(rf"[,;.?!…]|\s(?:{joins})\s", re.I),
        negations=frozenset(negations),
        denial_endings=tuple(str(e) for e in c.raw("naming.denial_endings")),
        not_a_feeling=frozenset(lists["need_subjects"] + lists["thought_starts"] + denials),
        pronouns=frozenset(lists["need_subjects"] + lists["subject_pronouns"]),
        he=frozenset(lists["he"]),
        she=frozenset(lists["she"]),
        relations=re.compile(rf"(?<![\w']){mine}\s+(?:{relations})(?![\w'])", re.I),
        who_refs={
            who: [rf"{mine}\s+{re.escape(r)}" for r in c.raw(f"who_words.{who}")]
            for who in WHO
            if who != "other" and c.has(f"who_words.{who}")
        },
        filler=re.compile(rf"(?<![\w'])(?:{alternatives(lists['filler'])}){end},?", re.I),
        tails=re.compile(rf"(?<![\w'])(?:{alternatives(lists['tails'])})\W*$", re.I),
        need_filler=re.compile(rf"^(?:(?:{alternatives(lists['need_filler'])}){end},?\s*)+", re.I),
        harm=_harm(lists),
        judged=_judged(lists),
        blame=_blame(lists),
        dangling_start=re.compile(rf"^(?:{alternatives(lists['dangling'])}){end}", re.I),
        dangling_end=re.compile(
            rf"(?<![\w'])(?:{alternatives(lists['dangling'] + lists['dangling_end'])})$", re.I
        ),
        denied_then=_denied_then(lists, maps["spelling"]),
        need_tails=re.compile(rf"(?<![\w'])(?:{alternatives(lists['need_tails'])})$", re.I),
        need_parts=re.compile(rf",\s*(?:and\s+)?|\s+and\s+(?={thing})", re.I),
        need_thing=re.compile(thing, re.I),
        a_time=_a_time(lists),
        they=frozenset(maps["they_to_you"]),
        people=re.compile(rf"(?<![\w'])(?:{relations})(?:'s|s'|s)?(?![\w'])", re.I),
        seen_lead=re.compile(
            rf"^(?:(?:{alternatives(lists['seen_openers'] + lists['filler'])}){end}[\s,]*)+", re.I
        ),
        seen_tail=re.compile(
            rf"(?:[\s.!…,;:~\-]|(?<![\w'])(?:{alternatives(lists['filler'])}){end})+$", re.I
        ),
        seen_judging=_whole_words(lists["seen_judging"] + lists["judgements"] + lists["insults"]),
        excuses=_whole_words(lists["excuses"]),
        seen_then=re.compile(
            rf"(?P<they>you\s.+?),?\s+(?:{alternatives(lists['seen_then'])})\s+(?P<i>I\s.+)"
        ),
        seen_reaction=re.compile(
            rf"^I(?:\s+(?:{alternatives(lists['adverbs'])}))*\s+"
            rf"(?:{alternatives(lists['seen_reactions'])}){end}",
            re.I,
        ),
        seen_aggression=re.compile(
            rf"(?<![\w'])you(?:\s+(?:{alternatives(lists['seen_aggression_lead'])}))?"
            rf"(?:\s+(?:{alternatives(lists['adverbs'])}))*\s+"
            rf"(?:{alternatives(lists['seen_aggression'])}){end}",
            re.I,
        ),
        seen_you_did=re.compile(
            rf"(?:(?<![\w'])(?:{alternatives(lists['seen_then'])})|,)\s+you(?:'[a-z]+)?{end}",
            re.I,
        ),
    )


def _whole_words(phrases: list[str]) -> re.Pattern[str]:
    """Any of `phrases`, as whole words, in any case (one search, not one per phrase)."""
    return re.compile(rf"(?<![\w'-])(?:{alternatives(phrases)})(?![\w'-])", re.I)


def _denied_then(lists: dict[str, list[str]], spelling: dict[str, str]) -> re.Pattern[str]:
    """ "not angry just tired", "i wasnt mad, more tired": what they felt is after."""
    negations = lists["negations"] + [spelling[n] for n in lists["negations"] if n in spelling]
    between = rf"(?:\s+(?:{alternatives(lists['denied_between'])}))*"
    return re.compile(
        rf"^(?:i\s+)?(?:{alternatives(negations)}){between}\s+[\w'-]+,?\s+"
        rf"(?:{alternatives(lists['denied_then'])})\s+(?P<felt>.+)$",
        re.IGNORECASE,
    )


def _a_time(lists: dict[str, list[str]]) -> re.Pattern[str]:
    """A time said where a feeling was asked for ("7ish", "8pm", "19:30", "tmrw")."""
    endings = "|".join(re.escape(w) for w in lists["hour_endings"])
    words = "|".join(re.escape(w) for w in lists["time_words"])
    return re.compile(
        rf"\b\d{{1,2}}(?::\d{{2}})?\s*(?:{endings})\b|\b\d{{1,2}}:\d{{2}}\b|\b(?:{words})\b",
        re.IGNORECASE,
    )


def _has_any(text: str, phrases: list[str]) -> bool:
    """Whether one of `phrases` is in `text`, as whole words, in any case."""
    words = re.findall(r"[\w'-]+", text.lower())
    lowered = " " + " ".join(words) + " "
    return any(f" {phrase} " in lowered for phrase in phrases)


def _judged(lists: dict[str, list[str]]) -> re.Pattern[str]:
    """A judgement of the other person, spoken to or of ("for you to stop being so selfish",
    "because he is so selfish"), never one of the speaker ("I felt selfish", "for me to stop
    being selfish")."""
    mine = rf"(?!(?:{alternatives(lists['judged_speaker'])})(?![\w']))"
    them = rf"(?:{alternatives(lists['judged_them'])})"
    judged = rf"{them}(?:[\s,]+{mine}[\w'-]+){{0,5}}?[\s,]+(?:{alternatives(lists['judgements'])})"
    return re.compile(rf"(?<![\w']){judged}(?![\w'])", re.IGNORECASE)


def _blame(lists: dict[str, list[str]]) -> re.Pattern[str]:
    """ "You never", "you always", "you don't care": blame when it is said of the one who
    hurt them (an apology may say "you felt like you always come second")."""
    adverbs = rf"(?:\s+(?:{alternatives(lists['adverbs'])}))*"
    you = r"you(?:'re|'ve|\s+(?:are|were|have|had))?"
    after = rf"{you}{adverbs}\s+(?:{alternatives(lists['blame_after_you'])})"
    return re.compile(rf"(?<![\w']){after}(?![\w'])", re.IGNORECASE)


def _harm(lists: dict[str, list[str]]) -> re.Pattern[str]:
    """Violence toward someone ("hitting you", "I could kill", "I will hurt you", never "you
    hurt me"), an insult said of them ("you are a useless idiot", not "I felt useless") or a
    curse at them, in words already said to them."""
    acts = [v for v in lists["harm_verbs"] if v not in lists["harm_verbs_intended"]]
    done = rf"(?:{alternatives(acts)})\s+(?:{alternatives(lists['harm_objects'])})"
    adverb = rf"(?:(?:{alternatives(lists['harm_adverbs'])})\s+)?"
    intent = rf"(?:[a-z]+'(?:ll|d)|{alternatives(lists['harm_intent'])})\s+{adverb}"
    meant = rf"{intent}(?:{alternatives(lists['harm_verbs'])})(?!\s+(?:me|us)(?![\w']))"
    mine = rf"(?!(?:{alternatives(lists['harm_speaker'])})(?![\w']))"
    insult = rf"you(?:'re|\s+(?:are|were|was|r))?(?:\s+{mine}[\w']+){{0,5}}?\s+"
    insult += rf"(?:{alternatives(lists['insults'])})"
    return re.compile(
        rf"(?<![\w'])(?:{done}|{meant}|{insult}|{alternatives(lists['curses'])})(?![\w'])",
        re.IGNORECASE,
    )


_EMOTICON = re.compile(r"(?<!\w)(?:[:;=8]['\-^]?[()\[\]DPpOo/\\|3*]+|<3+|[xX]D+)(?!\w)")
_MARK_YOU, _MARK_YOUR = "\x01", "\x02"
_STRAIGHT_QUOTES = str.maketrans("’‘“”", "''\"\"")  # typed curly quotes, read as straight


def _no_symbols(text: str) -> str:
    """Without emoji, emoticons and other pictures ("like crap 😞" -> "like crap"). Symbols
    that carry meaning stay: currency ("$200") and maths ("2+2=5", "<"), Sc and Sm."""
    text = _EMOTICON.sub(" ", text)
    kept = (
        ch
        for ch in text
        if unicodedata.category(ch) not in ("So", "Sk", "Cf", "Cs") and ch != "\ufe0f"
    )
    return "".join(kept)


def _tidy(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    return text.strip(" ,;:-\"'“”‘’()")


def _strip_ends(text: str, w: _Words) -> str:
    """Without what trails off ("??", "is that too much to ask?", "lol", "...")."""
    while True:
        before = text
        text = re.sub(r"[\s.!?…,;:~\-]+$", "", text)
        text = w.tails.sub("", text)
        if text == before:
            return text


def sayable(
    text: str,
    kind: str,
    direction: str,
    c: Catalogue,
    who: str | None = None,
    name: str | None = None,
) -> str | None:
    """Typed feelings or needs as a phrase the draft can say to the other person, after "I
    felt" / "I needed" (or "you felt" / "you deserved" for an apology): the lead that
    repeats the frame left out ("i felt", "he probably felt", "i just wanted"), filler
    dropped ("idk", "tbh", a trailing "??"), the other person spoken to ("he doesnt care" ->
    "you don't care", "for him to" -> "for you to"), joining words left hanging ("angry and
    also") and a denied feeling ("not angry just tired" -> "tired") dropped. None when what is
    left does not read as one such phrase (too long, a question, several clauses, unclear who
    "he" is) or must not be said (blame, sarcasm); "" when nothing is left ("idk", "nothing,
    i'm fine")."""
    w = _words(c)
    text = " ".join(text.replace("’", "'").replace("‘", "'").split())
    if kind == FEEL and any(mark in text for mark in w.lists["sarcasm_marks"]):
        return None  # "loved it 🙃" is not what they felt: shown beside, never said
    text = _strip_ends(_tidy(_no_symbols(text)), w)
    text = re.sub(r"(?<![\w'])like,?\s+(?=\d)", "", text, flags=re.I)  # "for like 5 minutes"
    text = re.sub(r"^like,\s*", "", text, flags=re.I)
    text = _without_lead(_tidy(_unfilled(text, w)), kind, direction, w)
    if kind == FEEL and (denied := w.denied_then.match(text)):  # "not angry just tired"
        text = _without_lead(denied["felt"], kind, direction, w)
    # Each part between commas on its own: a lead again ("humiliated, and she prob felt
    # like..."), joining words left hanging ("also, relieved"), and nothing said ("idk,
    # maybe nothing", "nothing, i'm fine") left out.
    parts = [_part(p, kind, direction, w) for p in text.split(",")]
    if kind == FEEL and any(p.lower() in w.lists["sarcasm"] for p in parts):
        return None  # "oh great, fantastic": shown beside, never said
    text = ", ".join(p for p in parts if p and p.lower() not in w.lists["nothing"])
    if not re.search(r"[^\W\d_]", text):
        return ""  # only filler ("idk", "lol", "??"): nothing to say, nor to show
    spoken = _to_you(text, w, c, who, name)
    if spoken is None or _unkind(spoken, w, blame=direction == TO_ME):
        return None  # shown beside, not said
    if kind == FEEL and w.a_time.search(spoken):
        return None  # "tmrw after work maybe 7ish": a time, not a feeling (typed at the wrong step)
    phrase = _needs_start(spoken, direction, w, c) if kind == NEED else _feeling_start(spoken, w)
    parts = phrase.split(", ") if phrase and kind == FEEL else []
    if len(parts) > 1 and all(_a_feeling_part(p, w) for p in parts):
        phrase = join(parts, c)  # "hurt, a bit forgotten": "hurt and a bit forgotten"
    if phrase is None or not _reads_as_a_phrase(phrase, w):
        return None
    return _lower_first(phrase, c)


def _a_feeling_part(part: str, w: _Words) -> bool:
    """Whether a part of typed feelings between commas is a feeling on its own ("a bit
    forgotten"), to be joined with "and"; not a clause or a remark ("which is fair", "like I
    didn't care", "I would be too"), which keeps its comma."""
    said = [t.lower() for t in part.split()]
    if not said or _feeling_start(part, w) is None:
        return False
    lists = w.lists
    if said[0] in lists["not_a_start"] or said[0] in lists["joins"]:
        return False
    return not any(t in w.pronouns or t in lists["not_in_a_feeling_part"] for t in said)


def _unfilled(text: str, w: _Words) -> str:
    """`text` without filler, keeping the comma that parts it from what follows ("hurt i
    guess, maybe a bit forgotten": two parts, not "hurt maybe a bit forgotten")."""
    return w.filler.sub(lambda m: " ," if m[0].endswith(",") else " ", text)


def _needs_start(spoken: str, direction: str, w: _Words, c: Catalogue) -> str | None:
    """A need made to follow "I needed" (`_need_start`) or, in an apology, "you deserved"
    (`_deserved`). A thing ("some warmth") typed beside something to feel or do ("to feel
    wanted") is said as `join_needs` says them, never hanging off the "to ..." by a bare
    "and" or a comma ("some warmth, and to feel wanted", not "to feel wanted and some
    warmth")."""
    phrase = _need_start(spoken, direction, w)
    if phrase is None:
        return None
    if direction == BY_ME:
        phrase = _deserved(phrase, w)
    parts = w.need_parts.split(phrase)
    mark = c.text("drafts.parts.infinitive")
    if any(p.startswith(mark) for p in parts) and any(w.need_thing.match(p) for p in parts):
        return join_needs([p for p in parts if p], c)
    return phrase


def _deserved(phrase: str, w: _Words) -> str:
    """A need with its own doer, said after "you deserved": "your birthday to matter to me"
    -> "to have your birthday matter to me"; a thing with a purpose ("your chance to be
    heard") as it is."""
    said, lists = w.maps["words"], w.lists
    words = phrase.split()
    lower = [t.lower() for t in words]
    to = said["to"].strip()
    if lower and lower[0] in lists["owners_by_me"]:
        verbs = lists["owned_verbs_by_me"]
        for at in (2, 3):  # "your birthday to matter", "your own birthday to matter"
            if len(lower) > at + 1 and lower[at] == to and lower[at + 1] in verbs:
                return said["to_have"] + " ".join(words[:at] + words[at + 1 :])
    return phrase


def _unkind(spoken: str, w: _Words, *, blame: bool) -> bool:
    """Anger at them, judging them ("so selfish"), a jab ("for once") or, with `blame`, blame
    ("you never listen"), in words already said to them: never said in a draft."""
    if w.harm.search(spoken) or w.judged.search(spoken) or _has_any(spoken, w.lists["jabs"]):
        return True
    return blame and w.blame.search(spoken) is not None


@lru_cache(maxsize=256)
def _seen(text: str, direction: str, c: Catalogue, who: str | None, name: str | None) -> str | None:
    """What a camera saw, as a clause said to the other person ("I talked and he scrolled his
    phone" -> "I talked and you scrolled your phone"), or None when it can't be said as typed.
    Conservative, as a wrong draft is worse than the pattern's words: one sentence, starting
    with who did it, with the other person in it ("happened to me") or the speaker ("I did
    it"); nobody else (a relation word, a name that isn't theirs, "they all"); no blame, no
    judgement or reading of why ("on purpose", "ignored"), no pattern ("always", "again"); in
    an apology no excuse ("but I was tired"), and what I did first ("I said ... when you
    asked ..."). Never a habit ("he looks at his phone"), a contrast ("... but he's on his
    phone"), what the safety screen would stop, nor, in an apology, how I reacted ("I cried"),
    their aggression ("you yelled"), what they did said as mine ("I said no and you cried")
    or a turn-round that points back ("I didn't eat it when you cooked")."""
    w = _words(c)
    if screen(text).level != Level.NONE:
        return None  # what the safety screen would stop is never pasted into a draft
    text = " ".join(text.translate(_STRAIGHT_QUOTES).split())
    if any(mark in text for mark in w.lists["sarcasm_marks"]):
        return None
    text = _no_symbols(text)
    text = w.seen_tail.sub("", w.seen_lead.sub("", text)).strip()
    # Their quoted words ("can you just drop it?") are as said; outside them, one sentence.
    bare = re.sub(r'"[^"]*"', '""', text)
    if text.count('"') % 2 or re.search(r"[.?!;:…]|\s-\s", bare) or w.filler.search(bare):
        return None  # several sentences, a question, or filler inside ("he said idk")
    if bare.count(",") > 1:
        return None  # "I talked, he scrolled, I left": a list, not a clause after "When"
    if _has_any(text, list(w.they)) and _has_any(text, w.lists["they_many"]):
        return None  # "they all laughed": more than the one person
    if direction == TO_ME and _has_any(bare, w.lists["seen_contrast"]):
        return None  # "he says he's listening but...": an accusation
    if _third_person_now(text, w):
        return None  # "he scrolls his phone when I talk": a habit, not a moment
    spoken = _to_you(text, w, c, who, name, they=True)
    if spoken is None or _unkind(spoken, w, blame=True) or _someone_else(spoken, w, c):
        return None
    # Who did what, outside their quoted words ('she said "I'm fine"' is nothing I did).
    words = re.findall(r"[\w']+", re.sub(r'"[^"]*"', '""', spoken).lower())
    lists = w.lists
    if len(words) < 2 or words[0] not in lists["seen_subjects"]:
        return None  # "on his phone all night", "after dinner he left": not a clause to say
    doer = lists["seen_me" if direction == BY_ME else "seen_you"]
    if not set(words) & set(doer):
        return None  # "she cried" is not what I did; "I cooked dinner" not what they did
    if w.seen_judging.search(spoken):
        return None
    named = find_words(spoken, c)
    if named.feelings or named.interpretations:
        return None  # "and I felt sad", "he ignored me": the draft says feelings on its own
    if direction == BY_ME and w.excuses.search(spoken):
        return None
    if _present(words, w):
        return None  # "I don't listen when you talk": a habit, not a moment
    spoken = _lower_first(spoken, c)
    if direction == TO_ME:
        return spoken
    # Turned round only where it joins outside their quoted words: those are masked.
    masked = re.sub(r'"[^"]*"', lambda q: '"' + "_" * (len(q[0]) - 2) + '"', spoken)
    if w.seen_aggression.search(masked):
        return None  # "he yelled and I cried": theirs is not for me to apologise about
    turned = w.seen_then.fullmatch(masked)
    if turned and _has_any(turned["i"], lists["seen_times"]):  # never "when ... when"
        turned = None
    did = turned["i"] if turned else masked
    if did.split()[0].lower() not in lists["seen_me"]:
        return None  # what they did, said as what I did
    if w.seen_reaction.search(did) or w.seen_you_did.search(did):
        return None  # "I cried", "I said no and you cried": not what I did to them
    if turned and _has_any(did, lists["seen_back_refs"]):
        return None  # "I didn't eat it when you cooked": "it" before what it is
    if turned:
        # "you asked ... and I said ..." -> "I said ... when you asked ...": what I did first.
        did, when = spoken[turned.start("i") :], spoken[: turned.end("they")]
        spoken = f"{did} {w.maps['words']['seen_when']} {when}"
    return spoken


def _present(words: list[str], w: _Words) -> bool:
    """Whether the first verb after who did it (`words[0]`) is in the present tense: "you
    look at your phone", "I don't listen", "you're on your phone"."""
    if words[0] in w.lists["seen_present_subjects"]:
        return True
    for word in words[1:]:
        if word in w.lists["seen_present"]:
            return True
        if word not in w.lists["adverbs"]:
            return False
    return False


def _third_person_now(text: str, w: _Words) -> bool:
    """Whether typed "he"/"she" is followed by a verb in the present tense ("he scrolls"),
    before it is said to them (when its -s is gone)."""
    words = re.findall(r"[\w']+", text.lower())
    if len(words) < 2 or words[0] not in w.lists["subject_pronouns"]:
        return False
    for word in words[1:]:
        if word not in w.lists["adverbs"]:
            return _third_person_s(word) and word not in w.lists["seen_past_s"]
    return False


def _someone_else(spoken: str, w: _Words, c: Catalogue) -> bool:
    """Whether someone besides the two of them is in what a camera saw: a relation word
    ("my mum", "her sister", "mum's") or a capitalised word English does not write so (a
    name: "Sam"; never "I", nor "TV")."""
    if w.people.search(spoken):
        return True
    lower = _lower_words(c)
    for word in re.findall(r"[^\W\d_][\w'-]*", spoken):
        mine = word == "I" or word.startswith("I'") or word.isupper()
        if word[0].isupper() and not mine and word.lower() not in lower:
            return True
    return False


@lru_cache(maxsize=8)
def _lower_words(c: Catalogue) -> frozenset[str]:
    """Every word the catalogue writes in lower case somewhere: words, not names."""
    words: set[str] = set()
    for key in c.all_keys():
        value = c.raw(key)
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str):
                words.update(re.findall(r"(?<![\w'])[a-z][a-z']*", text))
    return frozenset(words)


def _without_lead(text: str, kind: str, direction: str, w: _Words) -> str:
    """Without the lead that repeats the frame ("i felt", "she probably needed")."""
    lead = w.leads[(kind, direction)]
    while (match := lead.match(text)) and match.end() > 0:
        text = _tidy(text[match.end() :])
        text = _tidy(w.filler.sub(" ", text))
    if kind == NEED:
        text = _tidy(w.need_filler.sub("", text))
    return _strip_ends(text, w)


def _part(text: str, kind: str, direction: str, w: _Words) -> str:
    """One part between commas, without what hangs at either end ("and also", "but") or a
    lead of its own; a need without the hope after it ("a hug would be nice")."""
    while True:
        before = text
        text = _tidy(w.dangling_start.sub("", _tidy(text)))
        text = _without_lead(text, kind, direction, w)
        text = _tidy(w.dangling_end.sub("", text))
        if kind == NEED:
            text = _tidy(w.need_tails.sub("", text))
        if text == before:
            return text


def _need_start(text: str, direction: str, w: _Words) -> str | None:
    """A need that reads after "I needed": "you to listen" -> "for you to listen", "feel
    heard" -> "to feel heard", "listen to me" -> "for you to listen to me"."""
    words = text.split()
    if not words:
        return None
    said = w.maps["words"]
    first = words[0].lower().strip(",")
    second = words[1].lower() if len(words) > 1 else ""
    if first in w.lists["thought_starts"]:  # "that you notice me" -> "for you to notice me"
        verb = words[2].lower() if len(words) > 2 else ""
        if second not in (said["you"], "i") or verb not in w.lists["you_verbs"]:
            return None
        lead = said["for_you_to"] if second == said["you"] else said["for_me_to"]
        return lead + " ".join(words[2:])
    if first in w.lists["need_subjects"]:
        if f"{second} " == said["to"]:  # "you to listen" -> "for you to listen"
            return said["for"] + text
        if first == said["you"] and (not second or second in w.lists["you_alone_before"]):
            return text
        return None
    if len(words) == 1:  # "respect", "support": a thing
        return text
    if first in w.lists["to_verbs"]:
        return said["to"] + text
    if first in w.lists["you_verbs"]:
        return said["for_me_to" if direction == BY_ME else "for_you_to"] + text
    return text


def _feeling_start(text: str, w: _Words) -> str | None:
    """A feeling, not what happened ("you were on your phone the whole time"), nor a thought
    about them ("that you don't care"), nor one denied ("not angry")."""
    first = text.split()[0].lower() if text.split() else ""
    return None if first in w.not_a_feeling else text


def _reads_as_a_phrase(text: str, w: _Words) -> bool:
    if not re.search(r"[^\W\d_]", text) or len(text) > _OWN_WORDS_LIMIT:
        return False
    if re.search(r"[?!;:…]|\.\s|\.\.", text) or text.count(",") > 1:
        return False
    words = [t.lower().strip(",.") for t in text.split()]
    if words[0] in w.lists["not_a_start"]:
        return False
    if words[0] in w.lists["joins"] and len(words) > 1 and words[1] in w.pronouns:
        return False  # "so you left": a clause, not "so hurt"
    if sum(1 for t in words[1:] if t in w.lists["joins"]) > 1:  # "so hurt" opens with one
        return False
    return not any(t in w.he or t in w.she for t in words)


def _to_you(
    text: str,
    w: _Words,
    c: Catalogue,
    who: str | None,
    name: str | None,
    *,
    they: bool = False,
) -> str | None:
    """`text` with the other person spoken to: he/she, him, his/her, their name and "my
    boyfriend" (when that is who it is) become you/your, with the verb after agreeing ("he
    doesnt care" -> "you don't care", "he was" -> "you were"); with `they`, "they" and
    "their" too. None when it is not safe to say who "he" or "she" is: both (or "they") are
    used, or someone else is named beside them."""
    spelling = w.maps["spelling"]
    refs = []
    greeted = read_name(name, c) if name else None
    if greeted:
        refs.append(re.escape(greeted))
    said = w.maps["words"]
    if who in WHO and who != "other":
        refs += w.who_refs[who]
    if refs:
        text = re.sub(
            rf"(?<![\w'])(?:{'|'.join(refs)})(?:('s|s')|(?![\w']))",
            lambda m: _MARK_YOUR if m.group(1) else _MARK_YOU,
            text,
            flags=re.IGNORECASE,
        )
    tokens = text.split()
    cores = [t.strip(".,!?;:\"'()").lower() for t in tokens]
    plural = w.they if they else frozenset()
    genders = {
        "he" if t in w.he else "she" if t in w.she else "they"
        for t in cores
        if t in w.he or t in w.she or t in plural
    }
    others = w.relations.search(text)
    if len(genders) > 1 or (genders and others):
        return None
    to_you, agree = w.maps["to_you"], w.maps["agree"]
    out: list[str] = []
    pending = False  # "you" was the subject: the next verb agrees with it
    for i, token in enumerate(tokens):
        core = cores[i]
        lead = token[: len(token) - len(token.lstrip(".,!?;:\"'()"))]
        trail = token[len(token.rstrip(".,!?;:\"'()")) :]
        word = token[len(lead) : len(token) - len(trail)] if trail else token[len(lead) :]
        nxt = cores[i + 1] if i + 1 < len(tokens) and not trail else None
        prev = cores[i - 1] if i > 0 else None
        if pending and core in w.lists["adverbs"]:
            out.append(token)
            continue
        if pending:
            pending = False
            core_spelt = spelling.get(core, core).lower()
            if core_spelt in agree:
                word = agree[core_spelt]
            elif _third_person_s(core):
                word = _without_s(word)
        if word == _MARK_YOU:
            word = said["you"]
            pending = prev is None or prev in w.lists["subject_after"]
        elif word == _MARK_YOUR:
            word = said["your"]
        elif core in w.lists["subject_pronouns"]:
            word, pending = to_you[core], True
        elif (
            core in w.maps["to_you_have"]
            and _verb_after(cores, i, trail, w) in w.lists["have_before"]
        ):
            word = w.maps["to_you_have"][core]
        elif core in w.lists["object_or_owner"]:  # "for her to" / "her phone"
            you = nxt is None or nxt in w.lists["her_is_you_before"]
            you = you or prev in w.lists["her_is_you_after"]
            word = said["as_object"] if you else said["as_owner"]
        elif core in to_you:
            word = to_you[core]
        elif core in plural:  # "they" takes the verb "you" does: none to agree
            word = w.maps["they_to_you"][core]
        elif core in spelling and word.lower() == core:
            word = spelling[core]
        out.append(lead + word + trail)
    return " ".join(out)


def _relation_words(c: Catalogue) -> list[str]:
    return [str(word) for who in c.children("who_words") for word in c.raw(f"who_words.{who}")]


def _third_person_s(word: str) -> bool:
    return len(word) > 2 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s"))


def _verb_after(cores: list[str], i: int, trail: str, w: _Words) -> str | None:
    """The first word after the i-th that is not an adverb, in the same clause."""
    if trail:
        return None
    for core in cores[i + 1 :]:
        if core not in w.lists["adverbs"]:
            return core
    return None


def _without_s(word: str) -> str:
    """ "listens" -> "listen", "watches" -> "watch", "tries" -> "try", "focuses" -> "focus"."""
    lower = word.lower()
    if lower.endswith("cuses"):  # focuses; not "uses", "causes", "refuses"
        return word[:-2]
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + "y"
    if lower.endswith(("sses", "ches", "shes", "xes", "zzes", "oes")):
        return word[:-2]
    return word[:-1]


def request_words(moment: Moment, c: Catalogue) -> str:
    if _from_catalogue(moment):
        return c.text(f"patterns.{moment.pattern}.request")
    if moment.needs:
        return c.text(f"needs.{moment.needs[0]}.request")
    return c.text("drafts.parts.fallback_request")


def build_draft(moment: Moment, c: Catalogue, style: str = "standard") -> str:
    if style not in STYLES:
        raise ValueError(f"unknown draft style {style!r}")
    said = happened(moment, c, style)
    text = _draft(moment, c, style, said)
    if len(text) > MAX_DRAFT and seen_words(moment, c, style):
        # The camera's words would make it too long to say: the pattern's (or "earlier").
        said = happened(moment.update(observation=None), c, style)
        text = _draft(moment, c, style, said)
    if len(text) > MAX_DRAFT:  # only reachable with unusually long typed words; keep it sayable
        text = text[: MAX_DRAFT - 1].rstrip() + "…"
    return text


def _draft(moment: Moment, c: Catalogue, style: str, said: str) -> str:
    """The draft with `said` as what happened: in a pattern's frame when there is something
    to say (a pattern's words, or what the camera saw), else in the "earlier" one."""
    direction = _direction(moment)
    frame = direction if said else f"{direction}_own"
    felt = _feelings(moment, c)
    if not felt and c.has(f"drafts.{frame}_unfelt.{style}"):
        frame += "_unfelt"  # no feeling is made up that nobody gave, in either direction
    who = moment.who if moment.who in WHO else "other"
    # A name to greet by: never a relation ("my ex") or a refusal ("idk") kept from before.
    name = read_name(moment.who_name, c) if moment.who_name else None
    hello = c.text("drafts.parts.hello", name=_clip(name, 40)) if name else ""
    text = c.text(
        f"drafts.{frame}.{style}",
        hello=hello,
        happened=said,
        feelings=felt or c.text("drafts.parts.fallback_feeling"),
        needs=needs_words(moment, c),
        request=request_words(moment, c),
        why=c.text(f"drafts.why.{who}"),
        matters=c.text(f"drafts.matters.{who}"),
    )
    return text[:1].upper() + text[1:]
