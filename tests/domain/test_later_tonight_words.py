"""A "later" bid's reminder in words for two people on different clocks: each time on its
own clock, the day said once when it is the same word for both, and why it is tomorrow when
it is already late tonight for the one who asked."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.content import catalogue
from bot.domain import couples

LONDON, NEW_YORK, BERLIN = "Europe/London", "America/New_York", "Europe/Berlin"


def test_each_time_on_its_own_clock():
    c = catalogue("en")
    now = datetime(2026, 3, 2, 18, 20, tzinfo=UTC)
    due = datetime(2026, 3, 2, 21, 45, tzinfo=UTC)
    said = couples.reminder_words("later", due, now, ("Maya", LONDON), ("Sam", NEW_YORK), c)
    assert said == "I'll remind you both at 21:45 for Maya, 16:45 for Sam."


def test_the_day_is_said_for_each_when_it_differs():
    c = catalogue("en")
    now = datetime(2026, 3, 3, 0, 30, tzinfo=UTC)  # 00:30 in London, 19:30 (the 2nd) in NY
    due = datetime(2026, 3, 3, 21, 0, tzinfo=UTC)
    said = couples.reminder_words("tomorrow", due, now, ("Maya", LONDON), ("Sam", NEW_YORK), c)
    # "today" in London is "tomorrow" in New York: the date, for both.
    assert said == "I'll remind you both on 3 Mar at 21:00 for Maya, 16:00 for Sam."
    later = datetime(2026, 3, 3, 4, 30, tzinfo=UTC)  # 04:30 in London, 13:30 in Tokyo
    tokyo = couples.reminder_words(
        "tomorrow", later, now, ("Maya", LONDON), ("Ken", "Asia/Tokyo"), c
    )
    assert tokyo == "I'll remind you both at 04:30 for Maya, 13:30 for Ken."  # today for both
    apart = datetime(2026, 3, 3, 16, 0, tzinfo=UTC)  # 16:00 in London, 01:00 on the 4th in Tokyo
    dates = couples.reminder_words(
        "tomorrow", apart, now, ("Maya", LONDON), ("Ken", "Asia/Tokyo"), c
    )
    assert dates == "I'll remind you both on 3 Mar at 16:00 for Maya, on 4 Mar at 01:00 for Ken."


def test_too_late_tonight_for_the_asker_is_said():
    c = catalogue("en")
    now = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)
    due = datetime(2026, 3, 3, 21, 0, tzinfo=UTC)
    said = couples.reminder_words("later", due, now, ("Maya", LONDON), ("Sam", NEW_YORK), c)
    assert said == (
        "It's already late for Maya, so I'll remind you both tomorrow at 21:00 for Maya, "
        "16:00 for Sam."
    )
    # "Tomorrow evening" asked for: no reason needed.
    asked = couples.reminder_words("tomorrow", due, now, ("Maya", LONDON), ("Sam", NEW_YORK), c)
    assert asked == "I'll remind you both tomorrow at 21:00 for Maya, 16:00 for Sam."


def test_no_time_left_tonight_for_both_is_said():
    c = catalogue("en")
    now = datetime(2026, 3, 2, 19, 0, tzinfo=UTC)  # tonight still possible in London
    due = datetime(2026, 3, 3, 13, 0, tzinfo=UTC)  # moved past tonight by quiet hours
    said = couples.reminder_words("later", due, now, ("Maya", LONDON), ("Sam", "Asia/Tokyo"), c)
    assert said.startswith("There's no time left tonight that suits you both, so")


def test_one_clock_keeps_the_plain_words():
    c = catalogue("en")
    now = datetime(2026, 3, 2, 22, 10, tzinfo=UTC)  # 23:10 in Berlin
    due = datetime(2026, 3, 3, 20, 0, tzinfo=UTC)
    said = couples.reminder_words("later", due, now, ("Ana", BERLIN), ("Ben", BERLIN), c)
    assert said == "I'll remind you both tomorrow at 21:00."
    unknown = couples.reminder_words("later", due, now, ("Ana", BERLIN), ("Ben", None), c)
    assert unknown == "I'll remind you both tomorrow at 21:00."
    # Two zone names, one clock: nothing to tell apart.
    paris = couples.reminder_words("later", due, now, ("Ana", BERLIN), ("Ben", "Europe/Paris"), c)
    assert paris == "I'll remind you both tomorrow at 21:00."
