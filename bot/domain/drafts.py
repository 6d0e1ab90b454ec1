"""Drafting a repair someone can actually say, from their answers.

"Happened to me" gets a softened start-up (observation, feeling, need, a doable request, no
blame); "I did it" gets an apology (what I did without excuses, the impact, that it matters, a
question about what they need). The words are templates in `content/<lang>/drafts.toml`.
"""

from __future__ import annotations

from bot.content import Catalogue
from bot.domain.moments import OTHER_PATTERN, TO_ME, Moment

STYLES = ("standard", "softer", "shorter")
MAX_DRAFT = 600
_HAPPENED_LIMIT = 160


def _join(items: list[str], c: Catalogue) -> str:
    if len(items) <= 1:
        return "".join(items)
    return c.text("drafts.parts.list_sep").join(items[:-1]) + c.text("drafts.parts.and") + items[-1]


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split()).rstrip(".!?")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def happened(moment: Moment, c: Catalogue) -> str:
    """What happened, in words for the draft: the pattern's, else the person's own."""
    direction = moment.direction or TO_ME
    if moment.pattern and moment.pattern != OTHER_PATTERN:
        return c.text(f"patterns.{moment.pattern}.{direction}")
    own = moment.observation or moment.description or ""
    if not own.strip():
        return c.text(f"drafts.parts.own_words_{direction}", description="…")
    return c.text(f"drafts.parts.own_words_{direction}", description=_clip(own, _HAPPENED_LIMIT))


def feelings_words(moment: Moment, c: Catalogue) -> str:
    words = [c.text(f"feelings.{key}") for key in moment.feelings[:3]]
    if not words and moment.feelings_text:
        words = [_clip(_lower_first(moment.feelings_text), 60)]
    return _join(words, c) or c.text("drafts.parts.fallback_feeling")


def needs_words(moment: Moment, c: Catalogue) -> str:
    words = [c.text(f"needs.{key}.phrase") for key in moment.needs[:2]]
    if not words and moment.needs_text:
        words = [_clip(_lower_first(moment.needs_text), 60)]
    return _join(words, c) or c.text("drafts.parts.fallback_need")


def request_words(moment: Moment, c: Catalogue) -> str:
    if moment.pattern and moment.pattern != OTHER_PATTERN:
        return c.text(f"patterns.{moment.pattern}.request")
    if moment.needs:
        return c.text(f"needs.{moment.needs[0]}.request")
    return c.text("drafts.parts.fallback_request")


def build_draft(moment: Moment, c: Catalogue, style: str = "standard") -> str:
    if style not in STYLES:
        raise ValueError(f"unknown draft style {style!r}")
    direction = moment.direction or TO_ME
    hello = c.text("drafts.parts.hello", name=_clip(moment.who_name, 40)) if moment.who_name else ""
    text = c.text(
        f"drafts.{direction}.{style}",
        hello=hello,
        happened=happened(moment, c),
        feelings=feelings_words(moment, c),
        needs=needs_words(moment, c),
        request=request_words(moment, c),
    )
    text = text[:1].upper() + text[1:]
    if len(text) > MAX_DRAFT:  # only reachable with unusually long own words; keep it sayable
        text = text[: MAX_DRAFT - 1].rstrip() + "…"
    return text
