"""The draft builder: the person's own feeling and need words, an apology that names what was
done, never over 600 characters."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content import catalogue
from bot.domain.drafts import MAX_DRAFT, STYLES, build_draft
from bot.domain.moments import BY_ME, DIRECTIONS, OTHER_PATTERN, TO_ME, Moment
from bot.domain.naming import feeling_keys

C = catalogue("en")
NOW = datetime(2026, 3, 1, tzinfo=UTC)
PATTERNS = C.children("patterns")
FEELINGS = feeling_keys(C)
NEEDS = C.children("needs")

moments = st.builds(
    Moment,
    id=st.just("m"),
    created_at=st.just(NOW),
    direction=st.sampled_from(DIRECTIONS),
    who=st.sampled_from(["partner", "friend", "other"]),
    who_name=st.none() | st.text(min_size=1, max_size=64).filter(str.strip),
    pattern=st.sampled_from([*PATTERNS, OTHER_PATTERN]),
    description=st.none() | st.text(min_size=1, max_size=1000),
    observation=st.none() | st.text(min_size=1, max_size=1000),
    feelings=st.lists(st.sampled_from(FEELINGS), min_size=1, max_size=6, unique=True).map(tuple),
    needs=st.lists(st.sampled_from(NEEDS), min_size=1, max_size=5, unique=True).map(tuple),
)


@settings(max_examples=400, deadline=None)
@given(moment=moments, style=st.sampled_from(STYLES))
def test_drafts_use_the_persons_words_and_fit(moment: Moment, style: str):
    draft = build_draft(moment, C, style)
    assert len(draft) <= MAX_DRAFT
    assert C.text(f"feelings.{moment.feelings[0]}") in draft
    assert C.text(f"needs.{moment.needs[0]}.phrase") in draft
    if moment.pattern != OTHER_PATTERN:
        assert C.text(f"patterns.{moment.pattern}.{moment.direction}") in draft


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("pattern", PATTERNS)
def test_an_apology_names_what_was_done_without_excuses(pattern: str, style: str):
    moment = Moment(
        "m", NOW, direction=BY_ME, pattern=pattern, feelings=("hurt",), needs=("respect",)
    )
    draft = build_draft(moment, C, style)
    assert C.text(f"patterns.{pattern}.by_me") in draft
    assert "sorry" in draft.lower() or "apolog" in draft.lower()
    for excuse in (" but ", "if you ", "you made me", "just joking"):
        assert excuse not in draft.lower()
    assert draft.rstrip().endswith("?")  # it asks what they need


def test_a_softened_startup_is_observation_feeling_need_request():
    moment = Moment(
        "m",
        NOW,
        direction=TO_ME,
        who_name="Sam",
        pattern="phone",
        feelings=("lonely", "hurt"),
        needs=("attention",),
    )
    draft = build_draft(moment, C)
    assert draft.startswith("Hey Sam, ")
    observation = draft.index("you picked up your phone")
    feeling = draft.index("lonely and hurt")
    need = draft.index("your attention")
    request = draft.index("Would you be willing to put our phones away")
    assert observation < feeling < need < request
    for blame in ("you always", "you never", "you don't care"):
        assert blame not in draft.lower()


def test_own_words_are_quoted_and_clipped():
    moment = Moment(
        "m",
        NOW,
        direction=TO_ME,
        pattern=OTHER_PATTERN,
        description="He left me at the party " + "and then " * 100,
        feelings_text="Like I didn't matter",
        needs_text="To be a priority",
    )
    draft = build_draft(moment, C)
    assert "He left me at the party" in draft and "…" in draft
    assert "like I didn't matter" in draft and "to be a priority" in draft
    assert len(draft) <= MAX_DRAFT
