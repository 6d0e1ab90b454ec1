"""Scheduling fixed after review, on a clock the test moves: an old "when should I ask again?"
card, a pause, an evening declined, one card at a time, an old card's snooze, downtime."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.content import catalogue
from bot.sandbox.core import BotAction
from bot.storage.models import MomentRow, ScheduledPrompt, User
from tests.harness import Harness
from tests.inprocess.flows import LATER, SAY_IT_NOW

ANA = 711
C = catalogue("en")


async def rows(h: Harness) -> list[ScheduledPrompt]:
    async with h.db.unit_of_work() as session:
        query = select(ScheduledPrompt).where(ScheduledPrompt.user_id == ANA)
        return list(await session.scalars(query.order_by(ScheduledPrompt.due_at)))


async def pending(h: Harness) -> list[ScheduledPrompt]:
    return [r for r in await rows(h) if r.status == "pending"]


async def the_moment(h: Harness) -> MomentRow:
    async with h.db.unit_of_work() as session:
        (moment,) = list(await session.scalars(select(MomentRow)))
        return moment


def cards(h: Harness, actions: list[BotAction]) -> list[str]:
    return [a.text or "" for a in actions if a.method == "sendMessage" and a.chat_id == ANA]


# Sunday 1 March, 20:30 in Berlin; "tomorrow evening" is asked about on Monday at 21:00.
MONDAY_2100 = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("settled", "status"), [("We repaired it", "repaired"), ("I've let it go", "let_go")]
)
async def test_an_old_when_to_ask_again_card_does_not_undo_a_repair(
    harness: Harness, settled: str, status: str
):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LATER)
    h.clock.now = MONDAY_2100
    (card,) = [a for a in await h.tick() if a.chat_id == ANA]
    await h.press(ANA, "Not yet, remind me", message_id=card.message_id)
    await h.text(ANA, "/history")
    await h.press(ANA, h.last_card(ANA).buttons()[0]["text"])
    await h.press(ANA, settled)
    if (await the_moment(h)).status != status:  # a confirmation first
        await h.press(ANA, h.last_card(ANA).buttons()[0]["text"])
    assert (await the_moment(h)).status == status
    h.clock.advance(timedelta(hours=14))
    actions = await h.press(ANA, "Tomorrow evening", message_id=card.message_id)
    assert "Okay, I'll ask again" not in " ".join(h.texts(actions))
    assert h.toasts(actions) == [C.text("follow_up.already_settled")]
    assert (await the_moment(h)).status == status
    assert await pending(h) == []


async def test_a_week_s_pause_holds_a_planned_follow_up_until_it_ends(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LATER)
    await h.text(ANA, "/settings")
    await h.press(ANA, "Pause a week")  # until Sunday 8 March, 20:30 in Berlin
    await h.press(ANA, "Done")
    h.clock.now = MONDAY_2100
    assert cards(h, await h.tick()) == []
    (row,) = await pending(h)
    assert row.kind == "follow_up" and row.due_at == datetime(2026, 3, 8, 19, 30, tzinfo=UTC)
    h.clock.now = row.due_at
    (card,) = cards(h, await h.tick())
    assert card.startswith("Did you get to talk about")


async def test_a_follow_up_held_until_resumed_comes_after_resume(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LATER)
    await h.text(ANA, "/settings")
    await h.press(ANA, "Pause until I resume")
    await h.press(ANA, "Done")
    h.clock.now = MONDAY_2100
    assert cards(h, await h.tick()) == []
    h.clock.advance(timedelta(days=3))
    assert cards(h, await h.tick()) == []
    assert [r.kind for r in await pending(h)] == ["follow_up"]
    await h.text(ANA, "/resume")
    (card,) = cards(h, await h.tick())
    assert card.startswith("Did you get to talk about")
    assert await pending(h) == []


@pytest.mark.parametrize("answer", ["Not tonight", "All good"])
async def test_an_evening_declined_brings_no_nudge_that_evening(harness: Harness, answer: str):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    await h.walk(ANA, SAY_IT_NOW)  # its nudge: Monday at 21:00, after the check-in
    h.clock.now = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    await h.tick()  # Sunday's check-in
    h.clock.now = MONDAY_2100
    (check_in,) = cards(h, await h.tick())
    assert check_in.startswith("Good evening")
    await h.press(ANA, answer)
    h.clock.advance(timedelta(minutes=45))
    assert cards(h, await h.tick()) == []
    (nudge,) = [r for r in await pending(h) if r.kind == "nudge"]
    assert nudge.due_at == datetime(2026, 3, 3, 20, 0, tzinfo=UTC)  # Tuesday's evening


async def test_a_follow_up_and_the_check_in_due_together_come_one_at_a_time(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    await h.walk(ANA, LATER)  # talk Monday 19:00, asked about at 21:00: the check-in's time
    h.clock.now = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    await h.tick()  # Sunday's check-in
    h.clock.now = MONDAY_2100
    (first,) = cards(h, await h.tick())
    assert first.startswith("Did you get to talk about")
    h.clock.advance(timedelta(minutes=44))
    assert cards(h, await h.tick()) == []
    h.clock.advance(timedelta(minutes=1))
    (second,) = cards(h, await h.tick())
    assert second.startswith("Good evening")


async def test_ask_me_in_an_hour_on_an_earlier_evening_s_card_is_not_planned(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    h.clock.now = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    await h.tick()
    sunday = h.last_card(ANA).message_id
    h.clock.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # Monday 10:00
    replies = h.texts(await h.press(ANA, "Ask me in an hour", message_id=sunday))
    assert replies == [C.text("evening.snooze_old")]
    h.clock.now = MONDAY_2100
    await h.tick()
    monday = h.last_card(ANA).message_id
    h.clock.now = datetime(2026, 3, 3, 19, 30, tzinfo=UTC)  # Tuesday 20:30, before its card
    replies = h.texts(await h.press(ANA, "Ask me in an hour", message_id=monday))
    assert replies == [C.text("evening.snooze_old")]
    assert [r.kind for r in await pending(h)] == ["evening"]


async def test_a_planned_follow_up_missed_by_downtime_comes_when_quiet_hours_end(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LATER)  # asked about on Monday at 21:00 in Berlin
    h.clock.now = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)  # down until 00:30
    assert cards(h, await h.tick()) == []
    (row,) = await pending(h)
    assert row.due_at == datetime(2026, 3, 3, 7, 0, tzinfo=UTC)  # 08:00 in Berlin
    h.clock.now = row.due_at
    (card,) = cards(h, await h.tick())
    assert card.startswith("Did you get to talk about")


async def test_all_good_on_last_night_s_card_in_the_morning_does_not_say_sleep_well(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    h.clock.now = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    await h.tick()
    h.clock.now = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # 09:00 in Berlin
    replies = h.texts(await h.press(ANA, "All good"))
    assert replies == [C.text("evening.all_good_day_reply", name="Ana")]
    assert "Sleep well" not in replies[0]


async def sent_by_tick(h: Harness) -> str | None:
    """The one message a tick sends (None if it sends nothing)."""
    sent = [a for a in await h.tick() if a.method == "sendMessage"]
    assert len(sent) <= 1, sent
    return sent[0].text if sent else None


async def evening_cards(h: Harness, days: int, on_day: dict[int, list[str]] | None = None) -> None:
    """An evening card each day for `days` days; on the days in `on_day`, Ana then types (or,
    for a "press:" entry, taps) what is listed."""
    for day in range(days):
        text = await sent_by_tick(h)
        assert text is not None and text.startswith("Good evening"), day
        for said in (on_day or {}).get(day, []):
            if said.startswith("press:"):
                await h.press(701, said.removeprefix("press:"))
            else:
                await h.text(701, said)
        h.clock.advance(timedelta(days=1))


async def test_a_week_of_unanswered_evening_cards_ends_with_one_word_not_more_cards(
    harness: Harness,
):
    """CONTENT.md: no nagging. Six check-ins left unanswered in a row, and the seventh says the
    check-in stops (turned off, /settings brings it back); none comes after it."""
    h = harness
    await h.onboard(701, "Ana", evening=True)  # 20:30 in Berlin; the card comes at 21:00
    h.clock.advance(timedelta(minutes=30))
    await evening_cards(h, 6)
    (note,) = [a for a in await h.tick() if a.method == "sendMessage"]
    assert note.text is not None and "stop sending it" in note.text and not note.buttons()
    async with h.db.unit_of_work() as session:
        user = await session.get(User, 701)
        assert user is not None and not user.evening_on
    h.clock.advance(timedelta(days=1))
    assert await sent_by_tick(h) is None
    # Turned back on: the cards come again, the old silence not counted against them.
    await h.text(701, "/settings")
    await h.press(701, "Evening check-in on")
    await h.press(701, "Done")
    h.clock.advance(timedelta(days=1))
    await evening_cards(h, 2)


async def test_one_answer_in_the_week_keeps_the_check_in_coming(harness: Harness):
    h = harness
    await h.onboard(701, "Ana", evening=True)
    h.clock.advance(timedelta(minutes=30))
    await evening_cards(h, 8, {3: ["press:All good"]})


async def test_telling_a_moment_instead_of_tapping_keeps_the_check_in_coming(harness: Harness):
    h = harness
    await h.onboard(701, "Ana", evening=True)
    h.clock.advance(timedelta(minutes=30))
    # The card left, a moment told straight away instead.
    told = ["He ignored me all through dinner with his friends", "press:Yes, let's look"]
    await evening_cards(h, 8, {2: told})
