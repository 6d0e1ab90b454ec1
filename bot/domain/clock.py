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

from bot.domain.spoken_times import in_digits, spoken_clock
from bot.domain.timezones import parse_clock

MAX_PLAN_AHEAD = timedelta(days=14)
MIN_PLAN_AHEAD = timedelta(minutes=5)
# What "In a few hours" means until a person sets it (/settings): the button's length, and so
# that of "a few hours" typed where their settings are at hand (`parse_when`'s `few_hours`).
FEW_HOURS = 3
# The preset times: "This evening", and "Tomorrow evening" (also any day typed with no time).
TONIGHT_AT, EVENING_AT = time(20, 0), time(19, 0)
# Before this local time a person still up counts the night as the day before: at 00:30 on
# Thursday, "tomorrow" means Thursday; a repair bid then offers "tomorrow evening", not
# "later tonight".
NIGHT_ENDS = time(5, 0)


def their_day(local: datetime) -> date:
    """The person's day at local time `local`: in the small hours, still the one before."""
    return local.date() - timedelta(days=1) if local.time() < NIGHT_ENDS else local.date()


# "Tonight" said once its hour has passed (or is minutes away) is later tonight: the next
# half hour at least this far ahead, while the night lasts (`parse_when`'s `night_until`).
LATER_TONIGHT_AHEAD = timedelta(minutes=15)
LATER_TONIGHT_STEP = 30  # minutes: "later tonight" at 22:40 is 23:00

# Parts of a day a person may type instead of a time ("tomorrow morning").
DAY_PARTS = {
    "morning": time(9, 0),
    "afternoon": time(14, 0),
    "evening": EVENING_AT,
    "night": TONIGHT_AT,
}


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


def same_wall_clock(instant: datetime, before: ZoneInfo, after: ZoneInfo) -> datetime:
    """The UTC instant at which the wall clock in `after` shows what the one in `before`
    showed at `instant`: the same local date and time (seconds kept), by `at_local`'s rules
    (a time `after` skips is its next valid minute; one it shows twice, the first)."""
    local = instant.astimezone(before)
    minute = at_local(local.date(), local.time(), after)
    return minute + timedelta(seconds=local.second, microseconds=local.microsecond)


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


_IN_TIME = re.compile(
    r"^in\s+(?P<n>\d{1,3}(?:[.,]\d)?|an?|half an)\s*(?P<unit>h|hr|hrs|hours?|m|min|mins|minutes?)$"
)
_IN_DAYS = re.compile(r"^in\s+(?P<n>\d{1,2}|an?|one|two|three)\s*(?P<unit>d|days?|w|wks?|weeks?)$")
_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}
_WEEKDAYS = {
    name: index
    for index, names in enumerate(
        (
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "weds", "wednesday"),
            ("thu", "thur", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        )
    )
    for name in names
}
# "after work" stands for this part (`_EVERYDAY`): the evening, EVENING_AT, on any day, even
# the one that "this evening" (TONIGHT_AT) would make of "today after work".
_AFTER_WORK = "afterwork"
# "tonight" is its own part: the "This evening" button's time.
_PART_AT = {**DAY_PARTS, "tonight": TONIGHT_AT, _AFTER_WORK: EVENING_AT}
_PARTS = (*DAY_PARTS, _AFTER_WORK)
# "am"/"pm" straight after a day ("tmrw am") name its morning or afternoon.
_HALF_DAYS = {"am": "morning", "a.m": "morning", "pm": "afternoon", "p.m": "afternoon"}
_AFTER_NOON = ("afternoon", "evening", "night", "tonight", _AFTER_WORK)
_LATE = ("night", "tonight")  # where a bare 12 or 1-4 could be either side of midnight
_BARE_HOUR = re.compile(r"^\d{1,2}$")
_AM_PM = re.compile(r"[ap]\.?\s*m\.?$")


