"""Small talk told from a moment: a hello, a thanks, a goodbye, an "ok" or a question about
Mend is answered, never kept as part of what happened; anything more is taken as a moment."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.content import catalogue
from bot.domain import repair_flow as rf
from bot.domain import small_talk
from bot.domain.flow import ButtonInput, Context, Person, TextInput
from bot.domain.moments import SaveMoment

C = catalogue("en")
NOW = datetime(2026, 3, 1, 19, 30, tzinfo=UTC)
TOLD = "He mocked my accent at dinner"


def ctx() -> Context:
    return Context(Person(7, "Ana", None, "Europe/Berlin", "en"), NOW, C)


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("thanks", small_talk.THANKS),
        ("Thank you", small_talk.THANKS),
        ("thanks, that helped", small_talk.THANKS),
        ("thank you so much!", small_talk.THANKS),
        ("Thanks so much, that really helped 🙏", small_talk.THANKS),
        ("ty", small_talk.THANKS),
        ("thx", small_talk.THANKS),
        ("ok thanks", small_talk.THANKS),
        ("Thank you for listening", small_talk.THANKS),
        ("bye", small_talk.GOODBYE),
        ("Good night!", small_talk.GOODBYE),
        ("see you", small_talk.GOODBYE),
        ("night", small_talk.GOODBYE),
        ("ok bye", small_talk.GOODBYE),
        ("ok", small_talk.ACK),
        ("Okay.", small_talk.ACK),
        ("cool", small_talk.ACK),
        ("got it", small_talk.ACK),
        ("k", small_talk.ACK),
        ("👍", small_talk.ACK),
        ("🙏", small_talk.ACK),
        ("❤️", small_talk.ACK),
        ("...", small_talk.ACK),
        ("!!", small_talk.ACK),
        ("?", small_talk.HOW),
        ("??", small_talk.HOW),
        ("hi", small_talk.GREETING),
        ("Hello!", small_talk.GREETING),
        ("hey there", small_talk.GREETING),
        ("how does this work?", small_talk.HOW),
        ("What is this", small_talk.HOW),
    ],
)
def test_small_talk_is_recognised_by_kind(said: str, kind: str):
    assert small_talk.kind(said, C) == kind


@pytest.mark.parametrize(
    "said",
    [
        "thanks for nothing, he never listens",
        "thanks a lot, he never listens",
        "thank you for ignoring me all evening, said nobody",
        "ok so he ignored me again",
        "okay he left without saying goodbye",
        "bye he said, and walked out",
        "hi, he ignored me at dinner",
        "cool, he forgot my birthday again",
        "he said ok and went back to his phone",
        "thanks so much for everything you did for me today, really",  # long: a moment maybe
        "he ignored me 😢",
        "night out went badly",
    ],
)
def test_a_message_that_merely_contains_small_talk_is_a_moment(said: str):
    assert small_talk.kind(said, C) is None


def test_every_kind_has_its_own_reply_outside_a_flow_and_at_the_offer():
    kinds = (
        small_talk.GREETING,
        small_talk.HOW,
        small_talk.THANKS,
        small_talk.GOODBYE,
        small_talk.ACK,
    )
    idle = [C.text(small_talk.IDLE_REPLIES[k], name="Ana") for k in kinds]
    offer = [C.text(small_talk.OFFER_REPLIES[k]) for k in kinds]
    assert len(set(idle)) == len(kinds) and len(set(offer)) == len(kinds)
    assert "welcome" in C.text(small_talk.IDLE_REPLIES[small_talk.THANKS], name="Ana").lower()


@pytest.mark.parametrize("said", ["thanks, that helped", "bye", "?", "👍", "ok", "thank you"])
def test_small_talk_at_the_offer_is_answered_and_not_kept(said: str):
    offer = rf.REPAIR.offer(ctx(), "m9", TOLD)
    assert offer.state is not None
    answer = rf.REPAIR.handle(offer.state, TextInput(said), ctx())
    assert answer.state == offer.state and answer.effects == ()  # nothing added
    (reply,) = answer.replies
    assert [b.option for row in reply.buttons for b in row] == ["yes", "no"]
    kept = C.text("moment.offer_more")
    assert reply.text not in (kept, offer.replies[0].text)
    assert reply.text == C.text(small_talk.OFFER_REPLIES[small_talk.kind(said, C) or ""])
    yes = rf.REPAIR.handle(answer.state, ButtonInput("yes"), ctx())
    (saved,) = [e for e in yes.effects if isinstance(e, SaveMoment)]
    assert saved.moment.description == TOLD


def test_more_words_at_the_offer_are_still_kept():
    offer = rf.REPAIR.offer(ctx(), "m9", TOLD)
    assert offer.state is not None
    more = rf.REPAIR.handle(offer.state, TextInput("ok so he did it again"), ctx())
    assert more.replies[0].text == C.text("moment.offer_more")
    yes = rf.REPAIR.handle(more.state or offer.state, ButtonInput("yes"), ctx())
    (saved,) = [e for e in yes.effects if isinstance(e, SaveMoment)]
    assert saved.moment.description == f"{TOLD}\nok so he did it again"


@pytest.mark.parametrize("said", ["😭😭😭", "😢", "💔", "😞 ...", "😭 😭", "☹️", "🥺😢"])
def test_only_sad_or_crying_emoji_are_heard_as_sadness(said: str):
    assert small_talk.kind(said, C) == small_talk.SAD


@pytest.mark.parametrize("said", ["👍", "🙏", "❤️", "😭👍", "...", "😊"])
def test_other_emoji_are_still_an_acknowledgement(said: str):
    assert small_talk.kind(said, C) == small_talk.ACK


def test_sadness_is_invited_to_say_more_outside_a_flow_and_at_the_offer():
    idle = C.text(small_talk.IDLE_REPLIES[small_talk.SAD], name="Ana")
    assert idle != C.text(small_talk.IDLE_REPLIES[small_talk.ACK], name="Ana")
    assert "what happened" in idle
    offer = rf.REPAIR.offer(ctx(), "m9", TOLD)
    assert offer.state is not None
    answer = rf.REPAIR.handle(offer.state, TextInput("😭😭😭"), ctx())
    assert answer.state == offer.state and answer.effects == ()  # not kept as words
    (reply,) = answer.replies
    assert reply.text == C.text("moment.offer_sad")
    assert [b.option for row in reply.buttons for b in row] == ["yes", "no"]
