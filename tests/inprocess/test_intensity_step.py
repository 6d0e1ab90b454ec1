"""Through the real Application: a second message after the camera answer is added to what
happened (not thrown away), and the closing card names the moment as /history does."""

from __future__ import annotations

from bot.domain.flow import FlowState
from bot.domain.repair_flow import moment_of
from tests.harness import Harness
from tests.inprocess.flows import TO_THE_PATH
from tests.inprocess.test_moments import moments_of, state_of

ANA = 831


async def test_a_second_message_at_the_intensity_is_added_to_what_happened(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:6])  # the camera answered: at the 1 to 5 question
    (ask,) = h.texts(await h.text(ANA, "Then he laughed when I asked him to put it down."))
    assert ask == "Add this to what happened?"  # asked, never added silently
    (reply,) = h.texts(await h.press(ANA, "Add it"))
    assert reply.startswith("Added that to what happened.") and "How much is it" in reply
    state = await state_of(h, ANA)
    assert state is not None and state.step == "int"
    moment = moment_of(FlowState(state.flow, state.step, dict(state.data)))
    assert moment.observation == (
        "He looked at his phone while I talked about my mum. "
        "Then he laughed when I asked him to put it down."
    )
    assert "How did it feel?" in h.texts(await h.text(ANA, "four"))[-1]
    await h.walk(ANA, TO_THE_PATH[7:])
    await h.press(ANA, "Let it go")
    await h.press(ANA, "No, it's truly let go")
    (row,) = await moments_of(h, ANA)
    assert row.observation == moment.observation and row.intensity == 4


async def test_the_closing_card_names_a_moment_in_their_words_as_history_does(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:4])  # at the patterns
    await h.press(ANA, "Something else")
    await h.text(ANA, "She left my birthday dinner early")
    await h.press(ANA, "Skip")
    await h.press(ANA, "3")
    await h.walk(ANA, TO_THE_PATH[7:])
    await h.press(ANA, "Let it go")
    replies = h.texts(await h.press(ANA, "No, it's truly let go"))
    recorded = next(t for t in replies if t.startswith("Recorded:"))
    assert recorded.startswith("Recorded: She left my birthday dinner… · lonely")
    await h.text(ANA, "/history")
    (item,) = [b["text"] for b in h.last_card(ANA).buttons() if "birthday" in b["text"]]
    assert "She left my birthday dinner…" in item


async def test_the_direction_typed_as_people_say_it_is_read(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/moment")
    (who,) = h.texts(await h.text(ANA, "I think it's me who hurt him actually"))
    assert who.startswith("Who do you think you hurt?")
    await h.text(ANA, "/cancel")
    await h.text(ANA, "/moment")
    (again,) = h.texts(await h.text(ANA, "I don't think I hurt him"))
    assert "did something happen to you" in again
    (who,) = h.texts(await h.text(ANA, "it was him"))
    assert who.startswith("Who was it with?")
