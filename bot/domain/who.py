"""Who a moment was with, and their name, when it is typed instead of tapped ("my boyfriend
Jake"), and a name typed where one is asked for ("his name is Tom", "idk")."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from bot.content import Catalogue

# Capitalised words that are not a name: "My boyfriend", "The guy at work".
_NOT_NAMES = frozenset({"my", "a", "an", "our", "the", "this", "his", "her", "their", "i", "me"})
_IN_LAWS = frozenset({"family", "partner"})  # a partner's or a relative's family is family
OTHER = "other"
NAME_WORDS = 3  # more than this is a sentence, not a name
# Parts of names, written lower case, that do not count as words of it ("Maria de los
# Angeles", "Ludwig van Beethoven", "Omar bin Laden").
PARTICLES = frozenset(
    {
        "de",
        "del",
        "de la",
        "la",
        "las",
        "los",
        "da",
        "das",
        "do",
        "dos",
        "di",
        "du",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ten",
        "y",
        "e",
        "bin",
        "bint",
        "ibn",
        "al",
        "el",
        "le",
    }
)
_EDGE = ".,!?;:\"'()[]{}<>*~_"


@dataclass(frozen=True)
class _Found:
    who: str
    start: int
    end: int  # after any possessive "'s" / "s'"
    possessive: bool  # "sister's", "sisters" (someone's ...), "parents'"
    ex: bool  # "my ex-husband", "my former partner", "my ex"


def _plain(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").split())


def _typos(word: str) -> set[str]:
    """Spellings one slip away from `word`: two neighbouring letters swapped (words of five
    letters or more: "freind"), or one letter left out after the first (seven or more:
    "husbnd"). Short words have too many real neighbours ("dad"/"add"); real words that are
    one slip away (names.not_typos: "bother") are left out by the caller."""
    if len(word) < 5 or not word.isalpha():
        return set()
    found = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)}
    if len(word) >= 7:
        found |= {word[:i] + word[i + 1 :] for i in range(1, len(word))}
    return found - {word}


@lru_cache(maxsize=8)
def _relations(
    c: Catalogue,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """A pattern for every spelling of a relation word (as typed, without its spaces:
    "bestfriend", or one slip away: "boyfreind"), each as typed, as someone's ("sister's")
    or with an "s" ("sisters"); one for the words that make it an ex, alone and right before
    one ("ex-"); and who each spelling is."""
    exact = [
        (who, str(w).lower()) for who in c.children("who_words") for w in c.raw(f"who_words.{who}")
    ]
    joined = [(who, w.replace(" ", "")) for who, w in exact if " " in w]
    spellings: dict[str, str] = {}
    for who, word in exact + joined:
        spellings.setdefault(word, who)
    real = {str(w) for w in c.raw("names.not_typos")}
    for who, word in exact:
        for slip in sorted(_typos(word) - real):
            spellings.setdefault(slip, who)
    words = "|".join(re.escape(w) for w in sorted(spellings, key=len, reverse=True))
    relation = re.compile(rf"(?<![\w'])(?:{words})(?:('s|s'|')|(s))?(?![\w'])")
    ex_words = "|".join(re.escape(str(w)) for w in c.raw("names.ex"))
    ex = re.compile(rf"(?<![\w'])(?:{ex_words})('s)?(?![\w'])")
    ex_before = re.compile(rf"(?<![\w'])(?:{ex_words})[\s-]*$")
    return relation, ex, ex_before, spellings


@dataclass(frozen=True)
class _NameWords:
    """The word lists of `names` (and onboarding.sentence_words), as sets and patterns:
    built once per catalogue."""

    refusals: frozenset[str]
    filler: frozenset[str]
    leads: tuple[str, ...]  # longest first
    address: frozenset[str]
    owner: re.Pattern[str]  # "my" (names.determiners) right before a relation word
    someone_elses: re.Pattern[str]  # "his" (names.someone_elses) right before one
    not_names: frozenset[str]
    asides: tuple[tuple[str, ...], ...]  # longest first, as words


@lru_cache(maxsize=8)
def _name_words(c: Catalogue) -> _NameWords:
    determiners = "|".join(re.escape(str(w)) for w in c.raw("names.determiners"))
    elses = "|".join(re.escape(str(w)) for w in c.raw("names.someone_elses"))
    not_names = {str(w) for w in c.raw("names.not_names")}
    not_names |= {str(w).replace("\u2019", "'") for w in c.raw("onboarding.sentence_words")}
    return _NameWords(
        refusals=frozenset(str(w) for w in c.raw("names.refusals")),
        filler=frozenset(str(w) for w in c.raw("names.filler")),
        leads=tuple(sorted((str(w) for w in c.raw("names.leads")), key=len, reverse=True)),
        address=frozenset(str(w) for w in c.raw("names.address")),
        owner=re.compile(rf"(?<![\w'])(?:{determiners})\s+$"),
        someone_elses=re.compile(rf"(?<!\w)(?:{elses})\s+$"),
        not_names=frozenset(not_names),
        asides=tuple(
            sorted((tuple(str(w).split()) for w in c.raw("names.asides")), key=len, reverse=True)
        ),
    )


def _find(said: str, c: Catalogue) -> list[_Found]:
    lowered = said.lower()
    relation, ex_word, ex_before, spellings = _relations(c)
    spans: list[tuple[int, int, bool, str]] = []  # start, end, someone's, who
    for m in relation.finditer(lowered):
        word = lowered[m.start() : m.end() - len(m.group(1) or m.group(2) or "")]
        # "sister's", "parents'"; "sisters" too (more than one, or someone's: read as
        # someone's only right before another relation word).
        spans.append((m.start(), m.end(), bool(m.group(1) or m.group(2)), spellings[word]))
    for m in ex_word.finditer(lowered):  # "my ex" alone, "my ex's new girlfriend"
        if not _followed_by(spans, m.end(), lowered):  # else "ex husband": who, as an ex
            spans.append((m.start(), m.end(), bool(m.group(1)), "ex"))
    spans.sort()
    found: list[_Found] = []
    for start, end, someones, who in spans:
        if found and start < found[-1].end:
            continue
        ex = who == "ex" or bool(ex_before.search(lowered[:start]))
        found.append(_Found(OTHER if who == "ex" else who, start, end, someones, ex))
    return found


def _followed_by(spans: list[tuple[int, int, bool, str]], at: int, lowered: str) -> bool:
    gap = re.match(r"[\s-]*", lowered[at:])
    start = at + (gap.end() if gap else 0)
    return start > at and any(span[0] == start for span in spans)


def read_who(text: str, c: Catalogue) -> tuple[str, str | None]:
    """Who it was and their name, if said: ("partner", "Jake") for "my boyfriend Jake",
    ("family", None) for "my mum", and ("other", name or None) when no word says who (a name
    alone, "Jake", is kept as the name; "idk" is none). A name is the capitalised words
    besides those saying who, so "my boyfriend jake" asks for the name rather than guess.

    Never the partner for someone else's: "my ex", "my ex-husband", "his wife", "my friend's
    husband" are someone else; "my sister's husband", "my boyfriend's mum" are family (in-laws
    share what a relative's draft says: "you matter to me")."""
    said = _plain(text)
    found = _find(said, c)
    if not found:
        return OTHER, read_name(said, c)
    who = _whose(found, said, c)
    rest = said
    for f in reversed(found):
        start = f.start
        if f.ex:  # the "ex" / "ex-" before it goes too
            before = _relations(c)[2].search(rest[:start].lower())
            start = before.start() if before else start
        rest = f"{rest[:start]} {rest[f.end :]}"
    words = [w.strip(_EDGE) for w in rest.split()]
    words = [w for w in words if not w.lower().endswith(("'s", "s'"))]  # "Jake's": not theirs
    name = " ".join(w for w in words if w[:1].isupper() and w.lower() not in _NOT_NAMES)
    return who, (read_name(name, c) if name else None)