def parse_when(
    text: str,
    now: datetime,
    zone: ZoneInfo,
    *,
    few_hours: int = FEW_HOURS,
    night_until: time | None = None,
    leading: bool = False,
) -> datetime | None:
    """When a person means by what they type; the UTC instant, or None if it is not a time.
    With `leading`, where a time is asked for: the time phrase that opens the words, when what
    follows says no other time and takes nothing back ("saturday morning over coffee" is
    Saturday morning; see `time_words`).

    The caller checks the range (not in the past, not too far ahead: `too_far`). `few_hours`:
    what "a few hours" is for them (their "In a few hours" setting). `night_until`: when their
    night begins (their quiet hours' start; midnight if that is in the small hours or None).
    Rules:

    - "in 2 hours", "in 45 min", "in an hour": real time from now.
    - A day, a time, or both, in either order ("tomorrow at 8", "10am saturday", "on sat
      10:00"). Days: today, tonight, this evening/morning/afternoon, tomorrow, the day after
      tomorrow, a weekday name or its short form, "next <weekday>", "in 3 days", "in a week",
      "next week" (the same weekday a week on), optionally followed by morning, afternoon,
      evening or night ("tomorrow morning"), or am/pm for the morning or afternoon ("tmrw am").
    - Tomorrow shortened or misspelt ("tmrw", "2moro", "tomorow"); "a couple" of hours, days
      or weeks is 2; "a few" hours is `few_hours`, as the "In a few hours" button, and a few
      days or weeks 3; "arvo" is the afternoon.
    - A day with no time is its evening, as the "Tomorrow evening" button: EVENING_AT (19:00);
      "tonight" and "this evening" are TONIGHT_AT (20:00), as the "This evening" button.
      Morning is 09:00, afternoon 14:00, night 20:00.
    - "Tonight" ("later tonight", "this evening") with no time, once TONIGHT_AT is past or
      less than MIN_PLAN_AHEAD away, is later tonight: the next half hour at least
      LATER_TONIGHT_AHEAD on ("tonight" at 22:40 is 23:00), if that is not past `night_until`
      or midnight. If it is, it stays the TONIGHT_AT gone by (`late_for_tonight` says why).
    - A weekday is the next one to come: today if the time is still ahead, else a week on.
      "next <weekday>" is never today.
    - In the small hours (before NIGHT_ENDS) the person's day is still the one before, so days
      counted from it ("tomorrow", "the day after tomorrow", "in 2 days") start there: at 00:30
      on Thursday "tomorrow" is Thursday. "Today", "tonight" and weekdays are dates as ever.
    - A bare hour ("8", "at 8") is read the way people say it: 1 to 7 mean the afternoon or
      evening (nobody plans a talk for 3 a.m.); 8 to 11 mean the morning unless that has passed
      on the day, or an evening word says otherwise ("tonight at 8" is 20:00); 12 to 23 as on a
      24-hour clock. So is a time said as it is aloud ("half 9", "twenty past nine", "seven
      thirty", "tomorrow at nine": `spoken_times`). An hour with minutes in digits and no
      am/pm ("8:30") is a 24-hour time, except after an afternoon or evening word.
    - A time with no day is its next occurrence, today or tomorrow.
    - Everyday words: "after dinner" is the night (20:00), "after work" the evening (19:00, on
      any day: "today after work" too), "lunch" noon, "after lunch" the afternoon. "This
      weekend" is the coming Saturday, or what is left of the weekend during it; "next
      weekend" said at the weekend is the one after; "after the weekend" is the Monday to
      come (its evening, as any day with no time).
    """
    # Words to digits on the whole message at once: "one" alone is 1, but not in "one day".
    text = in_digits(text.lower())
    if leading:
        text = time_words(text, now, zone, few_hours=few_hours)
    read = _read(text, now, zone, few_hours)
    if read is None:
        return None
    options, tonight = read
    if tonight and options[0] < now + MIN_PLAN_AHEAD:
        later = _later_tonight(now, zone, night_until)
        return later if later is not None else options[0]
    ahead = [due for due in options if due > now]
    return ahead[0] if ahead else options[0]


# Words after a time phrase that take it back or make it no plan ("saturday morning is not
# good", "saturday, no sunday"): then the words are not read as that time.
_TAKEN_BACK = re.compile(
    r"\b(?:not|no|nope|nah|never|cannot|instead|rather|unless|except)\b|n'?t\b|\?"
)
# A number before these counts something ("2 days ago", "3 times"): no clock time.
_COUNTED = re.compile(
    r"(?:hours?|hrs?|days?|weeks?|wks?|months?|years?|minutes?|mins?|times|ago|of|people)\b"
)
_AFTER_WORDS = 12  # words at most, for a time phrase with more after it
_LOOKED_AT = 4  # words at most in a time phrase (and in one looked for in what follows)


