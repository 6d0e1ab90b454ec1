"""A moment left in the middle for long is set aside as unfinished before new words are read:
days later, a new story is not the answer to the old question."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.storage.models import ConversationState, MomentRow, ScheduledPrompt
from tests.harness import Harness
from tests.inprocess.flows import TO_THE_PATH

ANA = 721
SET_ASIDE = (
    "On Sunday you started looking at a moment and we stopped partway. I've kept it in "
    "/history as unfinished, to pick up there whenever you like."
)


async def moments(h: Harness) -> list[MomentRow]:
    async with h.db.unit_of_work() as session:
        return list(await session.scalars(select(MomentRow).order_by(MomentRow.created_at)))


async def state(h: Harness) -> ConversationState | None:
    async with h.db.unit_of_work() as session:
        return await session.scalar(select(ConversationState))


async def pending_about(h: Harness, moment_id: str) -> list[ScheduledPrompt]:
    async with h.db.unit_of_work() as session:
        rows = await session.scalars(
            select(ScheduledPrompt).where(
                ScheduledPrompt.moment_id == moment_id, ScheduledPrompt.status == "pending"
            )
        )
        return list(rows)


async def left_at_the_camera(h: Harness, days: float) -> None:
    """Ana tells who it was with (Sam) and what happened (the phone), and leaves at the
    camera question for `days`."""
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:5])
    h.clock.advance(timedelta(days=days))


async def test_words_days_later_are_new_and_the_old_moment_is_kept(harness: Harness):
    h = harness
    await left_at_the_camera(h, days=3)
    replies = h.texts(await h.text(ANA, "My sister forgot my birthday"))
    assert replies[0] == SET_ASIDE
    assert "Want to look at this moment together?" in replies[1]
    (old,) = await moments(h)
    assert (old.status, old.who_name, old.pattern) == ("unfinished", "Sam", "phone")
    assert old.observation is None  # the new words are not the camera's
    current = await state(h)
    assert current is not None and current.step == "offer"  # the new words wait on their offer


async def test_words_the_same_evening_still_answer_the_question(harness: Harness):
    h = harness
    await left_at_the_camera(h, days=0.25)  # six hours
    replies = h.texts(await h.text(ANA, "He talked over me at dinner"))
    assert SET_ASIDE not in replies
    current = await state(h)
    assert current is not None and (current.flow, current.step) == ("moment", "int")


async def test_a_button_on_its_own_card_carries_on_with_it(harness: Harness):
    h = harness
    await left_at_the_camera(h, days=3)
    replies = h.texts(await h.press(ANA, "Skip"))
    assert SET_ASIDE not in replies
    current = await state(h)
    assert current is not None and current.step == "int"


async def test_a_new_moment_days_later_starts_afresh(harness: Harness):
    h = harness
    await left_at_the_camera(h, days=3)
    replies = h.texts(await h.text(ANA, "/moment"))
    assert replies[0] == SET_ASIDE
    assert replies[1].endswith("Which is it?")
    assert [m.status for m in await moments(h)] == ["unfinished", "open"]  # and a new one


async def test_cancel_days_later_is_the_usual_cancel(harness: Harness):
    h = harness
    await left_at_the_camera(h, days=3)
    replies = h.texts(await h.text(ANA, "/cancel"))
    assert replies == [
        "Okay, I've kept what you said as an unfinished moment. You can pick it up or delete "
        "it in /history."
    ]
    assert [m.status for m in await moments(h)] == ["unfinished"]


async def test_danger_days_later_sets_the_moment_aside_as_unsafe_not_unfinished(
    harness: Harness,
):
    h = harness
    await left_at_the_camera(h, days=3)
    replies = h.texts(await h.text(ANA, "I want to kill myself"))
    assert SET_ASIDE not in replies  # the help comes first and alone
    (old,) = await moments(h)
    assert old.status == "set_aside"
    assert await pending_about(h, old.id) == []  # no card about it after the quiet day


async def test_sos_days_later_is_the_help_alone(harness: Harness):
    h = harness
    await left_at_the_camera(h, days=3)
    replies = h.texts(await h.text(ANA, "/sos"))
    assert SET_ASIDE not in replies
    (old,) = await moments(h)
    assert old.status == "set_aside"


async def test_an_edit_days_later_sets_nothing_aside(harness: Harness):
    h = harness
    await left_at_the_camera(h, days=3)
    message_id = max(
        m
        for (chat, m), msg in h.sandbox.messages.items()
        if chat == ANA and msg["from"]["id"] == ANA
    )
    replies = h.texts(await h.feed(h.sandbox.edit_text(ANA, message_id, "Sam, not Sal")))
    assert SET_ASIDE not in replies
    current = await state(h)
    assert current is not None and current.step == "cam"


async def test_a_moment_held_by_settings_left_for_days_is_kept_and_the_words_are_new(
    harness: Harness,
):
    h = harness
    await left_at_the_camera(h, days=0)
    await h.text(ANA, "/settings")  # holds the moment
    h.clock.advance(timedelta(days=2))
    replies = h.texts(await h.text(ANA, "My sister forgot my birthday"))
    assert replies[0].startswith("On Sunday you started looking at a moment")
    assert "Want to look at this moment together?" in replies[1]
    (old,) = await moments(h)
    assert (old.status, old.observation) == ("unfinished", None)


async def test_a_safety_check_left_for_a_day_does_not_read_the_next_evenings_answer(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    (check,) = h.texts(await h.text(ANA, "I'm not suicidal, just exhausted"))
    assert "safe right now" in check
    h.clock.advance(timedelta(minutes=30))
    await h.tick()  # Sunday's card, left unanswered with the check
    h.clock.advance(timedelta(days=1))
    (card,) = h.texts(await h.tick())
    assert card.startswith("Good evening")
    assert h.texts(await h.text(ANA, "nope")) == ["No problem. Rest well."]


async def test_a_worry_days_later_is_checked_and_then_read_as_new_words(harness: Harness):
    h = harness
    await left_at_the_camera(h, days=3)
    replies = h.texts(await h.text(ANA, "I'm not suicidal, just exhausted by all of it"))
    assert replies[0] == SET_ASIDE
    assert "safe right now" in replies[1]
    await h.press(ANA, "I'm safe, let's go on")
    (old,) = await moments(h)
    assert (old.status, old.observation) == ("unfinished", None)  # not the camera's answer
