"""Help now: the emergency number and crisis lines for where the person is, and the reply
that every danger answer gives (the safety screen, and "it doesn't feel safe to raise"), and
the gentle check's words after a concern."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache, lru_cache

from bot.content import Catalogue, shared_data
from bot.domain.replies import Button, Reply, rows
from bot.domain.safety import ABOUT_ANGER, ABOUT_SELF, ABOUT_THEM, Screen, about_oneself
from bot.domain.small_talk import Phrases, bare, bare_phrases_of, made_of, words
from bot.domain.timezones import canonical_zone, tz_file

HELPLINES_URL = "https://findahelpline.com"


@cache
def _zone_countries() -> dict[str, str]:
    """IANA zone -> ISO country code, from the tz database's zone.tab."""
    countries: dict[str, str] = {}
    for line in tz_file("zone.tab").splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            if len(parts) >= 3:
                countries[parts[2]] = parts[0]
    return countries


def country_of(zone: str | None) -> str | None:
    """The country of a zone, also by an old name a person's row may still hold ("Asia/Calcutta"
    is India's Asia/Kolkata; new answers are saved by today's name)."""
    if not zone:
        return None
    return _zone_countries().get(zone) or _zone_countries().get(canonical_zone(zone))


CRISIS, VIOLENCE, ANY = "crisis", "violence", "any"  # what a line is for (crisis.toml)


def help_lines(zone: str | None, why: str | None = None) -> tuple[str, list[str]]:
    """The emergency number and helplines where the person is, fitted to `why`: self-harm
    gets the crisis lines (a violence line there answers something not said), violence and
    fear of a partner every line with theirs first; "it doesn't feel safe to raise" every
    line, those for anyone before those only for women or men; /sos, or no `why`, every line
    as listed."""
    data = shared_data("crisis")
    entry = data.get(country_of(zone) or "", data["default"])
    lines = [_kind_and_text(line) for line in entry["lines"]]
    if why == SCREEN_SELF:
        lines = [line for line in lines if line[0] != VIOLENCE] or lines
    elif why == SCREEN:
        # stable: theirs first, and of those a line for anyone before one for women or men
        lines = sorted(lines, key=lambda line: (line[0] != VIOLENCE, line[1] != ANYONE))
    elif why == UNSAFE_TO_RAISE:
        # Nothing was said, about what or whom: a line for anyone first (a violence line, then
        # the rest), one only for women or men after them all.
        lines = sorted(lines, key=lambda line: (line[1] != ANYONE, line[0] != VIOLENCE))
    return str(entry["emergency"]), [text for _, _, text in lines]


ANYONE = ""  # a line's `who` (crisis.toml) when it is not only for women, or only for men


def _kind_and_text(line: object) -> tuple[str, str, str]:
    """A line's kind, whom it is for (`ANYONE`, "women" or "men") and its text."""
    if isinstance(line, dict):
        return str(line.get("kind", ANY)), str(line.get("who", ANYONE)), str(line["text"])
    return ANY, ANYONE, str(line)


SCREEN, SOS, UNSAFE_TO_RAISE = "danger", "danger_sos", "danger_unsafe"
SCREEN_SELF = "danger_self"  # the screen read self-harm or suicide: words about oneself
FORWARDED = "danger_forwarded"  # the words of danger were forwarded: someone else's


def screen_why(result: Screen) -> str:
    """Which danger reply fits what the screen read: about oneself, or about someone else."""
    return SCREEN_SELF if about_oneself(result) else SCREEN


def danger_reply(
    c: Catalogue,
    zone: str | None,
    why: str = SCREEN,
    quiet: bool = False,
    evening_on: bool = True,
    forwarded: bool = False,
) -> Reply:
    """Care first, then where to get help now. No button dismisses it: the only button opens
    a helpline directory. `why`: the screen read danger (from others, or to oneself: see
    `screen_why`), /sos asked for help, or raising the moment doesn't feel safe; help, with
    words and lines that fit how it was reached. `quiet`:
    it also says reminders hold back for a while (see `quiet_until`), the evening check-in
    named only to someone who has it on (`evening_on`). `forwarded`: the words were someone
    else's (a forwarded message), so the care is for a person worried about them, with the
    lines that fit what they said."""
    emergency, lines = help_lines(zone, why)
    help_key, key = ("help_forwarded", FORWARDED) if forwarded else ("help", why)
    where = c.text(f"safety.{help_key}", emergency=emergency, lines="\n".join(lines))
    text = c.text(f"safety.{key}", help=where)
    if quiet:
        held = "safety.quiet_day" if evening_on else "safety.quiet_day_no_evening"
        text = f"{text}\n\n{c.text(held)}"
    return Reply(text, rows(Button(c.text("moment.find_helpline"), url=HELPLINES_URL)))


