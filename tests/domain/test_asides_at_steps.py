"""Asides typed at a question of a moment are not its answer: a question about Mend ("wait
what does this do", "is this private") or only filler ("lol", "ok so") gets a short word and
the same question again, with nothing kept; "idk his name is kind of private" at the name is
a name declined. "he snapped at me" or "i was too harsh with her" at "Which is it?" says
which; asked again, it is not word for word the same. "like a 4 i guess" is a 4, "thanks" at
the 1 to 5 question is welcomed as anywhere else, and a long story pasted there is answered
as a story that does not fit."""

from __future__ import annotations

import pytest

from bot.content import catalogue
from bot.domain import repair_flow as rf
from bot.domain.moments import BY_ME, TEXT_LIMIT, TO_ME
from tests.domain.test_repair_flow import Walk, options, saved

C = catalogue("en")

HOW = "moment.small_talk_again.how"
ACK = "moment.small_talk_again.ack"
PRIVACY = "moment.small_talk_again.privacy"

QUESTIONS_ABOUT_MEND = [
    "wait what does this do",
    "what does this do?",
    "how does this work",
    "what is this",
    "ok so what does this do",
]
QUESTIONS_ABOUT_PRIVACY = ["is this private", "who sees this"]
FILLERS = ["lol", "lmao", "haha", "hmm", "ok so", "umm", "hahaha", "lol ok"]


def at(step: str) -> Walk:
    """A walk up to `step`, answered with taps (and "Sam" as the name)."""
    w = Walk()
    if step == rf.DIR:
        return w
    w.press(TO_ME)
    if step == rf.WHO_STEP:
        return w
    w.press("partner")
    if step == rf.NAME:
        return w
    w.type("Sam")
    w.press("p.phone")
    if step == rf.CAM:
        return w
    w.type("He picked up his phone while I talked.")
    if step == rf.INT:
        return w
    w.press("4")
    if step == rf.FEEL:
        return w
    w.press("t.lonely")
    w.press("done")
    if step == rf.NEED:
        return w
    w.press("t.attention")
    w.press("done")
    assert w.step == rf.PATH
    return w


TYPED_STEPS = [rf.NAME, rf.CAM, rf.INT, rf.FEEL, rf.NEED, rf.PATH]


def assert_asked_again(w: Walk, typed: str, key: str | None) -> None:
    """`typed` gets the line at `key`, then the question again with its buttons; at the
    path, a card only its buttons answer, the question with a word to tap (as for any words
    there), and with no line at all (None) for filler."""
    before = w.state
    question = rf.REPAIR.prompt(before, w.ctx)
    outcome = w.type(typed)
    assert w.state == before, "nothing is kept, and the place stays"
    (reply,) = outcome.replies
    asked = question.text
    if before.step == rf.PATH:
        asked = C.text("moment.tap_button", prompt=question.text)
    assert reply.text == (f"{C.text(key)}\n\n{asked}" if key else asked)
    assert reply.buttons == question.buttons


# ------------------------------------------------------------------ A. asides


@pytest.mark.parametrize("step", TYPED_STEPS)
@pytest.mark.parametrize("typed", QUESTIONS_ABOUT_MEND)
def test_a_question_about_mend_is_answered_and_the_question_asked_again(step: str, typed: str):
    assert_asked_again(at(step), typed, HOW)


# Not at the camera: where the answer is their own telling, a request about Mend is theirs
# to tell ("he asked who sees this"), as the shell reads it too (handlers.OWN_WORDS).
@pytest.mark.parametrize("step", [rf.NAME, rf.INT, rf.FEEL, rf.NEED, rf.PATH])
@pytest.mark.parametrize("typed", QUESTIONS_ABOUT_PRIVACY)
def test_a_question_about_privacy_is_answered_and_the_question_asked_again(step: str, typed: str):
    assert_asked_again(at(step), typed, PRIVACY)


