"""The repair flow with the bot as a separate process, including kill -9 at every step."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from bot.storage.database import Database
from bot.storage.models import ConversationState, MomentRow
from tests.e2e.conftest import BotProcess, Control
from tests.inprocess.flows import EXPECTED_AFTER_PATH, SAY_IT_NOW, TO_THE_PATH

pytestmark = pytest.mark.e2e
ANA = 4101


async def _snapshot(db_url: str) -> tuple[ConversationState | None, list[MomentRow]]:
    db = Database(db_url)
    try:
        async with db.unit_of_work() as session:
            state = await session.scalar(
                select(ConversationState).where(ConversationState.user_id == ANA)
            )
            moments = list(await session.scalars(select(MomentRow)))
            return state, moments
    finally:
        await db.dispose()


def snapshot(db_url: str) -> tuple[ConversationState | None, list[MomentRow]]:
    return asyncio.run(_snapshot(db_url))


def onboard(control: Control) -> None:
    control.user(ANA, "Ana")
    control.act(ANA, "text", "/start", "what should I call you")
    control.act(ANA, "text", "Ana", "time zone")
    control.act(ANA, "text", "Lisbon", "Europe/Lisbon")
    control.act(ANA, "press", "Yes, that's right", "check-in each evening")
    control.act(ANA, "press", "No thanks", "All set")


def test_a_whole_flow_over_http(bot_process: BotProcess, control: Control, db_url: str):
    bot_process.start(control)
    onboard(control)
    answer: dict[str, object] = {}
    for kind, value, _, expect in SAY_IT_NOW:
        answer = control.act(ANA, kind, value, expect)
    assert "Recorded: Phone out mid-talk · lonely · attention · ready to say" in str(answer["text"])
    state, (moment,) = snapshot(db_url)
    assert state is None
    assert moment.status == "drafted" and moment.draft and "lonely" in moment.draft
    for field, expected in EXPECTED_AFTER_PATH.items():
        assert getattr(moment, field) == expected


@pytest.mark.parametrize("answered", range(1, len(TO_THE_PATH) + 1))
def test_kill_9_at_every_step_resumes_there_with_every_answer(
    bot_process: BotProcess, control: Control, db_url: str, answered: int
):
    bot_process.start(control)
    onboard(control)
    first_card = None
    for kind, value, _, expect in TO_THE_PATH[:answered]:
        control.act(ANA, kind, value, expect)
        first_card = first_card or control.card(ANA)
    assert first_card is not None

    bot_process.kill()
    state, _ = snapshot(db_url)
    assert state is not None and state.step == TO_THE_PATH[answered - 1][2]
    answers = state.data["m"]
    for field, expected in EXPECTED_AFTER_PATH.items():
        if answers[field] not in (None, []):  # every answer given so far is in the state
            assert answers[field] == expected, field
    bot_process.start(control)

    # The next answer continues where it stopped; a next tap lands on the card sent before
    # the kill, which still works.
    for kind, value, _, expect in TO_THE_PATH[answered:]:
        control.act(ANA, kind, value, expect)
    control.act(ANA, "press", "Let it go", "would it still sting?")
    control.act(ANA, "press", "No, it's truly let go", "Recorded:")
    state, moments = snapshot(db_url)
    assert state is None and len(moments) == 1
    assert moments[0].status == "let_go"
    for field, expected in EXPECTED_AFTER_PATH.items():
        assert getattr(moments[0], field) == expected, field

    # A card from before the restart that is no longer current says so: never silence.
    # (Its buttons were taken away when it was answered; an old client may still show them.)
    since = control.last_seq()
    old_data = first_card["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    control.press(ANA, first_card["message_id"], data=old_data, forge=True)
    toast = control.wait_for(lambda a: a["method"] == "answerCallbackQuery", since)
    assert toast["text"] == "This card has expired."
