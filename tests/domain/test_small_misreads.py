"""Three small misreads in a moment: "hold on, she called me at work" is what happened, not
stepping away; and more of what happened, waiting at "Add this to what happened?", is never
lost because the 1 to 5 question was answered instead."""

from __future__ import annotations

import pytest

from bot.domain import repair_flow as rf
from bot.domain.flow import Back, ButtonInput, Event, TextInput
from bot.domain.small_talk import steps_away
from tests.domain.test_intensity_in_words import ASK_ADD, MORE, SEEN, at_the_add_card
from tests.domain.test_repair_flow import C, options, saved
from tests.domain.test_stepping_away import at_the_camera

# ------------------------------------------------------------------ 1. telling, not away

TELLING = [
    "hold on, she called me at work",
    "hold on she called me at work",
    "hang on, he texted me at work",
    "hold on, she rang my boss",
    "sorry hold on, he told my boss",
    "one sec, she yelled at the kids",
    "hold on, they ignored me at dinner",
    "hang on, mum called me at work",
]
STILL_AWAY = [
    "brb",
    "hang on, my mum is calling",
    "sorry hang on my mum is calling",
    "hold on, my boss just called",
    "hang on, the baby started crying",
    "hold on, my boss walked in",
    "hang on, work call",
    "sorry, one sec, kid crying",
]


@pytest.mark.parametrize("typed", TELLING)
def test_telling_what_happened_after_hold_on_is_an_answer(typed: str):
    assert not steps_away(typed, C)


@pytest.mark.parametrize("typed", STILL_AWAY)
def test_stepping_away_is_still_stepping_away(typed: str):
    assert steps_away(typed, C)


def test_at_the_camera_hold_on_she_called_me_at_work_is_the_answer():
    w = at_the_camera()
    w.type("hold on, she called me at work")
    assert w.step == rf.INT
    assert w.moment.observation == "hold on, she called me at work"


def test_at_the_camera_hang_on_my_mum_is_calling_still_keeps_the_place():
    w = at_the_camera()
    before = w.state
    (reply,) = w.type("hang on, my mum is calling").replies
    assert w.state == before and w.moment.observation is None
    assert reply.text.startswith(C.text("moment.small_talk_again.away"))


# ------------------------------------------------------------------ 2. the add card ignored

NUMBERS: list[Event] = [TextInput("4"), TextInput("four"), TextInput("a lot"), ButtonInput("4")]


@pytest.mark.parametrize("answer", NUMBERS)
def test_a_number_while_the_card_waits_is_kept_and_the_words_asked_about_again(answer: Event):
    w = at_the_add_card()
    (reply,) = w(answer).replies
    assert (w.moment.intensity, w.moment.observation) == (4, SEEN)  # the answer, kept
    assert w.state.data[rf.TO_ADD] == MORE  # the words, not lost
    assert reply.text == C.text("moment.ask_add_rated", value=4)
    assert options(reply) == ["add", "leave"]


def test_add_it_then_goes_on_to_feelings_with_the_words_added():
    w = at_the_add_card()
    w.type("4")
    (reply,) = w.press("add").replies
    assert (w.step, w.moment.intensity) == (rf.FEEL, 4)
    assert w.moment.observation == f"{SEEN} {MORE}"
    assert reply.text.startswith(C.text("moment.added"))
    assert C.text("moment.ask_feelings") in reply.text
    assert not w.state.data.get(rf.TO_ADD) and not w.state.data.get(rf.RATED)
    for option in ("t.lonely", "done", "t.attention", "done", "let_go"):
        w.press(option)
    assert saved(w.press("yes")).observation == f"{SEEN} {MORE}"


@pytest.mark.parametrize("leave", [ButtonInput("leave"), TextInput("no")])
def test_leave_it_then_goes_on_to_feelings_with_nothing_added(leave: Event):
    w = at_the_add_card()
    w.type("4")
    (reply,) = w(leave).replies
    assert (w.step, w.moment.intensity, w.moment.observation) == (rf.FEEL, 4, SEEN)
    assert reply.text.startswith(C.text("moment.ask_feelings"))
    assert not w.state.data.get(rf.TO_ADD) and not w.state.data.get(rf.RATED)


def test_a_second_number_goes_on_and_says_the_words_were_left_out():
    w = at_the_add_card()
    w.type("4")
    (reply,) = w.type("3").replies
    assert (w.step, w.moment.intensity, w.moment.observation) == (rf.FEEL, 3, SEEN)
    assert reply.text.startswith(C.text("moment.add_left_out"))
    assert C.text("moment.ask_feelings") in reply.text
    assert not w.state.data.get(rf.TO_ADD) and not w.state.data.get(rf.RATED)


def test_anything_else_at_the_card_asked_again_keeps_the_words():
    w = at_the_add_card()
    w.type("4")
    (reply,) = w.type("hmm").replies
    assert ASK_ADD in reply.text and options(reply) == ["add", "leave"]
    assert w.state.data[rf.TO_ADD] == MORE and w.step == rf.INT


def test_back_from_the_card_asked_again_is_the_question_with_nothing_pending():
    w = at_the_add_card()
    w.type("4")
    (reply,) = w(Back()).replies
    assert w.step == rf.INT and reply.text == C.text("moment.ask_intensity")
    assert not w.state.data.get(rf.TO_ADD) and not w.state.data.get(rf.RATED)
    w.type("2")  # answered plainly now: on to feelings, nothing asked about
    assert (w.step, w.moment.intensity, w.moment.observation) == (rf.FEEL, 2, SEEN)
