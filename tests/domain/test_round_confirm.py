"""RoundFlow's [Write mine] step: the words typed there go to the round's card (shown
exactly, yes or no), a hurt is offered as a moment, and the step lapses at `answer_by`."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.content import catalogue
from bot.domain import couples
from bot.domain.flow import Context, FlowState, Partner, Person, TextInput
from tests.domain.round_cards import NOW

HURT = "Ben shouted at me again last night and I cried in the bathroom"


def ctx(now: datetime = NOW) -> Context:  # Ana and Ben: the card names the partner
    return Context(Person(7, "Ana"), now, catalogue("en"), partner=Partner(8, "Ben", True, -5))


def started(partner_answered: bool = False) -> FlowState:
    state = couples.ROUND.start(
        ctx(), "r", 1, "m1", NOW + timedelta(hours=12), partner_answered=partner_answered
    ).state
    assert state is not None
    return state


def test_words_after_write_mine_are_shown_on_the_round_card_and_recorded_only_on_yes():
    outcome = couples.ROUND.handle(started(), TextInput("You  fixed the bike"), ctx())
    assert outcome.effects == ()
    assert outcome.state is not None and outcome.state.step == couples.TYPED
    (card,) = outcome.replies
    assert card.copyable == "You fixed the bike"
    assert [b.option for row in card.buttons for b in row] == ["yes", "rewrite", "no"]
    assert card.text == catalogue("en").text("thanks.round_typed", partner="Ben")
    typed = couples.ROUND.offer(ctx(), "You fixed the bike", "r", 1, "m1").state
    assert outcome.state == typed  # the very card typed words get
    yes = couples.ROUND.handle(outcome.state, TextInput("yes"), ctx())
    assert yes.effects == (couples.RecordThanks("You fixed the bike", "r", 1),)


def test_the_card_says_it_posts_now_when_the_partner_had_answered():
    outcome = couples.ROUND.handle(started(True), TextInput("You fixed the bike"), ctx())
    assert outcome.replies[0].text.startswith(
        catalogue("en").text("thanks.round_typed_now", partner="Ben")
    )


def test_a_hurt_after_write_mine_is_offered_as_a_moment():
    outcome = couples.ROUND.handle(started(), TextInput(HURT), ctx())
    assert outcome.effects == ()
    assert outcome.state is not None and outcome.state.flow == "moment"
    assert outcome.state.data["m"]["id"] == "m1"
    assert outcome.state.data["m"]["description"] == HURT


def test_write_mine_lapses_at_answer_by_and_hands_the_words_back():
    late = ctx(NOW + timedelta(hours=12, seconds=1))
    outcome = couples.ROUND.handle(started(), TextInput("You fixed the bike"), late)
    assert outcome.state is None and outcome.handback and outcome.effects == ()
    on_time = couples.ROUND.handle(started(), TextInput("You fixed the bike"), ctx(NOW))
    assert on_time.state is not None and on_time.state.step == couples.TYPED


def test_a_write_mine_step_kept_from_before_it_had_a_time_is_handed_back():
    old = FlowState(couples.ROUND_FLOW, "text", {"round": "r", "space": 1})
    outcome = couples.ROUND.handle(old, TextInput("You fixed the bike"), ctx())
    assert outcome.state is None and outcome.handback and outcome.effects == ()
