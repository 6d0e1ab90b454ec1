"""A follow-up of a planned talk answered by typing the next morning, more than 12 hours after
it came: the words are its answer ("we made up" is noted as repaired), not a new moment to
look at. An evening card still takes words only that night."""

from __future__ import annotations

from datetime import timedelta

from tests.harness import Harness
from tests.inprocess.test_scheduling import pending
from tests.inprocess.test_typed_answers import (
    ANA,
    IDLE_ACK,
    OFFER,
    cleared,
    follow_up_card,
    moments,
)

NEXT_MORNING = timedelta(hours=13)  # the card came at 21:00 Berlin: 10:00 the next day


async def test_we_made_up_the_next_morning_records_the_follow_up_as_repaired(harness: Harness):
    h = harness
    card = await follow_up_card(h)
    h.clock.advance(NEXT_MORNING)
    actions = await h.text(ANA, "We made up!")
    (reply,) = h.texts(actions)
    assert "Noted as repaired" in reply and OFFER not in reply
    assert cleared(actions, card)
    (moment,) = await moments(h)
    assert (moment.status, moment.outcome) == ("repaired", "went_well")
    assert await pending(h, ANA) == []


async def test_it_was_hard_the_next_morning_is_the_follow_ups_answer(harness: Harness):
    h = harness
    await follow_up_card(h)
    h.clock.advance(NEXT_MORNING)
    (reply,) = h.texts(await h.text(ANA, "it was hard"))
    assert reply.startswith("Hard talks still count")
    (moment,) = await moments(h)
    assert (moment.status, moment.outcome) == ("repaired", "hard")


async def test_not_yet_the_next_morning_asks_when_to_ask_again(harness: Harness):
    h = harness
    card = await follow_up_card(h)
    h.clock.advance(NEXT_MORNING)
    actions = await h.text(ANA, "not yet, he was busy")
    assert h.texts(actions) == ["When should I ask again?"]
    assert cleared(actions, card)


async def test_days_later_the_card_takes_no_typed_words(harness: Harness):
    h = harness
    await follow_up_card(h)
    h.clock.advance(timedelta(days=4))
    assert h.texts(await h.text(ANA, "no")) == [IDLE_ACK]
    (moment,) = await moments(h)
    assert (moment.status, moment.outcome) == ("planned", None)
