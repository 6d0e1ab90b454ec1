"""A planned talk once the person's time zone changes: the same wall-clock time (local date
and time) in the new zone, unless that is past or too close to now; then it keeps its
instant."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain import repair_flow as rf
from bot.domain.clock import MIN_PLAN_AHEAD, exists, same_wall_clock
from bot.domain.moments import PLANNED, Moment
from bot.domain.schedule import plan_in_new_zone
from tests.domain.test_repair_flow import Walk, ctx, saved, to_needs

BERLIN, LONDON, NEW_YORK = "Europe/Berlin", "Europe/London", "America/New_York"
NOW = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)  # 16:00 in London, 17:00 in Berlin


def at(
    zone: str, year: int, month: int, day: int, hour: int, minute: int, fold: int = 0
) -> datetime:
    """The UTC instant of a wall-clock time in `zone`."""
    local = datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(zone), fold=fold)
    return local.astimezone(UTC)


def test_tonight_at_eight_in_london_becomes_eight_in_berlin():
    planned = at(LONDON, 2026, 3, 2, 20, 0)  # 20:00 UTC
    moved = plan_in_new_zone(planned, NOW, LONDON, BERLIN)
    assert moved == at(BERLIN, 2026, 3, 2, 20, 0) == datetime(2026, 3, 2, 19, 0, tzinfo=UTC)


def test_the_local_date_stays_too_across_midnight_utc():
    # 23:30 on the 2nd in New York is 04:30 UTC on the 3rd: it stays 23:30 on the 2nd.
    planned = at(NEW_YORK, 2026, 3, 2, 23, 30)
    moved = plan_in_new_zone(planned, NOW, NEW_YORK, BERLIN)
    assert moved is not None and moved.astimezone(ZoneInfo(BERLIN)).replace(tzinfo=None) == (
        datetime(2026, 3, 2, 23, 30)
    )


def test_a_move_to_a_later_zone_is_earlier_and_the_other_way_later():
    planned = at(BERLIN, 2026, 3, 3, 19, 0)
    assert plan_in_new_zone(planned, NOW, BERLIN, LONDON) == planned + timedelta(hours=1)
    assert plan_in_new_zone(planned, NOW, BERLIN, NEW_YORK) == planned + timedelta(hours=6)


def test_the_offsets_are_those_of_the_plans_day_not_todays():
    # New York springs forward on 8 March 2026, Berlin only on 29 March: between the two the
    # zones are five hours apart, not six as they are on 2 March.
    planned = at(NEW_YORK, 2026, 3, 12, 20, 0)  # 00:00 UTC on the 13th
    moved = plan_in_new_zone(planned, NOW, NEW_YORK, BERLIN)
    assert moved == datetime(2026, 3, 12, 19, 0, tzinfo=UTC)
    assert planned - moved == timedelta(hours=5)


def test_a_time_the_new_zone_skips_moves_to_the_next_valid_minute():
    # 02:30 on 29 March 2026 does not exist in Berlin (02:00 -> 03:00): 03:00 it is.
    planned = at(NEW_YORK, 2026, 3, 29, 2, 30)
    assert not exists(datetime(2026, 3, 29, 2, 30, tzinfo=ZoneInfo(BERLIN)))
    moved = plan_in_new_zone(planned, NOW, NEW_YORK, BERLIN)
    assert moved == at(BERLIN, 2026, 3, 29, 3, 0) == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)


def test_a_time_the_new_zone_shows_twice_is_taken_the_first_time():
    # 02:30 on 25 October 2026 comes twice in Berlin (03:00 -> 02:00): the first, in summer time.
    planned = at(NEW_YORK, 2026, 10, 25, 2, 30)
    moved = plan_in_new_zone(planned, NOW, NEW_YORK, BERLIN)
    assert moved == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_the_second_of_a_repeated_hour_in_the_old_zone_keeps_its_wall_clock():
    # 01:30 comes twice in New York on 1 November 2026; the second one (EST) is still 01:30.
    planned = at(NEW_YORK, 2026, 11, 1, 1, 30, fold=1)
    assert planned == datetime(2026, 11, 1, 6, 30, tzinfo=UTC)
    moved = plan_in_new_zone(planned, NOW, NEW_YORK, LONDON)
    assert moved == datetime(2026, 11, 1, 1, 30, tzinfo=UTC)


def test_seconds_of_a_plan_made_from_now_are_kept():
    planned = at(LONDON, 2026, 3, 2, 19, 0) + timedelta(seconds=42, microseconds=7)
    moved = plan_in_new_zone(planned, NOW, LONDON, BERLIN)
    assert moved == datetime(2026, 3, 2, 18, 0, 42, 7, tzinfo=UTC)


def test_a_moved_time_already_past_keeps_the_instant():
    # 16:30 in London is 16:30 UTC, still ahead; 16:30 in Berlin was 15:30 UTC, gone by.
    planned = at(LONDON, 2026, 3, 2, 16, 30)
    assert plan_in_new_zone(planned, NOW, LONDON, BERLIN) is None


def test_a_moved_time_too_close_to_now_keeps_the_instant():
    now = at(BERLIN, 2026, 3, 2, 19, 56)  # 18:56 UTC
    planned = at(LONDON, 2026, 3, 2, 20, 0)  # 20:00 UTC; 20:00 Berlin is 4 minutes away
    assert at(BERLIN, 2026, 3, 2, 20, 0) - now < MIN_PLAN_AHEAD
    assert plan_in_new_zone(planned, now, LONDON, BERLIN) is None
    # MIN_PLAN_AHEAD away exactly is time enough, as when a time is typed.
    now = at(BERLIN, 2026, 3, 2, 20, 0) - MIN_PLAN_AHEAD
    assert plan_in_new_zone(planned, now, LONDON, BERLIN) == at(BERLIN, 2026, 3, 2, 20, 0)


def test_a_plan_gone_by_does_not_move():
    planned = at(NEW_YORK, 2026, 3, 2, 10, 0)  # 15:00 UTC, before NOW
    assert plan_in_new_zone(planned, NOW, NEW_YORK, BERLIN) is None


def test_no_move_where_the_wall_clock_is_the_same():
    planned = at(BERLIN, 2026, 3, 2, 20, 0)
    assert plan_in_new_zone(planned, NOW, BERLIN, BERLIN) is None
    assert plan_in_new_zone(planned, NOW, BERLIN, "Europe/Paris") is None  # the same clock


def test_no_zone_before_keeps_the_instant():
    """With no zone known, a plan is only ever a time from now ("in 3 hours"): a wall-clock
    time is asked where first. So it is a real instant, not UTC's clock, and stays."""
    planned = datetime(2026, 3, 2, 19, 0, tzinfo=UTC)
    assert plan_in_new_zone(planned, NOW, None, BERLIN) is None