def _whose(found: list[_Found], said: str, c: Catalogue) -> str:
    lowered = said.lower()
    for owner, head in pairwise(found):
        between = lowered[owner.end : head.start].split()
        apostrophe = lowered[: owner.end].endswith(("'s", "'"))
        if owner.possessive and (not between or (apostrophe and len(between) <= 2)):
            # "my sister's husband": the husband is hers. In-laws are family; anyone
            # else's partner, friend or ex is someone else.
            if owner.ex or head.ex or owner.who not in _IN_LAWS or head.who not in _IN_LAWS:
                return OTHER
            return "family"
    main = max(found, key=lambda f: f.end - f.start)  # the longest word: "best friend"
    if main.ex:
        return OTHER
    before = lowered[: main.start]
    if _name_words(c).someone_elses.search(before) or re.search(r"\w's\s+$", before):
        return OTHER  # "his wife", "Jake's girlfriend": someone else's
    return main.who


def _symbols_only(text: str) -> bool:
    return bool(text) and all(
        unicodedata.category(ch)[0] in "SZ" or ch in "\u200d\ufe0f" for ch in text
    )


def read_name(text: str, c: Catalogue) -> str | None:
    """A name typed where one is asked for, or None for none: "idk", "skip", "he", "rather
    not say" give none; "his name is Tom", "it's Tom", "called Tom" give "Tom"; "my boyfriend
    Jake" gives "Jake" and "my ex" none (a relation is never a name to greet by, though
    "Mum" alone is what they call her). All lower case is given capitals ("mary ann" ->
    "Mary Ann"); a sentence ("he is the worst") is not a name."""
    said = _plain(text).strip(_EDGE + " ")
    if _symbols_only(said.replace(" ", "")):
        return said  # "💛": what they call them
    said = " ".join(w for w in said.split() if not _symbols_only(w)).strip(_EDGE + " ")
    lowered = said.lower()
    if not said or _is_refusal(lowered, c) or _kept_private(lowered, c):
        return None
    n = _name_words(c)
    for lead in n.leads:
        if lowered.startswith(lead + " "):
            said = said[len(lead) + 1 :].strip(_EDGE + " ")
            lowered = said.lower()
            break
    found = _find(said, c)
    if found:
        alone = len(found) == 1 and not found[0].ex and not found[0].possessive
        if alone and said.lower() in n.address:
            return said[:1].upper() + said[1:]  # "Mum": what they call her
        ex_before = _relations(c)[2]
        for f in reversed(found):  # the relation goes, with "my" and any "ex" before it
            start = f.start
            before = ex_before.search(said[:start].lower()) if f.ex else None
            start = before.start() if before else start
            owner = n.owner.search(said[:start].lower())
            start = owner.start() if owner else start
            said = f"{said[:start]} {said[f.end :]}"
        # What is left, less a possessive: "Jake's girlfriend" is not Jake.
        said = " ".join(w for w in said.split() if not w.lower().endswith(("'s", "s'")))
        said = said.strip(_EDGE + " ")
    return _as_name(_without_asides(said, c), c)


