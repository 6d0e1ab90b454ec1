"""The evening check-in does not arrive in the middle of a moment: it waits until the moment is
likely done, or is skipped tonight if that would be in quiet hours. A moment finished earlier
in the day does not stop it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.domain import schedule
from bot.scheduling import store
from bot.storage.models import ConversationState, ScheduledPrompt
from tests.harness import Harness
from tests.inprocess.flows import LET_GO, SAY_IT_NOW, TO_THE_PATH
from tests.inprocess.test_scheduling import sent_to

ANA = 731
GOOD_EVENING = "Good evening, Ana. Any small moment today worth a look?"
# The card on an evening after a moment looked at to its end that day (told, or picked up).
LOOKED_AT_ONE = (
    "Good evening, Ana. You already looked at one moment today. "
    "Anything else worth a look, or is that enough for today?"
)
# The clock starts at 19:30 UTC, 20:30 in Berlin; Ana's evening card is due at 21:00 there.
EVENING_DUE = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
TO_FEELINGS = TO_THE_PATH[:7]  # "How did it feel?"
FEELINGS_ON = TO_THE_PATH[7:]  # a feeling, Done, a need, Done: "What would you like to do?"


async def evenings(h: Harness) -> list[ScheduledPrompt]:
    async with h.db.unit_of_work() as session:
        query = select(ScheduledPrompt).where(
            ScheduledPrompt.user_id == ANA, ScheduledPrompt.kind == schedule.EVENING
        )
        return list(await session.scalars(query.order_by(ScheduledPrompt.due_at)))


async def step(h: Harness) -> str | None:
    async with h.db.unit_of_work() as session:
        state = await session.scalar(
            select(ConversationState).where(ConversationState.user_id == ANA)
        )
        return None if state is None else state.step


async def cards(h: Harness) -> list[str]:
    return [a.text or "" for a in await h.tick() if a.method == "sendMessage" and a.chat_id == ANA]


async def at_the_feelings_step(h: Harness) -> None:
    await h.onboard(ANA, "Ana", evening=True)
    await h.walk(ANA, TO_FEELINGS)  # started at 20:30 in Berlin
    h.clock.now = EVENING_DUE - timedelta(minutes=5)
    await h.walk(ANA, FEELINGS_ON[:1])  # still choosing feelings at 20:55
    assert await step(h) == "feel"


async def test_no_evening_card_at_the_feelings_step_then_it_comes_once_the_moment_is_done(
    harness: Harness,
):
    h = harness
    await at_the_feelings_step(h)
    h.clock.now = EVENING_DUE
    assert await cards(h) == []
    (held,) = await evenings(h)
    assert held.status == "pending" and held.last_error == f"moved: {schedule.MID_MOMENT}"
    assert held.due_at == EVENING_DUE + schedule.MOMENT_UNDER_WAY_FOR  # 22:00 in Berlin
    h.clock.now = EVENING_DUE + timedelta(minutes=20)
    await h.walk(ANA, [*FEELINGS_ON[1:], *LET_GO[len(TO_THE_PATH) :]])  # done by 21:20
    assert await step(h) is None
    assert await cards(h) == []  # not due yet
    h.clock.now = held.due_at
    assert await cards(h) == [LOOKED_AT_ONE]  # after the moment, the day's check-in
    sent = [r for r in await evenings(h) if r.status == "sent"]
    assert [r.key for r in sent] == [f"evening:{ANA}:2026-03-01"]


async def test_a_moment_left_at_the_feelings_step_no_longer_holds_the_card_back(
    harness: Harness,
):
    h = harness
    await at_the_feelings_step(h)
    h.clock.now = EVENING_DUE
    assert await cards(h) == []
    # Put down at 20:55 and not touched again: an hour on, it is no longer under way, and the
    # card comes (pressing it brings them back to where they were).
    h.clock.now = EVENING_DUE + schedule.MOMENT_UNDER_WAY_FOR
    assert await cards(h) == [GOOD_EVENING]
    assert await step(h) == "feel"


async def test_still_at_it_when_the_card_would_come_again_skips_tonights(harness: Harness):
    h = harness
    await at_the_feelings_step(h)
    h.clock.now = EVENING_DUE
    assert await cards(h) == []
    h.clock.now = EVENING_DUE + timedelta(minutes=50)
    await h.walk(ANA, FEELINGS_ON[1:2])  # still at it at 21:50: on to the needs
    h.clock.now = EVENING_DUE + schedule.MOMENT_UNDER_WAY_FOR  # 22:00: 23:00 would be quiet
    assert await cards(h) == []
    tonight, tomorrow = await evenings(h)
    assert (tonight.status, tonight.last_error) == ("skipped", schedule.MID_MOMENT)
    assert (tomorrow.key, tomorrow.status) == (f"evening:{ANA}:2026-03-02", "pending")
    # A skipped evening was never left unanswered: not part of the run that stops the check-in.
    async with h.db.unit_of_work() as session:
        assert not await store.evenings_unanswered(session, ANA, 1)
    h.clock.now = tomorrow.due_at
    assert await cards(h) == [GOOD_EVENING]  # tomorrow's as usual (the moment left a day ago)


async def test_a_moment_finished_earlier_today_does_not_stop_tonights_card(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    await h.walk(ANA, LET_GO)  # told and let go at 20:30 in Berlin
    assert await step(h) is None
    h.clock.now = EVENING_DUE
    assert LOOKED_AT_ONE in await cards(h)  # saying it was looked at


async def test_skipped_evenings_are_not_counted_among_the_unanswered(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    now = h.clock.now
    async with h.db.unit_of_work() as session:
        for days in range(6, 0, -1):
            day = (now - timedelta(days=days)).date()
            key = schedule.evening_key(ANA, day)
            await store.plan(
                session,
                key=key,
                kind=schedule.EVENING,
                user_id=ANA,
                chat_id=ANA,
                due=now - timedelta(days=days),
                now=now,
            )
            (row_id,) = await session.scalars(
                select(ScheduledPrompt.id).where(ScheduledPrompt.key == key)
            )
            # Five went out and were left alone; the latest was skipped mid-moment.
            skipped = days == 1
            status = store.SKIPPED if skipped else store.SENT
            error = schedule.MID_MOMENT if skipped else None
            await store.finish(session, row_id, status, now - timedelta(days=days), error=error)
    async with h.db.unit_of_work() as session:
        assert not await store.evenings_unanswered(session, ANA, 6)
        assert await store.evenings_unanswered(session, ANA, 5)


async def test_a_nudge_about_yesterdays_moment_waits_for_the_one_under_way(harness: Harness):
    """Yesterday's moment is nudged about at 21:00 in Berlin; Ana is telling a new one then.
    The nudge waits until that is likely done, then comes."""
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, SAY_IT_NOW)
    (nudge,) = [p for p in await evenings_and_nudges(h) if p.kind == schedule.NUDGE]
    h.clock.now = nudge.due_at - timedelta(minutes=10)
    await h.walk(ANA, TO_FEELINGS)
    h.clock.now = nudge.due_at
    assert sent_to(h, ANA, await h.tick()) == []  # not in the middle of telling
    await h.text(ANA, "/cancel")  # kept for later: no moment under way any more
    h.clock.now = nudge.due_at + schedule.MOMENT_UNDER_WAY_FOR
    (card,) = sent_to(h, ANA, await h.tick())
    assert "How is it now?" in (card.text or "")


async def evenings_and_nudges(h: Harness) -> list[ScheduledPrompt]:
    async with h.db.unit_of_work() as session:
        rows = await session.scalars(
            select(ScheduledPrompt).where(
                ScheduledPrompt.user_id == ANA, ScheduledPrompt.status == "pending"
            )
        )
        return list(rows)
