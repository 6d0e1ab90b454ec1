"""Where someone lives, typed at the time-zone question as people write it: "St. John's",
"Myanmar", "Chatham Islands, NZ"; and an old name ("Calcutta", "Asia/Calcutta") saved and shown
as today's zone, so that /sos finds the country's helplines. Checked against the tz database
itself (every zone's city, every country with one zone), not against a copy of a list."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo, available_timezones

import pytest

from bot.content import shared_data
from bot.domain import crisis
from bot.domain.timezones import guess_zone

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
# Instants across a year and a half: two zones that agree at all of them keep the same clock.
INSTANTS = [datetime(2026, month, 15, 12, tzinfo=UTC) for month in (1, 4, 7, 10)] + [
    datetime(2027, 1, 15, 12, tzinfo=UTC)
]
REGIONS = ("Africa", "America", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific")
# tz's old names for Australian states by compass point ("Australia/North"): not places, and
# words that start other names ("North Korea", "West Virginia").
COMPASS = {"North", "South", "East", "West"}


def _tz_file(name: str) -> str:
    try:
        return (resources.files("tzdata") / "zoneinfo" / name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return Path("/usr/share/zoneinfo", name).read_text(encoding="utf-8")


def _rows(name: str) -> list[list[str]]:
    text = _tz_file(name)
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def zone_tab() -> dict[str, str]:
    """Each country's zones (zone.tab): zone -> ISO country code."""
    return {row[2]: row[0] for row in _rows("zone.tab")}


@cache
def country_names() -> dict[str, str]:
    return {row[0]: row[1] for row in _rows("iso3166.tab")}


@cache
def links() -> dict[str, str]:
    """Old or merged names (tzdata.zi's "L target name" lines): name -> target."""
    found = {}
    for line in _tz_file("tzdata.zi").splitlines():
        if line.startswith("L "):
            _, target, name = line.split()
            found[name] = target
    return found


def same_clock(a: str, b: str) -> bool:
    return all(
        t.astimezone(ZoneInfo(a)).utcoffset() == t.astimezone(ZoneInfo(b)).utcoffset()
        for t in INSTANTS
    )


def is_current(zone: str) -> bool:
    """Today's name: a country's zone in zone.tab, or no link at all."""
    return zone in zone_tab() or zone not in links()


def guessed(typed: str) -> str | None:
    found = guess_zone(typed, NOW)
    return found.zone if found else None


def alias_for(name: str) -> str | None:
    """The zone cities.toml deliberately gives a name ("Samoa" is Apia, not tz's Pacific/Samoa),
    in the lookup's own spelling."""
    aliases = shared_data("cities")["aliases"]
    key = re.sub(r"[’'.]", "", name.lower()).replace("-", " ")
    return next((z for n, z in aliases.items() if re.sub(r"[’'.]", "", n) == key), None)


# --- the walkthrough -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("St. John's", "America/St_Johns"),
        ("St John's", "America/St_Johns"),
        ("St. John’s", "America/St_Johns"),  # the phone's apostrophe
        ("Newfoundland", "America/St_Johns"),
        ("St. John's, Newfoundland", "America/St_Johns"),
        ("St Johns", "America/St_Johns"),  # as before
        ("Myanmar", "Asia/Yangon"),
        ("Afghanistan", "Asia/Kabul"),
        ("Pokhara", "Asia/Kathmandu"),
        ("Chatham Islands, NZ", "Pacific/Chatham"),
        ("Chatham Islands", "Pacific/Chatham"),
        ("I live in St. John's", "America/St_Johns"),
        ("Washington D.C.", "America/New_York"),  # a dot between letters is no gap
        ("Port au Prince", "America/Port-au-Prince"),
        ("Saint Lucia", "America/St_Lucia"),
        ("North Korea", "Asia/Pyongyang"),  # not tz's "Australia/North"
    ],
)
def test_places_the_walkthrough_could_not_find(typed: str, zone: str):
    assert guessed(typed) == zone


