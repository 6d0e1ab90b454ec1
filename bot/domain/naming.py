"""Naming: finding feelings, needs and interpretation words in what a person types."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from bot.content import Catalogue


@dataclass(frozen=True)
class Found:
    feelings: tuple[str, ...]
    interpretations: tuple[str, ...]
    # True when the text says more than the words we recognised: keep it in their words.
    has_more: bool


def _normal(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z'\-]+", text.lower())) + " "


@dataclass(frozen=True)
class _Words:
    """The word lists of `naming` (content), with the patterns built from them, and the
    feeling and interpretation words: built once per catalogue."""

    separators: re.Pattern[str]
    denial_parts: re.Pattern[str]
    filler: frozenset[str]
    denials: frozenset[str]
    denial_endings: tuple[str, ...]
    denial_phrases: tuple[tuple[str, ...], ...]
    between: frozenset[str]
    in_a_denial: frozenset[str]  # all a part that only denies a feeling may hold besides it
    before_an_act: frozenset[str]
    act_endings: tuple[str, ...]
    after_an_act: frozenset[str]
    feeling_keys: tuple[str, ...]
    feeling_words: dict[str, str]  # feeling key -> its word ("left_out" -> "left out")
    interpretations: tuple[tuple[str, tuple[str, ...]], ...]  # key, spellings (lower case)
    own_side: tuple[str, ...]  # feelings often the one who did it's own ("guilty")
    own_side_typed: tuple[str, ...]  # those, only when typed ("embarrassed")


def _listed(c: Catalogue, key: str) -> list[str]:
    return [str(w) for w in c.raw(f"naming.{key}")]


def _parts_at(words: list[str]) -> re.Pattern[str]:
    """Parts of a typed answer: split at punctuation and at `words` between spaces."""
    joined = "|".join(re.escape(w) for w in words)
    return re.compile(rf"[,;/.!?\n]+|\s+(?:{joined})\s+")


@lru_cache(maxsize=8)
def _words(c: Catalogue) -> _Words:
    keys = tuple(
        str(key)
        for group in c.children("feeling_groups")
        for key in c.raw(f"feeling_groups.{group}")
    )
    filler = frozenset(_listed(c, "filler"))
    denials = frozenset(_listed(c, "denials"))
    between = frozenset(_listed(c, "between_denial"))
    extra = frozenset(_listed(c, "denial_extra"))
    interpretations = tuple(
        (
            key,
            tuple(
                str(s).lower()
                for s in [
                    c.text(f"interpretations.{key}.label"),
                    *c.raw(f"interpretations.{key}.also"),
                ]
            ),
        )
        for key in c.children("interpretations")
    )
    return _Words(
        separators=_parts_at(_listed(c, "separators")),
        denial_parts=_parts_at(_listed(c, "denial_separators")),
        filler=filler,
        denials=denials,
        denial_endings=tuple(_listed(c, "denial_endings")),
        denial_phrases=tuple(tuple(p.split()) for p in _listed(c, "denial_phrases") if p.split()),
        between=between,
        in_a_denial=denials | between | filler | extra,
        before_an_act=frozenset(_listed(c, "before_an_act")),
        act_endings=tuple(_listed(c, "act_endings")),
        after_an_act=frozenset(_listed(c, "after_an_act")),
        feeling_keys=keys,
        feeling_words={k: c.text(f"feelings.{k}") for k in keys},
        interpretations=interpretations,
        own_side=tuple(_listed(c, "own_side")),
        own_side_typed=tuple(_listed(c, "own_side_typed")),
    )


def feeling_keys(c: Catalogue) -> list[str]:
    return list(_words(c).feeling_keys)


def _interpretations_in(normal: str, c: Catalogue) -> list[str]:
    return [
        key
        for key, spellings in _words(c).interpretations
        if any(f" {s} " in normal for s in spellings)
    ]


def without_interpretations(text: str, c: Catalogue) -> str:
    """`text` less the parts that name an interpretation ("ignored and stupid" -> "stupid";
    "he ignored me, I felt small" -> "I felt small"): a reading of what the other person did
    is looked at underneath, not kept as a feeling. "" when nothing else was said."""
    parts = [" ".join(p.split()) for p in _words(c).separators.split(text)]
    kept = [p for p in parts if p and not _interpretations_in(_normal(p), c)]
    return ", ".join(kept)


def beyond_chosen(
    text: str,
    chosen: list[str],
    c: Catalogue,
    *,
    hedges: Collection[str] = (),
    forms: bool = False,
) -> str:
    """`text` less the parts that only say again what was chosen with a button ("angry,
    betrayed" with "angry" chosen -> "betrayed"; "i felt angry and small" -> "small"); the
    text as typed when no part does. Words in `hedges` ("some", "guess") say nothing more
    beside a chosen word ("just some respect"); with `forms`, another form of a chosen word
    says it again too ("supported" for "support", "appreciation" for "appreciated")."""
    n = _words(c)
    said = {w for phrase in chosen for w in _normal(phrase).split()}
    parts = [" ".join(p.split()) for p in n.separators.split(text)]
    parts = [p for p in parts if p]
    words = [set(_normal(p).split()) for p in parts]
    if forms:
        words = [{_form_of(w, said) for w in part} for part in words]
    nothing_more = said | n.filler | {_normal(h).strip() for h in hedges}
    again = [bool(w & said) and w <= nothing_more for w in words]
    if not any(again):
        return text
    return ", ".join(p for p, repeated in zip(parts, again, strict=True) if not repeated)


def _form_of(word: str, said: set[str]) -> str:
    """The word of `said` that `word` is another form of ("respected" of "respect",
    "closeness" of "close": a shared start of five letters or more, with at most four letters
    of either after it), else `word`."""
    for other in sorted(said):
        shared = 0
        while shared < min(len(word), len(other)) and word[shared] == other[shared]:
            shared += 1
        if shared >= 5 and shared >= max(len(word), len(other)) - 4:
            return other
    return word


# A feeling word denied ("not angry", "wasn't really angry", "no longer angry") is not one
# they felt; nor is one done to someone ("I will hurt him", "to hurt her"). The words are
# content: naming.denials, naming.between_denial, naming.before_an_act and the like.


def _denied(before: list[str], n: _Words) -> bool:
    words = list(before)
    while words and words[-1] in n.between:
        words.pop()
    if any(tuple(words[-len(phrase) :]) == phrase for phrase in n.denial_phrases):
        return True
    return bool(words) and (words[-1] in n.denials or words[-1].endswith(n.denial_endings))


def _done_to(before: list[str], after: list[str], n: _Words) -> bool:
    last = before[-1] if before else ""
    act = last in n.before_an_act or last.endswith(n.act_endings)
    return act or (bool(after) and after[0] in n.after_an_act)


def _named(normal: str, word: str, n: _Words, felt_for: frozenset[str] = frozenset()) -> bool:
    """Whether `word` is said in `normal` as a feeling: not denied, nor done to someone, nor
    (with `felt_for`: "for") felt about someone ("sorry for him")."""
    for found in re.finditer(rf"(?<= ){re.escape(word)}(?= )", normal):
        before, after = normal[: found.start()].split(), normal[found.end() :].split()
        about = len(after) > 1 and after[0] in felt_for and after[1] in n.after_an_act
        if not (_denied(before, n) or _done_to(before, after, n) or about):
            return True
    return False


def without_denials(text: str, c: Catalogue) -> str:
    """`text` less the parts that only deny a feeling ("not angry, just sad" -> "just sad";
    "not sad" -> ""): a feeling they did not have is never said as one. The text as typed
    when no part does."""
    n = _words(c)
    labels = list(n.feeling_words.values())

    def denies(part: str) -> bool:
        normal = _normal(part.replace("’", "'"))
        here = sorted((w for w in labels if f" {w} " in normal), key=len, reverse=True)
        if not here or any(_named(normal, w, n) for w in here):
            return False
        for word in here:
            normal = normal.replace(f" {word} ", " ")
        return all(w in n.in_a_denial or w.endswith(n.denial_endings) for w in normal.split())

    parts = [" ".join(p.split()) for p in n.denial_parts.split(text)]
    parts = [p for p in parts if p]
    if not any(denies(p) for p in parts):
        return text
    return ", ".join(p for p in parts if not denies(p))


def find_words(text: str, c: Catalogue) -> Found:
    """Feelings and interpretation words mentioned in `text`, in catalogue order; a feeling
    denied ("not angry") or done to someone ("I will hurt him") is not one."""
    n = _words(c)
    normal = _normal(text.replace("’", "'"))
    feelings = [k for k in n.feeling_keys if _named(normal, n.feeling_words[k], n)]
    interpretations = _interpretations_in(normal, c)
    recognised = {n.feeling_words[k] for k in feelings}
    recognised |= {c.text(f"interpretations.{k}.label") for k in interpretations}
    rest = normal
    for word in sorted(recognised, key=len, reverse=True):
        rest = rest.replace(f" {word} ", " ")
    leftover = [w for w in rest.split() if w not in n.filler]
    return Found(tuple(feelings), tuple(interpretations), bool(leftover))


def own_side_words(text: str, c: Catalogue, *, typed: bool = True) -> tuple[str, ...]:
    """The feelings of `naming.own_side` (and, if `typed`, of `own_side_typed`) that `text`
    names as felt ("guilty", "i feel bad"; not "not guilty", nor "sorry for him"), in the
    lists' order: named for the person they hurt, they are likely the speaker's own."""
    n = _words(c)
    normal = _normal(text.replace("’", "'"))
    words = n.own_side + (n.own_side_typed if typed else ())
    # "sorry for him" is pity for them, not the one who did it's own (`moment.whose_felt_for`).
    felt_for = frozenset(str(w) for w in c.raw("moment.whose_felt_for"))
    return tuple(w for w in words if _named(normal, w, n, felt_for))


def without_feelings(text: str, words: tuple[str, ...], c: Catalogue) -> str:
    """`text` less the parts that name one of `words` as felt ("sad and guilty" less "guilty"
    -> "sad"); "" when nothing else was said; the text as typed when no part does."""
    n = _words(c)
    # Parted only where one feeling ends and another starts ("and", a comma), never at an
    # intensifier: "she felt really bad about herself" is one part, not "she felt" and more.
    parts = [" ".join(p.split()) for p in n.denial_parts.split(text)]
    parts = [p for p in parts if p]
    names = [any(_named(_normal(p.replace("’", "'")), w, n) for w in words) for p in parts]
    if not any(names):
        return text
    return ", ".join(p for p, named in zip(parts, names, strict=True) if not named)


_EDGE_MARKS = ",;:.!?…-–—()\"' "


def without_end_fillers(text: str, c: Catalogue) -> str:
    """`text` without the fillers said at either end of it (`naming.end_fillers`: "hurt ig"
    -> "hurt", "tbh just tired lol" -> "just tired"), as typed otherwise; unchanged when they
    are all it says ("idk")."""
    fillers = sorted((str(f).split() for f in c.raw("naming.end_fillers")), key=len, reverse=True)
    tokens = typed = text.split()

    def plain(token: str) -> str:
        return token.strip(_EDGE_MARKS).lower().replace("\u2019", "'")

    def ends_with(filler: list[str], at_end: bool) -> bool:
        if len(filler) >= len(tokens):
            return False
        edge = tokens[-len(filler) :] if at_end else tokens[: len(filler)]
        return [plain(t) for t in edge] == filler

    for at_end in (True, False):
        while True:
            filler = next((f for f in fillers if ends_with(f, at_end)), None)
            if filler is None:
                break
            tokens = tokens[: -len(filler)] if at_end else tokens[len(filler) :]
    if tokens == typed:
        return text
    kept = " ".join(tokens).strip(_EDGE_MARKS)
    return kept or text


def find_needs(text: str, c: Catalogue) -> tuple[tuple[str, ...], bool]:
    """Needs named in `text` by their button label; and whether there is more to keep."""
    normal = _normal(text)
    found = [
        k for k in c.children("needs") if _normal(c.text(f"needs.{k}.label")).strip() in normal
    ]
    return tuple(found), len(normal.split()) > sum(
        len(c.text(f"needs.{k}.label").split()) for k in found
    )