@pytest.mark.parametrize("step", [rf.NAME, rf.CAM, rf.FEEL, rf.NEED, rf.PATH])
@pytest.mark.parametrize("typed", FILLERS)
def test_only_filler_is_not_an_answer(step: str, typed: str):
    assert_asked_again(at(step), typed, None if step == rf.PATH else ACK)


@pytest.mark.parametrize("typed", [*FILLERS, *QUESTIONS_ABOUT_MEND])
def test_an_aside_at_the_direction_is_not_read_as_one(typed: str):
    w = at(rf.DIR)
    (reply,) = w.type(typed).replies
    assert (w.step, w.moment.direction) == (rf.DIR, None)
    assert options(reply) == [TO_ME, BY_ME]


@pytest.mark.parametrize("typed", ["lol", "hmm", "what does this do?", "is this private"])
def test_an_aside_at_the_intensity_is_neither_a_number_nor_more_of_the_story(typed: str):
    w = at(rf.INT)
    (reply,) = w.type(typed).replies
    assert (w.step, w.moment.intensity) == (rf.INT, None)
    assert w.moment.observation == "He picked up his phone while I talked."
    assert not w.state.data.get(rf.TO_ADD)
    assert options(reply) == ["1", "2", "3", "4", "5"]


def test_the_walk_the_reviewer_took_leaves_the_asides_out_of_the_draft():
    w = at(rf.FEEL)
    w.type("wait what does this do")
    w.type("lol")
    assert w.moment.feelings_text is None
    w.press("t.lonely")
    w.press("done")
    w.type("wait what does this do")
    assert w.moment.needs_text is None
    w.press("t.attention")
    w.press("done")
    w.press("now")
    draft = w.moment.draft or ""
    assert draft and "what does this do" not in draft and "lol" not in draft


def test_the_camera_does_not_keep_a_question_about_mend():
    w = at(rf.CAM)
    w.type("wait what does this do")
    assert (w.step, w.moment.observation) == (rf.CAM, None)
    w.type("He scrolled on his phone while I talked")
    assert w.moment.observation == "He scrolled on his phone while I talked"


def test_an_answer_that_opens_with_filler_is_still_the_answer():
    w = at(rf.CAM)
    w.type("lol he laughed when I asked")
    assert (w.step, w.moment.observation) == (rf.INT, "lol he laughed when I asked")
    w = at(rf.FEEL)
    w.type("hmm lonely i guess")
    assert "lonely" in w.moment.feelings
    w = at(rf.NEED)
    w.type("ok so I needed him to look up")
    assert "I needed him to look up" in (w.moment.needs_text or "")


@pytest.mark.parametrize(
    "typed",
    [
        "idk his name is kind of private",
        "his name's kinda private",
        "kinda private tbh",
        "thats personal",
        "it's a secret lol",
    ],
)
def test_a_name_kept_private_is_a_name_declined(typed: str):
    w = at(rf.NAME)
    w.type(typed)
    assert (w.step, w.moment.who_name) == (rf.PAT, None)


@pytest.mark.parametrize(("typed", "name"), [("Leo lol", "Leo"), ("his name is Tom", "Tom")])
def test_a_name_with_an_aside_is_still_the_name(typed: str, name: str):
    w = at(rf.NAME)
    w.type(typed)
    assert (w.step, w.moment.who_name) == (rf.PAT, name)


def test_a_privacy_question_at_their_own_words_for_someone_is_theirs():
    """At "Write it the way you'd say it", "do you read my messages?" may be said to him."""
    w = at(rf.PATH)
    w.press("now")
    w.press("own")
    assert w.step == rf.OWN
    outcome = w.type("do you read my messages?")
    assert saved(outcome).draft == "do you read my messages?"


# ------------------------------------------------------------------ B. the direction


HAPPENED_TO_ME = [
    "he snapped at me",
    "he yelled at me",
    "she was short with me",
    "my gf was mean",
    "my gf was mean to me",
    "Jake shouted at me",
    "my boss was so rude to me",
    "i think he was really harsh with me",
    "my best friend laughed at me",
]
I_HURT_SOMEONE = [
    "i think i was too harsh with her",
    "I snapped at him",
    "I yelled at her",
    "i was short with him",
    "honestly i was way too harsh with them",
    "I shouted at my sister",
    "i was so rude to my mum",
    "i was too harsh",
]
STILL_UNCLEAR = [
    "i was upset with him",  # how they felt, not what they did
    "she was upset with me",
    "he yelled at me so i yelled at him",  # both
    "he didn't snap at me",  # a negation
    "i was at work",
]


