"""A "later tonight" bid between two clocks (Ben in Los Angeles asks, Ana in Berlin answers):
the reminder is the earliest reasonable time out of both partners' quiet hours (the asker's
evening when both are awake then, else the first time both are), and its words name the day
as each of them counts days (before 05:00 is still the day before)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.content import catalogue
from bot.domain import couples, schedule

LA, BERLIN, LONDON, NEW_YORK = (
    "America/Los_Angeles",
    "Europe/Berlin",
    "Europe/London",
    "America/New_York",
)


def utc(day: int, hour: int, minute: int = 0, month: int = 6) -> datetime:
    return datetime(2027, month, day, hour, minute, tzinfo=UTC)


def later(asked: datetime, now: datetime, zone: str, *zones: str) -> datetime | None:
    prefs = [schedule.Prefs(zone=z) for z in zones]
    return couples.bid_reminder_together("later", asked, now, zone, prefs)


def test_at_the_askers_midnight_it_is_the_first_morning_both_are_awake():
    # Ben asks Wed 20:00 in LA (Thu 05:00 Berlin); Ana answers Thu 09:00 Berlin (00:00 LA).
    asked, now = utc(3, 3), utc(3, 7)
    due = later(asked, now, LA, LA, BERLIN)
    # Thu 08:00 in LA is 17:00 in Berlin: out of both quiet hours, 8 hours on (not Friday's).
    assert due == utc(3, 15)


def test_at_the_askers_midday_it_is_half_an_hour_on_when_both_are_awake():
    # Ben asks at 12:00 LA (21:00 Berlin); 21:00 in LA is 06:00 in Berlin, Ana's night: but
    # 12:35 LA / 21:35 Berlin suits both.
    due = later(utc(2, 19), utc(2, 19, 5), LA, LA, BERLIN)
    assert due == utc(2, 19, 35)


def test_the_askers_evening_is_kept_when_both_are_awake_then():
    # Ana asks at 20:00 Berlin; Ben answers at 11:05 LA: 21:00 Berlin is 12:00 LA.
    assert later(utc(2, 18), utc(2, 18, 5), BERLIN, BERLIN, LA) == utc(2, 19)
    # One clock, answered at 20:30: 21:00 tonight, as before.
    assert later(utc(2, 18, 30), utc(2, 18, 30), BERLIN, BERLIN, BERLIN) == utc(2, 19)


def test_too_late_tonight_the_next_evening_still_comes_when_both_are_awake():
    # One clock, answered at 23:10: tomorrow evening, not 08:00.
    assert later(utc(2, 11), utc(2, 21, 10), BERLIN, BERLIN, BERLIN) == utc(3, 19)
    # London asks, New York answers at 23:30 London: 21:00 London is 16:00 in New York.
    march = utc(2, 20, month=3)
    due = later(march, utc(2, 23, 30, month=3), LONDON, LONDON, NEW_YORK)
    assert due == utc(3, 21, month=3)


def test_the_reminder_is_said_with_the_day_each_of_them_means():
    c = catalogue("en")
    now, due = utc(3, 7), utc(3, 15)  # 00:00 Thu LA / 09:00 Thu Berlin; 08:00 LA / 17:00 Berlin
    said = couples.reminder_words("later", due, now, ("Ben", LA), ("Ana", BERLIN), c)
    # At Ben's midnight "tomorrow" could be Thursday or Friday: the date, for both.
    assert said == (
        "It's already late for Ben, so I'll remind you both on 3 Jun at 08:00 for Ben, "
        "17:00 for Ana."
    )


def test_a_time_still_today_for_both_is_not_said_to_be_tomorrow():
    c = catalogue("en")
    said = couples.reminder_words(
        "later", utc(2, 19, 35), utc(2, 19, 5), ("Ben", LA), ("Ana", BERLIN), c
    )
    assert said == "I'll remind you both at 12:35 for Ben, 21:35 for Ana."
