"""Words typed at a card the bot sent on its own, read as its buttons (prompts.typed_choice)."""

from __future__ import annotations

import pytest

from bot.content import catalogue
from bot.domain import small_talk
from bot.domain.prompts import (
    EVENING_CARD,
    EVENING_CHOICES,
    FOLLOW_UP_CARD,
    RESCHEDULE_CARD,
    RESCHEDULE_CHOICES,
    YES,
    typed_choice,
)

C = catalogue("en")
PLANNED = ("went_well", "hard", "not_yet", "let_go")
UNFINISHED = ("resume", "not_yet", "let_go")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A moment hurt", "hurt"),  # the button's own label
        ("not tonight, too tired.", "not_tonight"),  # two clauses, one answer
        ("Nope", "not_tonight"),
        ("yes", YES),  # which kind? asked
        ("no, all good 🙂", "all_good"),  # a plain no gives way to what it says
        ("ok, in an hour", "snooze"),  # an "ok" says nothing
        ("thanks, not tonight", "not_tonight"),
        ("I think I hurt someone", "by_me"),
        ("no, I hurt someone", None),  # no, but something happened: which is it?
        ("not tonight, a moment hurt", None),  # two answers
        ("nah all good 🙂", "all_good"),  # a no opening a clause, without a comma
        ("nothing much today", "all_good"),
        ("not really", "not_tonight"),
        ("no good", None),  # not "no" and then "good"
        ("all good?", None),  # a question
        ("he ignored me all evening", None),  # what happened: a moment, not an answer
        ("no, he ignored me", None),
        ("", None),
        ("👍", None),
    ],
)
def test_the_evening_card(text: str, expected: str | None):
    assert typed_choice(text, EVENING_CARD, EVENING_CHOICES, C) == expected


@pytest.mark.parametrize(
    ("text", "planned", "unfinished"),
    [
        ("It went well!", "went_well", None),  # not a button of an unfinished moment's card
        ("we made up", "went_well", None),
        ("we talked and it went well", "went_well", None),
        ("yeah it was fine", "went_well", None),
        ("we talked?? it was good", "went_well", None),  # a "?" inside is no question
        ("did we?", None, None),
        ("yes, it was hard", "hard", None),
        ("we talked", YES, "resume"),  # only a yes: how did it go? / picked up again
        ("yeah", YES, "resume"),
        ("no", "not_yet", "not_yet"),
        ("not yet", "not_yet", "not_yet"),
        ("let it go", "let_go", "let_go"),
        ("no, it went well", None, None),
        ("we talked but he got defensive again", None, None),
        ("tomorrow", None, None),  # an answer to "when?", not to this card
    ],
)
def test_a_follow_up_card(text: str, planned: str | None, unfinished: str | None):
    assert typed_choice(text, FOLLOW_UP_CARD, PLANNED, C) == planned
    assert typed_choice(text, FOLLOW_UP_CARD, UNFINISHED, C) == unfinished


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tomorrow evening", "tomorrow"),
        ("tomorrow please", "tomorrow"),
        ("tonight", "tonight"),
        ("later", "hours"),
        ("yes", None),  # says no time
        ("no", None),
        ("went well", None),
    ],
)
def test_when_to_ask_again(text: str, expected: str | None):
    assert typed_choice(text, RESCHEDULE_CARD, RESCHEDULE_CHOICES, C) == expected


CARDS = {
    "evening": (EVENING_CHOICES,),
    "follow_up": ((*PLANNED, "resume", "yes"), RESCHEDULE_CHOICES),
}


@pytest.mark.parametrize("section", sorted(CARDS))
def test_listed_phrases_can_match_and_name_one_choice_a_card(section: str):
    for choices in CARDS[section]:
        owner: dict[str, str] = {}
        for choice in choices:
            key = f"{section}.typed.{choice}"
            for phrase in C.raw(key) if C.has(key) else []:
                # Written as they are compared: lower case, words only (or never matched).
                assert " ".join(small_talk.words(phrase)) == phrase, (key, phrase)
                assert owner.setdefault(phrase, choice) == choice, (section, phrase)
