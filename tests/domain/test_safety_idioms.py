"""Everyday idioms said in jest ("he's going to kill me when he finds out lol", "I wanted to die
when I read it back") answered in proportion (CONTENT.md, "Safety comes first"), and their
twins that are real danger, which must keep the full reply. The cases and their levels are in
the labelled set (tests/domain/safety_cases.py, checked by test_safety.py); here, what a level
alone does not say."""

from __future__ import annotations

import pytest

from bot.domain import safety
from bot.domain.safety import Level, screen
from tests.domain import safety_cases, safety_holdout


@pytest.mark.parametrize(
    "text",
    [
        "he's going to kill me when he finds out i broke his mug",
        "she's going to kill me when she sees i dented the car",
    ],
)
def test_an_idiom_beside_a_small_mishap_is_asked_about_them(text: str):
    """A frame beside a small mishap, with no laugh: ambiguous, so a gentle check about the
    other person, never silence."""
    result = screen(text)
    assert result.level == Level.CONCERN and safety.asks_about(result) == safety.ABOUT_THEM


@pytest.mark.parametrize("laugh", [" lol", " haha", " 😂", ", so embarrassing", " 🙈"])
def test_a_laugh_after_danger_never_lowers_it_any_further(laugh: str):
    """A laugh can be nervous. Those a laugh lowered before this change (breathlessness that
    laughs, a "he said he'd come for me") are listed, with the one frame that is read as jest
    on purpose: the rule for jest must add no other, and takes three away ("she said she'd
    kill me lol", "please don't tell anyone, he'll kill me lol")."""
    known = {
        "I'm hiding at a friend's because he said he'd come for me",
        "i dont think i want to be here anymore honestly. everyone would be better off",
        "like i can't breathe when he's angry",
        "i can't breathe when she gets mad",
        "he's going to kill me when he finds out",  # the idiom itself: in jest with a laugh
    }
    found = [t for t in safety_cases.DANGER if screen(t).level == Level.DANGER]
    found += [t for t in safety_holdout.DANGER if screen(t).level == Level.DANGER]
    lowered = {t for t in found if screen(t + laugh).level != Level.DANGER}
    assert lowered <= known
