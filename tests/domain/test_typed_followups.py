"""Typed words read from a walkthrough: a follow-up answered "it went really badly tbh" and then
what happened (the card's "It was hard", the rest offered as a moment); "what was i doing"
or "where was I" at a question of a moment (the question again, never more of the story); and
a bare number outside a moment (never a moment of its own)."""

from __future__ import annotations

import pytest

from bot.content import catalogue
from bot.domain import repair_flow as rf
from bot.domain import small_talk
from bot.domain.flow import TextInput
from bot.domain.moments import TO_ME
from bot.domain.prompts import (
    FOLLOW_UP_CARD,
    PLANNED_CHOICES,
    UNFINISHED_CHOICES,
    hard_and_told,
    typed_choice,
)
from tests.domain.test_repair_flow import Walk, ctx

C = catalogue("en")


@pytest.mark.parametrize(
    "text",
    [
        "it went really badly tbh. he got defensive and said i was being dramatic",
        "it was hard, he screamed at me",  # a hurt, however short: still how it went
        "not great. we argued about it for two hours and then he walked out",
        "yeah it went badly, she said I always make everything about me",
    ],
)
def test_how_it_went_then_what_happened_is_hard_and_told(text: str):
    assert typed_choice(text, FOLLOW_UP_CARD, PLANNED_CHOICES, C) is None  # no answer alone
    assert hard_and_told(text, PLANNED_CHOICES, C)


@pytest.mark.parametrize(
    "text",
    [
        "it went really well, he listened and we hugged and he promised to put his phone away",
        "not yet, he yelled at me again this morning",
        "no, it went badly, he got defensive and said i was being dramatic",  # which is it?
        "it was hard, but in the end we talked it through and he said he was sorry",
        "badly. he got defensive and said i was being dramatic",  # one word: may be a story
        "it went badly? he got defensive and said i was being dramatic",
        "he got defensive and said i was being dramatic",
        "it was hard, it went well",
    ],
)
def test_other_words_are_not_hard_and_told(text: str):
    assert not hard_and_told(text, PLANNED_CHOICES, C)


def test_only_a_card_that_asks_how_it_went():
    text = "it went really badly tbh. he got defensive and said i was being dramatic"
    assert not hard_and_told(text, UNFINISHED_CHOICES, C)


COMING_BACK = [
    "sorry, where was i",
    "what was i doing",
    "where was i",
    "Where was I?",
    "im back",
    "I'm back!",
    "ok back",
    "sorry, where were we",
    "sorry im back, where was i",
    "oops sorry im back now",
]
NOT_COMING_BACK = [
    "ok back. she was scrolling instagram while i told her about my job interview",
    "he got distracted by his phone",
    "back",  # one word, may be anything
    "sorry",
    "he came back late and didn't say where he was",
]


@pytest.mark.parametrize("typed", COMING_BACK)
def test_coming_back_to_a_question(typed: str):
    assert small_talk.comes_back(typed, C)


@pytest.mark.parametrize("typed", NOT_COMING_BACK)
def test_words_that_only_start_or_sound_the_same_are_not_coming_back(typed: str):
    assert not small_talk.comes_back(typed, C)


def at_the_intensity_question() -> Walk:
    w = Walk()
    w.press(TO_ME)
    w.press("partner")
    w.type("Sam")
    w.press("p.phone")
    w.type("she scrolled on her phone while i was telling her about the interview")
    assert w.step == rf.INT
    return w


@pytest.mark.parametrize("typed", ["sorry, where was i", "what was i doing", "where was i?"])
def test_coming_back_at_the_intensity_question_asks_it_again(typed: str):
    w = at_the_intensity_question()
    before = w.state
    (reply,) = w.type(typed).replies
    assert w.state == before and not w.state.data.get(rf.TO_ADD)
    assert reply.text.startswith(C.text("shell.where_we_were"))
    assert reply.text.endswith(rf.REPAIR.prompt(before, w.ctx).text)
    assert reply.buttons == rf.REPAIR.prompt(before, w.ctx).buttons


def test_coming_back_while_add_this_is_asked_shows_that_card_again():
    w = at_the_intensity_question()
    w.type("and then she laughed when i asked her to put it down")
    asking = w.state
    assert asking.data.get(rf.TO_ADD)
    (reply,) = w.type("sorry where was i").replies
    assert w.state == asking  # nothing joined to the words waiting
    assert reply.text.startswith(C.text("shell.where_we_were"))


@pytest.mark.parametrize("typed", ["4", "4!", " 3 ", "4/5", "3-4", "10"])
def test_a_bare_number(typed: str):
    assert small_talk.bare_number(typed)


@pytest.mark.parametrize("typed", ["4 people laughed at me", "2am", "four", "", "?", "he said 4"])
def test_not_a_bare_number(typed: str):
    assert not small_talk.bare_number(typed)


def test_a_bare_number_at_the_offer_is_not_more_of_the_story():
    context = ctx()
    offer = rf.REPAIR.offer(context, "m1", "He ignored me at dinner")
    assert offer.state is not None
    after = rf.REPAIR.handle(offer.state, TextInput("4"), context)
    assert after.state is not None
    assert rf.moment_of(after.state).description == "He ignored me at dinner"
    (reply,) = after.replies
    assert reply.text == C.text("moment.offer_ack")
