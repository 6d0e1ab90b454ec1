"""Typed answers to "Did you get to talk about ...?" from a tester's walk, mostly from someone
who thinks they hurt someone: what the other person did ("she forgave me", "he said no
worries"), what they did ("i said sorry": how did it go?), why not yet ("he wasn't home", "i
chickened out", "he didn't want to talk"), letting it go, and not being sure ("kind of?"):
each read as the card's answer (`typed_choice`, then the clause reader `told`, as the shell
reads them), not a new moment.
Words about something else are still no answer."""

from __future__ import annotations

import pytest

from bot.content import catalogue
from bot.domain.prompts import (
    FOLLOW_UP_CARD,
    PLANNED_CHOICES,
    UNFINISHED_CHOICES,
    UNSURE,
    WHICH,
    YES,
    told,
    typed_choice,
)

C = catalogue("en")


def read(text: str) -> str | None:
    read = typed_choice(text, FOLLOW_UP_CARD, PLANNED_CHOICES, C)
    return read or told(text, PLANNED_CHOICES, C)


@pytest.mark.parametrize(
    ("text", "choice"),
    [
        ("she forgave me", "went_well"),
        ("he forgave me 🙂", "went_well"),
        ("he accepted my apology", "went_well"),
        ("she accepted it", "went_well"),
        ("i sent it, he said no worries", "went_well"),
        ("i apologised and she said it was ok", "went_well"),
        ("its fine now", "went_well"),
        ("it's fine now", "went_well"),
        ("we're fine now", "went_well"),
        ("we talked, he got defensive", "hard"),
        ("we talked but it got worse", "hard"),
        ("we talked. it was awkward but ok", "hard"),
        ("he's still upset with me", "hard"),
        ("she's still mad at me", "hard"),
        ("i said sorry but he's still upset", "hard"),
        ("he accepted it but it was awkward", "hard"),
        ("he wasn't home", "not_yet"),
        ("she didn't pick up", "not_yet"),
        ("she didnt pick up", "not_yet"),
        ("not yet but soon", "not_yet"),
        ("i chickened out", "not_yet"),
        ("i lost my nerve", "not_yet"),
        ("he didn't want to talk", "not_yet"),
        ("he didnt want to talk about it", "not_yet"),
        ("he said he needs some time", "not_yet"),
        ("i think i will just let it go", "let_go"),
        ("i'll just let it go", "let_go"),
        ("i said sorry", YES),
        ("i apologized", YES),
        ("i apologised", YES),
        ("i texted her sorry", YES),
        ("i sent it", YES),
        ("not sure", UNSURE),
        ("kind of?", UNSURE),
        ("i'm not sure", UNSURE),
        ("ok", WHICH),
        ("okay", WHICH),
    ],
)
def test_follow_up_words_read_as_its_answer(text: str, choice: str):
    assert read(text) == choice


@pytest.mark.parametrize(
    "text",
    [
        "my boss got defensive when i asked for a raise",  # someone else: a new moment
        "my sister didn't pick up when i called about mum",
        "i can't let it go",  # not letting it go
        "he forgot my birthday and i'm still upset",
        "i said sorry to my mum for shouting at her today and she cried",
        "did he forgive me?",  # a question
        "not yet he yelled at me again",  # a hurt: a story
        "he fell asleep on the sofa again",
        "she forgave me but then she ignored me all evening at the party with her friends",
        # A story of its own around a listed word: offered as one, not taken as this answer.
        "he cried when his dog died",
        "we argued about politics at dinner",
        "i'm not well",
        "he said no problem when i asked him to pick up the kids",
        "he said no worries then went on his phone",
        "i hope she forgives me",
        "i called the doctor",
        "i wrote a poem",
        "we fought again last night about money",
        "he blamed me for the car breaking down",
        "i was too scared of his reaction",  # fear: offered, where "unsafe to raise" is
        "too scared of how he'd react",
    ],
)
def test_other_words_are_still_no_answer(text: str):
    assert read(text) not in ("went_well", "hard", "not_yet", "let_go", YES)


def test_an_unfinished_moments_card_takes_no_outcome():
    """ "Pick it up again?" asks nothing of a talk: "she forgave me" is no answer to it."""
    assert typed_choice("she forgave me", FOLLOW_UP_CARD, UNFINISHED_CHOICES, C) is None
    assert told("she forgave me", UNFINISHED_CHOICES, C) is None
    assert typed_choice("kind of?", FOLLOW_UP_CARD, UNFINISHED_CHOICES, C) is None


def test_kinda_without_a_question_is_still_hard():
    assert read("kinda") == "hard"
