"""Typed answers from two weeks of living with the bot: a follow-up answered with a hedge ("it
was ok i guess") is how it went, never a new hurt; "not yet" belongs to "Did you get to talk
...?" before a newer evening card that also lists it loosely; a good day told with something
shared ("it was a good day, we went for a walk") is a moment of connection kept with their
words; and "Ask me in an hour" already inside quiet hours says so."""

from __future__ import annotations

from datetime import UTC, datetime, time

import pytest

from bot.content import catalogue
from bot.domain import small_talk
from bot.domain.prompts import (
    EVENING_CARD,
    EVENING_CHOICES,
    FOLLOW_UP_CARD,
    PLANNED_CHOICES,
    UNFINISHED_CHOICES,
    connection_told,
    gives_way,
    hard_and_told,
    snooze_quiet_key,
    typed_choice,
)
from bot.domain.schedule import Prefs

C = catalogue("en")


@pytest.mark.parametrize(
    "text",
    [
        "we talked, it was ok i guess",
        "it was ok i guess",
        "it was ok i guess tbh",
        "yeah we talked, it went fine i think",
        "it was kinda ok",
        "it went sort of ok i suppose",
        "we talked and it was ok",  # worked before: stays
    ],
)
def test_a_hedged_answer_at_a_follow_up_is_how_it_went(text: str):
    assert typed_choice(text, FOLLOW_UP_CARD, PLANNED_CHOICES, C) == "went_well"
    assert not hard_and_told(text, PLANNED_CHOICES, C)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kind of", "hard"),  # a hedge alone is still its own listed answer
        ("it was kind of hard i guess", "hard"),
        ("not yet i guess", "not_yet"),
        ("i guess", None),  # only a hedge: says nothing
        ("it was ok i guess, but he's still cold", None),  # turned: a story
    ],
)
def test_hedges_only_soften_an_answer(text: str, expected: str | None):
    assert typed_choice(text, FOLLOW_UP_CARD, PLANNED_CHOICES, C) == expected


@pytest.mark.parametrize("text", ["not yet", "Not yet!", "no, not yet", "not yet, in a bit"])
def test_not_yet_gives_way_to_a_follow_up(text: str):
    # Still the evening card's "ask me later" when it waits alone...
    assert typed_choice(text, EVENING_CARD, EVENING_CHOICES, C) == "snooze"
    # ...but the answer "Did you get to talk about ...?" asks for when that waits too.
    assert typed_choice(text, FOLLOW_UP_CARD, PLANNED_CHOICES, C) == "not_yet"
    assert gives_way(text, C)


@pytest.mark.parametrize(
    "text", ["later", "not now", "not tonight", "all good", "good", "in an hour"]
)
def test_other_evening_answers_are_the_newest_cards(text: str):
    assert not gives_way(text, C)


@pytest.mark.parametrize(
    "text",
    [
        "it was a good day actually, we went for a walk and held hands",
        "good day, we went for a walk",
        "today was lovely, we cooked together",
        "we had a nice evening, we watched a film together",
        "It was a really good day! We laughed a lot 😊",
        "yes, good day today, we finally had dinner together",
    ],
)
def test_a_good_day_told_with_something_shared_is_a_connection(text: str):
    assert connection_told(text, C)


@pytest.mark.parametrize(
    "text",
    [
        "it was a good day",  # nothing told: all good
        "all good, we cooked together",  # opens with all good, not a good day: all good
        "it was a good day, he forgot my birthday",  # about him, maybe a hurt
        "it was a good day, but we argued again",
        "good day, we barely spoke",
        "it was a good day, then we had a huge fight",
        "good day, we went for a walk?",
        "good day, work went great",  # nothing shared
        "he ignored me, it was a good day otherwise",
        "good day, we went for a walk, a moment hurt though",
    ],
)
def test_other_words_are_no_connection(text: str):
    assert not connection_told(text, C)


@pytest.mark.parametrize(
    "text",
    ["today was lovely", "we had a nice evening", "it was a good day", "good day today"],
)
def test_a_good_day_alone_is_all_good(text: str):
    assert typed_choice(text, EVENING_CARD, EVENING_CHOICES, C) == "all_good"


def test_good_day_phrases_are_written_as_compared_and_name_no_other_answer():
    assert C.raw("evening.typed.good_day")
    for phrase in C.raw("evening.typed.good_day"):
        assert " ".join(small_talk.words(phrase)) == phrase
        for choice in EVENING_CHOICES:
            if choice != "all_good":
                assert phrase not in C.raw(f"evening.typed.{choice}"), phrase
        assert phrase not in C.raw("evening.typed.all_good"), phrase  # listed once


BERLIN = Prefs(zone="Europe/Berlin")  # quiet hours 22:30 to 08:00


@pytest.mark.parametrize(
    ("utc", "key"),
    [
        (datetime(2026, 3, 21, 20, 45, tzinfo=UTC), "evening.snooze_quiet"),  # 21:45
        (datetime(2026, 3, 21, 21, 45, tzinfo=UTC), "evening.snooze_quiet_now"),  # 22:45
        (datetime(2026, 3, 21, 23, 30, tzinfo=UTC), "evening.snooze_quiet_now"),  # 00:30
    ],
)
def test_ask_me_in_an_hour_in_quiet_hours_says_it_is_quiet_time_now(utc: datetime, key: str):
    assert BERLIN.quiet_start == time(22, 30)
    assert snooze_quiet_key(utc, BERLIN) == key
    assert C.text("evening.snooze_quiet_now") == (
        "It's your quiet time now, so let's leave it for tonight."
    )


def test_an_unfinished_moments_card_takes_not_yet_too():
    assert typed_choice("not yet", FOLLOW_UP_CARD, UNFINISHED_CHOICES, C) == "not_yet"
