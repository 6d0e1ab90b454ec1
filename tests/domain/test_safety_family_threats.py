"""Threats by someone at home (a parent, sibling, relative, flatmate or landlord), answered in
proportion (CONTENT.md, "Safety comes first"): danger when reported, violent, or beside an
arrival or finding the person, as for a partner; a teenager's "mum will kill me when she sees
my grades lol" stays everyday, and the same words with no laugh get a gentle check. The cases
and their levels are in the labelled set (tests/domain/safety_cases.py, checked by
test_safety.py); here, whom that check asks about."""

from __future__ import annotations

import pytest

from bot.domain.safety import ABOUT_THEM, Level, asks_about, screen


# A thing found out, with no laugh: likely hyperbole, not surely. Asked about them.
@pytest.mark.parametrize(
    "text",
    [
        "my dad will kill me when he finds out i crashed the car",
        "my dad will kill me when he finds out i failed my exams",
        "my mum will kill me when she gets home and sees the kitchen",
        "my mum is going to kill me when she finds out i dyed my hair",
        "my aunt's going to kill me when she hears about this",
    ],
)
def test_a_thing_found_out_without_a_laugh_is_asked_about_them(text: str):
    result = screen(text)
    assert result.level == Level.CONCERN
    assert asks_about(result) == ABOUT_THEM
