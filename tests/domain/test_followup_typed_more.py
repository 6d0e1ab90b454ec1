"""Typed words from a month-long walkthrough: a follow-up answered with an emoji after its
opener ("not yet 😕 he fell asleep on the sofa"), or with where the talk was before how it
went ("we talked on the drive back, it was hard but ok"); a thanks with a few more words
("thanks. that helped a bit ❤️"), small talk and never a moment; and the offer's words for
more of what happened, which promise no keeping (a declined offer keeps nothing)."""

from __future__ import annotations

import pytest

from bot.content import catalogue
from bot.domain import small_talk
from bot.domain.prompts import (
    FOLLOW_UP_CARD,
    PLANNED_CHOICES,
    YES,
    hard_and_told,
    typed_choice,
)

C = catalogue("en")


@pytest.mark.parametrize(
    ("text", "choice"),
    [
        ("not yet 😕 he fell asleep on the sofa", "not_yet"),  # the emoji ends the opener
        ("not yet 😕", "not_yet"),
        ("not yet, he fell asleep on the sofa", "not_yet"),
        ("it went well 😊 we hugged", "went_well"),
        ("we talked on the drive back, it was hard but ok", "hard"),  # mixed: it was hard
        ("we talked on the drive back from the coast, it was hard", "hard"),
        ("we talked last night, it went well", "went_well"),
        ("we talked over dinner, it was rough tbh", "hard"),
        ("it was hard but ok", "hard"),
        ("hard but ok i guess", "hard"),
        ("it was tough but okay", "hard"),
        ("we talked on the drive back", YES),  # where, not how: how did it go?
        ("we talked about it last night", YES),
    ],
)
def test_follow_up_answers_read_through_emoji_and_where_it_was(text: str, choice: str):
    assert typed_choice(text, FOLLOW_UP_CARD, PLANNED_CHOICES, C) == choice


@pytest.mark.parametrize(
    "text",
    [
        "not yet 😡 he screamed at me again this morning",  # a hurt after the emoji: a moment
        "we talked on the drive back but he ignored me",  # it turns: no answer
        "we talked on the drive back, he ignored me the whole way",
        "we talked on the drive back, it was hard but ok?",
        "we talked because he yelled at me, it was hard",  # not where or when: a story
        "we talked on the drive back and he never listens, it was hard",
    ],
)
def test_other_words_are_no_answer(text: str):
    assert typed_choice(text, FOLLOW_UP_CARD, PLANNED_CHOICES, C) not in ("not_yet", "hard")


def test_hard_but_ok_and_more_is_noted_as_hard_and_the_rest_offered():
    """Longer than a reason after "it was hard": "It was hard" is recorded, and what they
    told offered to look at (hard_and_told), never lost as a new moment with no answer."""
    text = (
        "we talked on the drive back from the coast, it was hard but ok 😅 "
        "he said he didnt realise it stung"
    )
    assert typed_choice(text, FOLLOW_UP_CARD, PLANNED_CHOICES, C) is None
    assert hard_and_told(text, PLANNED_CHOICES, C)


@pytest.mark.parametrize(
    "text",
    [
        "thanks. that helped a bit ❤️",
        "thanks that helped a bit",
        "thanks, that helped",
        "thanks ❤️",
        "thank you, that helped a little",
    ],
)
def test_a_thanks_with_a_few_more_words_is_small_talk(text: str):
    assert small_talk.kind(text, C) == small_talk.THANKS


@pytest.mark.parametrize(
    "text",
    [
        "thanks for nothing, he forgot again",
        "thanks to him i cried all night",
    ],
)
def test_a_story_that_opens_with_thanks_is_not(text: str):
    assert small_talk.kind(text, C) is None


def test_more_words_at_the_offer_are_not_said_to_be_kept():
    """Words told at the offer are held for it, not kept: after "No, I just needed to say
    it" they are in neither /history nor /export."""
    assert "kept" not in C.text("moment.offer_more")
