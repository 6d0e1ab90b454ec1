"""The weekly round's "is this your thanks?" card: a change of mind never turns the thanks
into a hurt. [No, let me rewrite it] takes a new line as the thanks (shown back for a yes);
[No, something else happened] (or a typed "no") offers only what is told after it as the
moment, never the thanks; whoever declines is told how to answer the round later."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.domain import couples
from bot.domain.flow import ButtonInput, TextInput
from bot.telegram.flow_runner import LEFT_FOR
from tests.domain.round_cards import NOW, THANKS, card, ctx, everything

NEW = "The way you called my mum when I was ill"


def test_the_card_offers_a_rewrite():
    (reply,) = couples.ROUND.offer(ctx(), THANKS, "r", 1, "m1").replies
    options = [b.option for row in reply.buttons for b in row]
    assert options == ["yes", "rewrite", "no"]
    labels = [b.label for row in reply.buttons for b in row]
    assert "No, let me rewrite it" in labels


@pytest.mark.parametrize(
    "event", [ButtonInput("rewrite"), TextInput("let me rewrite it"), TextInput("rewrite")]
)
def test_rewrite_takes_a_new_line_as_the_thanks_and_shows_it_again(event):
    asked = couples.ROUND.handle(card(), event, ctx())
    assert asked.state is not None and asked.state.flow == couples.ROUND_FLOW
    assert "Maya" in asked.replies[-1].text and asked.effects == ()
    shown = couples.ROUND.handle(asked.state, TextInput(NEW), ctx())
    assert shown.state is not None and shown.state.step == couples.TYPED
    assert shown.replies[-1].copyable == NEW and shown.effects == ()
    yes = couples.ROUND.handle(shown.state, ButtonInput("yes"), ctx())
    assert yes.effects == (couples.RecordThanks(NEW, "r", 1),)


def test_a_rewrite_left_past_the_lapse_hands_the_words_back():
    asked = couples.ROUND.handle(card(), ButtonInput("rewrite"), ctx())
    assert asked.state is not None
    late = ctx(NOW + LEFT_FOR + timedelta(seconds=1))
    outcome = couples.ROUND.handle(asked.state, TextInput(NEW), late)
    assert outcome.state is None and outcome.handback


def test_the_answer_window_is_the_shells():
    assert couples.ANSWER_FOR == LEFT_FOR


def test_no_button_never_offers_the_thanks_and_says_how_to_answer_later():
    outcome = couples.ROUND.handle(card(), ButtonInput("no"), ctx())
    assert THANKS not in everything(outcome)
    assert "Write mine" in " ".join(r.text for r in outcome.replies)
    assert outcome.effects == ()
    assert outcome.state is not None
    # What is told next is the moment, and only that.
    told = couples.ROUND.handle(outcome.state, TextInput("She forgot to call me back"), ctx())
    assert told.state is not None and told.state.flow == "moment"
    assert told.state.data["m"]["description"] == "She forgot to call me back"
    assert told.state.data["m"]["id"] == "m1"


def test_looking_at_it_straight_after_no_starts_a_moment_without_the_thanks():
    asked = couples.ROUND.handle(card(), ButtonInput("no"), ctx()).state
    assert asked is not None
    outcome = couples.ROUND.handle(asked, ButtonInput("yes"), ctx())
    assert outcome.state is not None and outcome.state.flow == "moment"
    assert not outcome.state.data["m"].get("description")
    assert THANKS not in everything(outcome)


def test_declining_to_look_ends_it_quietly():
    asked = couples.ROUND.handle(card(), ButtonInput("no"), ctx()).state
    assert asked is not None
    outcome = couples.ROUND.handle(asked, ButtonInput("no"), ctx())
    assert outcome.state is None and outcome.effects == ()


@pytest.mark.parametrize(
    "said",
    [
        "actually no, something else",
        "no",
        "No, something else happened",
        "nope",
        "something else happened",
        "no - not that",
    ],
)
def test_a_typed_no_asks_what_happened_never_with_the_thanks(said: str):
    outcome = couples.ROUND.handle(card(), TextInput(said), ctx())
    assert THANKS not in everything(outcome)
    assert "Write mine" in " ".join(r.text for r in outcome.replies)
    assert outcome.state is not None and outcome.state.flow == couples.ROUND_FLOW


def test_a_typed_no_with_what_happened_offers_only_that():
    outcome = couples.ROUND.handle(card(), TextInput("no, she forgot to call me back"), ctx())
    assert outcome.state is not None and outcome.state.flow == "moment"
    assert outcome.state.data["m"]["description"] == "she forgot to call me back"
    assert "Write mine" in " ".join(r.text for r in outcome.replies)


def test_no_one_is_not_a_no():
    outcome = couples.ROUND.handle(card(), TextInput("no one helped me with the party"), ctx())
    # Not a no: more words, and no hurt in them, so the card is shown again (never a moment
    # holding the thanks too).
    assert outcome.state == card()
    assert outcome.replies[0].text.startswith("Please tap one of the buttons")
    assert THANKS not in " ".join(r.text for r in outcome.replies)
