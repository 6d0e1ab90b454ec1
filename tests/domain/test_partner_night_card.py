"""The send card says when it is the middle of the night for the partner (nothing waits)."""

from __future__ import annotations

from datetime import UTC, datetime, time

from bot.content import catalogue
from bot.domain import schedule
from bot.domain.couples import confirm_card
from bot.domain.flow import Partner

C = catalogue("en")
NIGHT_IN_NEW_YORK = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)  # 02:30 there


def test_the_partners_night_is_their_wall_clock_in_their_quiet_hours():
    new_york = schedule.Prefs(zone="America/New_York")
    assert schedule.night_now(NIGHT_IN_NEW_YORK, new_york) == time(2, 30)
    assert schedule.night_now(datetime(2026, 3, 2, 18, 0, tzinfo=UTC), new_york) is None
    # Their own quiet hours, not the usual ones.
    late = schedule.Prefs(zone="America/New_York", quiet_start=time(3, 0), quiet_end=time(9, 0))
    assert schedule.night_now(NIGHT_IN_NEW_YORK, late) is None
    # With no zone of theirs known, nothing is said about their time.
    assert schedule.night_now(NIGHT_IN_NEW_YORK, schedule.Prefs()) is None


def test_the_send_card_says_it_is_night_for_the_partner():
    sam = Partner(8, "Sam", True, -5, night_at=time(2, 30))
    card = confirm_card("Sorry about earlier.", sam, C)
    first, second = card.text.split("\n", 1)
    assert first == "It's 02:30 for Sam: it will arrive without a sound."
    assert second == "This is exactly what Sam will see, from you:"
    assert card.copyable == "Sorry about earlier."
    assert [b.option for row in card.buttons for b in row] == [
        b.option for row in confirm_card("x", Partner(8, "Sam", True, -5), C).buttons for b in row
    ]  # nothing is delayed: the same choices


def test_by_day_the_send_card_is_as_before():
    for sam in (Partner(8, "Sam", True, None), Partner(8, "Sam", True, -5)):
        card = confirm_card("Thank you.", sam, C)
        assert card.text == "This is exactly what Sam will see, from you:"
