"""Evening cards left alone: a button of an earlier evening's card, tapped once a newer one
has gone out, records nothing, says it is from an earlier evening and loses its buttons; the
newest card is still open. (Old cards keep their buttons until then: taking them off as each
new card goes would double the calls at the busiest minute of the evening.)"""

from __future__ import annotations

from datetime import timedelta

from tests.harness import Harness
from tests.inprocess.test_scheduling import ANA, evening_card, reflections, rows, sent_to


async def three_evenings_left_alone(h: Harness) -> list[int]:
    await h.onboard(ANA, "Ana", evening=True)
    cards = []
    for day in range(3):
        if day:
            h.clock.advance(timedelta(days=1) - timedelta(minutes=30))
        await evening_card(h)
        card = sent_to(h, ANA)[-1].message_id
        assert card is not None
        cards.append(card)
    return cards


async def test_an_earlier_evenings_button_records_nothing(h: Harness):
    cards = await three_evenings_left_alone(h)
    first = min((r for r in await rows(h, ANA) if r.kind == "evening"), key=lambda r: r.due_at)
    actions = await h.press(ANA, "All good", message_id=cards[0])
    (toast,) = h.toasts(actions)
    assert toast is not None and "earlier" in toast
    assert h.texts(actions) == [] and await reflections(h) == []
    assert not h.sandbox.messages[(ANA, cards[0])].get("reply_markup")  # its buttons went
    assert h.sandbox.messages[(ANA, cards[0])]["text"].startswith("Good evening")  # words stay
    assert first.answered_at is None
    # Tonight's card is still there to answer.
    await h.press(ANA, "All good", message_id=cards[-1])
    assert [r.answer for r in await reflections(h)] == ["all_good"]
