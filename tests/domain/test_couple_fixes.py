"""A couple's flows where the link or the ways to send have changed since a card was shown,
and words that read as a hurt typed while the weekly round waits: pure, no bot."""

from datetime import UTC, datetime

import pytest

from bot.content import catalogue
from bot.domain import couples
from bot.domain.flow import ButtonInput, Context, FlowState, Outcome, Partner, Person, TextInput

NOW = datetime(2026, 3, 8, 20, tzinfo=UTC)
BEN = Partner(8, "Ben", True, -5)
DEE = Partner(9, "Dee", True, -7)


def ana(partner: Partner | None) -> Context:
    return Context(Person(7, "Ana"), NOW, catalogue("en"), partner=partner)


def shares(outcome: Outcome) -> list[couples.ShareText]:
    return [e for e in outcome.effects if isinstance(e, couples.ShareText)]


def offered_to_ben() -> FlowState:
    written = couples.THANKS.handle(
        FlowState(couples.THANKS_FLOW, "text"), TextInput("for cooking dinner Ben"), ana(BEN)
    )
    assert written.state is not None and written.state.step == "offer"
    return written.state


def test_a_thanks_card_remembers_who_it_was_for_and_sends_only_to_them():
    state = offered_to_ben()
    assert state.data["to"] == BEN.user_id
    sent = couples.THANKS.handle(state, ButtonInput("private"), ana(BEN))
    assert shares(sent) == [couples.ShareText("thanks", "for cooking dinner Ben", "private", to=8)]


@pytest.mark.parametrize("option", ["private", "group"])
def test_a_thanks_card_for_a_former_partner_sends_nothing_to_the_new_one(option: str):
    state = offered_to_ben()
    outcome = couples.THANKS.handle(state, ButtonInput(option), ana(DEE))
    assert outcome.state is None and outcome.effects == ()
    (reply,) = outcome.replies
    assert "Nothing was sent" in reply.text and "changed" in reply.text
    assert "Dee" not in reply.text and not reply.buttons
    assert reply.copyable == "for cooking dinner Ben"
    # Asked again (after /settings, say), it does not offer to send to Dee either.
    again = couples.THANKS.prompt(state, ana(DEE))
    assert "Dee" not in again.text and not again.buttons


def test_a_thanks_card_saved_before_it_named_anyone_asks_again_naming_the_partner_now():
    legacy = FlowState(couples.THANKS_FLOW, "offer", {"text": "for cooking dinner Ben"})
    outcome = couples.THANKS.handle(legacy, ButtonInput("private"), ana(DEE))
    assert outcome.effects == ()
    assert outcome.state is not None and outcome.state.data["to"] == DEE.user_id
    (card,) = outcome.replies
    assert "Dee" in card.text and "Nothing was sent" in card.text
    assert card.copyable == "for cooking dinner Ben" and card.buttons
    confirmed = couples.THANKS.handle(outcome.state, ButtonInput("private"), ana(DEE))
    assert shares(confirmed) == [
        couples.ShareText("thanks", "for cooking dinner Ben", "private", to=9)
    ]


def test_a_send_option_gone_since_says_why_and_keeps_the_ones_that_still_work():
    state = offered_to_ben()
    blocked = ana(Partner(8, "Ben", False, -5))
    outcome = couples.THANKS.handle(state, ButtonInput("private"), blocked)
    assert outcome.effects == () and outcome.state == state
    (reply,) = outcome.replies
    assert reply.text.startswith("Ben can't get messages from me right now")
    assert "tap one of the buttons" not in reply.text
    assert [b.option for row in reply.buttons for b in row] == ["group", "cancel"]
    paused = ana(Partner(8, "Ben", True, None))
    outcome = couples.THANKS.handle(state, ButtonInput("group"), paused)
    (reply,) = outcome.replies
    assert "can't post" in reply.text and outcome.effects == ()
    assert [b.option for row in reply.buttons for b in row] == ["private", "cancel"]


def test_a_thanks_card_with_no_way_left_to_send_ends_kept_for_copying():
    state = offered_to_ben()
    nowhere = ana(Partner(8, "Ben", False, None))
    outcome = couples.THANKS.handle(state, ButtonInput("group"), nowhere)
    assert outcome.state is None and outcome.effects == ()
    (reply,) = outcome.replies
    assert "can't post" in reply.text and "Nothing was sent" in reply.text
    assert not reply.buttons and reply.copyable == "for cooking dinner Ben"


@pytest.mark.parametrize(
    "text",
    [
        "Ana yelled at me in front of my parents and I felt humiliated",
        "He ignored me all evening",
        "I felt so lonely when you were on your phone",
        "She rolled her eyes when I spoke",
        "you were a jerk at dinner",
        "He shouted at me again",
    ],
)
def test_words_that_read_as_a_hurt_are_not_a_thanks(text: str):
    assert couples.reads_as_hurt(text, catalogue("en"))


@pytest.mark.parametrize(
    "text",
    [
        "You fixed the bike without being asked",
        "How you listened on Tuesday",
        "The soup when I was ill",
        "How you cooked for me",
        "for cooking dinner",
        "You made tea",
        "Thank you for holding my hand at the dentist",
        # Opened as a thanks: a feeling named in it is what the thanks was for.
        "for calming me down when I was anxious",
        "thank you for listening when I felt ignored at work",
        "for the amazing dinner, it was perfect",
        # a hurt named after what the thanks is for is still a thanks
        "thank you for being there when I was upset",
        "thanks for not being mad at me",
        "for apologizing after you snapped at me",
        "thanks for forgiving me after I lied",
    ],
)
def test_everyday_thanks_do_not_read_as_a_hurt(text: str):
    assert not couples.reads_as_hurt(text, catalogue("en"))


@pytest.mark.parametrize(
    "text",
    [
        "for being a jerk all weekend",
        "thanks for nothing",
        "thanks for humiliating me in front of everyone",
        "for yelling at me in front of my mum",
        "loved how you mocked me",
    ],
)
def test_a_hurt_or_an_insult_reads_as_a_hurt_even_opened_as_a_thanks(text: str):
    assert couples.reads_as_hurt(text, catalogue("en"))


def test_the_typed_round_card_says_it_posts_now_when_the_partner_has_answered():
    ctx = Context(Person(7, "Ben"), NOW, catalogue("en"), partner=Partner(8, "Ana", True, -5))
    waiting = couples.ROUND.offer(ctx, "You fixed the bike", "r", 1, "m1")
    now = couples.ROUND.offer(ctx, "You fixed the bike", "r", 1, "m1", partner_answered=True)
    (ask,) = waiting.replies
    (ask_now,) = now.replies
    assert "once you've both answered" in ask.text
    assert "once you've both answered" not in ask_now.text
    assert "Ana has answered" in ask_now.text and "posted in your group now" in ask_now.text
