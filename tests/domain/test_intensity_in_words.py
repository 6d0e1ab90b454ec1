"""At the 1 to 5 question ("How much is it still with you?"): how much said in words is the
answer (`moment.intensity.phrases`), never added to what the camera saw; more of what
happened is added only when they say so ("Add this to what happened?"), and the question
comes again either way."""

from __future__ import annotations

import pytest

from bot.content import Catalogue
from bot.domain import repair_flow as rf
from bot.domain.flow import Back, ButtonInput, Event, TextInput
from bot.domain.moments import TEXT_LIMIT
from tests.domain.test_repair_flow import C, Walk, options, saved, to_intensity

SEEN = "He picked up his phone."
MORE = "And then he laughed when I asked him to put it down."
ASK_ADD = C.text("moment.ask_add")

# ------------------------------------------------------------------ 1. how much, in words


@pytest.mark.parametrize(
    ("typed", "level"),
    [
        # From the review: each was added to what the camera saw.
        ("it still really hurts a lot", 4),
        ("still very much with me", 4),
        ("I can't stop thinking about it", 5),
        ("pretty bad to be honest", 4),
        ("medium, it comes and goes", 3),
        # More of how people say it.
        ("a lot", 4),
        ("quite a lot honestly", 4),
        ("really hurts", 4),
        ("it really really hurts", 5),
        ("so so much", 5),
        ("very much", 4),
        ("a little", 2),
        ("a little bit", 2),
        ("not much", 2),
        ("not very much", 2),
        ("barely", 1),
        ("hardly at all", 1),
        ("so-so", 3),
        ("It comes and goes", 3),
        ("medium", 3),
        ("not really", 2),
        ("I\u2019m over it", 1),
    ],
)
def test_how_much_in_words_answers_the_question(typed: str, level: int):
    assert rf.said_intensity(typed, C) == level
    w = to_intensity()
    (reply,) = w.type(typed).replies
    assert (w.step, w.moment.intensity) == (rf.FEEL, level), typed
    assert w.moment.observation == SEEN
    assert reply.text.startswith(C.text("moment.ask_feelings"))


@pytest.mark.parametrize(
    "typed",
    [
        "it doesn't hurt a lot",  # denied: which way, not guessed
        "a little but also a lot",  # two ends of the scale at once
        "it still hurts",  # how it is, not how much
        "a lot less than yesterday",  # compared: how much, but not which number
        "I felt so alone after that",
        "a lot?",
    ],
)
def test_feelings_talk_that_does_not_say_how_much_is_asked_again_and_nothing_added(typed: str):
    assert not rf.more_of_the_story(typed, C)
    w = to_intensity()
    (reply,) = w.type(typed).replies
    assert (w.step, w.moment.intensity, w.moment.observation) == (rf.INT, None, SEEN)
    assert reply.text == C.text("moment.ask_intensity_again")
    assert options(reply) == ["1", "2", "3", "4", "5"]
    assert not w.state.data.get(rf.TO_ADD)


@pytest.mark.parametrize(
    "typed",
    [
        "some guy laughed at me in the street",  # "some" (a 3) inside what happened
        "he drinks a lot and then yells",
        "He said I was too sensitive and walked off",
    ],
)
def test_a_how_much_word_inside_what_happened_leaves_it_what_happened(typed: str):
    assert rf.said_intensity(typed, C) is None and rf.more_of_the_story(typed, C)
    w = to_intensity()
    (card,) = w.type(typed).replies
    assert card.text == ASK_ADD and w.moment.intensity is None


def test_stop_typed_at_the_question_stops_rather_than_being_asked_about():
    w = to_intensity()
    outcome = w.type("i want to stop")
    assert outcome.state is None and outcome.replies[0].text == C.text("moment.cancelled")
    assert saved(outcome).observation == SEEN


def test_the_phrases_are_content():
    assert C.children("moment.intensity.phrases") == ["1", "2", "3", "4", "5"]
    assert "comes and goes" in C.raw("moment.intensity.phrases.3")
    fewer = Catalogue("en", {"moment.intensity.phrases.3": ["so so"]}, C)
    assert rf.said_intensity("it comes and goes", fewer) is None


# ------------------------------------------------------------------ 2. more of what happened


def at_the_add_card() -> Walk:
    w = to_intensity()
    (card,) = w.type(MORE).replies
    assert card.text == ASK_ADD and options(card) == ["add", "leave"] and not card.edit
    assert (w.step, w.moment.observation) == (rf.INT, SEEN)  # nothing added yet
    assert w.state.data[rf.TO_ADD] == MORE  # kept in the flow state: a restart keeps it
    return w


def test_more_of_what_happened_is_asked_about_not_added():
    w = at_the_add_card()
    assert rf.REPAIR.prompt(w.state, w.ctx).text == ASK_ADD  # what a reprompt shows