def time_words(text: str, now: datetime, zone: ZoneInfo, *, few_hours: int = FEW_HOURS) -> str:
    """The words of `text` that say when: all of it if it reads as a time (or nothing in it
    does), else the longest time phrase it opens with, if the rest says no other time ("or
    sunday": which, then?) and takes nothing back ("is not good"). "saturday morning over
    coffee", "saturday morning when he's home" -> "saturday morning"; "not saturday",
    "coffee on saturday" -> as typed (no time, read as such)."""
    if _read(text, now, zone, few_hours) is not None:
        return text
    words = text.split()
    if len(words) > _AFTER_WORDS:
        return text
    for k in range(min(len(words) - 1, _LOOKED_AT), 0, -1):
        head, rest = " ".join(words[:k]), words[k:]
        if _read(head, now, zone, few_hours) is None:
            continue
        if _TAKEN_BACK.search(" ".join(rest).lower()):
            return text
        if head[-1].isdigit() and _COUNTED.match(rest[0].lower()):
            return text  # "2 days ago": a count, not 2 o'clock
        windows = (
            " ".join(rest[i : i + n])
            for i in range(len(rest))
            for n in range(1, _LOOKED_AT + 1)
            if i + n <= len(rest)
        )
        if any(_read(w, now, zone, few_hours) is not None for w in windows):
            return text  # another time said after it
        return head
    return text


def late_for_tonight(
    text: str, now: datetime, zone: ZoneInfo, *, night_until: time | None = None
) -> bool:
    """Whether `text` says "tonight" with no time (see `parse_when`) when tonight has no time
    left for it: past its hour, and too near `night_until` or midnight for later tonight. Not
    a time that has passed (a person saying it most likely means later tonight): the caller
    asks, gently, for another. Read as `parse_when` reads it with `leading`."""
    text = time_words(in_digits(text.lower()), now, zone)
    read = _read(text, now, zone, FEW_HOURS)
    if read is None or not read[1] or read[0][0] >= now + MIN_PLAN_AHEAD:
        return False
    return _later_tonight(now, zone, night_until) is None


def _read(
    text: str, now: datetime, zone: ZoneInfo, few_hours: int
) -> tuple[list[datetime], bool] | None:
    """The instants `text` may mean, in order of preference, and whether it said "tonight"
    with no time (see `parse_when`); None if it is not a time."""
    answer = _answer(text, few_hours)
    if not answer:
        return None
    from_now = in_real_time(answer, now)
    if from_now is not None:
        return [from_now], False
    local = now.astimezone(zone)
    today = local.date()
    words = answer.split()
    # Still up after midnight: the day words count from is the one they have not slept on.
    found = _with_day(words, today, their_day(local))
    if found is None:
        times = _times(words, None)
        if times is None:
            return None
        found = (today, today + timedelta(days=1)), times, False
    days, times, tonight = found
    return [at_local(day, clock, zone) for day in days for clock in times], tonight


def _later_tonight(now: datetime, zone: ZoneInfo, night_until: time | None) -> datetime | None:
    """The next half hour at least LATER_TONIGHT_AHEAD after `now`, if tonight still has it:
    not past `night_until` (when that is in the evening) nor midnight. None if not."""
    local = now.astimezone(zone).replace(tzinfo=None, second=0, microsecond=0)
    soonest = local + LATER_TONIGHT_AHEAD + timedelta(minutes=1 if now.second else 0)
    slot = soonest + timedelta(minutes=-soonest.minute % LATER_TONIGHT_STEP)
    ends = night_until if night_until is not None and night_until > NIGHT_ENDS else None
    if local.time() < NIGHT_ENDS or slot.date() != local.date():
        return None  # in the small hours "tonight" is the coming evening; past midnight, gone
    if ends is not None and slot.time() >= ends:
        return None  # their night begins at `ends`: its first minute is already quiet
    return at_local(slot.date(), slot.time(), zone)


