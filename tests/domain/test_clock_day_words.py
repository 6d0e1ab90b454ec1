"""Times said and days named the way the person lives them: "in a few hours" is their few
hours, a night is one night on either side of midnight (and in one zone), "after work" is the
same hour on any day, and "tonight" said late means later tonight, or is asked about."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.content import catalogue
from bot.domain import prompts
from bot.domain import repair_flow as rf
from bot.domain.clock import EVENING_AT, parse_when
from bot.domain.flow import Context, Person
from bot.domain.moments import PLANNED, Moment
from bot.domain.schedule import Prefs
from tests.domain.test_repair_flow import Walk, options, saved, to_needs

C = catalogue("en")
LONDON = ZoneInfo("Europe/London")
BERLIN = ZoneInfo("Europe/Berlin")
TOKYO = ZoneInfo("Asia/Tokyo")


def london(day: int, hour: int, minute: int = 0) -> datetime:
    """A London wall time in March 2026 (GMT until the 29th, so the same in UTC)."""
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


# Thursday 5 March 2026.
THURSDAY = 5


def at_the_time_question(now: datetime, prefs: Prefs, *, typed_step: bool = False) -> Walk:
    person = Person(7, "Ana", "Annie", "Europe/London", "en")
    w = to_needs(Walk(Context(person, now, C, prefs)))
    w.press("done")
    w.press("later")
    if typed_step:
        w.press("type")
    assert w.step == (rf.WHEN_AT if typed_step else rf.WHEN)
    return w


# ---------------------------------------------------------------- 1. "in a few hours" is theirs

SIX_HOURS = Prefs(zone="Europe/London", follow_up_hours=6)


@pytest.mark.parametrize("typed", ["in a few hours", "In a few hrs", "in a few hours."])
def test_typed_few_hours_follows_the_setting_as_the_button_does(typed: str):
    now = london(THURSDAY, 10)
    pressed = at_the_time_question(now, SIX_HOURS)
    assert saved(pressed.press("hours")).plan_due_at == london(THURSDAY, 16)
    planned = saved(at_the_time_question(now, SIX_HOURS).type(typed))
    assert planned.status == PLANNED and planned.plan_due_at == london(THURSDAY, 16)


def test_the_typed_phrase_reads_the_setting_and_a_couple_stays_two():
    now = london(THURSDAY, 10)
    assert parse_when("in a few hours", now, LONDON, few_hours=6) == london(THURSDAY, 16)
    assert parse_when("in a few hours", now, LONDON, few_hours=1) == london(THURSDAY, 11)
    assert parse_when("in a couple of hours", now, LONDON, few_hours=6) == london(THURSDAY, 12)
    # Days and weeks are not the "In a few hours" button's: a few is still three.
    assert parse_when("in a few days", now, LONDON, few_hours=6) == london(8, EVENING_AT.hour)
    assert parse_when("in a few hours", now, LONDON) == london(THURSDAY, 13)  # the default


# ---------------------------------------------------------- 2. one night, whichever side of 12


def day_said(created: datetime, now: datetime, zone: ZoneInfo) -> str:
    which, words = prompts.moment_day(Moment("m1", created), now, zone)
    return C.text(f"follow_up.from.{which}", **words)


def test_the_same_night_is_named_alike_on_either_side_of_midnight():
    asked = london(THURSDAY, 21)
    before = day_said(london(4, 23, 50), asked, LONDON)  # Wednesday 23:50
    after = day_said(london(THURSDAY, 0, 40), asked, LONDON)  # Thursday 00:40
    assert before == after == "last night"
    card = prompts.follow_up_card(
        Moment("m1", london(THURSDAY, 0, 40), pattern="phone", status=PLANNED),
        1,
        C,
        nudge=False,
        now=asked,
        zone=LONDON,
    )
    assert card.text == 'Did you get to talk about "Phone out mid-talk" from last night?'


def test_a_small_hours_moment_is_last_night_the_next_morning_not_earlier_today():
    assert day_said(london(THURSDAY, 0, 40), london(THURSDAY, 9), LONDON) == "last night"


def test_a_daytime_moment_is_still_yesterday_and_today_still_today():
    asked = london(THURSDAY, 21)
    assert day_said(london(4, 15), asked, LONDON) == "yesterday"
    assert day_said(london(THURSDAY, 9), asked, LONDON) == "earlier today"
    # Still up after midnight: the evening just gone is tonight's (not "today", which reads as
    # the day just begun).
    assert day_said(london(THURSDAY, 20), london(6, 0, 30), LONDON) == "earlier tonight"


def test_after_travel_the_days_are_counted_in_the_zone_they_are_in_now():
    # Told Wednesday 18:00 in Berlin (Thursday 02:00 in Tokyo); read Friday 08:00 in Tokyo.
    told = datetime(2026, 3, 4, 18, 0, tzinfo=BERLIN)
    read = datetime(2026, 3, 6, 8, 0, tzinfo=TOKYO)
    assert day_said(told, read, TOKYO) == "Wednesday"


# ------------------------------------------------------------------ 3. "after work" is one hour


def test_after_work_is_the_same_hour_today_and_tomorrow():
    now = london(THURSDAY, 10)
    today = parse_when("today after work", now, LONDON)
    tomorrow = parse_when("tomorrow after work", now, LONDON)
    assert today is not None and tomorrow is not None
    assert today.astimezone(LONDON).time() == tomorrow.astimezone(LONDON).time() == EVENING_AT
    assert today == london(THURSDAY, EVENING_AT.hour)
    for said in ("after work", "after work today", "tonight after work", "after work tonight"):
        assert parse_when(said, now, LONDON) == london(THURSDAY, EVENING_AT.hour), said
    assert parse_when("tomorrow after work at 6", now, LONDON) == london(6, 18)


# --------------------------------------------------------------- 4. "tonight" said late at night


def test_tonight_after_its_hour_is_the_next_half_hour_while_the_night_lasts():
    assert parse_when("tonight", london(THURSDAY, 22, 40), LONDON) == london(THURSDAY, 23)
    assert parse_when("later tonight", london(THURSDAY, 20, 5), LONDON) == london(THURSDAY, 20, 30)
    assert parse_when("this evening", london(THURSDAY, 19, 58), LONDON) == london(THURSDAY, 20, 30)
    # Up to their quiet hours, when those begin in the evening.
    late = parse_when("tonight", london(THURSDAY, 21, 10), LONDON, night_until=time(22, 30))
    assert late == london(THURSDAY, 21, 30)
    # Before its hour, "tonight" is still the "This evening" button's time.
    assert parse_when("tonight", london(THURSDAY, 18), LONDON) == london(THURSDAY, 20)
    # A time they named is theirs: today's 20:00 has passed (the caller says so).
    assert parse_when("tonight at 8", london(THURSDAY, 22, 40), LONDON) == london(THURSDAY, 20)


def test_tonight_typed_late_plans_later_tonight_before_quiet_hours():
    prefs = Prefs(zone="Europe/London", quiet_start=time(23, 30))
    w = at_the_time_question(london(THURSDAY, 22, 40), prefs, typed_step=True)
    planned = saved(w.type("tonight"))
    assert planned.status == PLANNED and planned.plan_due_at == london(THURSDAY, 23)


@pytest.mark.parametrize("typed_step", [True, False])
@pytest.mark.parametrize(
    ("now", "quiet_start"),
    [
        (london(THURSDAY, 22, 40), time(22, 30)),  # the usual quiet hours have begun
        (london(THURSDAY, 23, 50), time(1, 0)),  # midnight is too near
    ],
)
def test_tonight_typed_with_no_time_left_is_asked_about_gently(
    typed_step: bool, now: datetime, quiet_start: time
):
    prefs = Prefs(zone="Europe/London", quiet_start=quiet_start)
    w = at_the_time_question(now, prefs, typed_step=typed_step)
    before = w.state
    question = rf.REPAIR.prompt(before, w.ctx)
    (reply,) = w.type("tonight").replies
    assert w.state == before and w.moment.plan_due_at is None
    assert C.text("moment.when_past") not in reply.text
    assert reply.text.startswith(C.text("when_typed.late_tonight"))
    assert reply.text.endswith(question.text)
    assert options(reply) == options(question)


def test_a_time_named_for_tonight_that_has_passed_is_still_said_to_have_passed():
    prefs = Prefs(zone="Europe/London", quiet_start=time(23, 30))
    w = at_the_time_question(london(THURSDAY, 22, 40), prefs, typed_step=True)
    (reply,) = w.type("tonight at 8").replies
    assert reply.text == C.text("moment.when_past")
    assert w.moment.plan_due_at is None