# Laughter, however long: "hahaha", "hehe", "lool", "lmaooo".
_LAUGH = re.compile(r"(?:a?h+a+){2,}h*|(?:h+e+){2,}|lo+l+|lmf?a+o+|ro+fl+")


def _without_asides(said: str, c: Catalogue) -> str:
    """A name less the asides typed with it, before or after (`names.asides`: "leo obvs",
    "ofc Leo", "Leo, lol"), and less a remark in brackets ("Leo (the love of my life)").
    The words of a name ("Mary Ann", "Jean Luc") are none of those and stay. Empty when all
    of it is asides ("obvs")."""
    # "Leo (my partner)": the name is outside the brackets ("(Leo)" alone: inside them).
    bracketed = said.strip().startswith("(")
    outside = said if bracketed else re.sub(r"\([^)]*\)?", " ", said)
    words = outside.split()
    asides = _name_words(c).asides

    def aside_at(start: int, from_end: bool) -> int:
        """How many words from `start` (or ending before it, `from_end`) are one aside."""
        for aside in asides:
            n = len(aside)
            part = words[start - n : start] if from_end else words[start : start + n]
            if len(part) == n and tuple(w.lower().strip(_EDGE) for w in part) == aside:
                return n
        word = (words[start - 1] if from_end else words[start]).lower().strip(_EDGE)
        return 1 if _LAUGH.fullmatch(word) else 0

    while words and (n := aside_at(0, False)):
        words = words[n:]
    while words and (n := aside_at(len(words), True)):
        words = words[:-n]
    return " ".join(words).strip(_EDGE + " ")


def _kept_private(lowered: str, c: Catalogue) -> bool:
    """Whether an answer to the name question says the name is kept to themselves ("idk his
    name is kind of private", "thats personal": a word of `names.keeps_private` in it): a name
    declined, as Skip. Never taken as the name."""
    return any(w in c.raw("names.keeps_private") for w in re.findall(r"[\w']+", lowered))


def gives_no_name(text: str, c: Catalogue) -> bool:
    """ "idk", "skip", "none of your business", "he": an answer to a name question that
    gives no name (names.refusals)."""
    return _is_refusal(_plain(text).lower(), c)


def declines_to_say(text: str, c: Catalogue) -> bool:
    """ "dont wanna say", "rather not say", "none of your business" typed at "Who was it
    with?" (names.who_declines, with names.filler around it): not wanting to say who."""
    lowered = re.sub(r"[^\w\s']", " ", _plain(text).lower())
    words = [w for w in lowered.split() if w not in _name_words(c).filler]
    return bool(words) and " ".join(words) in c.raw("names.who_declines")


