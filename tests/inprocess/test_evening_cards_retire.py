"""Evening cards left alone do not pile up: when the next evening's card goes out, the one
before it loses its buttons (its words stay). A button of an earlier evening's card, tapped
anyway (the phone had not caught up), records nothing and says it is from an earlier day;
the newest card is still open."""

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


async def test_only_the_newest_evening_card_keeps_its_buttons(h: Harness):
    cards = await three_evenings_left_alone(h)
    with_buttons = [m for m in cards if h.sandbox.messages[(ANA, m)].get("reply_markup")]
    assert with_buttons == [cards[-1]]
    assert all(h.sandbox.messages[(ANA, m)]["text"].startswith("Good evening") for m in cards)


async def test_an_earlier_evenings_button_records_nothing(h: Harness):
    cards = await three_evenings_left_alone(h)
    first = min((r for r in await rows(h, ANA) if r.kind == "evening"), key=lambda r: r.due_at)
    actions = await h.press(
        ANA, data=f"menu:ev.all_good.{first.id}", message_id=cards[0], forge=True
    )
    (toast,) = h.toasts(actions)
    assert toast is not None and "earlier" in toast
    assert h.texts(actions) == [] and await reflections(h) == []
    # Tonight's card is still there to answer.
    await h.press(ANA, "All good", message_id=cards[-1])
    assert [r.answer for r in await reflections(h)] == ["all_good"]