@pytest.mark.parametrize(
    ("typed", "direction"),
    [(t, TO_ME) for t in HAPPENED_TO_ME]
    + [(t, BY_ME) for t in I_HURT_SOMEONE]
    + [(t, None) for t in STILL_UNCLEAR],
)
def test_who_did_what_to_whom_says_the_direction(typed: str, direction: str | None):
    assert rf.typed_direction(typed, C) == direction


@pytest.mark.parametrize("typed", ["he snapped at me", "i think i was too harsh with her"])
def test_typed_at_the_card_it_goes_on_to_who(typed: str):
    w = at(rf.DIR)
    w.type(typed)
    assert w.step == rf.WHO_STEP and w.moment.direction is not None


def test_asked_again_in_a_row_it_is_not_word_for_word_the_same():
    w = at(rf.DIR)
    said = [w.type(typed).replies[0] for typed in ("both kind of", "idk both", "both really")]
    assert said[0].text == C.text("moment.ask_direction_again")
    assert said[1].text == C.text("moment.ask_direction_again_short")
    assert said[0].text != said[1].text and said[1].text != said[2].text
    assert all(options(r) == [TO_ME, BY_ME] for r in said)
    assert (w.step, w.moment.direction) == (rf.DIR, None)
    w.press(BY_ME)  # a tap after all: on to who, and a later re-ask starts over
    assert w.step == rf.WHO_STEP and not w.state.data.get(rf.DIR_ASKED)


# ------------------------------------------------------------------ C. the 1 to 5 question


@pytest.mark.parametrize(
    "typed",
    [
        "like a 4 i guess",
        "maybe 4",
        "prob a 4 tbh",
        "~4",
        "4ish",
        "4 i guess",
        "probs a 4",
        "4 ig",
        "hmm like a 4 i guess",
    ],
)
def test_a_hedged_number_is_that_number(typed: str):
    w = at(rf.INT)
    w.type(typed)
    assert (w.step, w.moment.intensity) == (rf.FEEL, 4)


def test_two_hedged_numbers_are_the_higher_as_without_hedges():
    w = at(rf.INT)
    w.type("like a 4 or 5 i guess")
    assert (w.step, w.moment.intensity) == (rf.FEEL, 5)


def test_a_hedged_number_denied_is_still_asked():
    w = at(rf.INT)
    w.type("not a 4 i guess")
    assert (w.step, w.moment.intensity) == (rf.INT, None)


@pytest.mark.parametrize("step", [rf.INT, rf.PATH, rf.FEEL, rf.CAM])
def test_thanks_is_welcomed_the_same_at_every_step(step: str):
    assert_asked_again(at(step), "thanks", "moment.small_talk_again.thanks")


def test_a_long_story_at_the_intensity_is_told_it_does_not_fit_and_asked_again():
    w = at(rf.INT)
    before = w.state
    story = ("And then he laughed when I asked him to put the phone down. " * 70).strip()
    assert len(story) > TEXT_LIMIT
    (reply,) = w.type(story).replies
    assert w.state == before  # nothing kept, nothing waiting to add
    question = rf.REPAIR.prompt(before, w.ctx)
    said = C.text("moment.added_too_long", limit=TEXT_LIMIT)
    assert reply.text == f"{said}\n\n{question.text}"
    assert reply.buttons == question.buttons
    assert C.text("moment.too_long", limit=TEXT_LIMIT) not in reply.text


def test_a_story_that_fits_at_the_intensity_is_still_offered_to_add():
    w = at(rf.INT)
    w.type("And then he laughed when I asked him to put the phone down.")
    assert w.state.data.get(rf.TO_ADD)
