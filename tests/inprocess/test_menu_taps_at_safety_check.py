"""A tap on a menu button that would start or resume a flow (/history's Resume and Pick it up
again, a new moment) while "is anyone in danger right now?" is open never replaces the check:
it is asked again and nothing changes. Buttons that only show things still work."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.content import catalogue
from bot.storage.models import ConversationState, MomentRow
from tests.harness import Harness
from tests.inprocess.flows import LET_GO, TO_THE_PATH

ANA = 831
C = catalogue("en")
ANGRY = "I was so angry I could kill him"


async def state_of(h: Harness) -> tuple[str, str, int] | None:
    async with h.db.unit_of_work() as session:
        row = await session.scalar(
            select(ConversationState).where(ConversationState.user_id == ANA)
        )
        return (row.flow, row.step, row.version) if row is not None else None


async def moments(h: Harness) -> dict[str, tuple[str, object]]:
    async with h.db.unit_of_work() as session:
        rows = await session.scalars(select(MomentRow).where(MomentRow.user_id == ANA))
        return {m.id: (m.status, m.updated_at) for m in rows}


async def a_card_for(h: Harness, walk: list[tuple[str, str, str, str]], cancel: bool) -> int:
    """A moment walked through (and left with /cancel), then its /history card opened."""
    await h.walk(ANA, walk)
    if cancel:
        await h.text(ANA, "/cancel")
    await h.text(ANA, "/history")
    item = h.last_card(ANA).buttons()[0]["text"]
    await h.press(ANA, item)
    card = h.last_card(ANA).message_id
    assert card is not None
    return card


@pytest.mark.parametrize(
    ("button", "walk", "cancel"),
    [
        (C.text("history.resume"), TO_THE_PATH[:7], True),  # hu.: an unfinished moment
        (C.text("history.pick_up"), LET_GO, False),  # hp.: a moment let go
    ],
)
async def test_a_history_button_that_resumes_asks_the_check_again(
    harness: Harness, button: str, walk: list[tuple[str, str, str, str]], cancel: bool
):
    h = harness
    await h.onboard(ANA, "Ana")
    card = await a_card_for(h, walk, cancel)
    h.clock.advance(timedelta(minutes=5))
    await h.walk(ANA, TO_THE_PATH[:5])  # a second moment, at the camera question
    check = h.texts(await h.text(ANA, ANGRY))
    before, kept = await state_of(h), await moments(h)
    assert before is not None and before[:2] == ("safety", "check")

    said = h.texts(await h.press(ANA, button, message_id=card))
    assert said[-1] == check[-1]  # the check, asked again
    assert not any(C.text("moment.ask_path") in t for t in said)
    assert await state_of(h) == before
    assert await moments(h) == kept
    assert [b["text"] for b in h.last_card(ANA).buttons()] == [
        C.text("safety.just_angry"),
        C.text("safety.not_sure"),
    ]
    # The check still answers: the moment it held goes on.
    await h.press(ANA, C.text("safety.just_angry"))
    after = await state_of(h)
    assert after is not None and after[0] == "moment"


async def test_a_new_moment_from_a_menu_button_asks_the_check_again(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:5])
    check = h.texts(await h.text(ANA, ANGRY))
    before, kept = await state_of(h), await moments(h)
    said = h.texts(await h.press(ANA, data="menu:moment", forge=True))
    assert said[-1] == check[-1]
    assert await state_of(h) == before and await moments(h) == kept


async def test_showing_a_moment_still_works_at_the_check(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await a_card_for(h, LET_GO, False)
    await h.walk(ANA, TO_THE_PATH[:5])
    await h.text(ANA, ANGRY)
    before = await state_of(h)
    await h.text(ANA, "/history")
    items = [b["text"] for b in h.last_card(ANA).buttons()]
    (item,) = [i for i in items if i.endswith("· let go")]
    shown = h.texts(await h.press(ANA, item))
    assert any("Status: let go" in t for t in shown)
    assert await state_of(h) == before
