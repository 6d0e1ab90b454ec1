"""Times said in words, rewritten in digits for the time reader (`clock.parse_when`): "nine
o'clock" is 9, "tomorrow at nine" tomorrow at 9, "in two hours" in 2 hours; "half nine" (or
"half 9", said the British way) is 9:30, "twenty past 9" 9:20, "ten to ten" 9:50, "seven
thirty" 7:30. English, as the rest of the time reader is.

An hour with minutes said aloud is on a 12-hour clock, as a bare hour is ("half 9" at noon is
21:30, not tomorrow's 09:30): it is written with SAID after it ("9:30" + SAID), which
`spoken_clock` reads back, so the reader can tell it from "9:30" typed in digits (a 24-hour
time). With am or pm it is written as typed ("9:30pm").

A number word becomes digits only where it is a time: beside a clock word ("past", "to",
"o'clock", "pm", "tonight"), after "at", before a unit of time ("two hours"), or alone. So
"no one", "one of these days" or "nine times out of ten" stay words, and no time.
"""

from __future__ import annotations

import re

_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_HOURS = {name: n for n, name in enumerate((*_ONES, "ten", "eleven", "twelve"), start=1)}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
# Minutes said after an hour ("seven thirty", "eight forty-five"): tens and teens; "five" or
# "ten" alone after an hour would be another hour ("nine ten": 9:10 or 9 to 10?), so not read.
_AFTER_AN_HOUR = {"fifteen": 15, **_TENS}
_HOUR = r"(?:1[0-2]|[1-9]|" + "|".join(sorted(_HOURS, key=len, reverse=True)) + ")"
_TENS_WORD = "(?:" + "|".join(_TENS) + ")"
_ONES_WORD = "(?:" + "|".join(_ONES) + ")"
# "quarter", "half", "20", "twenty", "twenty five" minutes, before "past" or "to".
_A_TENS = rf"{_TENS_WORD}(?:[\s-]{_ONES_WORD})?"  # "twenty", "twenty five", "forty-five"
# Said in fives ("ten to", "25 past"): "9 to 5" is working hours, not 4:51.
_MINUTES = rf"(?:a\s+)?(?:quarter|half|30|[12][05]|5|{_A_TENS}|ten|five)"
_AM_PM = r"(?:\s*[ap]\.?m\.?)?(?!\w)"

SAID = "~said"
_SPOKEN = re.compile(rf"^(?P<h>\d{{1,2}}):(?P<m>\d{{2}}){SAID}$")

# "half 9", "half past nine": 9:30, as said in Britain.
_HALF = re.compile(rf"\bhalf\s+(?:past\s+)?(?P<h>{_HOUR})(?P<ap>{_AM_PM})")
_RELATIVE = re.compile(
    rf"\b(?P<m>{_MINUTES})\s+(?:minutes?\s+)?(?P<rel>past|after|to|til|till)\s+"
    rf"(?P<h>{_HOUR})(?P<ap>{_AM_PM})"
)
_HOUR_MINUTES = re.compile(rf"\b(?P<h>{_HOUR})\s+(?P<m>fifteen|{_A_TENS})(?P<ap>{_AM_PM})")
_OCLOCK = re.compile(rf"\b(?P<h>{_HOUR})\s*o'?\s?clock\b")
_ISH = re.compile(rf"\b(?P<h>{_HOUR})-?ish\b")
# An hour word where it is a clock hour: after "at" (or "by", "around"...), before am/pm or a
# day word, or the whole answer. Before a unit of time, any count ("two hours").
_HOUR_WORD = "(?:" + "|".join(sorted(_HOURS, key=len, reverse=True)) + ")"
_LEADS = r"(?:at|by|around|about|before|after|from|until|till|til)"
_TAILS = r"(?:[ap]\.?m\b|tonight\b|tomorrow\b|today\b|this\b|in the\b|on\b)"
_UNITS = r"(?:hours?|hrs?|h|minutes?|mins?|m|days?|d|weeks?|wks?|w)\b"
_LED_HOUR = re.compile(rf"\b(?P<lead>{_LEADS})\s+(?P<h>{_HOUR_WORD})\b")
_TAILED_HOUR = re.compile(rf"(?:^|(?<=\s))(?P<h>{_HOUR_WORD})(?=\s*{_TAILS}|$)")
_COUNT = re.compile(rf"\b(?P<n>{_A_TENS}|{_HOUR_WORD}|fifteen)\s+(?={_UNITS})")


def in_digits(text: str) -> str:
    """`text` (lower case) with the times said in words written in digits; the rest as it was."""
    text = _HALF.sub(lambda m: _clock(_number(m["h"]), 30, m["ap"]), text)
    text = _RELATIVE.sub(_relative, text)
    text = _HOUR_MINUTES.sub(lambda m: _clock(_number(m["h"]), _number(m["m"]), m["ap"]), text)
    text = _OCLOCK.sub(lambda m: str(_number(m["h"])), text)
    text = _ISH.sub(lambda m: str(_number(m["h"])), text)
    text = _COUNT.sub(lambda m: f"{_number(m['n'])} ", text)
    text = _LED_HOUR.sub(lambda m: f"{m['lead']} {_number(m['h'])}", text)
    return _TAILED_HOUR.sub(lambda m: str(_number(m["h"])), text)


def spoken_clock(text: str) -> tuple[int, int] | None:
    """The hour (as said, 1 to 12) and minutes of a time `in_digits` wrote from words with no
    am or pm; None for anything else."""
    match = _SPOKEN.match(text)
    return (int(match["h"]), int(match["m"])) if match else None


def _clock(hour: int, minutes: int, ap: str) -> str:
    return f"{hour}:{minutes:02d}{ap or SAID}"


def _relative(match: re.Match[str]) -> str:
    """ "twenty past nine" -> "9:20", "ten to 10pm" -> "9:50pm"; unchanged if no time ("half
    to 9", "40 past 9")."""
    said = re.sub(r"^a\s+", "", match["m"])
    minutes = {"quarter": 15, "half": 30}.get(said) or _number(said)
    hour, ap = _number(match["h"]), match["ap"]
    if not 1 <= minutes <= 30 or (said == "half" and match["rel"] not in ("past", "after")):
        return match[0]
    if match["rel"] in ("past", "after"):
        return _clock(hour, minutes, ap)
    if hour == 12 and ap:  # ten to noon is in the morning, ten to midnight at night
        ap = ap.replace("p", "A").replace("a", "p").replace("A", "a")
    return _clock(hour - 1 or 12, 60 - minutes, ap)


def _number(said: str) -> int:
    """ "9", "nine", "twenty five", "forty-five" -> the number."""
    if said.isdigit():
        return int(said)
    tens, _, ones = said.replace("-", " ").partition(" ")
    if tens in _TENS:
        return _TENS[tens] + (_HOURS[ones] if ones else 0)
    return _AFTER_AN_HOUR.get(tens) or _HOURS[tens]
