"""The check-in card's words: how to answer it, and how it says it closed."""

from __future__ import annotations

from datetime import date, time

from bot.content import catalogue
from bot.domain import couples

C = catalogue("en")
NAMES = {1: "Ana", 2: "Ben"}


def test_an_open_check_in_card_says_to_tap_a_number():
    # In a group under privacy mode a typed "4" never reaches the bot: the card says to tap.
    for answers in ({}, {"1": 4}):
        card = couples.checkin_card(7, NAMES, answers, "open", C)
        assert "Tap a number below." in card.text
        assert len(card.buttons[0]) == 5


def test_a_revealed_or_closed_card_has_nothing_to_tap():
    revealed = couples.checkin_card(7, NAMES, {"1": 4, "2": 4}, "revealed", C)
    closed = couples.checkin_card(7, NAMES, {}, "closed", C)
    assert "Tap" not in revealed.text and "Tap" not in closed.text


def test_a_check_in_closed_by_the_link_ending_says_so_whatever_came_in():
    for answers in ({}, {"1": 4}):
        key = couples.closed_key(answers, link_ended=True)
        assert C.text(key) == "This check-in has closed: the partner link ended. Nothing was shown."
    assert couples.closed_key({}) == "checkin.closed"
    assert couples.closed_key({"1": 4}) == "checkin.closed_cleared"


def test_a_time_elsewhere_says_when_it_falls_on_another_day():
    day = date(2026, 3, 1)
    assert couples.elsewhere(day, time(21, 0), "Europe/Berlin", "America/New_York") == (
        "15:00",
        0,
    )
    assert couples.elsewhere(day, time(21, 0), "America/New_York", "Europe/Berlin") == ("03:00", 1)
    assert couples.elsewhere(day, time(18, 30), "Pacific/Auckland", "Pacific/Honolulu") == (
        "19:30",
        -1,
    )


def test_the_other_zones_are_said_once_each_and_only_when_their_clock_differs():
    day, at = date(2026, 3, 1), time(21, 0)
    others = ["Europe/Berlin", "Europe/Paris", "America/New_York", "America/New_York", None]
    assert couples.also_in(C, day, at, "Europe/Berlin", others) == [" · 15:00 (America/New_York)"]
    assert couples.also_in(C, day, at, "America/New_York", ["Asia/Tokyo"]) == [
        " · 11:00 the next day (Asia/Tokyo)"
    ]
    assert couples.also_in(C, day, time(18, 30), "Pacific/Auckland", ["Pacific/Honolulu"]) == [
        " · 19:30 the day before (Pacific/Honolulu)"
    ]
