"""Scheduling rules as properties, over many IANA zones and two years of clock changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.domain import schedule
from bot.domain.clock import exists, later_by, parse_when
from bot.domain.schedule import Prefs

NAMED = [
    "Europe/Berlin",
    "America/Santiago",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "Pacific/Chatham",
    "America/New_York",
    "Europe/London",
    "Asia/Tehran",
    "America/St_Johns",
    "Pacific/Apia",
    "Africa/Casablanca",
    "Asia/Gaza",
]
ZONES = sorted(
    z for z in available_timezones() if "/" in z and not z.startswith(("Etc", "SystemV"))
)
START = datetime(2026, 1, 1, tzinfo=UTC)
END = datetime(2028, 1, 1, tzinfo=UTC)

zones = st.sampled_from(NAMED) | st.sampled_from(ZONES)
clock_times = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45, 59]))


def expected_local(day: date, at: time, zone: ZoneInfo) -> datetime:
    """What the rule promises: the chosen time that day, or the next minute that exists."""
    local = datetime.combine(day, at, tzinfo=zone)
    while not exists(local):
        local = (local.replace(tzinfo=None) + timedelta(minutes=1)).replace(tzinfo=zone)
    return local


@settings(max_examples=60, deadline=None)
@given(zone=zones, at=clock_times)
def test_exactly_one_evening_per_local_date_at_the_chosen_time(zone: str, at: time):
    prefs = Prefs(zone=zone, evening_on=True, evening_at=at)
    tz = ZoneInfo(zone)
    after = START
    previous_day: date | None = None
    while after < END:
        day, due = schedule.next_evening(after, prefs)
        if previous_day is not None:
            # Every local date once, none twice, none skipped (Apia skipped a whole date in
            # 2011, not in these years).
            assert day == previous_day + timedelta(days=1), (zone, day)
        local = due.astimezone(tz)
        want = expected_local(day, at, tz)
        assert local.replace(tzinfo=None) == want.replace(tzinfo=None), (zone, day)
        # An ambiguous time (fall back) is taken at its first occurrence: the earlier instant.
        first = want.replace(fold=0).astimezone(UTC)
        assert due == first, (zone, day)
        assert due > after
        previous_day, after = day, due


@pytest.mark.parametrize(
    ("zone", "day", "at", "local"),
    [
        ("Europe/Berlin", date(2026, 3, 29), time(2, 30), time(3, 0)),  # gap: next valid minute
        ("Australia/Lord_Howe", date(2026, 10, 4), time(2, 15), time(2, 30)),  # 30-minute gap
        ("America/Santiago", date(2026, 9, 6), time(0, 0), time(1, 0)),  # midnight skipped
        ("Europe/Berlin", date(2026, 10, 25), time(2, 30), time(2, 30)),  # overlap: first one
    ],
)
def test_named_clock_changes(zone: str, day: date, at: time, local: time):
    prefs = Prefs(zone=zone, evening_on=True, evening_at=at)
    before = datetime.combine(day, time(0), tzinfo=ZoneInfo(zone)).astimezone(UTC) - timedelta(
        hours=6
    )
    got_day, due = schedule.next_evening(before, prefs)
    assert got_day == day and due.astimezone(ZoneInfo(zone)).time() == local
    if at == time(2, 30) and zone == "Europe/Berlin" and day.month == 10:
        assert due.astimezone(ZoneInfo(zone)).utcoffset() == timedelta(hours=2)  # summer time


@settings(max_examples=300, deadline=None)
@given(
    now=st.datetimes(
        min_value=START.replace(tzinfo=None),
        max_value=END.replace(tzinfo=None),
        timezones=st.just(UTC),
    ),
    hours=st.integers(1, 72),
)
def test_follow_ups_are_n_real_hours_later(now: datetime, hours: int):
    due = later_by(now, hours)
    assert due - now == timedelta(hours=hours)
    assert due.tzinfo == UTC


quiet_windows = st.tuples(clock_times, clock_times).filter(lambda w: w[0] != w[1])


@settings(max_examples=300, deadline=None)
@given(
    zone=zones,
    window=quiet_windows,
    due=st.datetimes(
        min_value=START.replace(tzinfo=None),
        max_value=END.replace(tzinfo=None),
        timezones=st.just(UTC),
    ),
)
# The second 01:15 of New York's fall-back night, quiet hours ending at 01:30 (its first
# occurrence is 45 minutes before `due`).
@example(
    zone="America/New_York",
    window=(time(22, 0), time(1, 30)),
    due=datetime(2026, 11, 1, 6, 15, tzinfo=UTC),
)
# Chatham's spring-forward night skips 02:45 to 03:45: with quiet hours 03:15 to 03:00, that
# day's free quarter hour never comes, and quiet hours end at 03:00 the day after.
@example(
    zone="Pacific/Chatham",
    window=(time(3, 15), time(3, 0)),
    due=datetime(2026, 9, 26, 12, 0, tzinfo=UTC),
)
def test_nothing_lands_in_quiet_hours(zone: str, window: tuple[time, time], due: datetime):
    prefs = Prefs(zone=zone, quiet_start=window[0], quiet_end=window[1])
    moved = schedule.out_of_quiet_hours(due, prefs)
    local = moved.astimezone(ZoneInfo(zone)).time()
    assert moved >= due
    assert not schedule.in_quiet_hours(local, *window)
    if not schedule.in_quiet_hours(due.astimezone(ZoneInfo(zone)).time(), *window):
        assert moved == due  # outside quiet hours nothing moves
    elif moved - due > timedelta(hours=26):  # past the end of that quiet window: only when
        # the clocks skipped the day before's whole free window, its end included
        tz = ZoneInfo(zone)
        day_before = moved.astimezone(tz).date() - timedelta(days=1)
        assert not exists(datetime.combine(day_before, window[1], tzinfo=tz))


@cache
def fall_backs(zone: str) -> tuple[tuple[datetime, timedelta], ...]:
    """Each time the clocks in `zone` go back between START and END: the UTC instant, and by
    how much."""
    tz = ZoneInfo(zone)
    found: list[tuple[datetime, timedelta]] = []
    day = START
    while day < END:
        following = day + timedelta(days=1)
        before, after = day.astimezone(tz).utcoffset(), following.astimezone(tz).utcoffset()
        assert before is not None and after is not None
        if after < before:
            low, high = day, following  # the offset is `before` at low, `after` at high
            while high - low > timedelta(minutes=1):
                middle = low + timedelta(minutes=(high - low) // timedelta(minutes=2))
                if middle.astimezone(tz).utcoffset() == before:
                    low = middle
                else:
                    high = middle
            found.append((high, before - after))
        day = following
    return tuple(found)


@settings(max_examples=300, deadline=None)
@given(zone=st.sampled_from([z for z in NAMED if fall_backs(z)]), data=st.data())
def test_quiet_hours_ending_in_a_repeated_hour_never_move_a_time_earlier(
    zone: str, data: st.DataObject
):
    """A time in the second pass of a fall-back hour, in quiet hours that end later in that
    hour: they end at that end's second occurrence, never at its (earlier) first."""
    back, shift = data.draw(st.sampled_from(fall_backs(zone)))
    span = int(shift / timedelta(minutes=1))
    into = data.draw(st.integers(0, span - 2))
    due = back + timedelta(minutes=into)
    wall = due.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
    left = data.draw(st.integers(1, span - 1 - into))  # quiet hours end before the span does
    quiet_end = (wall + timedelta(minutes=left)).time()
    quiet_start = (wall - timedelta(minutes=data.draw(st.integers(0, 20 * 60)))).time()
    prefs = Prefs(zone=zone, quiet_start=quiet_start, quiet_end=quiet_end)
    assert schedule.in_quiet_hours(wall.time(), quiet_start, quiet_end)
    assert schedule.out_of_quiet_hours(due, prefs) == due + timedelta(minutes=left)


