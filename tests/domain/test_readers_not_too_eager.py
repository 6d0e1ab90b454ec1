"""Readers of typed words that took real answers for something else, from a review: a time
said not to be the time ("not tonight") planned then; an answer that opens with "hold on" or
"one moment" taken as stepping away; "i got distracted" (what they did) taken as coming back;
who it was, described ("my ex who cheated on me"), taken as what happened; a partner named
Will suggested for "i will"; "10:30" dropped as a bare number; "sorry for him" asked about
as the speaker's own; "later, not sure when" taken as not knowing which."""

from __future__ import annotations

import pytest

from bot.content import catalogue
from bot.domain import naming, small_talk
from bot.domain import repair_flow as rf
from bot.domain import who as who_reading
from bot.domain.moments import BY_ME, LATER, NOW, PLANNED
from tests.domain.test_repair_flow import Walk, saved, to_needs
from tests.domain.test_walkthrough_flow_fixes import at_who, with_partner

C = catalogue("en")


# ------------------------------------------------------------------ 1. a negated time


@pytest.mark.parametrize(
    "typed", ["i'll talk to him, not tonight", "not tomorrow", "not tonight", "not now, sunday"]
)
def test_a_time_said_not_to_be_the_time_is_never_planned(typed: str):
    w = to_needs(Walk())
    outcome = w.type(typed)
    assert outcome.state is not None  # nothing saved as planned
    assert w.moment.status != PLANNED and w.moment.plan_due_at is None


@pytest.mark.parametrize(
    "typed", ["i'll talk to him, not tonight", "not tomorrow", "not tonight", "not now, sunday"]
)
def test_not_that_time_is_talk_about_it_later_asked_when(typed: str):
    w = to_needs(Walk())
    w.type(typed)
    assert (w.step, w.moment.path) == (rf.WHEN, LATER)


def test_i_will_not_talk_to_him_tomorrow_plans_nothing():
    w = to_needs(Walk())
    w.type("i will not talk to him tomorrow")
    assert w.step == rf.PATH and w.moment.path is None


def test_a_time_with_no_negation_is_still_planned():
    w = to_needs(Walk())
    outcome = w.type("i'll talk to him tomorrow evening")
    assert outcome.state is None and saved(outcome).status == PLANNED


# ------------------------------------------------------------------ 2. stepping away


@pytest.mark.parametrize(
    "typed",
    [
        "hold on, he said he'd leave me",
        "wait a second, i didn't even raise my voice",
        "one moment he was fine",
        "one minute of his attention",
        "give me a minute to think",
        "hold on he never gets off his phone",  # a reason word, in a story
        "sec later he walked out",
    ],
)
def test_an_answer_that_opens_like_stepping_away_is_an_answer(typed: str):
    assert not small_talk.steps_away(typed, C)


@pytest.mark.parametrize(
    "typed",
    [
        "sorry hang on my mum is calling",
        "brb",
        "one sec kid crying",
        "hang on a sec 🙏",
        "ok gimme a minute",
        "hold on, someone at the door",
        "one moment",  # only standing alone
        "wait a sec",
        "sorry one minute",
    ],
)
def test_stepping_away_with_a_reason_or_none_is_still_away(typed: str):
    assert small_talk.steps_away(typed, C)


# ------------------------------------------------------------------ 3. coming back


@pytest.mark.parametrize(
    "typed", ["i got distracted", "got distracted", "sorry got distracted", "i got sidetracked"]
)
def test_got_distracted_may_be_what_happened_not_coming_back(typed: str):
    assert not small_talk.comes_back(typed, C)


def test_i_got_distracted_at_what_do_you_think_you_did_is_the_answer():
    w = Walk()
    w.press(BY_ME)
    w.press("partner")
    w.type("Sam")
    assert w.step == rf.PAT
    (reply,) = w.type("i got distracted").replies
    assert not reply.text.startswith(C.text("shell.where_we_were"))
    assert w.moment.description == "i got distracted"


# ------------------------------------------------------------------ 4. who, described


@pytest.mark.parametrize(
    "typed",
    [
        "my ex who cheated on me",
        "a friend i haven't seen in years",
        "the friend i told you about",
        "my friend who i don't really talk to anymore",
        "my sister that never calls",
        "my friend from work who ignored me",
    ],
)
def test_who_it_was_described_is_who_not_what_happened(typed: str):
    assert not who_reading.tells_what_happened(typed, C)


