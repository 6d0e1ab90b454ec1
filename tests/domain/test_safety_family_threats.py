"""Threats by someone at home (a parent, sibling, relative, flatmate or landlord), answered in
proportion (CONTENT.md, "Safety comes first"): danger when reported, violent, or beside an
arrival or finding the person, as for a partner; a teenager's "mum will kill me when she sees
my grades lol" stays everyday, and the same words with no laugh get a gentle check."""

from __future__ import annotations

import pytest

from bot.domain.safety import ABOUT_THEM, Level, asks_about, screen
from tests.domain import safety_cases

# Each got nothing before ("kill me" from anyone but he/she/they or a partner was unread).
THREATS = [
    "my dad will kill me when he gets home",
    "my brother is going to kill me when he gets back",
    "my dad will kill me when he finds me",
    "my mum will kill me when she finds me lol",
    "my dad is going to kill me when he gets home lol",
    "my stepdad is going to kill me when he sobers up",
    "my parents will kill me when they get back",
    "my flatmate will kill me when he sees me",
    "my landlord is going to kill me when he comes round",
    "my step-dad will kill me when he gets home",
    "my uncle's gonna kill me as soon as he catches me",
    "my dad's going to kill me when he finds out where i am",
    "my dad will kill me when he finds out i'm gay",
    "my sister would kill me if she knew i was seeing someone",
    "i'm scared my dad will kill me",
    "i'm scared my dad is going to kill me when he finds out",
    "i'm terrified my stepmum will hurt me",
    "my dad keeps saying he'll kill me lol",
    "my dad will hurt me",
]
# Already recognised: kept.
STILL_THREATS = [
    "my mum is going to hurt me when she finds me",
    "my stepdad said he'll beat me",
    "my flatmate threatened to hit me",
    "my roommate is going to punch me",
    "my brother said he'd strangle me",
    "my housemate is going to hit me",
    "my grandad will beat me when he gets back",
    "my mum keeps saying she's going to kill me",
]
# A thing found out, with no laugh: likely hyperbole, not surely. Asked about.
ASKED_ABOUT = [
    "my dad will kill me when he finds out i crashed the car",
    "my dad will kill me when he finds out i failed my exams",
    "my mum will kill me when she gets home and sees the kitchen",
    "my mum is going to kill me when she finds out i dyed my hair",
    "my aunt's going to kill me when she hears about this",
]
EVERYDAY = [
    "mum will kill me when she sees my grades lol",
    "my flatmate's going to kill me when he finds out i ate his leftovers lol",
    "my brother will kill me when he finds out i used his xbox lol",
    "my mum will kill me when she gets home and sees the kitchen lol",
    "my roommate is gonna kill me when he sees the state of the kitchen haha",
    "my aunt will kill me when she hears what i said lol",
    "my dad would kill me if he knew i'd failed",
    "my mum will kill me if i'm late again",
    "my brother will beat me at fifa again",
    "my dad will kill me when he gets the phone bill",
    # "left her" a possessive is no leaving: cleared by its laugh
    "my mum is going to kill me when she sees the state we left her kitchen in after that row lol",
]


@pytest.mark.parametrize("text", THREATS + STILL_THREATS)
def test_a_threat_at_home_gets_the_full_reply(text: str):
    assert screen(text).level == Level.DANGER


@pytest.mark.parametrize("text", ASKED_ABOUT)
def test_a_thing_found_out_without_a_laugh_is_asked_about(text: str):
    result = screen(text)
    assert result.level == Level.CONCERN
    assert asks_about(result) == ABOUT_THEM


@pytest.mark.parametrize("text", EVERYDAY)
def test_teenage_hyperbole_stays_everyday(text: str):
    assert screen(text).level == Level.NONE


def test_the_cases_are_in_the_labelled_sets():
    assert set(THREATS + STILL_THREATS) <= set(safety_cases.DANGER)
    assert set(ASKED_ABOUT) <= set(safety_cases.CONCERN)
    assert set(EVERYDAY) <= set(safety_cases.NONE)
