"""The weekly round's "is this your thanks?" card (RoundFlow's TYPED step): it takes typed
answers for as long as [Write mine]'s step does (ANSWER_FOR), then words are read as any text;
a stop cancels it (nothing posted, and how to answer later); "wait, let me rephrase" asks for
the line again; other words never join the card's words into a moment: a hurt is offered
alone, anything else gets the card again."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.content import catalogue
from bot.domain import couples
from bot.domain.flow import ButtonInput, FlowState, TextInput
from tests.domain.round_cards import NOW, THANKS, card, ctx, everything

HURT = "My boss humiliated me in front of everyone today"
C = catalogue("en")
OPENERS = C.raw("moment.offer_openers") + C.raw("moment.offer_openers_heavy")

LATER = ctx(NOW + couples.ANSWER_FOR + timedelta(seconds=1))


@pytest.mark.parametrize("words", ["hi", "ok", "yes", HURT, "She made me laugh all week"])
def test_words_typed_after_the_lapse_are_handed_back(words: str):
    outcome = couples.ROUND.handle(card(), TextInput(words), LATER)
    assert outcome.state is None and outcome.handback
    assert outcome.effects == () and outcome.replies == ()


def test_words_typed_within_the_lapse_are_still_its_answer():
    on_time = ctx(NOW + couples.ANSWER_FOR - timedelta(seconds=1))
    outcome = couples.ROUND.handle(card(), TextInput("ok"), on_time)
    assert outcome.effects == (couples.RecordThanks(THANKS, "r", 1),)


def test_a_card_kept_from_before_it_had_a_time_hands_typed_words_back():
    old = FlowState(couples.ROUND_FLOW, couples.TYPED, {"round": "r", "space": 1, "moment": "m1",
                                                        "text": THANKS})  # fmt: skip
    outcome = couples.ROUND.handle(old, TextInput("ok"), ctx())
    assert outcome.state is None and outcome.handback and outcome.effects == ()


def test_its_buttons_still_answer_after_the_lapse():
    outcome = couples.ROUND.handle(card(), ButtonInput("yes"), LATER)
    assert outcome.effects == (couples.RecordThanks(THANKS, "r", 1),)


@pytest.mark.parametrize("words", ["stop", "never mind", "cancel", "Stop please", "nvm"])
def test_a_stop_cancels_the_card_and_says_how_to_answer_later(words: str):
    outcome = couples.ROUND.handle(card(), TextInput(words), ctx())
    assert outcome.state is None and outcome.effects == ()
    said = " ".join(r.text for r in outcome.replies)
    assert said.startswith("Not posted.")
    assert "Write mine" in said  # thanks.round_answer_later
    assert "look at this moment" not in said
    assert not any(opener in said for opener in OPENERS)
    assert THANKS not in everything(outcome)


def test_cancel_at_the_card_says_the_same():
    outcome = couples.ROUND.cancel(card(), ctx())
    said = " ".join(r.text for r in outcome.replies)
    assert said.startswith("Not posted.") and "Write mine" in said


@pytest.mark.parametrize(
    "words", ["wait, let me rephrase", "let me rephrase", "wait", "hold on", "rephrase it"]
)
def test_rephrase_or_wait_asks_for_the_line_again(words: str):
    outcome = couples.ROUND.handle(card(), TextInput(words), ctx())
    assert outcome.state is not None and outcome.state.step == "text"
    assert outcome.effects == ()
    assert outcome.replies[-1].text.startswith("Okay, write it again")


def test_a_hurt_typed_at_the_card_is_offered_alone_as_a_moment():
    outcome = couples.ROUND.handle(card(), TextInput(HURT), ctx())
    assert outcome.state is not None and outcome.state.flow == "moment"
    assert outcome.state.data["m"]["description"] == HURT
    assert THANKS not in everything(outcome)


@pytest.mark.parametrize("words", ["She made me laugh all week", "hi", "what do you mean?"])
def test_other_words_get_the_card_again_never_a_moment(words: str):
    outcome = couples.ROUND.handle(card(), TextInput(words), ctx())
    assert outcome.state == card() and outcome.effects == ()
    (again,) = outcome.replies
    assert again.text.startswith("Please tap one of the buttons")
    assert again.copyable == THANKS
    assert [b.option for row in again.buttons for b in row] == ["yes", "rewrite", "no"]


def test_a_stop_at_want_to_look_ends_it_without_a_moment():
    asked = couples.ROUND.handle(card(), ButtonInput("no"), ctx()).state
    assert asked is not None and asked.step == couples.ELSE
    outcome = couples.ROUND.handle(asked, TextInput("stop"), ctx())
    assert outcome.state is None and outcome.effects == ()