@settings(max_examples=200, deadline=None)
@given(
    zone=zones,
    now=st.datetimes(
        min_value=START.replace(tzinfo=None),
        max_value=END.replace(tzinfo=None),
        timezones=st.just(UTC),
    ),
)
def test_a_snooze_never_lands_in_quiet_hours(zone: str, now: datetime):
    prefs = Prefs(zone=zone)
    due = schedule.snooze_due(now, prefs)
    if due is not None:
        assert due - now == timedelta(hours=1)
        assert not schedule.in_quiet_hours(
            due.astimezone(ZoneInfo(zone)).time(), prefs.quiet_start, prefs.quiet_end
        )


def test_no_evening_inside_a_pause():
    prefs = Prefs(
        zone="Europe/Berlin", evening_on=True, paused_until=datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    )
    day, due = schedule.next_evening(datetime(2026, 3, 1, tzinfo=UTC), prefs)
    assert day == date(2026, 3, 10) and due >= prefs.paused_until  # type: ignore[operator]


def test_stale_and_backoff():
    due = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    assert not schedule.is_stale(due, due + timedelta(hours=3))
    assert schedule.is_stale(due, due + timedelta(hours=3, minutes=1))
    assert [schedule.retry_delay(n).total_seconds() for n in (1, 2, 3)] == [15, 30, 60]


