"""From a month-long walkthrough: a name typed with an aside ("leo obvs") is the name alone; the
name used last time for the same relation is offered as a button; a time phrase followed by
more words ("saturday morning over coffee") is the time; "In a few hours" is not offered when a
few hours from now is the person's quiet time; the evening card after a moment looked at that
day says so."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.content import catalogue
from bot.domain import clock, prompts
from bot.domain import repair_flow as rf
from bot.domain.flow import Context, Person
from bot.domain.moments import TO_ME
from bot.domain.schedule import Prefs
from bot.domain.who import read_name, read_who
from tests.domain.test_repair_flow import Walk, options, saved, to_needs

C = catalogue("en")
BERLIN = ZoneInfo("Europe/Berlin")


# ---------------------------------------------------------------- 1. a name with an aside


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("leo obvs", "Leo"),
        ("Leo obvs lol", "Leo"),
        ("leo, obviously", "Leo"),
        ("obviously leo", "Leo"),
        ("leo haha", "Leo"),
        ("leo hahaha", "Leo"),
        ("leo ofc", "Leo"),
        ("leo of course", "Leo"),
        ("leo ig", "Leo"),
        ("leo idk", "Leo"),
        ("leo tbh", "Leo"),
        ("leo lol my bf", "Leo"),
        ("leo (my partner)", "Leo"),
        ("Leo (the love of my life)", "Leo"),
        ("leo 😍 obvs", "Leo"),
        ("leo my bf obvs", "Leo"),
        ("mary ann lol", "Mary Ann"),
    ],
)
def test_asides_around_a_typed_name_are_left_out(typed: str, name: str):
    assert read_name(typed, C) == name


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("Leo", "Leo"),
        ("leo", "Leo"),
        ("Mary Ann", "Mary Ann"),
        ("mary ann", "Mary Ann"),
        ("Jean Luc", "Jean Luc"),
        ("jean luc", "Jean Luc"),
        ("Maria de los Angeles", "Maria de los Angeles"),
        ("his name is Tom", "Tom"),
        ("💛", "💛"),
    ],
)
def test_real_names_are_kept(typed: str, name: str):
    assert read_name(typed, C) == name


@pytest.mark.parametrize("typed", ["lol", "idk", "haha", "obvs"])
def test_an_aside_alone_is_no_name(typed: str):
    assert read_name(typed, C) is None


def test_a_name_with_an_aside_typed_at_who_is_the_name():
    assert read_who("leo obvs", C) == ("other", "Leo")


# ---------------------------------------------------------------- 2. the name used last time

NOW = datetime(2026, 3, 1, 16, 30, tzinfo=UTC)


def ctx_with(last: dict[str, str], now: datetime = NOW) -> Context:
    person = Person(7, "Ana", "Annie", "Europe/Berlin", "en")
    return Context(person, now, C, Prefs(zone="Europe/Berlin"), last_names=last)


def at_name(last: dict[str, str], who: str = "partner") -> Walk:
    w = Walk(ctx_with(last))
    w.press(TO_ME)
    w.press(who)
    assert w.step == rf.NAME
    return w


def test_the_name_used_last_time_for_that_relation_is_a_button():
    w = at_name({"partner": "Leo", "friend": "Carla"})
    (card,) = w.outcome.replies
    assert options(card) == [rf.LAST_NAME, "skip"]
    assert next(b.label for row in card.buttons for b in row) == "Leo"
    assert "type another" in card.text.lower()
    w.press(rf.LAST_NAME)
    assert w.step == rf.PAT and w.moment.who_name == "Leo"


def test_another_relation_gets_its_own_last_name_or_none():
    w = at_name({"partner": "Leo", "friend": "Carla"}, who="friend")
    assert next(b.label for row in w.outcome.replies[0].buttons for b in row) == "Carla"
    w = at_name({"partner": "Leo"}, who="family")
    (card,) = w.outcome.replies
    assert options(card) == ["skip"] and card.text == C.text("moment.ask_who_name")


def test_another_name_typed_or_skip_still_work():
    w = at_name({"partner": "Leo"})
    w.type("Sam")
    assert w.moment.who_name == "Sam"
    w = at_name({"partner": "Leo"})
    w.press("skip")
    assert w.step == rf.PAT and w.moment.who_name is None


def test_a_press_of_the_last_name_with_none_known_is_not_taken():
    w = at_name({"partner": "Leo"})
    w.ctx = ctx_with({})
    w.press(rf.LAST_NAME)
    assert w.step == rf.NAME and w.moment.who_name is None


def test_the_linked_partners_name_and_the_last_one_are_not_offered_twice():
    from bot.domain.flow import Partner

    w = Walk(replace(ctx_with({"partner": "leo"}), partner=Partner(9, "Leo", True, None)))
    w.press(TO_ME)
    w.press("partner")
    assert options(w.outcome.replies[0]) == [rf.PARTNER, "skip"]


# ---------------------------------------------------------------- 4. a time with more words

MONDAY_EVENING = datetime(2026, 3, 2, 19, 40, tzinfo=UTC)  # 20:40 in Berlin


@pytest.mark.parametrize(
    "typed",
    [
        "saturday morning over coffee",
        "saturday morning, over coffee",
        "saturday morning when he's home",
        "saturday morning after the kids are asleep",
    ],
)
def test_words_after_a_time_phrase_leave_the_time(typed: str):
    expected = clock.parse_when("saturday morning", MONDAY_EVENING, BERLIN)
    assert expected is not None
    assert clock.parse_when(typed, MONDAY_EVENING, BERLIN, leading=True) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "not saturday morning",
        "saturday morning is not good",
        "saturday morning won't work",
        "over coffee",
        "coffee on saturday",
    ],
)
def test_a_time_taken_back_or_not_leading_is_not_read(typed: str):
    assert clock.parse_when(typed, MONDAY_EVENING, BERLIN, leading=True) is None


def test_strict_reading_is_unchanged_elsewhere():
    assert clock.parse_when("saturday morning over coffee", MONDAY_EVENING, BERLIN) is None


def test_saturday_morning_over_coffee_plans_the_talk():
    w = to_needs(Walk(ctx_with({}, now=MONDAY_EVENING)))
    w.press("later")
    outcome = w.type("saturday morning over coffee")
    assert outcome.state is None  # planned, and over
    assert saved(outcome).plan_due_at == datetime(2026, 3, 7, 8, 0, tzinfo=UTC)  # 09:00 Berlin


# ---------------------------------------------------------------- 5. "In a few hours" at night


def when_card(now: datetime) -> Walk:
    w = to_needs(Walk(ctx_with({}, now=now)))
    w.press("later")
    assert w.step == rf.WHEN
    return w


def test_in_a_few_hours_is_not_offered_when_that_is_quiet_time():
    w = when_card(datetime(2026, 3, 13, 20, 0, tzinfo=UTC))  # 21:00: +3h is midnight
    assert "hours" not in options(w.outcome.replies[0])
    w = when_card(datetime(2026, 3, 13, 17, 0, tzinfo=UTC))  # 18:00: +3h is 21:00
    assert "hours" in options(w.outcome.replies[0])


def test_an_old_in_a_few_hours_pressed_at_night_plans_no_midnight_talk():
    w = when_card(datetime(2026, 3, 13, 17, 0, tzinfo=UTC))
    w.ctx = ctx_with({}, now=datetime(2026, 3, 13, 20, 0, tzinfo=UTC))
    (reply,) = w.press("hours").replies
    assert w.step == rf.WHEN and w.moment.plan_due_at is None
    assert C.text("moment.when_hours_quiet") in reply.text
    assert "hours" not in options(reply)


# ---------------------------------------------------------------- 6. the evening card


def test_the_evening_card_after_a_moment_looked_at_today_says_so():
    usual = prompts.evening_card("Maya", 5, C)
    after = prompts.evening_card("Maya", 5, C, looked_today=True)
    assert usual.text == C.text("evening.ask", name="Maya")
    assert after.text == C.text("evening.ask_after_moment", name="Maya")
    assert after.text != usual.text and "Maya" in after.text
    assert after.buttons == usual.buttons
