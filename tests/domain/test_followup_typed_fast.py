"""Answers to "Did you get to talk about ...?" typed fast on a phone: no apostrophes ("we
didnt"), no commas ("not yet he was busy"), a "no" and then why, a yes and how it was ("we
did! it was nice"), "we talked but he got defensive"; "not yet, tomorrow maybe" says when to
ask again; a lukewarm "it was ok i guess" gets a measured reply; and "sorry was asleep. what
was i doing" is coming back, not a moment."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.content import catalogue
from bot.domain import prompts, small_talk
from bot.domain.moments import Moment
from bot.domain.prompts import (
    EVENING_CARD,
    EVENING_CHOICES,
    FOLLOW_UP_CARD,
    PLANNED_CHOICES,
    hard_and_told,
    typed_choice,
)

C = catalogue("en")


@pytest.mark.parametrize(
    ("text", "choice"),
    [
        ("no he was busy", "not_yet"),
        ("no, he was busy", "not_yet"),
        ("nope, he was busy", "not_yet"),
        ("no. he was busy", "not_yet"),
        ("nah she was working late", "not_yet"),
        ("not yet he was busy", "not_yet"),
        ("not yet, he was busy", "not_yet"),
        ("we didnt", "not_yet"),
        ("no we didnt", "not_yet"),
        ("didnt get the chance", "not_yet"),
        ("haven't had a chance yet", "not_yet"),
        ("havent had a chance yet", "not_yet"),
        ("hes been away", "not_yet"),
        ("he's been away", "not_yet"),
        ("we did! it was nice", "went_well"),
        ("we talked, it was ok i guess", "went_well"),
        ("it didnt go well", "hard"),
        ("it wasnt easy", "hard"),
        ("were good now", "went_well"),
        ("ive let it go", "let_go"),
    ],
)
def test_typed_fast_answers_the_follow_up(text: str, choice: str):
    assert typed_choice(text, FOLLOW_UP_CARD, PLANNED_CHOICES, C) == choice


@pytest.mark.parametrize(
    ("bare", "apostrophes"),
    [
        ("we didnt", "we didn't"),
        ("no we didnt", "no we didn't"),
        ("didnt get the chance", "didn't get the chance"),
        ("it didnt go well", "it didn't go well"),
        ("not yet, hes been away", "not yet, he's been away"),
        ("im good", "i'm good"),
        ("all good, im tired", "all good, i'm tired"),
        ("its ok", "it's ok"),
    ],
)
def test_without_apostrophes_reads_as_with_them(bare: str, apostrophes: str):
    for card, choices in ((FOLLOW_UP_CARD, PLANNED_CHOICES), (EVENING_CARD, EVENING_CHOICES)):
        assert typed_choice(bare, card, choices, C) == typed_choice(apostrophes, card, choices, C)
    assert small_talk.kind(bare, C) == small_talk.kind(apostrophes, C)


def test_small_talk_reads_without_apostrophes():
    assert small_talk.yes_or_no("nope", C) == "no"
    assert small_talk.comes_back("im back", C) and small_talk.comes_back("i'm back", C)


@pytest.mark.parametrize(
    "text",
    [
        "no he yelled at me again this morning",  # a hurt after the no: a moment
        "no, he screamed at me and slammed the door",
        "no he never listens to me when i bring anything up at all",  # more than a reason
        "no, it went well",  # which is it?
        "not yet he yelled at me again",
        "not really sure what to say",  # no new clause after "not really"
    ],
)
def test_a_no_and_a_story_is_no_not_yet(text: str):
    assert typed_choice(text, FOLLOW_UP_CARD, PLANNED_CHOICES, C) != "not_yet"


@pytest.mark.parametrize(
    "text",
    [
        "we talked but he got defensive",
        "we talked but he got defensive and said i was being dramatic",
        "it went really badly tbh. he got defensive",
        "it went really badly tbh. he got defensive and said i was being dramatic",
        "it was hard, he got defensive",
        "we did but she shut down again",
    ],
)
def test_hard_and_then_what_happened_is_offered(text: str):
    assert hard_and_told(text, PLANNED_CHOICES, C)


@pytest.mark.parametrize(
    "text",
    [
        "it was hard but ok",
        "it was hard tbh",
        "it was hard, thanks",
        "we talked but only for a bit",  # not how it went, nor what happened
        "we talked, it went well",
        "not yet, he was busy",
        "we talked but it went well",
    ],
)
def test_an_answer_with_nothing_told_is_not_offered(text: str):
    assert not hard_and_told(text, PLANNED_CHOICES, C)


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("not yet, tomorrow maybe", "tomorrow"),
        ("not yet, maybe tomorrow", "tomorrow"),
        ("no, tomorrow", "tomorrow"),
        ("not yet. sunday evening probably", "sunday evening"),
        ("not yet, tonight hopefully", "tonight"),
    ],
)
def test_not_yet_and_when_says_when(text: str, when: str):
    assert typed_choice(text, FOLLOW_UP_CARD, PLANNED_CHOICES, C) == "not_yet"
    assert prompts.when_after_not_yet(text, C) == when


@pytest.mark.parametrize("text", ["not yet", "no", "we didnt", "it went well, tomorrow"])
def test_not_yet_with_nothing_after_says_none(text: str):
    assert prompts.when_after_not_yet(text, C) is None


def test_a_reason_after_not_yet_is_no_time_to_ask_again():
    """The words are read as a time by the shell: a reason is none of "When should I ask
    again?"'s answers."""
    rest = prompts.when_after_not_yet("not yet, he was busy", C)
    assert rest == "he was busy"
    assert typed_choice(rest, prompts.RESCHEDULE_CARD, prompts.RESCHEDULE_CHOICES, C) is None


