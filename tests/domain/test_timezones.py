from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content import shared_data
from bot.domain.timezones import is_valid_zone, parse_clock, resolve_zone, zone_for_offset

NOW = datetime(2026, 7, 15, 18, 5, tzinfo=UTC)  # northern summer
CITIES = shared_data("cities")


def guess(text: str, now: datetime = NOW) -> str | None:
    found = resolve_zone(text, now, CITIES["aliases"], CITIES["offsets"]["preferred"])
    return found.zone if found else None


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        ("europe/berlin", "Europe/Berlin"),
        ("America/New York", "America/New_York"),
        ("Berlin", "Europe/Berlin"),
        ("  sydney ", "Australia/Sydney"),
        ("Kathmandu", "Asia/Kathmandu"),
        ("Munich", "Europe/Berlin"),
        ("San Francisco", "America/Los_Angeles"),
        ("Berlin, Germany", "Europe/Berlin"),
        ("Buenos Aires", "America/Argentina/Buenos_Aires"),
        ("UTC", "UTC"),
        ("UTC+2", "Europe/Berlin"),  # Berlin is UTC+2 in July
        ("gmt-3", "America/Sao_Paulo"),
    ],
)
def test_names_cities_and_offsets(text: str, zone: str):
    assert guess(text) == zone


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        # Abbreviations people use name a place that keeps summer time, not the fixed zone
        # of the same name (tz's "EST" is UTC-5 all year).
        ("EST", "America/New_York"),
        ("pst", "America/Los_Angeles"),
        ("Eastern", "America/New_York"),
        ("CET", "Europe/Berlin"),
        # Countries with one time zone, and the short names of big cities.
        ("Germany", "Europe/Berlin"),
        ("the UK", "Europe/London"),
        ("UK", "Europe/London"),
        ("Netherlands", "Europe/Amsterdam"),
        ("India", "Asia/Kolkata"),
        ("NYC", "America/New_York"),
        ("LA", "America/Los_Angeles"),
        ("Hamburg, Germany", "Europe/Berlin"),
        # Written with their accents.
        ("München", "Europe/Berlin"),
        ("Zürich", "Europe/Zurich"),
        ("São Paulo", "America/Sao_Paulo"),
        ("Köln", "Europe/Berlin"),
    ],
)
def test_abbreviations_countries_and_accented_names(text: str, zone: str):
    assert guess(text) == zone


def test_every_alias_names_a_real_zone_and_is_found_as_written():
    for name, zone in CITIES["aliases"].items():
        assert is_valid_zone(zone), (name, zone)
        assert guess(name) == zone, name  # as typed, and capitalised as people write it
        assert guess(name.title()) == zone, name


@pytest.mark.parametrize("text", ["USA", "Australia", "Canada"])  # several zones: ask for a city
def test_a_country_with_several_zones_is_not_guessed(text: str):
    assert guess(text) is None


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("20:05", "Europe/Berlin"),  # 18:05 UTC + 2h in July
        ("19:05", "Europe/London"),
        ("23:50", "Asia/Kathmandu"),  # +5:45
        ("8:05 pm", "Europe/Berlin"),
        ("it's 14:06 now", "America/New_York"),  # a minute off still lands on the quarter
        ("04:05", "Australia/Sydney"),  # the next day there
    ],
)
def test_local_time_maps_to_a_zone_with_that_offset(text: str, zone: str):
    assert guess(text) == zone


@pytest.mark.parametrize("text", ["Atlantis", "", "9", "25:00", "12:75", "x" * 500, "🙂"])
def test_unknown_answers_give_nothing(text: str):
    assert guess(text) is None


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("21:40", (21, 40)),
        ("9.40pm", (21, 40)),
        ("9 pm", (21, 0)),
        ("12am", (0, 0)),
        ("12:15 p.m.", (12, 15)),
        ("21h40", (21, 40)),
        ("13 pm", None),
        ("7", None),
    ],
)
def test_parse_clock(text: str, clock: tuple[int, int] | None):
    assert parse_clock(text) == clock


ZONES = sorted(z for z in CITIES["offsets"]["preferred"] if z != "UTC")


@settings(max_examples=300, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    instant=st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31)),
)
def test_a_stated_local_time_always_maps_to_a_zone_showing_that_time(zone, instant):
    now = instant.replace(tzinfo=UTC)
    stated = now.astimezone(ZoneInfo(zone)).strftime("%H:%M")
    found = guess(stated, now)
    assert found is not None
    assert now.astimezone(ZoneInfo(found)).strftime("%H:%M") == stated


def test_a_clock_in_the_pacific_overlap_prefers_where_people_live():
    # 00:00 on 2 January in Auckland (UTC+13) is also 00:00 on 1 January in Niue (UTC-11).
    assert guess("00:00", datetime(2026, 1, 1, 11, 0, tzinfo=UTC)) == "Pacific/Auckland"


def test_offset_with_no_regional_zone_falls_back_to_etc():
    # No zone is at -12:00 in practice except uninhabited ones, which we map to Etc.
    zone = zone_for_offset(timedelta(hours=-12), NOW, [])
    assert zone is not None
    assert NOW.astimezone(ZoneInfo(zone)).utcoffset() == timedelta(hours=-12)


@pytest.mark.parametrize(
    ("text", "zone"),
    [
        ("Hawaii", "Pacific/Honolulu"),
        ("HST", "Pacific/Honolulu"),
        ("Tonga", "Pacific/Tongatapu"),
        ("Nuku'alofa", "Pacific/Tongatapu"),
        # Samoa (Apia, UTC+13) is where most people saying "Samoa" live; tz's Pacific/Samoa
        # is American Samoa (Pago Pago, UTC-11), a day behind.
        ("Samoa", "Pacific/Apia"),
        ("American Samoa", "Pacific/Pago_Pago"),
        ("Porto", "Europe/Lisbon"),
        ("Oporto", "Europe/Lisbon"),
        # Ambiguous (India, Israel, Ireland): as "CST" and "BST", where most who type it live;
        # the guess is always confirmed with the person.
        ("IST", "Asia/Kolkata"),
    ],
)
def test_places_a_review_could_not_find(text: str, zone: str):
    assert guess(text) == zone
