"""Review, round two: a reason for going that calls them away is stepping away ("hold on, my
boss called me"); "sorry cant type rn" keeps the place; the small hours name a moment's day the
way someone still up reads it; "tonight" typed late never lands on the first minute of quiet
hours."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.content import catalogue
from bot.domain import prompts, schedule
from bot.domain import repair_flow as rf
from bot.domain.clock import parse_when
from bot.domain.moments import UNFINISHED, Moment
from bot.domain.schedule import Prefs
from bot.domain.small_talk import steps_away
from tests.domain.test_small_misreads import STILL_AWAY, TELLING
from tests.domain.test_stepping_away import AWAY, at_the_camera

C = catalogue("en")
LONDON = ZoneInfo("Europe/London")

# ------------------------------------------------- 1. the caller is a reason for going

CALLED_AWAY = [
    "hold on, my boss called me",
    "hold on, work called me",
    "hold on, they called me into a meeting",
    "sorry hang on, my boss is calling me",
    "one sec, they pulled me into a meeting",
    "hold on, they called me to the door",
    "one sec, called me in for a call",
    "hold on, my boss called",
    "one sec, they're calling me",
]
# A person did it, and the reason word is only the place or whom it was done to.
STILL_TELLING = [
    *TELLING,
    "hold on, she called me at work",
    "hang on, he called me at the meeting",
    "hold on, they called me from work",
    "hold on, she told me at dinner",
    "hold on, she yelled at me for the phone",
    "hold on, he shouted for the kids",
]


@pytest.mark.parametrize("typed", CALLED_AWAY)
def test_called_away_by_a_reason_for_going_is_stepping_away(typed: str):
    assert steps_away(typed, C)


@pytest.mark.parametrize("typed", STILL_TELLING)
def test_a_person_who_did_it_somewhere_is_still_telling(typed: str):
    assert not steps_away(typed, C)


@pytest.mark.parametrize("typed", [*STILL_AWAY, *AWAY])
def test_what_was_stepping_away_still_is(typed: str):
    assert steps_away(typed, C)


# ------------------------------------------------- 2. can't type right now

CANT_TYPE = [
    "sorry cant type rn",
    "sorry can't type rn",
    "can't type right now",
    "cant talk rn",
    "Can’t talk right now 🙏",
    "will type later",
    "sorry, I'll type later",
    "i cant type rn",
    "cant type rn, at work",
    "hold on, can't talk rn",
]
NOT_CANT_TYPE = [
    "he said he cant talk rn",
    "can't talk to him about anything",
    "cant type rn because he took my phone and read my messages",
]


@pytest.mark.parametrize("typed", CANT_TYPE)
def test_cant_type_now_is_stepping_away(typed: str):
    assert steps_away(typed, C)


@pytest.mark.parametrize("typed", NOT_CANT_TYPE)
def test_what_he_said_or_a_longer_story_is_still_an_answer(typed: str):
    assert not steps_away(typed, C)


def test_at_the_camera_cant_type_keeps_the_place_and_is_not_the_answer():
    w = at_the_camera()
    before = w.state
    question = rf.REPAIR.prompt(before, w.ctx)
    (reply,) = w.type("sorry cant type rn").replies
    assert w.state == before and w.moment.observation is None
    assert reply.text.startswith(C.text("moment.small_talk_again.away"))
    assert reply.text.endswith(question.text) and reply.buttons == question.buttons


def test_with_no_question_open_there_is_a_line_for_stepping_away():
    assert C.text("shell.away_reply") == "No rush, I'll be here whenever you're ready."


# ------------------------------------------------- 4. the small hours


def london(day: int, hour: int, minute: int = 0) -> datetime:
    """A London wall time in March 2026 (GMT, so the same in UTC). 4 March is a Wednesday."""
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


def said(created: datetime, now: datetime, form: str = "from") -> str:
    which, words = prompts.moment_day(Moment("m1", created), now, LONDON)
    return C.text(f"follow_up.{form}.{which}", **words)


def test_in_the_small_hours_the_night_before_last_is_its_weekday_not_last_night():
    assert said(london(4, 22), london(6, 4, 30)) == "Wednesday"  # Wed 22:00, read Fri 04:30
    assert said(london(4, 22), london(6, 4, 30), "since") == "On Wednesday"


def test_in_the_small_hours_the_same_night_is_earlier_tonight():
    assert said(london(4, 23, 30), london(5, 3)) == "earlier tonight"  # Wed 23:30, Thu 03:00
    assert said(london(4, 23, 30), london(5, 3), "since") == "Earlier tonight"
    assert said(london(5, 0, 40), london(5, 3)) == "earlier tonight"  # after midnight too
    # The evening they are still up from is tonight's too.
    assert said(london(5, 20), london(6, 0, 30)) == "earlier tonight"


def test_in_the_small_hours_the_day_before_tonight_is_its_weekday():
    assert said(london(4, 15), london(5, 3)) == "Wednesday"  # Wed afternoon, Thu 03:00
    assert said(london(3, 23), london(5, 3)) == "Tuesday"  # Tuesday night, Thu 03:00
    # A week ago by the calendar they see is a date, not "Thursday" on a Thursday.
    assert said(london(12, 10), london(19, 3)) == "12 March"


def test_after_the_night_ends_the_words_are_as_before():
    assert said(london(4, 22), london(5, 9)) == "last night"
    assert said(london(5, 0, 40), london(5, 9)) == "last night"
    assert said(london(5, 8), london(5, 9)) == "earlier today"
    assert said(london(4, 15), london(5, 9)) == "yesterday"
    assert said(london(2, 15), london(5, 9)) == "Monday"


def test_the_card_at_three_names_the_same_night_as_tonight():
    m = Moment("m1", london(4, 23, 30), pattern="phone", status=UNFINISHED)
    card = prompts.follow_up_card(m, 1, C, nudge=True, now=london(5, 3), zone=LONDON)
    assert card.text.startswith('Earlier tonight you looked at "Phone out mid-talk"')


# ------------------------------------------------- 5. "tonight" never in quiet hours


def test_tonight_just_before_quiet_hours_is_not_their_first_minute():
    prefs = Prefs(zone="Europe/London")  # quiet 22:30-08:00
    now = london(4, 22, 5)
    due = schedule.typed_time("tonight", now, LONDON, prefs)
    assert due is not None
    local = due.astimezone(LONDON).time()
    assert not schedule.in_quiet_hours(local, prefs.quiet_start, prefs.quiet_end)
    assert schedule.late_for_tonight("tonight", now, LONDON, prefs)  # asked about instead


def test_tonight_with_time_left_before_quiet_hours_is_still_later_tonight():
    late = parse_when("tonight", london(4, 21, 40), LONDON, night_until=time(22, 30))
    assert late == london(4, 22)
    at_midnight = parse_when("tonight", london(4, 23, 40), LONDON)
    assert at_midnight == london(4, 20)  # no half hour left before midnight: the hour gone by
