"""Through the real Application: "stop" at the name question is never greeted as a name,
"never mind" at "Which is it?" stops the moment, and "delete this moment" is answered with
where moments are deleted (/history), never offered as a moment."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.storage.models import ConversationState, MomentRow, User
from tests.harness import Harness
from tests.inprocess.flows import LET_GO, TO_THE_PATH

ANA = 941
OFFERED = "Want to look at this moment together?"
SETUP_LATER = "Okay, we can finish setting up later: send /start any time."
DELETE_POINTER = 'open /history, tap it, then "Delete"'


async def state_of(h: Harness) -> ConversationState | None:
    async with h.db.unit_of_work() as session:
        return await session.scalar(select(ConversationState))


async def moments(h: Harness) -> list[MomentRow]:
    async with h.db.unit_of_work() as session:
        return list(await session.scalars(select(MomentRow)))


@pytest.mark.parametrize("said", ["stop", "cancel", "quit", "stop it", "leave me alone"])
async def test_stop_at_the_name_question_ends_setup_and_is_never_the_name(h: Harness, said: str):
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    replies = h.texts(await h.text(ANA, said))
    assert replies == [SETUP_LATER]
    assert await state_of(h) is None
    async with h.db.unit_of_work() as session:
        user = await session.get(User, ANA)
        assert user is None or user.preferred_name is None
    # and the greeting later is by no such "name"
    replies = h.texts(await h.text(ANA, "/start"))
    assert not any(said in r for r in replies if "Nice to meet you" in r)


@pytest.mark.parametrize("name", ["Joy", "Will", "Mae"])
async def test_a_name_that_is_a_word_is_still_a_name(h: Harness, name: str):
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    (reply,) = h.texts(await h.text(ANA, name))
    assert reply.startswith(f"Nice to meet you, {name}.")


@pytest.mark.parametrize("said", ["stop", "cancel", "never mind", "nvm", "forget it"])
async def test_stop_at_which_is_it_stops_the_moment_and_keeps_nothing(h: Harness, said: str):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/moment")
    (reply,) = h.texts(await h.text(ANA, said))
    assert "Nothing was kept" in reply and "Which is it?" not in reply
    assert await state_of(h) is None and await moments(h) == []


async def test_delete_this_moment_mid_moment_stops_it_and_asks_to_delete_it(h: Harness):
    """Stopped and kept as /cancel keeps it, then the delete asked about right there: one tap
    deletes it, with no trip to /history."""
    await h.onboard(ANA, "Ana")
    for kind, value, _, _ in TO_THE_PATH[:7]:
        await (h.text(ANA, value) if kind == "text" else h.press(ANA, value))
    replies = h.texts(await h.text(ANA, "delete this moment"))
    assert "unfinished moment" in replies[0]
    assert "Delete this moment for good?" in replies[-1]
    assert await state_of(h) is None
    (moment,) = await moments(h)
    assert moment.status == "unfinished" and moment.feelings_text is None
    await h.press(ANA, "Yes, delete it")
    assert await moments(h) == []


@pytest.mark.parametrize("said", ["can you delete this", "delete that moment"])
async def test_delete_this_right_after_a_moment_points_to_history(h: Harness, said: str):
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LET_GO)
    (reply,) = h.texts(await h.text(ANA, said))
    assert DELETE_POINTER in reply and OFFERED not in reply
    assert await state_of(h) is None and len(await moments(h)) == 1


async def test_delete_this_at_the_offer_keeps_nothing(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "he ignored me all through dinner")
    (reply,) = h.texts(await h.text(ANA, "delete this"))
    assert OFFERED not in reply and "part of it too" not in reply
    assert await state_of(h) is None and await moments(h) == []
    async with h.db.unit_of_work() as session:
        assert await session.scalar(select(func.count()).select_from(MomentRow)) == 0


@pytest.mark.parametrize("said", ["she deleted my messages", "he deleted the photos of us"])
async def test_someone_deleting_something_is_still_a_moment(h: Harness, said: str):
    await h.onboard(ANA, "Ana")
    replies = h.texts(await h.text(ANA, said))
    assert OFFERED in replies[-1]
