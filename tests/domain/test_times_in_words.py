"""Times said in words where a time is asked for: "tomorrow at nine", "nine pm", "nine
o'clock" are read as the same time in digits would be; "twenty past 9", "ten to ten", "seven
thirty" as an hour said aloud (on a 12-hour clock, as a bare hour); and every time that
`small_talk.bare_time` calls a time (so that, typed outside a flow, it is not offered as a
moment) is one the time question can read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.content import catalogue
from bot.domain import repair_flow as rf
from bot.domain import small_talk
from bot.domain.clock import parse_when
from bot.domain.flow import Context, FlowState, Person, TextInput
from bot.domain.moments import PLANNED, Moment, SaveMoment
from bot.domain.schedule import Prefs

LONDON = ZoneInfo("Europe/London")  # on UTC in March, so the expected times read as local
WEDNESDAY_NOON = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)
C = catalogue("en")


@pytest.mark.parametrize(
    ("said", "as_digits"),
    [
        ("twenty-five to 8pm", "7:35pm"),
        ("tomorrow at nine", "tomorrow at 9"),
        ("saturday at ten", "saturday at 10"),
        ("at eight", "at 8"),
        ("nine", "9"),
        ("nine pm", "9pm"),
        ("nine tonight", "9 tonight"),
        ("seven thirty pm", "7:30pm"),
        ("nine o'clock", "9"),
        ("9 oclock tonight", "9 tonight"),
        ("eight-ish", "8"),
        ("tenish", "10"),
        ("8-ish tomorrow", "8 tomorrow"),
        ("in ten minutes", "in 10 minutes"),
        ("in two hours", "in 2 hours"),
        ("in five days", "in 5 days"),
    ],
)
def test_read_as_the_same_time_in_digits(said: str, as_digits: str):
    expected = parse_when(as_digits, WEDNESDAY_NOON, LONDON)
    assert expected is not None  # the digits are a time: the comparison means something
    assert parse_when(said, WEDNESDAY_NOON, LONDON) == expected


def local(day: int, hour: int, minute: int) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        # An hour with minutes said aloud is on a 12-hour clock, as a bare hour is: at noon,
        # this morning's has passed, so this evening's.
        ("half nine", local(4, 21, 30)),
        ("half past nine", local(4, 21, 30)),
        ("quarter past nine", local(4, 21, 15)),
        ("a quarter to ten", local(4, 21, 45)),
        ("quarter til 10", local(4, 21, 45)),
        ("20 past 9", local(4, 21, 20)),
        ("twenty past nine", local(4, 21, 20)),
        ("ten to 10", local(4, 21, 50)),
        ("10 to 10", local(4, 21, 50)),
        ("ten after 9", local(4, 21, 10)),
        ("10 minutes past 8", local(4, 20, 10)),
        ("seven thirty", local(4, 19, 30)),  # 1 to 7: the afternoon or evening
        ("five to one", local(4, 12, 55)),  # 12 is noon, as a bare 12 is
        ("tomorrow at eight fifteen", local(5, 8, 15)),  # tomorrow's morning is to come
    ],
)
def test_minutes_said_aloud_are_on_a_12_hour_clock(said: str, meant: datetime):
    assert parse_when(said, WEDNESDAY_NOON, LONDON) == meant


@pytest.mark.parametrize(
    "said",
    [
        "no one",
        "one of these days",
        "ten to 30",
        "half 13",
        "quarter of an hour",
        "nine times out of ten",
        "two of us",
        "half to 9",
        "he said ten",
        "nine to five",  # working hours, not 4:51: minutes are said in fives
        "9 to 5",
    ],
)
def test_numbers_in_words_that_are_no_time_stay_none(said: str):
    assert parse_when(said, WEDNESDAY_NOON, LONDON) is None


@pytest.mark.parametrize(
    "typed",
    [
        "half 9",
        "half past 9",
        "quarter to 10",
        "quarter past nine",
        "half nine",
        "Half 9!",
        "at half 9",
        "around quarter to 10",
        "half past 9 tonight",
        "20 past 9",
        "ten to 10",
        "twenty five to ten",
        "a quarter till 9",
        "10 after 8",
    ],
)
def test_every_bare_time_is_a_time_at_the_time_question(typed: str):
    assert small_talk.bare_time(typed, C)  # outside a flow: an answer, not a moment
    assert parse_when(typed, WEDNESDAY_NOON, LONDON) is not None  # ...that this question reads


@pytest.mark.parametrize("step", [rf.WHEN, rf.WHEN_AT])
@pytest.mark.parametrize(
    ("typed", "local"),
    [
        ("tomorrow at nine", datetime(2026, 3, 2, 9, 0)),
        ("half nine", datetime(2026, 3, 1, 21, 30)),
        ("ten to ten", datetime(2026, 3, 1, 21, 50)),
        ("tomorrow evening, twenty past seven", datetime(2026, 3, 2, 19, 20)),
    ],
)
def test_a_time_in_words_at_the_time_question_is_the_plan(step: str, typed: str, local: datetime):
    """Sunday 21:00 in London: the plan is stored for what they said, not asked again."""
    sunday_night = datetime(2026, 3, 1, 21, 0, tzinfo=UTC)
    m = Moment("m1", sunday_night - timedelta(hours=1), pattern="phone", path="later")
    state = FlowState(rf.FLOW, step, {"m": m.to_data()})
    ctx = Context(Person(7, "Ana", None, "Europe/London", "en"), sunday_night, C, Prefs())
    outcome = rf.REPAIR.handle(state, TextInput(typed), ctx)
    (saved,) = [e.moment for e in outcome.effects if isinstance(e, SaveMoment)]
    assert saved.status == PLANNED
    assert saved.plan_due_at == local.replace(tzinfo=LONDON).astimezone(UTC)


@pytest.mark.parametrize(
    "said",
    [
        "one of these days",
        "one day when he is calm",
        "two days ago",
        "2 days ago",
        "6 to 8",
        "friday 2 to 3",
        "nine to five",
    ],
)
def test_where_a_time_is_asked_a_count_or_a_range_is_no_time(said: str):
    """Read as the time question reads (`leading`: the time phrase a message opens with)."""
    assert parse_when(said, WEDNESDAY_NOON, LONDON, leading=True) is None


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("nine", local(4, 21, 0)),
        ("tomorrow at nine when he is home", local(5, 9, 0)),
        ("half nine after the kids are in bed", local(4, 21, 30)),
    ],
)
def test_where_a_time_is_asked_words_open_with_the_time(said: str, meant: datetime):
    assert parse_when(said, WEDNESDAY_NOON, LONDON, leading=True) == meant


@pytest.mark.parametrize(
    ("now_day", "meant_day"),
    [(4, 9), (8, 9), (9, 16)],  # Wednesday, Sunday: the Monday to come; on a Monday, the next
)
def test_after_the_weekend_is_the_coming_monday_evening(now_day: int, meant_day: int):
    now = datetime(2026, 3, now_day, 12, 0, tzinfo=UTC)
    evening = parse_when("tomorrow", datetime(2026, 3, meant_day - 1, 12, 0, tzinfo=UTC), LONDON)
    assert evening is not None and evening.day == meant_day  # a day with no time: its evening
    assert parse_when("after the weekend", now, LONDON, leading=True) == evening
