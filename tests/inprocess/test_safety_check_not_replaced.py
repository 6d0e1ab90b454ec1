"""While "is anyone in danger right now?" is open, nothing that would begin another flow
replaces it: typed /moment, "/start moment", /thanks (with or without its words) and the weekly
round's "Write mine" each leave the check in place, ask it again, and it still answers. After
"No", /moment begins a moment as ever. (CONTENT.md: a single tap must never dismiss a real
crisis screen; the one place this is decided is flow_runner.start.)"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.content import catalogue
from bot.storage.models import ConversationState
from tests.harness import Harness
from tests.inprocess.test_couples import ANA
from tests.inprocess.test_round_confirm import round_out

C = catalogue("en")
ANGRY = "I was so angry I could kill him"
CHECK_BUTTONS = [C.text("safety.just_angry"), C.text("safety.not_sure")]


async def state_of(h: Harness) -> tuple[str, str, int] | None:
    async with h.db.unit_of_work() as session:
        row = await session.scalar(
            select(ConversationState).where(ConversationState.user_id == ANA)
        )
        return (row.flow, row.step, row.version) if row is not None else None


async def still_the_check(h: Harness, said: list[str], check: str) -> None:
    assert said[-1] == check, said  # the check, asked again
    assert [b["text"] for b in h.last_card(ANA).buttons()] == CHECK_BUTTONS
    state = await state_of(h)
    assert state is not None and state[:2] == ("safety", "check")


async def answered_then_a_moment(h: Harness) -> None:
    """The check still answers ("no"), and /moment then begins a moment."""
    await h.text(ANA, "no")
    state = await state_of(h)
    assert state is None or state[0] != "safety"
    said = h.texts(await h.text(ANA, "/moment"))
    assert C.text("moment.ask_direction") in said[-1]
    state = await state_of(h)
    assert state is not None and state[:2] == ("moment", "dir")


@pytest.mark.parametrize(
    "command", ["/moment", "/start moment", "/thanks", "/thanks no", "/thanks for the flowers"]
)
async def test_a_command_that_begins_a_flow_asks_the_check_again(h: Harness, command: str):
    await h.onboard(ANA, "Ana")
    check = h.texts(await h.text(ANA, ANGRY))[-1]
    before = await state_of(h)
    assert before is not None and before[:2] == ("safety", "check")
    said = h.texts(await h.text(ANA, command))
    await still_the_check(h, said, check)
    assert await state_of(h) == before  # not even a new version of it
    await answered_then_a_moment(h)


async def test_write_mine_asks_the_check_again(h: Harness):
    await round_out(h)
    card = h.last_card(ANA)
    assert "Write mine" in [b["text"] for b in card.buttons()]
    check = h.texts(await h.text(ANA, ANGRY))[-1]
    before = await state_of(h)
    said = h.texts(await h.press(ANA, "Write mine", message_id=card.message_id))
    await still_the_check(h, said, check)
    assert await state_of(h) == before
    await answered_then_a_moment(h)
    # The round still takes their thanks once the check is through.
    await h.text(ANA, "/cancel")
    said = h.texts(await h.press(ANA, "Write mine", message_id=card.message_id))
    state = await state_of(h)
    assert state is not None and state[0] == "round", said


async def test_settings_still_opens_over_the_check_and_puts_it_back(h: Harness):
    await h.onboard(ANA, "Ana")
    check = h.texts(await h.text(ANA, ANGRY))[-1]
    await h.text(ANA, "/settings")
    state = await state_of(h)
    assert state is not None and state[0] == "settings"
    said = h.texts(await h.text(ANA, "/cancel"))
    assert said[-1] == check
    state = await state_of(h)
    assert state is not None and state[:2] == ("safety", "check")


async def test_sos_and_cancel_still_end_the_check(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, ANGRY)
    await h.text(ANA, "/cancel")
    assert await state_of(h) is None
    await h.text(ANA, ANGRY)
    said = h.texts(await h.text(ANA, "/sos"))
    assert await state_of(h) is None
    assert said and said[-1] != C.text("safety.concern_hedged")
