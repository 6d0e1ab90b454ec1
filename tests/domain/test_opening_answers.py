"""Typed answers that open with a card's answer and go on to say more ("not yet, he was
busy"): read as that answer, conservatively (prompts.typed_choice). From a walkthrough where
such answers were offered as new moments and the follow-up stayed unanswered."""

from __future__ import annotations

import pytest

from bot.content import catalogue
from bot.domain import small_talk
from bot.domain.prompts import (
    EVENING_CARD,
    EVENING_CHOICES,
    FOLLOW_UP_CARD,
    LONGEST_PHRASE,
    YES,
    typed_choice,
)

C = catalogue("en")
PLANNED = ("went_well", "hard", "not_yet", "let_go")
UNFINISHED = ("resume", "not_yet", "let_go")
STORY = "no, he never listens to me when I talk about work and I'm tired of it"


@pytest.mark.parametrize(
    ("text", "planned", "unfinished"),
    [
        # From the walkthrough.
        ("it went really well actually!! 😊", "went_well", None),  # stress and emoji aside
        ("it went well thanks", "went_well", None),
        ("we talked it through and he said sorry", "went_well", None),
        ("not yet, he was busy", "not_yet", "not_yet"),  # an answer, then why
        # More than a short reason (test_opening_stories): a story, offered as a moment.
        ("not really, he was on his phone the whole time again", None, None),
        ("kind of", "hard", None),  # partly: the hard one, where the card has it
        ("sort of", "hard", None),
        # Yes, and both how it went: asked how it went (an unfinished one has no "how").
        ("yeah we talked, it was rough but he apologised", YES, None),
        ("it was rough but he apologised", YES, None),
        ("it was hard but we talked, he said sorry", YES, None),
        ("it was hard, it went well", YES, None),  # both, each listed: asked, not guessed
        # Phrases listed now.
        ("not great, he got defensive again", "hard", None),  # what made it hard
        ("we talked a bit, it was hard", "hard", None),
        ("she said sorry", "went_well", None),
        ("we worked it out", "went_well", None),
        ("no, not yet, he had a long week", "not_yet", "not_yet"),
        ("ok so not yet, he was away", "not_yet", "not_yet"),
        ("we didn't get the chance", "not_yet", "not_yet"),
        ("I'm over it, it's not worth the fight", "let_go", "let_go"),
    ],
)
def test_a_follow_up_answer_that_says_more(text: str, planned: str | None, unfinished: str | None):
    assert typed_choice(text, FOLLOW_UP_CARD, PLANNED, C) == planned
    assert typed_choice(text, FOLLOW_UP_CARD, UNFINISHED, C) == unfinished


@pytest.mark.parametrize(
    "text",
    [
        STORY,  # a story that opens with "no" is a moment, as before
        "yeah, he never listens to me when I talk about work",
        "we talked, he never listens to me",  # says no more than yes: a story follows
        "no, it went well",  # which is it?
        "no, it went really well actually",
        "not yet, he was busy?",  # a question
        "he was busy, so not yet",  # the answer does not open it
        "not yet, we talked about it for a bit",  # then they did talk?
        "not yet, he was in a good mood though",  # another answer named
        "it went well, but he's still cold with me",  # it turns on a "but"
        "it went well, he didn't really listen",  # a "not" after a yes
        "it was fine, he just ignored me after",  # what came after undoes it
        "it went well and then he went on his phone again",
        "no, it was rough but he apologised",  # no, but how it went?
        "well, he never listens",  # one word opening a story: "well" may be no answer
        "fine, he forgot my birthday again",
        "it went well, not yet",  # two answers
        "kind of, not really",
        "it went well until he brought up his mum",  # one clause, not listed
        "we talked but he got defensive again",  # as before
    ],
)
def test_words_that_stay_unanswered_at_a_follow_up(text: str):
    assert typed_choice(text, FOLLOW_UP_CARD, PLANNED, C) is None
    assert typed_choice(text, FOLLOW_UP_CARD, UNFINISHED, C) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("all good, just a long day at work", "all_good"),
        ("it was a really good day thanks", "all_good"),
        ("not tonight, I've got an early start", "not_tonight"),
        ("I think I hurt someone, I snapped at my sister", "by_me"),
        ("a moment hurt, he didn't look at me all evening", "hurt"),  # a "not" says what hurt
        ("kind of", None),  # no "partly" among its buttons
        ("sort of", None),
        ("no, he ignored me", None),  # as before
        ("all good, but he ignored me at dinner", None),
        ("nothing much, he didn't text me back all day", None),  # "nothing", then a "not"
        ("not really, he ignored me all evening", None),  # a hurt told: offered as a moment
        ("not tonight, she yelled at me and I felt humiliated", None),
        ("all good, a moment hurt though", None),
        ("all good, not tonight", None),  # two answers, as before
        ("fine, not tonight", None),  # "fine" is an "ok" too, but here it answers
        ("not tonight, fine", None),
        ("good, he finally talked to me", None),  # one word opening a story
        (STORY, None),
    ],
)
def test_an_evening_answer_that_says_more(text: str, expected: str | None):
    assert typed_choice(text, EVENING_CARD, EVENING_CHOICES, C) == expected


def test_no_listed_phrase_is_longer_than_what_is_looked_for_inside_an_answer():
    for section, choices in (("evening", EVENING_CHOICES), ("follow_up", (*PLANNED, "resume"))):
        for choice in (*choices, "yes"):
            key = f"{section}.typed.{choice}"
            listed = C.raw(key) if C.has(key) else []
            label = [C.text(f"{section}.{choice}")] if C.has(f"{section}.{choice}") else []
            for phrase in (*listed, *label):
                assert len(small_talk.words(phrase)) <= LONGEST_PHRASE, (key, phrase)