# Everyday words for a time of day, read as the part of the day or the time they stand for:
# "tomorrow after work" is tomorrow evening, "lunch on friday" is Friday at noon.
_EVERYDAY = (
    (re.compile(r"\bafter lunch\b"), "afternoon"),
    (re.compile(r"\b(?:at |over )?lunch(?:time)?\b"), "noon"),
    (re.compile(r"\bafter (?:dinner|supper)\b"), "night"),
    (re.compile(r"\bafter work\b"), _AFTER_WORK),
    (re.compile(r"\barvo\b"), "afternoon"),
)
# Tomorrow's letters in order, some doubled or vowels dropped ("tomorow", "tommorrow",
# "tmrw", "2moro"), and the slang "tmw"/"tomoz".
_TOMORROW = re.compile(r"\b(?:(?:t|2)o?m+o?r+o?w*|tmw|tomoz|2moz)\b")
# "A couple" of hours, days or weeks is 2; "a few" hours is the person's "In a few hours"
# (`few_hours`, FEW_HOURS unless set), and a few days or weeks 3. Only before one of those
# units, so "in a few" alone is still not a time.
_SOME_UNITS = r"\s+(?=(?:hours?|hrs?|h|days?|d|weeks?|wks?|w)\b)"
_A_COUPLE = re.compile(r"\b(?:a\s+)?couple(?:\s+of)?" + _SOME_UNITS)
_A_FEW_HOURS = re.compile(r"\b(?:a\s+)?few\s+(?=(?:hours?|hrs?|h)\b)")
_A_FEW = re.compile(r"\b(?:a\s+)?few" + _SOME_UNITS)
_LATER_TONIGHT = re.compile(r"\blater\s+(?=tonight\b|this evening\b)")  # is "tonight"
_WEEKEND = ("weekend", "this weekend", "the weekend", "at the weekend", "over the weekend")
_AFTER_WEEKEND = ("after the weekend", "after this weekend", "after weekend", "after the wknd")
_SATURDAY = 5  # date.weekday()


def _answer(text: str, few_hours: int = FEW_HOURS) -> str:
    answer = re.sub(r",(\s|$)", " ", text.lower())
    answer = re.sub(r"(?<=\d)ish\b", "", answer)  # "7ish": about 7 is 7
    answer = _TOMORROW.sub("tomorrow", answer)
    answer = _A_FEW_HOURS.sub(f"{few_hours} ", _A_COUPLE.sub("2 ", answer))
    answer = _LATER_TONIGHT.sub("", _A_FEW.sub("3 ", answer))
    for words, part in _EVERYDAY:
        answer = words.sub(part, answer)
    answer = re.sub(r"\b(?:maybe|around|about|like|roughly)\s+(?=(?:at\s+)?\d)", "", answer)
    return " ".join(answer.strip().strip(".!?").split())


def in_real_time(text: str, now: datetime, *, few_hours: int = FEW_HOURS) -> datetime | None:
    """ "in 2 hours", "in 45 min", "in an hour": real time from now, the same in every zone
    (so it needs none); None for anything else. "In a few hours" is `few_hours`."""
    match = _IN_TIME.match(_answer(in_digits(text.lower()), few_hours))
    if not match:
        return None
    amount = match["n"]
    if amount in ("a", "an"):
        value = 1.0
    elif amount == "half an":
        value = 0.5
    else:
        value = float(amount.replace(",", "."))
    hours = value if match["unit"].startswith("h") else value / 60
    return later_by(now, hours)


def too_far(due: datetime, now: datetime, zone: ZoneInfo) -> bool:
    """Beyond the last day a plan may be for: any time on the 14th day from today is fine."""
    last = now.astimezone(zone).date() + timedelta(days=MAX_PLAN_AHEAD.days)
    return due.astimezone(zone).date() > last


def _with_day(
    words: list[str], today: date, counted_from: date
) -> tuple[tuple[date, ...], tuple[time, ...], bool] | None:
    """A day and a time in `words`, the day first or last (the longest day phrase wins), and
    whether that is "tonight" with no time of its own (TONIGHT_AT, `parse_when`)."""
    splits = [(words[:k], words[k:]) for k in range(len(words), 0, -1)]
    splits += [(words[k:], words[:k]) for k in range(1, len(words))]
    for day_words, time_words in splits:
        day = _day(day_words, today, counted_from)
        if day is None:
            continue
        times = _times(time_words, day[1])
        if times is None:
            return None
        tonight = day[1] == "tonight" and times == (TONIGHT_AT,)
        return day[0], times, tonight and not any(c.isdigit() for c in "".join(time_words))
    return None


