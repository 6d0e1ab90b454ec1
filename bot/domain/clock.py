"""Local wall-clock times and real elapsed time, the way people mean them.

Rules (DESIGN.md): zones are IANA names and local times go through `zoneinfo`; a local time
that does not exist (the spring-forward gap) moves to the next valid minute; an ambiguous one
(the fall-back hour) is taken at its first occurrence; "N hours later" is N real hours, computed
in UTC (aware `+ timedelta` is wall-clock arithmetic and would be off by the DST shift).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.domain.timezones import parse_clock

MAX_PLAN_AHEAD = timedelta(days=14)
MIN_PLAN_AHEAD = timedelta(minutes=5)


def zone_of(name: str | None) -> ZoneInfo:
    return ZoneInfo(name or "UTC")


def exists(local: datetime) -> bool:
    """Whether an aware local time (fold 0) is a time the wall clock actually shows."""
    round_trip = local.astimezone(UTC).astimezone(local.tzinfo)
    return round_trip.replace(tzinfo=None) == local.replace(tzinfo=None)


def at_local(day: date, clock: time, zone: ZoneInfo) -> datetime:
    """The UTC instant at which the wall clock in `zone` shows `clock` on `day`.

    In a gap the next valid minute is used; in an overlap, the first occurrence.
    """
    local = datetime.combine(day, clock.replace(second=0, microsecond=0), tzinfo=zone)
    for _ in range(24 * 60):  # gaps are at most a few hours; this always ends much sooner
        if exists(local):
            return local.replace(fold=0).astimezone(UTC)
        naive = local.replace(tzinfo=None) + timedelta(minutes=1)
        local = naive.replace(tzinfo=zone)
    raise ValueError(f"no valid local time near {day} {clock} in {zone}")


def later_by(now: datetime, hours: float) -> datetime:
    """N real hours after `now`, whatever the clocks do meanwhile."""
    return (now.astimezone(UTC) + timedelta(hours=hours)).astimezone(UTC)


def next_local(now: datetime, clock: time, zone: ZoneInfo, *, min_ahead: timedelta) -> datetime:
    """The first time `clock` comes round in `zone` at least `min_ahead` after `now`."""
    today = now.astimezone(zone).date()
    for offset in range(3):
        due = at_local(today + timedelta(days=offset), clock, zone)
        if due >= now + min_ahead:
            return due
    raise ValueError("unreachable: a clock time comes round within two days")


_IN = re.compile(
    r"^in\s+(?P<n>\d{1,3}(?:[.,]\d)?|an?|half an)\s*(?P<unit>h|hr|hrs|hours?|m|min|mins|minutes?)$"
)
_DAYWORD = re.compile(r"^(?P<day>today|tonight|tomorrow)(?:\s+(?:at\s+)?(?P<clock>.+))?$")


def parse_when(text: str, now: datetime, zone: ZoneInfo) -> datetime | None:
    """When a person means by "20:30", "tomorrow 9am", "tonight at 10pm" or "in 2 hours".

    Returns the UTC instant, or None if the text is not a time. The caller checks the range
    (not in the past, not too far ahead).
    """
    answer = " ".join(text.lower().strip().strip(".!").split())
    if not answer:
        return None
    match = _IN.match(answer)
    if match:
        amount = match["n"]
        if amount in ("a", "an"):
            value = 1.0
        elif amount == "half an":
            value = 0.5
        else:
            value = float(amount.replace(",", "."))
        hours = value if match["unit"].startswith("h") else value / 60
        return later_by(now, hours)
    match = _DAYWORD.match(answer)
    local_today = now.astimezone(zone).date()
    if match:
        day = local_today + timedelta(days=1 if match["day"] == "tomorrow" else 0)
        if match["clock"] is None:
            return at_local(day, time(20 if match["day"] == "tonight" else 19), zone)
        clock = parse_clock(match["clock"])
        if clock is None:
            return None
        return at_local(day, time(*clock), zone)
    clock = parse_clock(answer.removeprefix("at ").strip())
    if clock is None:
        return None
    return next_local(now, time(*clock), zone, min_ahead=timedelta(0))