def as_name(text: str, c: Catalogue) -> str | None:
    """`text` if it reads as a name (up to three words, none of them a sentence's), with
    capitals if typed all in lower case; else None."""
    return _as_name(_plain(text).strip(_EDGE + " "), c)


def _is_refusal(lowered: str, c: Catalogue) -> bool:
    n = _name_words(c)
    if lowered.strip(_EDGE + " ") in n.refusals:  # "n/a"
        return True
    core = " ".join(w for w in re.sub(r"[^\w\s']", " ", lowered).split() if w not in n.filler)
    if not core:  # only filler or punctuation ("?", "lol"); an emoji alone ("💛") is a name
        return not any(unicodedata.category(ch)[0] == "S" for ch in lowered)
    return core in n.refusals


def _as_name(said: str, c: Catalogue) -> str | None:
    words = said.split()
    counted = [w for w in words if w not in PARTICLES]  # "de", "van": lower case only
    if not words or len(counted) > NAME_WORDS or _is_refusal(said.lower(), c):
        return None
    if any(w.lower().strip(_EDGE) in _name_words(c).not_names for w in words):
        return None
    if not any(ch.isalpha() for ch in said):
        return None
    if said == said.lower():
        return " ".join(w[:1].upper() + w[1:] for w in words)
    return said


@lru_cache(maxsize=8)
def _words_as_listed(c: Catalogue) -> tuple[dict[str, str], re.Pattern[str]]:
    """Each spelling `_relations` reads (as listed, joined, one slip away) -> the word as
    listed ("boyfreind" -> "boyfriend", "bestfriend" -> "best friend"); and "my" (names.mine)
    right before one."""
    listed = [str(w).lower() for who in c.children("who_words") for w in c.raw(f"who_words.{who}")]
    words: dict[str, str] = {}
    for word in listed:
        words.setdefault(word, word)
    for word in listed:
        words.setdefault(word.replace(" ", ""), word)
    for word in listed:
        for slip in sorted(_typos(word)):
            words.setdefault(slip, word)
    mine = "|".join(re.escape(str(w)) for w in c.raw("names.mine"))
    return words, re.compile(rf"(?<![\w'])(?:{mine})\s+$")


def named_relation(text: str, c: Catalogue) -> tuple[str, str] | None:
    """Who a story names, and the word it names them by, when it names exactly one relation
    as the person's own: ("family", "sister") for "my sister snapped at me", ("partner",
    "boyfriend") for "my boyfreind forgot". None when it names none, more than one ("my
    boyfriend laughed when my sister teased me"), someone else's ("his wife", "my sister's
    husband") or an ex, or a word not made theirs ("he treated me like a child"; "Mum said"
    is, as `names.address`). Only a suggestion: who it was is still asked."""
    lowered = _plain(text).lower()
    found = _find(lowered, c)
    if not found or any(f.ex or f.possessive for f in found[:-1]) or found[-1].ex:
        return None
    if found[-1].possessive and not _did_it(lowered[found[-1].end :], c):
        return None  # "my sisters surgery", "my mum's birthday": whose, not who
    words, mine = _words_as_listed(c)
    named: set[str] = set()
    for f in found:
        typed = re.sub(r"('s|s'|')$", "", lowered[f.start : f.end])
        word = words.get(typed) or words.get(typed[:-1], typed[:-1]) + "s"  # "sisters"
        address = word in _name_words(c).address
        if not (mine.search(lowered[: f.start]) or address):
            return None
        named.add(word)
    who = _whose(found, lowered, c)
    if len(named) != 1 or who == OTHER:
        return None
    return who, named.pop()


def _did_it(after: str, c: Catalogue) -> bool:
    """Whether the words `after` a relation typed as someone's ("sister's", "sisters") read
    it as the one who did something, or as more than one of them ("my sisters ganged up on
    me", "my friends didn't", "it was my sisters", "my sister's ignoring me"), rather than
    whose something was ("my sisters surgery", "my mums birthday"): nothing after it, or a
    word a subject is followed by (a verb of `names.story_*`, one ending "-ed" or "n't", "is",
    "who", "and"). Anything else reads as whose: no suggestion, rather than the wrong one."""
    following = re.match(r"\s*([\w']+)", after)
    if following is None:  # the end, or a comma: "it was my sisters."
        return True
    word = following.group(1)
    s = _story_signs(c)
    said = s.verbs | s.copulas | s.joins | s.describers
    return word in said or (word.endswith(("ed", "n't")) and len(word) > 3)