@pytest.mark.parametrize(
    "typed",
    [
        "my sister forgot my birthday",
        "my boss yelled at me in front of everyone",
        "he ignored me all evening",
        "i think my friend didn't even text me back",
    ],
)
def test_a_story_that_starts_with_who_is_still_a_story(typed: str):
    assert who_reading.tells_what_happened(typed, C)


# ------------------------------------------------------------------ 5. a partner named Will


def test_a_partners_name_that_is_an_ordinary_word_in_lower_case_is_not_suggested():
    w = at_who(with_partner("Will"), "i forgot to ask about her exam, i will make it up")
    text = rf.REPAIR.prompt(w.state, w.ctx).text
    assert "Will" not in text and "It sounds like" not in text


def test_a_partners_name_that_is_an_ordinary_word_capitalised_is_suggested():
    w = at_who(with_partner("Will"), "i forgot to ask Will about his exam")
    text = rf.REPAIR.prompt(w.state, w.ctx).text
    assert "It sounds like Will" in text


@pytest.mark.parametrize("story", ["maya didn't ask about my exam", "I think maya forgot"])
def test_a_partners_name_that_is_no_ordinary_word_is_suggested_in_any_case(story: str):
    w = at_who(with_partner("Maya"), story)
    assert "It sounds like Maya" in rf.REPAIR.prompt(w.state, w.ctx).text


def test_an_ordinary_word_name_in_lower_case_in_a_story_with_capitals_is_not_suggested():
    w = at_who(with_partner("Will"), "I forgot her exam, I will make it up")
    assert "It sounds like" not in rf.REPAIR.prompt(w.state, w.ctx).text


# ------------------------------------------------------------------ 6. bare numbers


@pytest.mark.parametrize("typed", ["10:30", "21:00", "2024", "100%", "11", "4 5 6", "1.5"])
def test_a_time_a_year_or_a_percentage_is_no_bare_number(typed: str):
    assert not small_talk.bare_number(typed)


@pytest.mark.parametrize("typed", ["0", "4", "4!", "4.", " 3 ", "4/5", "3-4", "10", "5/5!"])
def test_a_small_number_is_a_bare_number(typed: str):
    assert small_talk.bare_number(typed)


# ------------------------------------------------------------------ 7. naming docstrings


@pytest.mark.parametrize("typed", ["sorry for him", "i feel so sorry for her", "bad for them"])
def test_a_feeling_for_someone_is_not_counted_as_the_speakers_own(typed: str):
    assert naming.own_side_words(typed, C) == ()


@pytest.mark.parametrize(
    ("typed", "words"), [("guilty", ("guilty",)), ("sorry for what i did", ("sorry",))]
)
def test_own_side_feelings_are_still_counted(typed: str, words: tuple[str, ...]):
    assert naming.own_side_words(typed, C) == words


@pytest.mark.parametrize(
    ("typed", "left"),
    [
        ("she felt really bad about herself", ""),
        ("sad and guilty", "sad"),
        ("hurt, and very guilty", "hurt"),
        ("lonely", "lonely"),
    ],
)
def test_without_feelings_takes_off_whole_parts_only(typed: str, left: str):
    words = ("bad",) if "bad" in typed else ("guilty",)
    assert naming.without_feelings(typed, words, C) == left


# ------------------------------------------------------------------ 8. a button over not sure


@pytest.mark.parametrize(
    ("typed", "step", "path"),
    [
        ("later, not sure when", rf.WHEN, LATER),
        ("not sure when, but later", rf.WHEN, LATER),
        ("not sure he'll listen but i'll say something now", rf.DRAFT, NOW),
    ],
)
def test_a_button_named_wins_over_not_sure(typed: str, step: str, path: str):
    w = to_needs(Walk())
    w.type(typed)
    assert (w.step, w.moment.path) == (step, path)


@pytest.mark.parametrize(
    "typed",
    ["i'm not sure", "i really don't know", "not sure i want to say something now"],
)
def test_mainly_unsure_is_still_unsure(typed: str):
    w = to_needs(Walk())
    (reply,) = w.type(typed).replies
    assert w.step == rf.PATH and reply.text == C.text("moment.path_unsure")


@pytest.mark.parametrize(
    "typed", ["he's not sure he wants to talk", "he said he didn't know what to do"]
)
def test_not_sure_inside_other_words_is_not_not_knowing_which(typed: str):
    w = to_needs(Walk())
    (reply,) = w.type(typed).replies
    assert w.step == rf.PATH and reply.text != C.text("moment.path_unsure")