@pytest.mark.parametrize("typed", ["South", "north", "West"])
def test_a_compass_word_is_not_taken_for_an_australian_state(typed: str):
    assert guessed(typed) is None


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("West Virginia", "America/New_York"),
        ("Charleston, West Virginia", "America/New_York"),
        ("North Carolina", "America/New_York"),
        ("South Dakota", "America/Chicago"),
    ],
)
def test_a_state_named_with_a_compass_word_is_that_state(typed: str, zone: str):
    assert guessed(typed) == zone


# --- every zone's city, as people spell it -------------------------------------------------------


def usual_spellings(city: str, country: str | None) -> list[str]:
    """The city of a zone name ("St Johns") as people write it: "St. John's", "Saint Johns",
    "Port au Prince", lower case, with the country after a comma."""
    spellings = [city, city.lower()]
    if city.startswith("St "):
        spellings += [f"St. {city[3:]}", f"Saint {city[3:]}"]
    last = city.split()[-1]
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        spellings += [f"{s[:-1]}'s" for s in list(spellings)]  # St. John's, Lower Prince's
    spellings += [s.replace("-", " ") for s in spellings if "-" in s]
    if country:
        spellings += [f"{s}, {country}" for s in list(spellings)]
    return list(dict.fromkeys(spellings))


def regional_zones() -> list[str]:
    return sorted(z for z in available_timezones() if z.partition("/")[0] in REGIONS)


def test_every_zone_is_found_by_its_city_as_people_spell_it():
    missed = []
    for zone in regional_zones():
        city = zone.rsplit("/", 1)[-1].replace("_", " ")
        if city in COMPASS:
            continue
        country = country_names().get(zone_tab().get(zone, ""))
        for typed in usual_spellings(city, country):
            found = guessed(typed)
            wanted = alias_for(city)
            if wanted is not None:
                ok = found == wanted
            else:
                ok = (
                    found is not None
                    and same_clock(found, zone)
                    and is_current(found)
                    and (found == zone if zone in zone_tab() else True)
                )
            if not ok:
                missed.append((typed, zone, found))
    assert not missed, missed


# --- every country with one zone, by name ------------------------------------------------------

# tz's short forms in iso3166.tab, as the words people type.
ABBREVIATIONS = {
    "&": "and",
    "Is": "Islands",
    "Rep.": "Republic",
    "S.": "Southern",
    "Terr.": "Territories",
    "NL": "Netherlands",
}
# "Virgin Islands (UK)", "Congo (Rep.)": the qualifier as it comes before the name.
QUALIFIERS = {"UK": "British", "Rep.": "Republic of the"}
# A country's name that is as much somewhere else, where no guess is safe.
AMBIGUOUS = {"Georgia"}  # also a US state (Eastern time): Tbilisi or Atlanta finds either


def as_people_write(name: str, bases: dict[str, int]) -> str:
    """iso3166.tab's name as people write it: "Korea (North)" is "North Korea", "Myanmar
    (Burma)" is "Myanmar", "Trinidad & Tobago" is "Trinidad and Tobago"."""
    match = re.fullmatch(r"(?P<base>.+?) \((?P<q>[^)]+)\)(?P<rest>.*)", name)
    if match and not match["rest"] and bases[match["base"]] > 1:
        q = match["q"]
        name = f"{QUALIFIERS.get(q, q[:1].upper() + q[1:])} {match['base']}"
    elif match:
        name = f"{match['base']}{match['rest']}"  # "Cocos (Keeling) Islands": "Cocos Islands"
    return " ".join(ABBREVIATIONS.get(word, word) for word in name.split())


def single_zone_countries() -> dict[str, str]:
    zones: dict[str, list[str]] = defaultdict(list)
    for zone, code in zone_tab().items():
        zones[code].append(zone)
    return {code: found[0] for code, found in zones.items() if len(found) == 1}