# Fewer words than this, besides the relation named, say who it was, not what happened ("he
# ignored me" is three).
STORY_WORDS = 3
_WORD = re.compile(r"[\w']+")


@dataclass(frozen=True)
class _StorySigns:
    """The word lists of `names.story_*`, as sets: built once per catalogue."""

    hedges: tuple[tuple[str, ...], ...]  # longest first
    verbs: frozenset[str]
    subjects: frozenset[str]
    copulas: frozenset[str]
    joins: frozenset[str]
    about_names: frozenset[str]
    determiners: frozenset[str]
    mine: frozenset[str]
    describers: frozenset[str]


@lru_cache(maxsize=8)
def _story_signs(c: Catalogue) -> _StorySigns:
    def listed(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in c.raw(key))

    hedges = (tuple(_WORD.findall(str(h))) for h in c.raw("names.story_hedges"))
    return _StorySigns(
        hedges=tuple(sorted(hedges, key=len, reverse=True)),
        verbs=listed("names.story_verbs") | {str(w) for w in c.raw("typed.trouble")},
        subjects=listed("names.story_subjects"),
        copulas=listed("names.story_copulas"),
        joins=listed("names.story_joins"),
        about_names=listed("names.story_about_names"),
        determiners=listed("names.determiners"),
        mine=listed("names.mine"),
        describers=listed("names.story_describers"),
    )


def tells_what_happened(text: str, c: Catalogue) -> bool:
    """Whether words typed where who it was is asked tell what happened ("she didnt even ask
    how my interview went", "my sister forgot my birthday"), not only who ("my sister Jo",
    "it was my mum", "someone I work with", "a guy I used to date"). Kept conservative, as a
    name or a relation taken for a story would be asked for again: after any hedge ("I think
    it was"), at least STORY_WORDS words besides the relation words, nothing about a name ("I
    don't know his name"), and a sign of a sentence (`names.story_*`): a word that tells
    (a negation, "forgot", a row), someone doing it first ("she didn't", not "she's my
    sister"), or "my" before something of theirs not a relation ("forgot my birthday"; not
    "from my old job"). A relation that opens the words and is then described ("my ex who
    cheated on me", "a friend i haven't seen in years": `names.story_describers`) is who."""
    s = _story_signs(c)
    lowered = _plain(text).lower()
    if gives_no_name(lowered, c):
        return False
    tokens = [(m.start(), m.group()) for m in _WORD.finditer(lowered)]
    words = [w for _, w in tokens]
    hedged = True
    while hedged:  # from the start, one after another: "i think it was"
        hedge = next((h for h in s.hedges if h and tuple(words[: len(h)]) == h), ())
        tokens, words, hedged = tokens[len(hedge) :], words[len(hedge) :], bool(hedge)
    if any(w in s.about_names for w in words):
        return False
    found = _find(lowered, c)

    def related(at: int) -> bool:
        return any(f.start <= at < f.end for f in found)

    if _described(tokens, found, s):
        return False

    rest = [
        w
        for i, (at, w) in enumerate(tokens)
        if not related(at)
        # "my" right before the relation says whose it is: part of who.
        and not (w in s.determiners and i + 1 < len(tokens) and related(tokens[i + 1][0]))
    ]
    if len(rest) < STORY_WORDS:
        return False
    if any(w in s.verbs for w in rest):
        return True
    if words and words[0] in s.subjects and (len(words) < 2 or words[1] not in s.copulas):
        return True
    return any(
        w in s.mine
        and 0 < i < len(tokens) - 1
        and not related(tokens[i + 1][0])
        and words[i - 1] not in s.joins
        for i, (_, w) in enumerate(tokens)
    )


def _described(tokens: list[tuple[int, str]], found: list[_Found], s: _StorySigns) -> bool:
    """Whether the words open with a relation (after any determiner, and one word more: "my
    old friend", "my ex-husband") that a describing word follows ("who", "i", "from"): a
    description of who it was, however much it says ("my ex who cheated on me")."""
    lead = 1 if tokens and tokens[0][1] in s.determiners else 0
    starts = {at for at, _ in tokens[lead : lead + 2]}
    first = next((f for f in found if f.start in starts), None)
    if first is None:
        return False
    after = next((w for at, w in tokens if at >= first.end), None)
    return after in s.describers