def test_the_nudge_comes_the_next_evening_and_not_too_soon():
    prefs = Prefs(zone="Europe/Berlin", evening_at=time(21, 0))
    afternoon = datetime(2026, 3, 1, 13, 0, tzinfo=UTC)  # 14:00 in Berlin
    assert schedule.nudge_due(afternoon, prefs) == datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    evening = datetime(2026, 3, 1, 19, 30, tzinfo=UTC)  # 20:30: tonight is too soon
    assert schedule.nudge_due(evening, prefs) == datetime(2026, 3, 2, 20, 0, tzinfo=UTC)


def test_reschedule_choices():
    prefs = Prefs(zone="Europe/Berlin", follow_up_hours=4)
    now = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)  # 13:00
    assert schedule.reschedule_due("tonight", now, prefs) == datetime(2026, 3, 1, 19, 0, tzinfo=UTC)
    assert schedule.reschedule_due("tomorrow", now, prefs) == datetime(
        2026, 3, 2, 18, 0, tzinfo=UTC
    )
    assert schedule.reschedule_due("hours", now, prefs) == now + timedelta(hours=4)
    late = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)  # 21:00: "this evening" has passed
    # Not quietly tomorrow: the bot would say "this evening" and mean tomorrow.
    assert schedule.reschedule_due("tonight", late, prefs) is None
    assert schedule.reschedule_due("tomorrow", late, prefs) == datetime(
        2026, 3, 2, 18, 0, tzinfo=UTC
    )


LONDON = Prefs(zone="Europe/London")


@pytest.mark.parametrize(
    ("local", "offered"),
    [
        (time(0, 30), False),  # the small hours: the coming evening is "tomorrow evening"
        (time(5, 0), True),
        (time(19, 29), True),
        (time(19, 30), False),
        (time(20, 3), False),
    ],
)
def test_this_evening_is_offered_until_half_past_seven_everywhere(local: time, offered: bool):
    # One rule for the repair flow's "later" step and the follow-up's "not yet".
    now = datetime.combine(date(2026, 3, 4), local, tzinfo=ZoneInfo("Europe/London"))
    assert schedule.tonight_available(now, LONDON.tz) is offered
    due = schedule.preset_due("tonight", now, LONDON.tz)
    assert (due is not None) is offered
    assert (schedule.reschedule_due("tonight", now, LONDON) is not None) is offered


@pytest.mark.parametrize(
    ("local", "day"), [(time(0, 30), 4), (time(4, 59), 4), (time(5, 0), 5), (time(23, 0), 5)]
)
def test_tomorrow_evening_is_counted_as_typed_tomorrow_is(local: time, day: int):
    """At 00:30 on Wednesday the 4th, someone still up on Tuesday means Wednesday evening."""
    now = datetime.combine(date(2026, 3, 4), local, tzinfo=ZoneInfo("Europe/London"))
    due = schedule.preset_due("tomorrow", now, LONDON.tz)
    assert due == datetime(2026, 3, day, 19, 0, tzinfo=UTC)  # London is UTC in March
    typed = parse_when("tomorrow", now.astimezone(UTC), LONDON.tz)
    assert typed is not None and typed.date() == due.date()


def test_a_preset_in_quiet_hours_comes_when_they_end():
    prefs = Prefs(zone="Europe/London", quiet_start=time(18, 0), quiet_end=time(7, 0))
    now = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
    assert schedule.reschedule_due("tonight", now, prefs) == datetime(2026, 3, 5, 7, 0, tzinfo=UTC)


EVENING_21 = Prefs(zone="Europe/London", evening_at=time(21, 0))


def test_a_follow_up_due_in_quiet_hours_is_moved_to_their_end_at_send_time():
    after_midnight = datetime(2026, 3, 2, 0, 34, tzinfo=UTC)  # London
    hold = schedule.hold_back(schedule.FOLLOW_UP, after_midnight, EVENING_21, carded_today=False)
    assert hold == schedule.Hold("quiet hours", datetime(2026, 3, 2, 8, 0, tzinfo=UTC))
    day = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
    assert schedule.hold_back(schedule.FOLLOW_UP, day, EVENING_21, carded_today=True) is None


@pytest.mark.parametrize("kind", [schedule.EVENING, schedule.SNOOZE])
def test_an_evening_reflection_in_quiet_hours_is_skipped(kind: str):
    late = datetime(2026, 3, 1, 23, 0, tzinfo=UTC)
    assert schedule.hold_back(kind, late, EVENING_21, carded_today=False) == schedule.Hold(
        "quiet hours"
    )


