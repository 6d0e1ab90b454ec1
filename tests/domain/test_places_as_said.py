"""Where someone lives, typed as they would say it: "I'm in New York", "london uk"."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain.timezones import guess_zone

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("I am in New York", "America/New_York"),
        ("in New York", "America/New_York"),
        ("I’m in London", "Europe/London"),
        ("london uk", "Europe/London"),
        ("Paris France", "Europe/Paris"),
        ("I live in sydney australia", "Australia/Sydney"),
        ("it's 13:00", "Europe/Berlin"),  # a clock after "it's", as the clock alone
    ],
)
def test_a_place_in_a_sentence_is_found(typed: str, zone: str):
    guess = guess_zone(typed, NOW)
    assert guess is not None and guess.zone == zone


@pytest.mark.parametrize("typed", ["new", "in", "i'm in", "in a minute", "my partner hurt me"])
def test_words_that_name_no_place_find_none(typed: str):
    assert guess_zone(typed, NOW) is None
