"""The offer through the real Application: a raw, emotional message (past the safety screen)
has its feeling met before the offer, and the offer's buttons behave as before."""

from __future__ import annotations

from bot.content import catalogue
from bot.domain import openers
from bot.storage.models import ConversationState
from tests.harness import Harness
from tests.inprocess.test_moments import moments_of, state_of

ANA = 601
C = catalogue("en")
HEAVY = C.raw("moment.offer_openers_heavy")
OPENERS = C.raw("moment.offer_openers")
RAW = "i feel like im going crazy… maybe i am too much?? 😭💔"


async def offered_id(h: Harness) -> str:
    state: ConversationState | None = await state_of(h, ANA)
    assert state is not None and state.step == "offer"
    return str(state.data["m"]["id"])


async def test_a_raw_message_is_met_before_the_offer_and_yes_goes_on(h: Harness):
    await h.onboard(ANA, "Ana")
    (offer,) = h.texts(await h.text(ANA, RAW))
    assert offer == openers.offer_text(await offered_id(h), RAW, C)
    assert any(offer.startswith(line) for line in HEAVY)
    markup = h.last_card(ANA).reply_markup
    assert markup is not None
    assert [b["text"] for row in markup["inline_keyboard"] for b in row] == [
        C.text("moment.offer_yes"),
        C.text("moment.offer_no"),
    ]
    await h.press(ANA, C.text("moment.offer_yes"))
    (row,) = await moments_of(h, ANA)
    assert row.description == RAW


async def test_an_everyday_message_gets_an_everyday_opener_and_no_keeps_nothing(h: Harness):
    await h.onboard(ANA, "Ana")
    told = "leo was scrolling his phone the whole time i was telling him about my interview"
    (offer,) = h.texts(await h.text(ANA, told))
    assert offer == openers.offer_text(await offered_id(h), told, C)
    assert any(offer.startswith(line) for line in OPENERS)
    (declined,) = h.texts(await h.press(ANA, C.text("moment.offer_no")))
    assert declined == C.text("moment.offer_declined")
    assert await moments_of(h, ANA) == []