def test_add_it_adds_it_and_asks_the_question_again():
    w = at_the_add_card()
    (reply,) = w.press("add").replies
    assert w.step == rf.INT and w.moment.observation == f"{SEEN} {MORE}"
    assert reply.text.startswith(C.text("moment.added"))
    assert C.text("moment.ask_intensity") in reply.text
    assert options(reply) == ["1", "2", "3", "4", "5"] and reply.edit
    assert not w.state.data.get(rf.TO_ADD)
    w.press("4")
    assert (w.step, w.moment.intensity) == (rf.FEEL, 4)
    for option in ("t.lonely", "done", "t.attention", "done", "let_go"):
        w.press(option)
    assert saved(w.press("yes")).observation == f"{SEEN} {MORE}"


def test_add_it_typed_is_the_button():
    w = at_the_add_card()
    w.type("yes")
    assert w.step == rf.INT and w.moment.observation == f"{SEEN} {MORE}"


def test_no_leave_it_adds_nothing_and_asks_the_question_again():
    w = at_the_add_card()
    (reply,) = w.press("leave").replies
    assert (w.step, w.moment.observation) == (rf.INT, SEEN)
    assert C.text("moment.ask_intensity") in reply.text and not reply.text.startswith(
        C.text("moment.added")
    )
    assert options(reply) == ["1", "2", "3", "4", "5"] and reply.edit
    assert not w.state.data.get(rf.TO_ADD)


@pytest.mark.parametrize("typed", ["no", "leave it"])
def test_no_typed_is_leave_it(typed: str):
    w = at_the_add_card()
    w.type(typed)
    assert (w.step, w.moment.observation) == (rf.INT, SEEN)
    assert not w.state.data.get(rf.TO_ADD)


@pytest.mark.parametrize("answer", [TextInput("4"), TextInput("four"), ButtonInput("4")])
def test_a_number_while_the_card_waits_is_kept_and_the_card_asked_again(answer: Event) -> None:
    w = at_the_add_card()
    (reply,) = w(answer).replies
    assert (w.step, w.moment.intensity, w.moment.observation) == (rf.INT, 4, SEEN)
    assert reply.text == C.text("moment.ask_add_rated", value=4)
    assert w.state.data[rf.TO_ADD] == MORE  # not dropped: asked about once more
    w.press("leave")  # then on to the feelings
    assert (w.step, w.moment.intensity, w.moment.observation) == (rf.FEEL, 4, SEEN)
    w(Back())  # back at the question: the card is not asked again
    assert w.step == rf.INT and rf.REPAIR.prompt(w.state, w.ctx).text == C.text(
        "moment.ask_intensity"
    )


def test_how_much_in_words_while_the_card_waits_answers_too():
    w = at_the_add_card()
    w.type("a lot")
    assert (w.step, w.moment.intensity, w.moment.observation) == (rf.INT, 4, SEEN)
    w.press("add")
    assert (w.step, w.moment.observation) == (rf.FEEL, f"{SEEN} {MORE}")


def test_back_from_the_card_is_the_question_again_with_nothing_added():
    w = at_the_add_card()
    (reply,) = w(Back()).replies
    assert (w.step, w.moment.observation) == (rf.INT, SEEN)
    assert reply.text == C.text("moment.ask_intensity")
    assert options(reply) == ["1", "2", "3", "4", "5"]
    assert not w.state.data.get(rf.TO_ADD)
    w(Back())
    assert w.step == rf.CAM


def test_more_again_while_the_card_waits_is_asked_about_with_it():
    w = at_the_add_card()
    (card,) = w.type("Then he walked out of the room.").replies
    assert card.text == ASK_ADD
    w.press("add")
    assert w.moment.observation == f"{SEEN} {MORE} Then he walked out of the room."


def test_anything_else_while_the_card_waits_shows_it_again():
    w = at_the_add_card()
    (reply,) = w.type("hmm").replies
    assert ASK_ADD in reply.text and options(reply) == ["add", "leave"]
    assert w.state.data[rf.TO_ADD] == MORE


def test_more_than_the_answer_can_hold_is_not_asked_about_and_they_are_told():
    w = to_intensity()
    too_much = "he left " * ((TEXT_LIMIT - len(SEEN)) // 8 + 1)
    assert len(too_much.strip()) <= TEXT_LIMIT
    (reply,) = w.type(too_much).replies
    assert (w.step, w.moment.observation) == (rf.INT, SEEN)
    assert reply.text.startswith(C.text("moment.added_too_long", limit=TEXT_LIMIT))
    assert options(reply) == ["1", "2", "3", "4", "5"]
    assert not w.state.data.get(rf.TO_ADD)


def test_the_card_buttons_fit_in_callback_data():
    from bot.domain.callbacks import encode_flow

    for option in ("add", "leave"):
        encode_flow(rf.FLOW, rf.INT, 0xFFFFFFFFFFFF, option)