MOMENT = Moment(
    id="m1",
    direction="to_me",
    created_at=datetime(2026, 3, 1, 19, 30, tzinfo=UTC),
    status="planned",  # a follow-up asks about a planned talk (open in a flow: expired)
)


@pytest.mark.parametrize(
    "text", ["we talked, it was ok i guess", "it was fine i guess", "it was alright", "ok"]
)
def test_a_lukewarm_went_well_gets_a_measured_reply(text: str):
    assert prompts.lukewarm(text, C)
    now = MOMENT.created_at + timedelta(hours=24, minutes=30)
    answered = prompts.answer_follow_up(MOMENT, "went_well", now, C, measured=True)
    assert answered is not None
    measured = C.text("follow_up.went_well_measured_reply", time_to_repair="x")
    assert answered.reply.text.split("Noted")[0] == measured.split("Noted")[0]
    assert "wonderful" not in answered.reply.text
    assert "a day after it happened" in answered.reply.text


@pytest.mark.parametrize("text", ["it went really well", "we made up", "great", "all good"])
def test_a_glad_went_well_is_not_lukewarm(text: str):
    assert not prompts.lukewarm(text, C)


@pytest.mark.parametrize(
    ("elapsed", "words"),
    [
        (timedelta(minutes=20), "within the hour"),
        (timedelta(hours=3), "3 hours after it happened"),
        (timedelta(hours=24, minutes=30), "a day after it happened"),
        (timedelta(hours=46), "2 days after it happened"),
    ],
)
def test_the_time_to_repair_reads_naturally(elapsed: timedelta, words: str):
    answered = prompts.answer_follow_up(MOMENT, "went_well", MOMENT.created_at + elapsed, C)
    assert answered is not None
    assert f"Noted as repaired, {words}." in answered.reply.text
    assert "(after" not in answered.reply.text


@pytest.mark.parametrize(
    "text",
    [
        "sorry was asleep. what was i doing",
        "sorry was asleep, where were we",
        "ok. where was i",
        "sorry fell asleep! what were we doing",
        "oops got distracted. where was i",
        "what were we on about",
    ],
)
def test_coming_back_after_a_short_lead(text: str):
    assert small_talk.comes_back(text, C)
    assert small_talk.request(text, C) == small_talk.WHERE


@pytest.mark.parametrize(
    "text",
    [
        "what was i doing with my life lol",
        "sorry he yelled at me. where was i",
        "he ignored me all evening. where was i",
        "sorry i was asleep and he never even noticed. where was i",
        "what was i doing wrong",
    ],
)
def test_more_than_a_lead_is_not_coming_back(text: str):
    assert not small_talk.comes_back(text, C)


@pytest.mark.parametrize(
    "text",
    [
        "my dad died. where was i",
        "gf cheated. where was i",
        "i hit him. where was i",
        "we fought, where was i",
        "lost my job. where was i",
        "had a panic attack. where was i",
    ],
)
def test_something_told_before_where_was_i_is_not_a_lead(text: str):
    """Told, not why they were away: never swallowed as "where was I"."""
    assert not small_talk.comes_back(text, C)
    assert small_talk.request(text, C) != small_talk.WHERE


@pytest.mark.parametrize(
    ("text", "measured"),
    [
        ("we talked, it was ok i guess", True),
        ("it went well i guess", True),
        ("it went really well, she was fine with it", False),
        ("great, he was fine about it", False),
        ("it was better than i thought, i was ok in the end", False),
    ],
)
def test_a_lukewarm_word_beside_a_glowing_one_is_not_lukewarm(text: str, measured: bool):
    assert prompts.lukewarm(text, C) is measured
