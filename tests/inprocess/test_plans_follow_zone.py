"""A zone change moves a planned talk to the same wall-clock time in the new zone: planned for
"tonight at 8" on a mis-set zone, it is 20:00 where the person really is, and so is the
question about it after. A time already past there keeps its instant; others' plans do not
move; the couple's group clock is not theirs to move (tests/inprocess/test_group_clock_stays.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.domain import schedule
from bot.scheduling import store
from bot.storage.models import MomentRow
from tests.harness import Harness
from tests.inprocess.flows import LATER
from tests.inprocess.test_scheduling import move_to, pending, plan_at, rows, sent_to

ANA, BEN = 711, 712
# Monday 2 March 2026, 10:00 UTC: 10:00 in London, 11:00 in Berlin, 05:00 in New York.
MORNING = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
MOVED_ONE = "Your planned talk stays at the time you chose, now in your new time zone: {}."
MOVED_MANY = "Your planned talks stay at the times you chose, now in your new time zone: {}."


async def plans(h: Harness, user_id: int) -> list[datetime | None]:
    async with h.db.unit_of_work() as session:
        found = await session.scalars(
            select(MomentRow.plan_due_at)
            .where(MomentRow.user_id == user_id)
            .order_by(MomentRow.plan_due_at)  # moments begun on a stopped clock: no other order
        )
        return list(found)


async def follow_ups(h: Harness, user_id: int) -> list[datetime]:
    return [r.due_at for r in await pending(h, user_id) if r.kind == schedule.FOLLOW_UP]


async def in_london(h: Harness, user_id: int, name: str) -> None:
    """Set up (in Berlin, as the harness does), then a zone mis-set to London, in the morning."""
    await h.onboard(user_id, name)
    h.clock.now = MORNING
    await move_to(h, user_id, "London")


async def zone_changed(h: Harness, user_id: int, city: str) -> list[str]:
    """/settings, a new time zone confirmed; what the bot said when it was saved."""
    await h.text(user_id, "/settings")
    await h.press(user_id, "Time zone")
    await h.text(user_id, city)
    said = h.texts(await h.press(user_id, "Yes, that's right"))
    await h.press(user_id, "Done")
    return said


async def test_tonight_at_eight_follows_the_zone_and_so_does_its_question(h: Harness):
    await in_london(h, ANA, "Ana")
    await plan_at(h, ANA, "tonight at 8")
    assert await plans(h, ANA) == [datetime(2026, 3, 2, 20, 0, tzinfo=UTC)]  # 20:00 London
    assert await follow_ups(h, ANA) == [datetime(2026, 3, 2, 22, 0, tzinfo=UTC)]

    said = await zone_changed(h, ANA, "Berlin")
    assert MOVED_ONE.format("today at 20:00") in said
    eight_in_berlin = datetime(2026, 3, 2, 19, 0, tzinfo=UTC)
    assert await plans(h, ANA) == [eight_in_berlin]
    asked_at = eight_in_berlin + schedule.AFTER_TALK  # 22:00 in Berlin
    assert await follow_ups(h, ANA) == [asked_at]

    h.clock.now = asked_at - timedelta(minutes=1)
    assert sent_to(h, ANA, await h.tick()) == []
    h.clock.now = asked_at
    (card,) = sent_to(h, ANA, await h.tick())
    assert card.text is not None and card.text.startswith("Did you get to talk")
    assert sent_to(h, ANA, await h.tick()) == []  # once
    (sent,) = [r for r in await rows(h, ANA) if r.kind == schedule.FOLLOW_UP]
    assert (sent.status, sent.due_at) == ("sent", asked_at)


async def test_a_second_change_moves_it_again(h: Harness):
    await in_london(h, ANA, "Ana")
    await plan_at(h, ANA, "tonight at 8")
    await zone_changed(h, ANA, "Berlin")
    said = await zone_changed(h, ANA, "New York")  # 20:00 there is 01:00 UTC tomorrow
    assert MOVED_ONE.format("today at 20:00") in said
    eight_in_new_york = datetime(2026, 3, 3, 1, 0, tzinfo=UTC)
    assert await plans(h, ANA) == [eight_in_new_york]
    assert await follow_ups(h, ANA) == [eight_in_new_york + schedule.AFTER_TALK]
    h.clock.now = eight_in_new_york + schedule.AFTER_TALK
    (card,) = sent_to(h, ANA, await h.tick())
    assert card.text is not None and card.text.startswith("Did you get to talk")


async def test_a_plan_whose_moved_time_is_past_keeps_its_time(h: Harness):
    await in_london(h, ANA, "Ana")
    h.clock.now = datetime(2026, 3, 2, 18, 45, tzinfo=UTC)  # 18:45 London, 19:45 Berlin
    await plan_at(h, ANA, "19:30")  # 19:30 London: 18:30 UTC in Berlin, gone by
    planned = datetime(2026, 3, 2, 19, 30, tzinfo=UTC)
    said = await zone_changed(h, ANA, "Berlin")
    assert not [s for s in said if "planned talk" in s]
    assert await plans(h, ANA) == [planned]
    assert await follow_ups(h, ANA) == [planned + schedule.AFTER_TALK]


async def test_a_plan_too_close_in_the_new_zone_keeps_its_time(h: Harness):
    await in_london(h, ANA, "Ana")
    h.clock.now = datetime(2026, 3, 2, 18, 57, tzinfo=UTC)  # 19:57 in Berlin
    await plan_at(h, ANA, "tonight at 8")  # 20:00 London; 20:00 Berlin is 3 minutes away
    said = await zone_changed(h, ANA, "Berlin")
    assert not [s for s in said if "planned talk" in s]
    assert await plans(h, ANA) == [datetime(2026, 3, 2, 20, 0, tzinfo=UTC)]


async def test_several_plans_move_and_are_named_and_others_plans_stay(h: Harness):
    await in_london(h, ANA, "Ana")
    await in_london(h, BEN, "Ben")
    await plan_at(h, ANA, "tonight at 8")
    await h.walk(ANA, LATER)  # tomorrow evening: 19:00 London on Tuesday
    await plan_at(h, BEN, "tonight at 8")
    bens = (await plans(h, BEN), await follow_ups(h, BEN))

    said = await zone_changed(h, ANA, "Berlin")
    assert MOVED_MANY.format("today at 20:00 and on Tuesday at 19:00") in said
    moved = [datetime(2026, 3, 2, 19, 0, tzinfo=UTC), datetime(2026, 3, 3, 18, 0, tzinfo=UTC)]
    assert await plans(h, ANA) == moved
    assert sorted(await follow_ups(h, ANA)) == [
        moved[0] + schedule.AFTER_TALK,
        moved[1] + schedule.AFTER_TALK,
    ]
    assert (await plans(h, BEN), await follow_ups(h, BEN)) == bens  # Ben's are his own


async def test_a_question_already_claimed_is_left_to_its_claim(h: Harness):
    """A replica whose clock runs ahead holds the question: it is not moved under it (the plan
    itself still moves)."""
    await in_london(h, ANA, "Ana")
    await plan_at(h, ANA, "tonight at 8")
    (row,) = await pending(h, ANA)
    async with h.db.unit_of_work() as session:
        (claimed,) = await store.claim(session, row.due_at, 10, keys=[row.key])
    await zone_changed(h, ANA, "Berlin")
    assert await plans(h, ANA) == [datetime(2026, 3, 2, 19, 0, tzinfo=UTC)]
    (still,) = await pending(h, ANA)
    assert (still.due_at, still.claimed_at) == (row.due_at, claimed.claimed_at)


async def test_a_zone_given_for_a_plan_reads_it_there_once(h: Harness):
    """No zone yet: "Tomorrow evening" asks where they are, and is 19:00 there. Setting that
    zone, in the same turn, does not move the plan again (from UTC's clock)."""
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    await h.text(ANA, "Ana")
    await h.text(ANA, "skip")
    h.clock.now = MORNING
    await h.walk(ANA, LATER[:-1])
    await h.press(ANA, "Tomorrow evening")
    said = h.texts(await h.text(ANA, "Berlin"))
    assert not [s for s in said if "planned talk" in s]
    seven_in_berlin = datetime(2026, 3, 3, 18, 0, tzinfo=UTC)
    assert await plans(h, ANA) == [seven_in_berlin]
    assert await follow_ups(h, ANA) == [seven_in_berlin + schedule.AFTER_TALK]


async def test_a_plan_from_now_made_with_no_zone_keeps_its_instant(h: Harness):
    """ "In 3 hours" with no zone known is a real time from now: a zone set after does not
    make it UTC's wall clock moved."""
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    await h.text(ANA, "Ana")
    await h.text(ANA, "skip")
    h.clock.now = MORNING
    await plan_at(h, ANA, "in 3 hours")
    planned = MORNING + timedelta(hours=3)
    assert await plans(h, ANA) == [planned]
    said = await zone_changed(h, ANA, "Berlin")
    assert not [s for s in said if "planned talk" in s]
    assert await plans(h, ANA) == [planned]


# Monday 2 March 2026, 13:00 UTC: 14:00 in Berlin, 08:00 in New York.
AFTERNOON = datetime(2026, 3, 2, 13, 0, tzinfo=UTC)


async def test_in_a_few_hours_keeps_its_instant_when_the_zone_changes(h: Harness):
    """ "In a few hours" at 14:00 in Berlin is 17:00 there: three real hours on. In New York
    it is still then (noon there), not 17:00 New York time, nine hours away; nothing is said
    of it, for it is not a time they chose on a clock."""
    await h.onboard(ANA, "Ana")  # Berlin
    h.clock.now = AFTERNOON
    await h.walk(ANA, LATER[:-1])
    await h.press(ANA, "In a few hours")
    planned = AFTERNOON + timedelta(hours=3)
    assert await plans(h, ANA) == [planned]
    asked = await follow_ups(h, ANA)
    assert len(asked) == 1

    said = await zone_changed(h, ANA, "New York")
    assert not [s for s in said if "planned talk" in s]
    assert await plans(h, ANA) == [planned]
    assert await follow_ups(h, ANA) == asked


async def test_a_typed_time_from_now_keeps_its_instant_when_the_zone_changes(h: Harness):
    await h.onboard(ANA, "Ana")  # Berlin
    h.clock.now = AFTERNOON
    await plan_at(h, ANA, "in 3 hours")
    planned = AFTERNOON + timedelta(hours=3)
    assert await plans(h, ANA) == [planned]
    asked = await follow_ups(h, ANA)

    said = await zone_changed(h, ANA, "London")
    assert not [s for s in said if "planned talk" in s]
    assert await plans(h, ANA) == [planned]
    assert await follow_ups(h, ANA) == asked


async def test_only_the_clock_time_moves_beside_a_plan_from_now(h: Harness):
    await h.onboard(ANA, "Ana")  # Berlin
    h.clock.now = AFTERNOON
    await plan_at(h, ANA, "in 45 min")
    await plan_at(h, ANA, "tonight at 8")  # 19:00 UTC
    from_now = AFTERNOON + timedelta(minutes=45)
    assert await plans(h, ANA) == [from_now, datetime(2026, 3, 2, 19, 0, tzinfo=UTC)]

    said = await zone_changed(h, ANA, "London")
    assert MOVED_ONE.format("today at 20:00") in said
    eight_in_london = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)
    assert await plans(h, ANA) == [from_now, eight_in_london]
    assert eight_in_london + schedule.AFTER_TALK in await follow_ups(h, ANA)
