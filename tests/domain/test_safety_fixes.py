"""Fixes from reviews: help that assumes nothing about who is asking."""

from __future__ import annotations

from bot.content import catalogue, shared_data
from bot.domain import crisis

ZONES = {
    "US": "America/New_York",
    "CA": "America/Toronto",
    "GB": "Europe/London",
    "IE": "Europe/Dublin",
    "DE": "Europe/Berlin",
    "AT": "Europe/Vienna",
    "CH": "Europe/Zurich",
    "FR": "Europe/Paris",
    "NL": "Europe/Amsterdam",
    "ES": "Europe/Madrid",
    "IT": "Europe/Rome",
    "AU": "Australia/Sydney",
    "NZ": "Pacific/Auckland",
    "IN": "Asia/Kolkata",
}


def _for_whom(line: object) -> str:
    return str(line.get("who", "")) if isinstance(line, dict) else ""


def test_every_country_listed_has_a_zone_here():
    assert set(shared_data("crisis")) - {"default"} == set(ZONES)


def test_not_safe_to_raise_never_opens_with_a_line_for_women_or_men_only():
    """CONTENT.md: that reply assumes nothing, so a line for one gender is never first, and
    every country with one also lists a line for anyone."""
    data = shared_data("crisis")
    for country, zone in ZONES.items():
        gendered = {str(line["text"]) for line in data[country]["lines"] if _for_whom(line)}
        shown = crisis.help_lines(zone, crisis.UNSAFE_TO_RAISE)[1]
        assert shown[0] not in gendered, country
        assert any(line not in gendered for line in shown), country


def test_lines_for_women_only_are_marked_as_such():
    data = shared_data("crisis")
    for entry in data.values():
        for line in entry["lines"]:
            text = str(line["text"]).lower()
            if any(word in text for word in ("women", "frauen", "femmes", "género")):
                assert _for_whom(line) == "women", text


def test_jonas_in_germany_hears_of_a_line_for_men_too():
    c = catalogue("en")
    reply = crisis.danger_reply(c, "Europe/Berlin", crisis.UNSAFE_TO_RAISE).text
    assert "Hilfetelefon Gewalt an Männern: 0800 1239900" in reply
    assert reply.index("TelefonSeelsorge") < reply.index("116 016")
    violence = crisis.danger_reply(c, "Europe/Berlin", crisis.SCREEN).text
    assert violence.index("116 016") < violence.index("TelefonSeelsorge")
    assert violence.index("0800 1239900") < violence.index("TelefonSeelsorge")
    self_harm = crisis.danger_reply(c, "Europe/Berlin", crisis.SCREEN_SELF).text
    assert "0800 1239900" not in self_harm and "116 016" not in self_harm