def test_same_wall_clock_is_the_local_date_and_time_in_another_zone():
    instant = datetime(2026, 7, 1, 22, 15, tzinfo=UTC)  # 18:15 in New York (EDT)
    moved = same_wall_clock(instant, ZoneInfo(NEW_YORK), ZoneInfo(BERLIN))
    assert moved.astimezone(ZoneInfo(BERLIN)).replace(tzinfo=None) == datetime(2026, 7, 1, 18, 15)
    assert moved.tzinfo == UTC


# ------------------------------------------------------- a plan made as a span of time from now


def test_a_plan_from_now_keeps_its_instant():
    """ "In a few hours", "in 3 hours": a real span from the moment it was said, not a clock
    time. Said in Berlin at 14:00, it is 17:00 there; in New York it is still three hours on
    from then, not 17:00 New York time (nine hours away)."""
    planned = at(BERLIN, 2026, 3, 2, 20, 0)
    assert plan_in_new_zone(planned, NOW, BERLIN, NEW_YORK, from_now=True) is None
    assert plan_in_new_zone(planned, NOW, BERLIN, NEW_YORK, from_now=False) is not None


def at_the_when_question(zone: str | None = BERLIN) -> Walk:
    w = to_needs(Walk(ctx(zone=zone)))
    w.press("later")
    assert w.step == rf.WHEN
    return w


@pytest.mark.parametrize(("option", "from_now"), [("hours", True), ("tonight", False)])
def test_the_plan_says_whether_it_is_a_span_from_now(option: str, from_now: bool):
    w = at_the_when_question()
    final = saved(w.press(option))
    assert final.status == PLANNED and final.plan_from_now is from_now


def test_in_a_few_hours_with_no_zone_is_from_now_and_tomorrow_evening_is_not():
    assert saved(at_the_when_question(None).press("hours")).plan_from_now is True
    w = at_the_when_question(None)
    w.press("tomorrow")
    assert w.step == rf.WHEN_ZONE
    final = saved(w.type("Berlin"))
    assert final.status == PLANNED and final.plan_from_now is False


@pytest.mark.parametrize(
    ("typed", "from_now"),
    [
        ("in 3 hours", True),
        ("in 45 min", True),
        ("in an hour", True),
        ("in a few hours", True),
        ("in 3 hours over coffee", True),  # the time phrase it opens with
        ("tomorrow at 8", False),
        ("20:00", False),
        ("in 2 days", False),  # a day: its evening, a clock time
        ("tonight", False),
    ],
)
def test_a_typed_time_says_whether_it_is_a_span_from_now(typed: str, from_now: bool):
    w = at_the_when_question()
    w.press("type")
    final = saved(w.type(typed))
    assert final.status == PLANNED and final.plan_from_now is from_now


@pytest.mark.parametrize(
    ("typed", "from_now"), [("in 3 hours over coffee", True), ("20:00", False)]
)
def test_a_typed_time_read_once_the_zone_is_known_says_it_too(typed: str, from_now: bool):
    w = at_the_when_question(None)
    w.press("type")
    w.type(typed)
    assert w.step == rf.WHEN_ZONE
    final = saved(w.type("Berlin"))
    assert final.status == PLANNED and final.plan_from_now is from_now


@pytest.mark.parametrize(("option", "typed"), [("tonight", None), ("type", "tomorrow at 8")])
def test_a_plan_made_again_at_a_clock_time_is_no_longer_from_now(option: str, typed: str | None):
    w = at_the_when_question()
    w.state = w.state.with_data(m=w.moment.update(plan_from_now=True).to_data())
    outcome = w.press(option)
    if typed is not None:
        outcome = w.type(typed)
    assert saved(outcome).plan_from_now is False


def test_a_flow_state_saved_before_the_field_still_loads():
    data = Moment(id="m1", created_at=NOW).to_data()
    del data["plan_from_now"]
    assert Moment.from_data(data).plan_from_now is False