def after_danger_reply(c: Catalogue, zone: str | None, name: str, said: str = "") -> Reply:
    """Words sent outside any flow in the quiet day after danger (or /sos): not a moment to
    repair (CONTENT.md: no coaching to repair with someone who harms them), but care and the
    same help again, its only button the helpline directory. /moment still looks at another
    moment, asked for by name. What was `said` is read: thanks, "I'm ok now", "I called my
    sister" (`after_words`) get a short warm answer that says where help is, not the block
    again."""
    find = rows(Button(c.text("moment.find_helpline"), url=HELPLINES_URL))
    short = after_words(said, c)
    if short is not None:
        return Reply(c.text(short, name=name), find)
    emergency, lines = help_lines(zone, SCREEN)
    where = c.text("safety.help", emergency=emergency, lines="\n".join(lines))
    return Reply(c.text("safety.after_danger", name=name, help=where), find)


def after_words(said: str, c: Catalogue) -> str | None:
    """The short answer (a content key) to words in the quiet day after danger that are
    wholly thanks, being ok, or having reached someone (`safety.after_*`): whom they reached
    first, then being ok, then thanks. None for anything more: "thanks but I still don't know
    what to do", or "I called him" (who knows whom), get care and help again."""
    said_words = tuple(bare(w) for w in words(said))
    reached = _reached_someone(c)
    okay = bare_phrases_of(c, "safety.after_okay")
    thanks = bare_phrases_of(c, "safety.after_thanks")
    joins = bare_phrases_of(c, "safety.after_joins")
    if not made_of(said_words, (*reached, *okay, *thanks), joins):
        return None
    for kind, key in ((reached, "reached"), (okay, "okay")):
        if made_of(said_words, kind, (*reached, *okay, *thanks, *joins)):
            return f"safety.after_danger_{key}"
    return "safety.after_danger_thanks"


@lru_cache(maxsize=8)
def _reached_someone(c: Catalogue) -> Phrases:
    """Having reached someone, as phrases: "i called" + "my sister" (`safety.after_reached`,
    `safety.after_reached_who`), built once per catalogue."""
    return tuple(
        reached + who
        for reached in bare_phrases_of(c, "safety.after_reached")
        for who in bare_phrases_of(c, "safety.after_reached_who")
    )


# After danger (or /sos) the cheerful evening card and nudges about other moments would jar:
# they hold back for a day. A talk the person planned is still asked about.
QUIET_FOR = timedelta(hours=24)


def quiet_until(now: datetime, current: datetime | None) -> datetime:
    """Until when the evening card and nudges hold back after danger: a day from now, or
    longer if an earlier danger reply already holds them longer. Kept apart from a pause the
    person chose, which /resume ends sooner."""
    until = now + QUIET_FOR
    return max(until, current) if current is not None else until


@dataclass(frozen=True)
class EndQuiet:
    """The person asked for their reminders back (/resume): the quiet day is over."""


# "It hasn't been needed lately" (a check-in that stops itself after a run left alone) is not
# for someone in a crisis: not within this long after the quiet day after danger.
NO_STOPPING_AFTER = timedelta(days=7)


def danger_recently(now: datetime, quiet_until: datetime | None) -> bool:
    """Whether a danger reply's quiet day (`quiet_until` as kept) ended within
    NO_STOPPING_AFTER, or has not ended yet."""
    return quiet_until is not None and now - quiet_until < NO_STOPPING_AFTER


def is_quiet(now: datetime, quiet_until: datetime | None) -> bool:
    """Within the quiet day after danger (`quiet_until` as kept for the person)."""
    return quiet_until is not None and now < quiet_until


CHECKS = {ABOUT_ANGER: "concern", ABOUT_SELF: "concern_self", ABOUT_THEM: "concern_them"}


def concern_reply(c: Catalogue, about: str = ABOUT_ANGER) -> Reply:
    """The gentle check: about anger at someone, about how heavy things feel for oneself, or
    about the person's safety with someone whose behaviour they described (`safety.ABOUT_*`)."""
    return Reply(c.text(f"safety.{CHECKS.get(about, CHECKS[ABOUT_SELF])}"))
