"""Finding a person's IANA time zone from what they type: a zone name, a city, or their
current local time."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from difflib import get_close_matches
from functools import cache
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from bot.content import shared_data

_REGIONS = (
    "Africa",
    "America",
    "Antarctica",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)
_CLOCK = re.compile(
    r"^(?:it'?s\s+)?(?P<h>\d{1,2})(?:[:.h](?P<m>\d{2}))?\s*(?P<ampm>[ap]\.?\s*m\.?)?"
    r"(?:\s+(?:now|here))?$",
    re.IGNORECASE,
)
_UTC_OFFSET = re.compile(r"^(?:utc|gmt)\s*(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?$")


@dataclass(frozen=True)
class ZoneGuess:
    zone: str
    # How we got there: "name", "city", "clock" or "offset". A guess from the clock is the
    # least certain, so the shell always confirms a guess with the person.
    how: str


@cache
def all_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def tz_file(name: str) -> str:
    """A table from the tz database ("zone.tab", "tzdata.zi"): the tzdata package's, else the
    system's; "" where there is none."""
    try:
        return (resources.files("tzdata") / "zoneinfo" / name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        system = Path("/usr/share/zoneinfo") / name
        return system.read_text(encoding="utf-8") if system.exists() else ""


@cache
def _countries_zones() -> frozenset[str]:
    """Each country's own zones (zone.tab): a name there is kept as it is (Europe/Amsterdam
    stays Amsterdam, though tz now links it to Brussels)."""
    rows = (line.split("\t") for line in tz_file("zone.tab").splitlines())
    return frozenset(row[2] for row in rows if len(row) >= 3 and not row[0].startswith("#"))


@cache
def _links() -> dict[str, str]:
    """tz's old and merged names ("L Asia/Kolkata Asia/Calcutta"): name -> zone."""
    links: dict[str, str] = {}
    for line in tz_file("tzdata.zi").splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "L":
            links[parts[2]] = parts[1]
    return links


@cache
def _moved() -> dict[str, str]:
    return dict(shared_data("cities")["links"])


def canonical_zone(zone: str) -> str:
    """Today's name of a zone: "Asia/Calcutta" is Asia/Kolkata, "US/Eastern" America/New_York,
    "Iran" Asia/Tehran. A country's own zone (zone.tab) stays itself; a name tz links across a
    border is mapped as cities.toml's [links] says; a link to no place ("UTC", "GMT") stays."""
    if zone in _countries_zones():
        return zone
    if zone in _moved():
        return _moved()[zone]
    target = _links().get(zone, zone)
    return target if target.partition("/")[0] in _REGIONS else zone


# tz's old names for Australian states by compass point (Australia/North, .../West): not places
# anyone types alone, and words that begin other names ("North Korea", "West Virginia").
_COMPASS = frozenset({"north", "south", "east", "west"})


@cache
def _zones_by_city() -> dict[str, str]:
    """A zone's city, in `_key` form, -> the zone by its current name. Countries' own zones
    first, so that a city shared by an old name goes to the zone of today."""
    cities: dict[str, str] = {}
    for zone in sorted(all_zones(), key=lambda z: (z not in _countries_zones(), z)):
        region, _, rest = zone.partition("/")
        city = _key(rest.rsplit("/", 1)[-1].replace("_", " "))
        if region in _REGIONS and rest and city not in _COMPASS:
            cities.setdefault(city, canonical_zone(zone))
    return cities


def is_valid_zone(name: str) -> bool:
    if name not in all_zones():
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _folded(text: str) -> str:
    """Lowercase, without accents: "München" → "munchen", "São Paulo" → "sao paulo"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_APOSTROPHES = re.compile(r"['\u2019\u2018`\u00b4\u02bc]")
_INITIAL_DOT = re.compile(r"(?<=\b\w)\.")  # "D.C." is DC: a dot after a lone letter


def _key(name: str) -> str:
    """A place name as looked up: folded, without apostrophes or dots, hyphens as spaces,
    "Saint" as "St": "St. John's" and "saint johns" are both "st johns", "Port-au-Prince" is
    "port au prince", "Washington D.C." is "washington dc"."""
    text = _APOSTROPHES.sub("", _folded(name))
    text = _INITIAL_DOT.sub("", text).replace(".", " ").replace("-", " ")
    return re.sub(r"\bsaint\b", "st", " ".join(text.split()))


def _normalise(text: str) -> str:
    return " ".join(text.strip().strip(".!?").split())


def resolve_zone(
    text: str,
    now: datetime,
    aliases: Mapping[str, str],
    preferred: Iterable[str] = (),
) -> ZoneGuess | None:
    """Best guess at the zone `text` describes, or None. `now` is aware (UTC)."""
    answer = _normalise(text)
    if not answer or len(answer) > 64:
        return None
    guess = _resolve(answer, now, aliases, preferred)
    # Saved and shown by today's name: "Calcutta" is Asia/Kolkata (the crisis lines, found by
    # country, know the zone only by that name).
    return ZoneGuess(canonical_zone(guess.zone), guess.how) if guess else None


def _resolve(
    answer: str, now: datetime, aliases: Mapping[str, str], preferred: Iterable[str]
) -> ZoneGuess | None:
    by_lower = {zone.lower(): zone for zone in all_zones()}
    as_zone = answer.replace(" ", "_").lower()
    if "/" in as_zone and as_zone in by_lower:
        return ZoneGuess(by_lower[as_zone], "name")
    # "Berlin, Germany", "St. John's, Newfoundland": the place before the comma.
    city = _key(_folded(answer).replace("_", " ").split(",")[0])
    keyed = {_key(name): zone for name, zone in aliases.items()}
    # Before tz's own short names: someone who types "EST" lives where summer time is kept,
    # and tz's "EST" is UTC-5 all year. "The Hague" as written; "the UK" as "UK".
    for name in (city, city.removeprefix("the ")):
        if name in keyed and is_valid_zone(keyed[name]):
            return ZoneGuess(keyed[name], "city")
    city = city.removeprefix("the ")
    if as_zone in by_lower:
        return ZoneGuess(by_lower[as_zone], "name")
    if city in _zones_by_city():
        return ZoneGuess(_zones_by_city()[city], "city")
    stated = _utc_offset(answer)
    if stated is not None:
        zone = zone_for_offset(stated, now, preferred)
        return ZoneGuess(zone, "offset") if zone else None
    for offset in _offsets_from_clock(answer, now):
        zone = zone_for_offset(offset, now, preferred, etc_fallback=False)
        if zone:
            return ZoneGuess(zone, "clock")
    return None


def guess_zone(text: str, now: datetime) -> ZoneGuess | None:
    """`resolve_zone` with the place names people type (bot/content/cities.toml), also as
    said in a sentence: "I'm in New York", "ok Lisbon", "Berlin time please", "london uk"
    (the place without the words before and after it, `place.openers` and `place.closers`,
    then without a last word, most often the country); a town in a US state or a Canadian
    province ("Paris, TX", "Paris Texas": [states]) in that state's zone; and last, a place
    misspelt by a letter ("Londn", `_near_miss`)."""
    cities = shared_data("cities")
    said = _as_said(text, cities["place"])
    for place in said:
        state = _in_a_state(place, cities["states"])
        if state is not None:
            return ZoneGuess(state, "city")
        guess = resolve_zone(place, now, cities["aliases"], cities["offsets"]["preferred"])
        if guess is not None:
            return guess
    if several_zones(text) is not None:  # "Russia" is no misspelt "Austria": a city is asked
        return None
    for place in said:
        near = _near_miss(place)
        if near is not None:
            return ZoneGuess(canonical_zone(near), "city")
    return None


def place_named(text: str, now: datetime) -> ZoneGuess | None:
    """The zone of a place that is the whole of `text` ("Tokyo", "New York", "Paris, TX"),
    with nothing dropped around it and no misspelling forgiven: where typed words may as well
    be a name or a story ("Jordan left" is no Jordan), only a place said as such counts."""
    state = _in_a_state(text, shared_data("cities")["states"])
    if state is not None:
        return ZoneGuess(state, "city")
    cities = shared_data("cities")
    guess = resolve_zone(text, now, cities["aliases"], cities["offsets"]["preferred"])
    return guess if guess is not None and guess.how in ("city", "name") else None


def several_zones(text: str) -> str | None:
    """The country named in `text` when it has several time zones ("USA", "I'm in Canada"),
    as it is said back ("the US"): a city is asked for, not guessed. None for anything else."""
    cities = shared_data("cities")
    several = {_key(name): str(shown) for name, shown in cities["several"].items()}
    for place in _as_said(text, cities["place"]):
        key = _key(place)
        for name in (key, key.removeprefix("the ")):
            if name in several:
                return several[name]
    return None


def _in_a_state(place: str, states: Mapping[str, Mapping[str, str]]) -> str | None:
    """The zone of a US state or Canadian province named alone ("Texas") or after a town
    ("Paris, TX", "Paris Texas", "Portland, Maine"): by its name, or by its two letters after
    a comma only ("Berlin ok" is no Oklahoma). None if no state is named so."""
    names = {_key(n): z for n, z in states["names"].items()}
    letters = {_key(n): z for n, z in states["letters"].items()}
    town, comma, after = place.rpartition(",")
    if comma and town.strip():
        key = _key(after)
        found = names.get(key) or letters.get(key)
        if found is not None:
            return found
    key = _key(place)
    if key in names:
        return names[key]
    words = key.split()
    for size in (2, 1):  # "Paris New Mexico", "Paris Texas": a town, then a state's name
        town = " ".join(words[:-size])
        if len(words) > size and " ".join(words[-size:]) in names and town not in _COMPASS:
            return names[" ".join(words[-size:])]
    return None


@cache
def _place_names() -> dict[str, str]:
    """Every place name looked up (aliases, the zones' cities, states' names) -> its zone:
    what a misspelt name is compared with."""
    cities = shared_data("cities")
    names = {_key(n): str(z) for n, z in cities["aliases"].items()}
    names |= {_key(n): str(z) for n, z in cities["states"]["names"].items()}
    for city, zone in _zones_by_city().items():
        names.setdefault(city, zone)
    return {n: z for n, z in names.items() if len(n) >= 4}


def _near_miss(place: str) -> str | None:
    """The zone of the one place name `place` is a letter or two from ("Londn", "Lisbn"):
    names of five letters or more, of up to three words, alike enough that a typo is the
    likely reading (the person confirms the guess anyway)."""
    key = _key(place)
    if len(key) < 5 or len(key.split()) > 3 or any(ch.isdigit() for ch in key):
        return None
    close = get_close_matches(key, list(_place_names()), n=2, cutoff=0.85)
    if not close:
        return None
    zones = {_place_names()[name] for name in close}
    return zones.pop() if len(zones) == 1 else None  # two places as near: no guess


def _as_said(text: str, words: Mapping[str, Iterable[str]]) -> list[str]:
    """`text`, then the place in it: without the openers it starts with ("ok", "actually",
    "I'm in", "nope,"), and the closers it ends with ("time please"), and that without its
    last word. A time of day is tried whole: "9:15 pm" is never "9:15"."""
    openers = sorted((str(o) for o in words["openers"]), key=len, reverse=True)
    closers = sorted((str(o) for o in words["closers"]), key=len, reverse=True)
    answer = _normalise(text)
    tried = [answer]
    place = answer
    for _ in range(4):  # "no, actually I'm in London"
        lowered = place.lower().replace("\u2019", "'")
        opener = next((o for o in openers if re.match(rf"{re.escape(o)}[,.:!]*\s", lowered)), None)
        if opener is None:
            break
        place = place[len(opener) :].lstrip(",.:! ").strip()
        tried.append(place)
    for _ in range(3):  # "Berlin time please"
        lowered = place.lower().rstrip(",.!")
        closer = next((c for c in closers if lowered.endswith(" " + c)), None)
        if closer is None:
            break
        place = place.rstrip(",.!")[: -len(closer)].rstrip(" ,")
        tried.append(place)
    if len(place.split()) > 1 and parse_clock(place) is None:
        tried.append(place.rsplit(" ", 1)[0].rstrip(","))
    return [t for t in dict.fromkeys(tried) if t]


def _utc_offset(answer: str) -> timedelta | None:
    match = _UTC_OFFSET.match(answer.lower())
    if not match:
        return None
    minutes = int(match["h"]) * 60 + int(match["m"] or 0)
    if minutes > 14 * 60:
        return None
    return timedelta(minutes=minutes if match["sign"] == "+" else -minutes)


def parse_clock(answer: str) -> tuple[int, int] | None:
    """`21:40`, `9.40pm`, `9 pm`, `21h40` → (hour, minute); None if it is not a time."""
    match = _CLOCK.match(_normalise(answer))
    if not match:
        return None
    hour, minute = int(match["h"]), int(match["m"] or 0)
    if match["ampm"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["ampm"].lower().startswith("p") else 0)
    elif match["m"] is None:
        return None  # a bare number ("9") is too ambiguous to be a time
    if hour > 23 or minute > 59:
        return None
    return hour, minute


def _offsets_from_clock(answer: str, now: datetime) -> list[timedelta]:
    """The UTC offsets at which it is now the stated time, most likely first."""
    clock = parse_clock(answer)
    if clock is None:
        return []
    diff = (clock[0] * 60 + clock[1]) - (now.hour * 60 + now.minute)
    # Offsets are whole quarter hours; the person's clock may be a minute or two off.
    quarter = round(diff / 15) * 15 % (24 * 60)
    # A clock cannot tell UTC-11 from UTC+13: both show the same time. Real offsets run from
    # -12:00 to +14:00, so a reading may fit twice; prefer where people live (New Zealand,
    # Tonga, Fiji over Niue and Samoa; Hawaii over Kiritimati). The person confirms anyway.
    readings = [quarter, quarter - 24 * 60]
    readings = [m for m in readings if -12 * 60 <= m <= 14 * 60]
    readings.sort(key=lambda m: (m < -10 * 60 and m + 24 * 60 <= 14 * 60, abs(m)))
    return [timedelta(minutes=m) for m in readings]


def zone_for_offset(
    offset: timedelta, now: datetime, preferred: Iterable[str], *, etc_fallback: bool = True
) -> str | None:
    """A zone whose UTC offset is `offset` at `now`: the first preferred one, else the first
    regional zone in alphabetical order."""
    for zone in preferred:
        if is_valid_zone(zone) and now.astimezone(ZoneInfo(zone)).utcoffset() == offset:
            return zone
    for zone in sorted(all_zones()):
        regional = zone.partition("/")[0] in _REGIONS and is_valid_zone(zone)
        if regional and now.astimezone(ZoneInfo(zone)).utcoffset() == offset:
            return zone
    if etc_fallback and offset.total_seconds() % 3600 == 0 and abs(offset) <= timedelta(hours=12):
        hours = int(offset.total_seconds() // 3600)
        # POSIX sign convention: Etc/GMT-2 is two hours *ahead* of UTC.
        return "Etc/GMT" if hours == 0 else f"Etc/GMT{-hours:+d}"
    return None


def local_now(zone: str, now: datetime) -> datetime:
    return now.astimezone(ZoneInfo(zone))
