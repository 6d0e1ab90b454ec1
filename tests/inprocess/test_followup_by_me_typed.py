"""A planned talk from "I think I hurt someone", its follow-up answered in words, end to end:
what the other person did is how it went ("he accepted my apology": noted as repaired, never
"That sounds like it stayed with you" and an offer of a new moment); "i said sorry" asks how
it went; why not yet asks when to ask again, and the moment is asked about again; "not sure"
and "ok" ask which, with the card's buttons; "after the weekend" is a time."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.content import catalogue
from tests.harness import Harness
from tests.inprocess.test_scheduling import sent_to
from tests.inprocess.test_typed_answers import ANA, cleared, moments

C = catalogue("en")
OFFER = "Want to look at this moment together?"
ASK_WHEN = C.text("follow_up.ask_when")
BUTTONS = ["It went well", "It was hard", "Not yet, remind me", "I'll let it go"]


async def by_me_card(h: Harness):
    """ "My sarcasm stung", planned for tomorrow evening; its follow-up card sent."""
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/moment")
    await h.press(ANA, "I think I hurt someone")
    await h.press(ANA, "My partner")
    await h.text(ANA, "Tom")
    await h.press(ANA, "My sarcasm stung")
    await h.text(ANA, "I said 'nice of you to finally show up' when he came home")
    await h.press(ANA, "4")
    await h.press(ANA, "hurt")
    await h.press(ANA, "Done")
    await h.press(ANA, "Closeness")
    await h.press(ANA, "Done")
    await h.press(ANA, "Talk about it later")
    await h.press(ANA, "Tomorrow evening")
    h.clock.advance(timedelta(hours=24, minutes=30))
    (card,) = sent_to(h, ANA, await h.tick())
    assert card.text is not None and "My sarcasm stung" in card.text
    return card


@pytest.mark.parametrize(
    ("typed", "status", "outcome", "words"),
    [
        ("he accepted my apology", "repaired", "went_well", "Noted as repaired"),
        ("i sent it, he said no worries", "repaired", "went_well", "Noted as repaired"),
        ("we talked, he got defensive", "repaired", "hard", "Hard talks still count"),
        ("he's still upset with me", "repaired", "hard", "Hard talks still count"),
        ("i think i will just let it go", "let_go", None, "Noted as let go"),
    ],
)
async def test_how_it_went_in_words_is_noted(
    harness: Harness, typed: str, status: str, outcome: str | None, words: str
):
    h = harness
    card = await by_me_card(h)
    actions = await h.text(ANA, typed)
    texts = h.texts(actions)
    assert any(words in t for t in texts)
    assert not any(OFFER in t or "stayed with you" in t for t in texts)
    assert cleared(actions, card)
    (moment,) = await moments(h)
    assert (moment.status, moment.outcome) == (status, outcome)


@pytest.mark.parametrize(
    "typed", ["he wasn't home", "i chickened out", "not yet but soon", "he didnt want to talk"]
)
async def test_why_not_yet_asks_when_and_asks_again(harness: Harness, typed: str):
    h = harness
    card = await by_me_card(h)
    actions = await h.text(ANA, typed)
    (asked,) = h.texts(actions)
    assert asked.endswith(ASK_WHEN)
    assert cleared(actions, card)
    (reply,) = h.texts(await h.text(ANA, "tomorrow evening"))
    assert reply == C.text("follow_up.rescheduled", when="tomorrow evening")
    h.clock.advance(timedelta(hours=24))
    (again,) = sent_to(h, ANA, await h.tick())
    assert again.text is not None and "My sarcasm stung" in again.text
    (moment,) = await moments(h)
    assert moment.status == "planned"


async def test_i_said_sorry_asks_how_it_went(harness: Harness):
    h = harness
    await by_me_card(h)
    (how,) = sent_to(h, ANA, await h.text(ANA, "i said sorry"))
    assert how.text == C.text("follow_up.how")
    assert [b["text"] for b in how.buttons()] == ["It went well", "It was hard"]


@pytest.mark.parametrize(
    ("typed", "key"), [("not sure", "unsure"), ("kind of?", "unsure"), ("ok", "which")]
)
async def test_unsure_or_ok_asks_which_with_the_cards_buttons(
    harness: Harness, typed: str, key: str
):
    h = harness
    await by_me_card(h)
    (asked,) = sent_to(h, ANA, await h.text(ANA, typed))
    assert asked.text == C.text(f"follow_up.{key}")
    assert [b["text"] for b in asked.buttons()] == BUTTONS
    actions = await h.press(ANA, "It went well")
    assert any("Noted as repaired" in t for t in h.texts(actions))
    (moment,) = await moments(h)
    assert moment.status == "repaired"


async def test_after_the_weekend_is_when_to_ask_again(harness: Harness):
    h = harness
    await by_me_card(h)
    (asked,) = h.texts(await h.text(ANA, "not yet"))
    assert asked == ASK_WHEN
    (reply,) = h.texts(await h.text(ANA, "after the weekend"))
    assert reply.startswith("Okay, I'll ask again")
    assert OFFER not in reply
    (moment,) = await moments(h)
    assert moment.status == "planned"


async def test_a_new_story_at_the_card_is_still_offered_as_a_moment(harness: Harness):
    h = harness
    await by_me_card(h)
    texts = h.texts(await h.text(ANA, "my boss got defensive when i asked for a raise"))
    assert any(OFFER in t for t in texts)