def test_every_country_with_one_zone_is_found_by_its_name():
    names = country_names()
    bases: dict[str, int] = defaultdict(int)
    for name in names.values():
        bases[name.split(" (")[0]] += 1
    missed = []
    for code, zone in sorted(single_zone_countries().items()):
        typed = as_people_write(names[code], bases)
        if typed in AMBIGUOUS:
            continue
        spellings = [typed, typed.lower()]
        if typed.startswith("St "):
            spellings.append(f"Saint {typed[3:]}")
        for spelling in spellings:
            if guessed(spelling) != zone:
                missed.append((spelling, zone, guessed(spelling)))
    assert not missed, missed


# --- old names: saved and shown as today's zone -----------------------------------------------


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Calcutta", "Asia/Kolkata"),
        ("Katmandu", "Asia/Kathmandu"),
        ("Rangoon", "Asia/Yangon"),
        ("Iran", "Asia/Tehran"),
        ("Godthab", "America/Nuuk"),
        ("Asia/Calcutta", "Asia/Kolkata"),
        ("asia/calcutta", "Asia/Kolkata"),
        ("US/Eastern", "America/New_York"),
        ("Europe/Kiev", "Europe/Kyiv"),
        ("Iceland", "Atlantic/Reykjavik"),  # tz links it to Abidjan: same clock, not Iceland
        ("Asmera", "Africa/Asmara"),  # tz links it to Nairobi, in Kenya
        ("UTC", "UTC"),  # as before
    ],
)
def test_an_old_name_is_saved_as_todays_zone(typed: str, zone: str):
    assert guessed(typed) == zone


def test_every_zone_typed_by_its_iana_name_is_saved_by_todays_name():
    """ "Asia/Calcutta" or "US/Eastern", typed: the same clock, by a name that is current.
    (Names cities.toml gives a place of its own, like "EST", are checked there.)"""
    missed = []
    for zone in sorted(available_timezones()):
        target = links().get(zone, zone)
        if alias_for(zone) is not None or target.partition("/")[0] not in REGIONS:
            continue
        found = guessed(zone)
        if found is None or not same_clock(found, zone) or not is_current(found):
            missed.append((zone, found))
        elif zone in zone_tab() and found != zone:
            missed.append((zone, found))  # a country's own zone stays its own
    assert not missed, missed


def test_every_zone_found_from_a_local_time_or_offset_is_current():
    for text in ["UTC+5:30", "UTC+5:45", "UTC+6:30", "UTC-3:30", "UTC+3", "UTC-1", "UTC+14"]:
        found = guessed(text)
        assert found is not None and is_current(found), (text, found)


# --- /sos for someone whose row already holds an old name -------------------------------------


@pytest.mark.parametrize(
    ("stored", "current"),
    [
        ("Asia/Calcutta", "Asia/Kolkata"),
        ("US/Eastern", "America/New_York"),
        ("Canada/Eastern", "America/Toronto"),
        ("America/Montreal", "America/Toronto"),
        ("Europe/Belfast", "Europe/London"),
        ("GB", "Europe/London"),
        ("Eire", "Europe/Dublin"),
        ("Australia/ACT", "Australia/Sydney"),
        ("NZ", "Pacific/Auckland"),
        ("America/Godthab", "America/Nuuk"),
    ],
)
def test_an_old_zone_already_stored_still_finds_the_countrys_helplines(stored: str, current: str):
    assert crisis.country_of(stored) == crisis.country_of(current) is not None
    assert crisis.help_lines(stored) == crisis.help_lines(current)
    assert crisis.help_lines(stored) != crisis.help_lines(None) or current == "America/Nuuk"


def test_every_old_name_of_a_countrys_zone_finds_that_country():
    """Every link whose tz target is a country's own zone and keeps the city's country (the
    name's country is unknown otherwise): checked by the target's country."""
    missed = []
    for name, target in links().items():
        if name in zone_tab() or target not in zone_tab():
            continue
        if crisis.country_of(name) is None:
            missed.append((name, target))
    assert not missed, missed
