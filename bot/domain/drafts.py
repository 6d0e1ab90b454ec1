"""Drafting a repair someone can actually say, from their answers.

"Happened to me" gets a softened start-up (observation, feeling, need, a doable request, no
blame); "I did it" gets an apology (what I did without excuses, the impact, what matters, a
question about what they need). The words are templates in `content/<lang>/drafts.toml`.

A catalogue pattern brings its own words for what happened, written to be said to the other
person. "Something else" has only the person's own narration, usually about the other person
in the third person ("She called and I hung up"), so it is never pasted into the draft: those
drafts (`*_own`) refer to "earlier" and leave the specifics to the person.
"""

from __future__ import annotations

from bot.content import Catalogue
from bot.domain.moments import BY_ME, OTHER_PATTERN, TO_ME, WHO, Moment

STYLES = ("standard", "softer", "shorter")
MAX_DRAFT = 600
_OWN_WORDS_LIMIT = 60  # typed feelings or needs, kept short enough to read as one phrase


def _join(items: list[str], c: Catalogue) -> str:
    if len(items) <= 1:
        return "".join(items)
    return c.text("drafts.parts.list_sep").join(items[:-1]) + c.text("drafts.parts.and") + items[-1]


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split()).rstrip(".!?")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _direction(moment: Moment) -> str:
    return BY_ME if moment.direction == BY_ME else TO_ME


def _from_catalogue(moment: Moment) -> bool:
    return bool(moment.pattern) and moment.pattern != OTHER_PATTERN


def happened(moment: Moment, c: Catalogue) -> str:
    """What happened, in the pattern's words for this direction ("" for own words, whose
    drafts do not name it)."""
    if not _from_catalogue(moment):
        return ""
    return c.text(f"patterns.{moment.pattern}.{_direction(moment)}")


def feelings_words(moment: Moment, c: Catalogue) -> str:
    words = [c.text(f"feelings.{key}") for key in moment.feelings[:3]]
    if not words and moment.feelings_text:
        words = [_clip(_lower_first(moment.feelings_text), _OWN_WORDS_LIMIT)]
    return _join(words, c) or c.text("drafts.parts.fallback_feeling")


def need_phrase(key: str, direction: str, c: Catalogue) -> str:
    """A need's words after "I needed" or, for an apology, after "you deserved" (where "your
    attention" has to become "my attention")."""
    if direction == BY_ME and c.has(f"needs.{key}.phrase_by_me"):
        return c.text(f"needs.{key}.phrase_by_me")
    return c.text(f"needs.{key}.phrase")


def needs_words(moment: Moment, c: Catalogue) -> str:
    direction = _direction(moment)
    words = [need_phrase(key, direction, c) for key in moment.needs[:2]]
    if not words and moment.needs_text:
        words = [_clip(_lower_first(moment.needs_text), _OWN_WORDS_LIMIT)]
    fallback = "drafts.parts.fallback_need" + ("_by_me" if direction == BY_ME else "")
    return _join(words, c) or c.text(fallback)


def request_words(moment: Moment, c: Catalogue) -> str:
    if _from_catalogue(moment):
        return c.text(f"patterns.{moment.pattern}.request")
    if moment.needs:
        return c.text(f"needs.{moment.needs[0]}.request")
    return c.text("drafts.parts.fallback_request")


def build_draft(moment: Moment, c: Catalogue, style: str = "standard") -> str:
    if style not in STYLES:
        raise ValueError(f"unknown draft style {style!r}")
    direction = _direction(moment)
    frame = direction if _from_catalogue(moment) else f"{direction}_own"
    who = moment.who if moment.who in WHO else "other"
    hello = c.text("drafts.parts.hello", name=_clip(moment.who_name, 40)) if moment.who_name else ""
    text = c.text(
        f"drafts.{frame}.{style}",
        hello=hello,
        happened=happened(moment, c),
        feelings=feelings_words(moment, c),
        needs=needs_words(moment, c),
        request=request_words(moment, c),
        why=c.text(f"drafts.why.{who}"),
        matters=c.text(f"drafts.matters.{who}"),
    )
    text = text[:1].upper() + text[1:]
    if len(text) > MAX_DRAFT:  # only reachable with unusually long typed words; keep it sayable
        text = text[: MAX_DRAFT - 1].rstrip() + "…"
    return text
