"""Edits and commands in the middle of a flow: nothing is dropped, and the person is shown
where they were."""

from __future__ import annotations

from sqlalchemy import select

from bot.storage.models import ConversationState
from tests.harness import Harness
from tests.inprocess.flows import TO_THE_PATH

ANA = 611


async def to_the_feelings_step(h: Harness) -> None:
    await h.onboard(ANA, "Ana")
    for kind, value, _, _ in TO_THE_PATH[:7]:
        await (h.text(ANA, value) if kind == "text" else h.press(ANA, value))


async def step_of(h: Harness) -> str | None:
    async with h.db.unit_of_work() as session:
        state = await session.scalar(
            select(ConversationState).where(ConversationState.user_id == ANA)
        )
    return None if state is None else state.step


async def test_start_mid_flow_keeps_the_moment_and_shows_where_we_were(harness: Harness):
    h = harness
    await to_the_feelings_step(h)
    replies = h.texts(await h.text(ANA, "/start"))
    assert "Ana" in replies[0]
    assert "How did it feel?" in replies[-1]
    assert await step_of(h) == "feel"
    # and the next answer is still the moment's
    replies = h.texts(await h.press(ANA, "lonely"))
    assert "Chosen so far: lonely" in replies[-1]


async def test_help_mid_flow_lists_commands_then_shows_where_we_were(harness: Harness):
    h = harness
    await to_the_feelings_step(h)
    replies = h.texts(await h.text(ANA, "/help"))
    assert "/history" in replies[0]
    assert "How did it feel?" in replies[-1]
    assert await step_of(h) == "feel"


async def test_an_unknown_command_mid_flow_shows_where_we_were(harness: Harness):
    h = harness
    await to_the_feelings_step(h)
    replies = h.texts(await h.text(ANA, "/foo"))
    assert "/foo" in replies[0]
    assert "How did it feel?" in replies[-1]
    assert await step_of(h) == "feel"


async def test_outside_a_flow_start_help_and_unknown_commands_show_no_question(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    for command in ("/start", "/help", "/foo"):
        replies = h.texts(await h.text(ANA, command))
        assert len(replies) == 1, (command, replies)
    assert await step_of(h) is None


async def test_an_edit_mid_flow_points_to_back_and_asks_the_current_question_again(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana")
    for kind, value, _, _ in TO_THE_PATH[:5]:
        await (h.text(ANA, value) if kind == "text" else h.press(ANA, value))
    camera = h.sandbox.send_text(ANA, "He looked at his phone.")
    await h.feed(camera)
    await h.press(ANA, "3")  # now at the feelings step

    edited = h.sandbox.edit_text(ANA, camera["message"]["message_id"], "He looked away.")
    replies = h.texts(await h.feed(edited))

    assert "/back" in replies[0]  # how to change an answer, not "send it again"
    assert "How did it feel?" in replies[-1]  # and where they are
    async with h.db.unit_of_work() as session:
        state = await session.scalar(
            select(ConversationState).where(ConversationState.user_id == ANA)
        )
    assert state is not None and state.step == "feel"
    assert "He looked at his phone." in str(state.data["m"])  # the first answer kept


async def test_an_edit_outside_a_flow_asks_for_a_new_message(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    update = h.sandbox.send_text(ANA, "thanks")
    await h.feed(update)
    edited = h.sandbox.edit_text(ANA, update["message"]["message_id"], "thanks a lot")
    replies = h.texts(await h.feed(edited))
    assert len(replies) == 1 and "new message" in replies[0]
