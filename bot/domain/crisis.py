"""Help now: the emergency number and crisis lines for where the person is, and the reply
that every danger answer gives (the safety screen, and "it doesn't feel safe to raise")."""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import cache
from importlib import resources
from pathlib import Path

from bot.content import Catalogue, shared_data
from bot.domain.replies import Button, Reply, rows

HELPLINES_URL = "https://findahelpline.com"


@cache
def _zone_countries() -> dict[str, str]:
    """IANA zone -> ISO country code, from the tz database's zone.tab."""
    text = ""
    try:
        text = (resources.files("tzdata") / "zoneinfo" / "zone.tab").read_text()
    except (ModuleNotFoundError, FileNotFoundError):
        system = Path("/usr/share/zoneinfo/zone.tab")
        text = system.read_text() if system.exists() else ""
    countries: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            if len(parts) >= 3:
                countries[parts[2]] = parts[0]
    return countries


def country_of(zone: str | None) -> str | None:
    return _zone_countries().get(zone or "")


def help_lines(zone: str | None) -> tuple[str, list[str]]:
    data = shared_data("crisis")
    entry = data.get(country_of(zone) or "", data["default"])
    return str(entry["emergency"]), [str(line) for line in entry["lines"]]


SCREEN, SOS, UNSAFE_TO_RAISE = "danger", "danger_sos", "danger_unsafe"


def danger_reply(c: Catalogue, zone: str | None, why: str = SCREEN, quiet: bool = False) -> Reply:
    """Care first, then where to get help now. No button dismisses it: the only button opens
    a helpline directory. `why`: the screen read danger, /sos asked for help, or raising the
    moment doesn't feel safe; the same help, with words that fit how it was reached. `quiet`:
    it also says reminders hold back for a while (see `quiet_until`)."""
    emergency, lines = help_lines(zone)
    where = c.text("safety.help", emergency=emergency, lines="\n".join(lines))
    text = c.text(f"safety.{why}", help=where)
    if quiet:
        text = f"{text}\n\n{c.text('safety.quiet_day')}"
    return Reply(text, rows(Button(c.text("moment.find_helpline"), url=HELPLINES_URL)))


# After danger (or /sos) the cheerful evening card and nudges about other moments would jar:
# the person's reminders hold back for a day, as a pause they chose would (and /settings ends).
QUIET_FOR = timedelta(hours=24)


def quiet_until(now: datetime, paused_until: datetime | None) -> datetime | None:
    """Until when reminders hold back after danger; None if already paused at least as long."""
    until = now + QUIET_FOR
    return None if paused_until is not None and paused_until >= until else until


def concern_reply(c: Catalogue, about_self: bool = False) -> Reply:
    """The gentle check: about anger at someone, or about how heavy things feel for oneself."""
    return Reply(c.text("safety.concern_self" if about_self else "safety.concern"))