def _day(
    words: list[str], today: date, counted_from: date
) -> tuple[tuple[date, ...], str | None] | None:
    """The days a phrase may mean, in order of preference, and the part of day it names.
    Counted days ("tomorrow", "in 3 days") count from `counted_from` (see `parse_when`)."""
    if words[:1] == ["on"]:
        words = words[1:]
    part: str | None = None
    if len(words) > 1 and (words[-1] in _PARTS or words[-1] in _HALF_DAYS):
        part, words = _HALF_DAYS.get(words[-1], words[-1]), words[:-1]
    phrase = " ".join(words)
    if phrase == "tonight" and part in (None, "evening", "night"):  # "tonight after dinner"
        return (today,), "tonight"
    if phrase == "tonight" and part == _AFTER_WORK:
        return (today,), part
    if phrase in _WEEKEND or phrase == "next weekend":
        return _weekend(today, following=phrase == "next weekend"), part
    if phrase in _AFTER_WEEKEND:  # the Monday to come (a week on, said on a Monday)
        return (today + timedelta(days=-today.weekday() % 7 or 7),), part
    if phrase == "today" or (phrase == "this" and part):  # "this evening"
        return (today,), "tonight" if part in ("evening", "night") else part
    offset = {
        "tomorrow": 1,
        "day after tomorrow": 2,
        "the day after tomorrow": 2,
        "next week": 7,
    }.get(phrase)
    match = _IN_DAYS.match(phrase)
    if match:
        count = _NUMBER_WORDS.get(match["n"]) or int(match["n"])
        offset = count * (7 if match["unit"].startswith("w") else 1) or None
    if offset is not None:
        return (counted_from + timedelta(days=offset),), part
    first, _, name = phrase.rpartition(" ")
    if name not in _WEEKDAYS or first not in ("", "this", "next"):
        return None
    ahead = (_WEEKDAYS[name] - today.weekday()) % 7
    if first == "next":
        return (today + timedelta(days=ahead or 7),), part
    day = today + timedelta(days=ahead)
    return (day, day + timedelta(days=7)), part


def _weekend(today: date, *, following: bool) -> tuple[date, ...]:
    """The weekend's days still to come: from a weekday, the coming Saturday and Sunday; at the
    weekend, what is left of it, then the next one's (Sunday night, its time gone, "this
    weekend" can only be the next); "next weekend" at the weekend is the one after."""
    weekday = today.weekday()
    saturday = today + timedelta(days=(_SATURDAY - weekday) % 7 or 7)
    coming = (saturday, saturday + timedelta(days=1))
    if weekday < _SATURDAY or following:
        return coming
    return (*(today + timedelta(days=n) for n in range(7 - weekday)), *coming)


def _times(words: list[str], part: str | None) -> tuple[time, ...] | None:
    """The clock times `words` may mean, in order of preference (see `parse_when`)."""
    if part in ("tonight", None) and words[:1] == [_AFTER_WORK]:  # "after work tonight at 6"
        part, words = _AFTER_WORK, words[1:]
    if words[:1] in (["at"], ["around"]):
        words = words[1:]
        if not words:
            return None
    if words[:2] == ["in", "the"]:  # "in the morning"
        words = words[2:]
    if len(words) == 1 and words[0] in _PARTS and not part:
        part, words = words[0], []
    if part == "tonight" and words in (["evening"], ["night"]):  # "after dinner tonight"
        words = []
    if not words:
        return (_PART_AT[part] if part else EVENING_AT,)
    text = " ".join(words)
    if text in ("noon", "midday"):
        return (time(12, 0),)
    said = spoken_clock(text)  # "half 9": an hour as said aloud, with its minutes
    if _BARE_HOUR.match(text) or said is not None:
        hour, minute = said or (int(text), 0)
        if hour > 23:
            return None
        if part in _LATE and (hour == 12 or 1 <= hour <= 4):
            return None  # "tonight at 1": the small hours or the afternoon? Asked, not guessed
        if hour == 0 or hour >= 12 or part == "morning":
            return (time(hour, minute),)
        if part in _AFTER_NOON or hour < 8:
            return (time(hour + 12, minute),)
        return time(hour, minute), time(hour + 12, minute)
    clock = parse_clock(text)
    if clock is None:
        return None
    hour, minute = clock
    if part in _LATE and not _AM_PM.search(text) and (hour == 12 or 1 <= hour <= 4):
        return None  # "tonight at 12:30", as above
    if 1 <= hour < 12 and part in _AFTER_NOON and not _AM_PM.search(text):
        hour += 12
    return (time(hour, minute),)
