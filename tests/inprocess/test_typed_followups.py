"""From a walkthrough: a follow-up answered with how it went and then what happened; a "yeah"
after an offer to look, with an older card still waiting; and a moment left at the 1 to 5
question, come back to hours later ("sorry, where was i", then "4" the next day)."""

from __future__ import annotations

from datetime import timedelta

from tests.harness import Harness
from tests.inprocess.flows import TO_THE_PATH
from tests.inprocess.test_scheduling import sent_to
from tests.inprocess.test_typed_answers import ANA, OFFER, cleared, follow_up_card, moments

STORY = "it went really badly tbh. he got defensive and said i was being dramatic"
START_TOLD = "Let's look together at what you told me. Which is it?"
WHERE = "Here's where we were:"
HOW_MUCH = "How much is it still with you"


async def test_how_it_went_then_the_story_records_hard_and_offers_the_story(harness: Harness):
    h = harness
    card = await follow_up_card(h)
    actions = await h.text(ANA, STORY)
    assert cleared(actions, card)
    (offer,) = sent_to(h, ANA, actions)
    assert offer.text is not None and "Hard talks still count" in offer.text
    assert [b["text"] for b in offer.buttons()] == [
        "Yes, let's look",
        "No, I just needed to say it",
    ]
    (moment,) = await moments(h)
    assert (moment.status, moment.outcome) == ("repaired", "hard")
    assert h.texts(await h.text(ANA, "yeah")) == [START_TOLD]
    kept = [m for m in await moments(h) if m.id != moment.id]
    assert [m.description for m in kept] == [STORY]


async def test_yeah_answers_the_offer_made_after_a_card_not_the_card(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, [*TO_THE_PATH, ("press", "Talk about it later", "", "")])
    await h.press(ANA, "Tomorrow evening")
    h.clock.advance(timedelta(hours=24, minutes=30))
    assert sent_to(h, ANA, await h.tick())  # the follow-up, at the very moment of the words
    (offer,) = h.texts(await h.text(ANA, "he got defensive and said i was being dramatic"))
    assert OFFER in offer
    assert h.texts(await h.text(ANA, "yeah")) == [START_TOLD]


async def test_coming_back_then_a_number_the_next_day(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:6])  # at "How much is it still with you?"
    h.clock.advance(timedelta(hours=3))
    for typed in ("sorry, where was i", "what was i doing"):
        (again,) = sent_to(h, ANA, await h.text(ANA, typed))
        assert again.text is not None and again.text.startswith(WHERE)
        assert HOW_MUCH in again.text
        assert [b["text"] for b in again.buttons()] == ["1", "2", "3", "4", "5"]
    h.clock.advance(timedelta(hours=14))
    actions = await h.text(ANA, "4")
    texts = h.texts(actions)
    assert not any(OFFER in t for t in texts)
    assert "kept it in /history as unfinished" in texts[0]
    (pointer,) = [a for a in sent_to(h, ANA, actions) if a.buttons()]
    assert [b["text"] for b in pointer.buttons()] == ["Pick it up again"]
    (moment,) = await moments(h)
    assert moment.status == "unfinished"
    resumed = h.texts(await h.press(ANA, "Pick it up again"))
    assert any(HOW_MUCH in t for t in resumed)


async def test_a_bare_number_with_nothing_to_pick_up_is_never_a_moment(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    texts = h.texts(await h.text(ANA, "4"))
    assert not any(OFFER in t for t in texts)
    assert await moments(h) == []
