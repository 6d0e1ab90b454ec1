"""Through the real Application, at the 1 to 5 question: how much said in words answers it
and stays out of what happened (/history shows what the camera saw, unchanged); more of what
happened waits, in the stored flow state, for "Add it" or "No, leave it"."""

from __future__ import annotations

from bot.domain.flow import FlowState
from bot.domain.repair_flow import TO_ADD, moment_of
from tests.harness import Harness
from tests.inprocess.flows import TO_THE_PATH
from tests.inprocess.test_moments import moments_of, state_of

ANA = 832
SEEN = "He looked at his phone while I talked about my mum."
MORE = "Then he laughed when I asked him to put it down."


async def stored(h: Harness) -> FlowState:
    state = await state_of(h, ANA)
    assert state is not None
    return FlowState(state.flow, state.step, dict(state.data))


async def test_how_much_in_words_is_the_answer_and_not_what_happened(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:6])  # at the 1 to 5 question
    (reply,) = h.texts(await h.text(ANA, "it still really hurts a lot"))
    assert reply.startswith("How did it feel?")
    state = await stored(h)
    assert state.step == "feel"
    assert moment_of(state).observation == SEEN and moment_of(state).intensity == 4
    await h.walk(ANA, TO_THE_PATH[7:])
    await h.press(ANA, "Let it go")
    await h.press(ANA, "No, it's truly let go")
    (row,) = await moments_of(h, ANA)
    assert row.observation == SEEN and row.intensity == 4


async def test_more_of_what_happened_waits_in_the_stored_state_for_add_it(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:6])
    (card,) = h.texts(await h.text(ANA, MORE))
    assert card == "Add this to what happened?"
    labels = [b["text"] for b in h.last_card(ANA).buttons()]
    assert labels == ["Add it", "No, leave it"]
    state = await stored(h)
    assert state.step == "int" and state.data[TO_ADD] == MORE
    assert moment_of(state).observation == SEEN
    (reply,) = h.texts(await h.press(ANA, "Add it"))
    assert reply.startswith("Added that to what happened.") and "How much is it" in reply
    state = await stored(h)
    assert moment_of(state).observation == f"{SEEN} {MORE}" and not state.data.get(TO_ADD)
    assert "How did it feel?" in h.texts(await h.press(ANA, "4"))[-1]


async def test_no_leave_it_and_a_number_typed_at_the_card_add_nothing(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:6])
    await h.text(ANA, MORE)
    (reply,) = h.texts(await h.press(ANA, "No, leave it"))
    assert reply.startswith("How much is it") or "How much is it" in reply
    assert moment_of(await stored(h)).observation == SEEN
    await h.text(ANA, MORE)
    (again,) = h.texts(await h.text(ANA, "3"))  # the answer kept, the card asked once more
    assert again.startswith("Got it, 3.") and again.endswith("add it to what happened?")
    (feel,) = h.texts(await h.press(ANA, "No, leave it"))
    assert feel.startswith("How did it feel?")
    state = await stored(h)
    assert moment_of(state).observation == SEEN and moment_of(state).intensity == 3
    assert not state.data.get(TO_ADD)


async def test_back_from_the_card_is_the_question_again(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:6])
    await h.text(ANA, MORE)
    (reply,) = h.texts(await h.text(ANA, "/back"))
    assert reply.startswith("How much is it")
    state = await stored(h)
    assert state.step == "int" and not state.data.get(TO_ADD)
    assert moment_of(state).observation == SEEN