def test_a_nudge_waits_for_an_evening_that_has_not_had_a_card():
    evening = datetime(2026, 3, 2, 21, 0, tzinfo=UTC)
    assert schedule.hold_back(schedule.NUDGE, evening, EVENING_21, carded_today=False) is None
    hold = schedule.hold_back(schedule.NUDGE, evening, EVENING_21, carded_today=True)
    assert hold == schedule.Hold("one a day", datetime(2026, 3, 3, 21, 0, tzinfo=UTC))
    # In the small hours it waits for this (local) day's evening, not tomorrow's.
    night = datetime(2026, 3, 3, 0, 30, tzinfo=UTC)
    hold = schedule.hold_back(schedule.NUDGE, night, EVENING_21, carded_today=False)
    assert hold == schedule.Hold("quiet hours", datetime(2026, 3, 3, 21, 0, tzinfo=UTC))
    off = Prefs(zone="Europe/London", nudges_on=False)
    assert schedule.hold_back(schedule.NUDGE, evening, off, carded_today=False) == schedule.Hold(
        "turned off"
    )


def test_a_nudge_due_with_the_check_in_comes_after_it_unless_that_is_in_quiet_hours():
    evening = datetime(2026, 3, 2, 21, 0, tzinfo=UTC)  # London: the check-in goes now
    hold = schedule.hold_back(
        schedule.NUDGE, evening, EVENING_21, carded_today=False, check_in_now=True
    )
    assert hold == schedule.Hold("after the check-in", datetime(2026, 3, 2, 21, 45, tzinfo=UTC))
    # Quiet from 21:30: 21:45 would be in them, and tomorrow would be a day late; together.
    early_quiet = Prefs(zone="Europe/London", evening_at=time(21, 0), quiet_start=time(21, 30))
    assert (
        schedule.hold_back(
            schedule.NUDGE, evening, early_quiet, carded_today=False, check_in_now=True
        )
        is None
    )
    # Only nudges wait: a follow-up the person asked for is theirs at the time they chose.
    assert (
        schedule.hold_back(
            schedule.FOLLOW_UP, evening, EVENING_21, carded_today=False, check_in_now=True
        )
        is None
    )


def test_pending_nudges_follow_a_changed_evening_time():
    moment_left = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
    before = Prefs(zone="Europe/London", evening_at=time(21, 0))
    assert schedule.nudge_due(moment_left, before) == datetime(2026, 3, 1, 21, 0, tzinfo=UTC)
    now = datetime(2026, 3, 1, 15, 0, tzinfo=UTC)
    earlier = replace(before, evening_at=time(19, 30))
    assert schedule.nudge_replanned(moment_left, now, earlier) == datetime(
        2026, 3, 1, 19, 30, tzinfo=UTC
    )
    # Changed once 19:30 has passed today: tomorrow at 19:30, not at once.
    later = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    assert schedule.nudge_replanned(moment_left, later, earlier) == datetime(
        2026, 3, 2, 19, 30, tzinfo=UTC
    )
    # Never sooner than a few hours after the moment.
    assert schedule.nudge_replanned(
        moment_left, now, replace(before, evening_at=time(17, 0))
    ) == datetime(2026, 3, 2, 17, 0, tzinfo=UTC)


@settings(max_examples=300, deadline=None)
@given(
    zone=zones,
    window=quiet_windows,
    evening=clock_times,
    kind=st.sampled_from(schedule.KINDS),
    carded=st.booleans(),
    now=st.datetimes(
        min_value=START.replace(tzinfo=None),
        max_value=END.replace(tzinfo=None),
        timezones=st.just(UTC),
    ),
)
def test_nothing_personal_is_sent_or_moved_into_quiet_hours(
    zone: str, window: tuple[time, time], evening: time, kind: str, carded: bool, now: datetime
):
    prefs = Prefs(zone=zone, quiet_start=window[0], quiet_end=window[1], evening_at=evening)
    tz = ZoneInfo(zone)
    hold = schedule.hold_back(kind, now, prefs, carded_today=carded)
    if hold is None:
        assert not schedule.in_quiet_hours(now.astimezone(tz).time(), *window)
        assert not (kind == schedule.NUDGE and carded)
    elif hold.due is not None:
        assert hold.due > now
        assert not schedule.in_quiet_hours(hold.due.astimezone(tz).time(), *window)
        if kind == schedule.NUDGE and carded:
            assert hold.due.astimezone(tz).date() > now.astimezone(tz).date()


@settings(max_examples=200, deadline=None)
@given(
    zone=zones,
    planned=st.datetimes(
        min_value=START.replace(tzinfo=None),
        max_value=END.replace(tzinfo=None),
        timezones=st.just(UTC),
    ),
)
def test_a_planned_talk_is_asked_about_some_time_after_it_never_in_quiet_hours(
    zone: str, planned: datetime
):
    prefs = Prefs(zone=zone)
    due = schedule.follow_up_due(planned, prefs)
    assert due >= planned + schedule.AFTER_TALK  # not at the very minute of the talk
    local = due.astimezone(prefs.tz).time()
    assert not schedule.in_quiet_hours(local, prefs.quiet_start, prefs.quiet_end)
