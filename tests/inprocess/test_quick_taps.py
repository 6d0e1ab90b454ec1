"""Taps quicker than the phone shows each edit: the client sends them with the card as it
was. Ticks on a multi-select card a moment apart are all taken; a double tap on a button that
moved the flow on is answered quietly, and the card now showing the next question keeps its
buttons (nothing "expired", nothing asked twice). A card from a while ago is still expired."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.storage.models import ConversationState
from tests.harness import Harness
from tests.inprocess.flows import TO_THE_PATH

ANA = 902


async def state_of(h: Harness) -> ConversationState:
    async with h.db.unit_of_work() as session:
        row = await session.scalar(
            select(ConversationState).where(ConversationState.user_id == ANA)
        )
        assert row is not None
        return row


async def at_feelings(h: Harness) -> int:
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:7])  # at "How did it feel?"
    card = h.last_card(ANA).message_id
    assert card is not None
    return card


async def test_ticks_tapped_before_the_first_edit_arrives_are_all_taken(h: Harness):
    card = await at_feelings(h)
    hurt = h.sandbox.press(ANA, card, label="hurt")
    sad = h.sandbox.press(ANA, card, label="sad")  # on the card as it was before "hurt"
    done = h.sandbox.press(ANA, card, label="Done")
    await h.feed(hurt)
    second = await h.feed(sad)
    assert "expired" not in " ".join(a.text or "" for a in second)
    assert (await state_of(h)).data["m"]["feelings"] == ["hurt", "sad"]
    await h.feed(done)
    row = await state_of(h)
    assert row.step == "need" and row.data["m"]["feelings"] == ["hurt", "sad"]


async def test_a_double_tap_that_moved_the_flow_on_is_answered_quietly(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/moment")
    card = h.last_card(ANA).message_id
    assert card is not None
    first = h.sandbox.press(ANA, card, label="Something happened to me")
    again = h.sandbox.press(ANA, card, label="Something happened to me")
    await h.feed(first)
    actions = await h.feed(again)
    assert [a.method for a in actions] == ["answerCallbackQuery"]  # no edit, no new message
    assert h.toasts(actions) == [None]
    assert h.sandbox.messages[(ANA, card)].get("reply_markup")  # "Who was it with?" keeps them
    assert (await state_of(h)).step == "who"


async def test_a_card_from_a_while_ago_is_still_expired(h: Harness):
    card = await at_feelings(h)
    stale = h.sandbox.press(ANA, card, label="sad")  # on the card as it is now...
    await h.press(ANA, "hurt", message_id=card)
    h.clock.advance(timedelta(minutes=5))  # ...delivered long after it changed
    actions = await h.feed(stale)
    assert "This card has expired." in h.toasts(actions)
    assert (await state_of(h)).data["m"]["feelings"] == ["hurt"]


async def test_a_tick_tapped_twice_before_it_shows_stays_ticked(h: Harness):
    card = await at_feelings(h)
    first = h.sandbox.press(ANA, card, label="hurt")
    again = h.sandbox.press(ANA, card, label="hurt")  # nothing showed yet: tapped again
    await h.feed(first)
    actions = await h.feed(again)
    assert [a.method for a in actions] == ["answerCallbackQuery"]
    assert (await state_of(h)).data["m"]["feelings"] == ["hurt"]
