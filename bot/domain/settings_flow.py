"""/settings: the evening check-in, time zone, quiet hours, follow-up delay, pausing.

Opened in the middle of something (a moment), it holds that flow (`flow.held`) and puts it back
when it ends, by Done or /cancel. The menu waits for buttons: text typed there is not for it,
so settings gives way and the text is read as it would have been without the card."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, time, timedelta
from typing import Any

from bot.content import Catalogue
from bot.domain import crisis, small_talk, spoken_times
from bot.domain.flow import (
    Back,
    ButtonInput,
    Context,
    Event,
    FlowState,
    Outcome,
    TextInput,
    Unsupported,
    as_messages,
    carried,
    held,
    holding,
)
from bot.domain.profile import SetPrefs, SetTimezone
from bot.domain.prompts import counted
from bot.domain.replies import Button, Reply, rows
from bot.domain.schedule import UNTIL_RESUMED, Prefs, hhmm, in_quiet_hours, paused_until_resumed
from bot.domain.timezones import guess_zone, parse_clock, place_named, several_zones

FLOW = "settings"
MENU, EVENING_TIME, ZONE, ZONE_OK, QUIET, DELAY = (
    "menu",
    "evening",
    "zone",
    "zoneok",
    "quiet",
    "delay",
)
DELAYS = (1, 2, 3, 4, 6, 8)
RESUMED = {"paused_until": None}  # a pause ended: by the card's Resume, or by /resume
EVENING_CHOICES = (time(19, 0), time(20, 0), time(21, 0), time(22, 0))


def pause_words(prefs: Prefs, ctx: Context) -> str:
    c = ctx.content
    if prefs.paused_until is None or prefs.paused_until <= ctx.now:
        return c.text("settings.not_paused")
    if paused_until_resumed(prefs):
        return c.text("settings.paused_forever")
    local = prefs.paused_until.astimezone(prefs.tz)
    return c.text("settings.paused", until=local.strftime("%A %-d %B, %H:%M"))


def span(start: time, end: time) -> str:
    return f"{hhmm(start)}–{hhmm(end)}"


def evening_time_answer(
    event: Event, ctx: Context, *, in_setup: bool = False
) -> time | Reply | None:
    """The evening check-in time tapped (`t.HHMM`) or typed (`evening_clock`); a Reply when
    it can't be used (unreadable, or inside quiet hours: said as fits setup, `in_setup`, where
    quiet hours were never shown and cannot be changed); None for anything else, such as a
    forged button, which is answered with the question again."""
    c = ctx.content
    chosen: tuple[int, int] | None = None
    if isinstance(event, ButtonInput) and event.option.startswith("t."):
        digits = event.option[2:]
        if len(digits) == 4 and digits.isdigit():
            chosen = parse_clock(f"{digits[:2]}:{digits[2:]}")  # None if out of range
    elif isinstance(event, TextInput):
        chosen = evening_clock(event.text, c)
        if chosen is None:
            unknown = "onboarding_evening.time_unknown" if in_setup else "settings.time_unknown"
            return Reply(c.text(unknown))
    if chosen is None:
        return None
    at = time(*chosen)
    prefs = ctx.prefs
    if in_quiet_hours(at, prefs.quiet_start, prefs.quiet_end):
        quiet = span(prefs.quiet_start, prefs.quiet_end)
        key = "onboarding_evening.in_quiet" if in_setup else "settings.evening_in_quiet"
        return Reply(c.text(key, time=hhmm(at), quiet=quiet))
    return at


_AM_PM = re.compile(r"\d\s*[ap]\.?\s*m\.?$")
_HOUR_ALONE = re.compile(r"(?P<h>\d{1,2})(?:[:.h](?P<m>\d{2}))?")


def evening_clock(text: str, c: Catalogue) -> tuple[int, int] | None:
    """The time of day typed for the evening check-in, as (hour, minute): "21:30", "9pm",
    "half past nine", "9 in the evening", "at 9". An hour from 1 to 11 without am or pm is
    the evening's ("8:00", "9", "nine thirty": 20:00, 21:00, 21:30), and 12 is midnight: a
    check-in for the evening never comes in the morning unless they say so ("7am", "8 in the
    morning"). "midnight" and "noon" as such (`settings.evening_midnight`, `.evening_noon`).
    Only the whole message: "9 maybe, after the kids sleep" is no time. None if no time."""
    said = _said(text).rstrip(".!")
    named = _named_time(said, c)
    if named is not None:
        return named
    said = spoken_times.in_digits(said)
    for lead in sorted((str(w) for w in c.raw("settings.evening_leads")), key=len, reverse=True):
        if said.startswith(lead + " "):
            said = said[len(lead) + 1 :]
            break
    morning = False
    tails = [(str(w), False) for w in c.raw("settings.evening_tails")]
    tails += [(str(w), True) for w in c.raw("settings.morning_tails")]
    for tail, am in sorted(tails, key=lambda t: len(t[0]), reverse=True):
        if said.endswith(" " + tail) or (tail.startswith("ish") and said.endswith(tail)):
            said, morning = said[: -len(tail)].strip(), am
            break
    spoken = spoken_times.spoken_clock(said)
    if spoken is not None:
        hour, minute = spoken
    elif _AM_PM.search(said):
        return parse_clock(said) if not morning else None
    else:
        match = _HOUR_ALONE.fullmatch(said)
        if match is None:
            return None
        hour, minute = int(match["h"]), int(match["m"] or 0)
        if hour > 23 or minute > 59 or (match["m"] is None and len(match["h"]) > 2):
            return None
        if hour > 12 or (hour == 0 or match["h"].startswith("0")):
            return (hour, minute) if not morning else None  # a 24-hour clock: as typed
    if not 1 <= hour <= 12 or minute > 59:
        return None
    if morning:
        return hour % 12, minute
    return (hour + 12 if hour != 12 else 0), minute  # the evening's, 12 midnight


def _said(text: str) -> str:
    """Typed words as compared here: lower case, straight apostrophes, single spaces."""
    return " ".join(text.lower().replace("\u2019", "'").split())


def _named_time(said: str, c: Catalogue) -> tuple[int, int] | None:
    """ "midnight" or "noon" (`settings.evening_midnight`, `.evening_noon`), as a time."""
    if said in c.raw("settings.evening_midnight"):
        return 0, 0
    if said in c.raw("settings.evening_noon"):
        return 12, 0
    return None


def says_not_right(text: str, c: Catalogue) -> bool:
    """ "wrong", "no that's not right" typed at "Is that right?" (a time zone guessed): its no,
    besides shell.typed_no (`small_talk.yes_or_no`)."""
    return "?" not in text and small_talk.is_listed(text, c, "onboarding.timezone_denials")


# What typed words at the menu can name: each option and the content list of its phrases
# (`settings.typed`), besides the label of its button.
_MENU_WORDS = (
    ("done", "done", ("settings.done",)),
    ("cancel", "cancel", ()),
    ("evening_off", "evening_off", ("settings.evening_off",)),
    ("evening_on", "evening_on", ("settings.evening_on",)),
    ("time", "time", ("settings.evening_time",)),
    ("zone", "zone", ("settings.zone",)),
    ("quiet", "quiet", ("settings.quiet",)),
    ("delay", "delay", ("settings.delay",)),
    ("pause.day", "pause_day", ("settings.pause_day",)),
    ("pause.week", "pause_week", ("settings.pause_week",)),
    ("pause.ever", "pause_ever", ("settings.pause_forever",)),
    ("resume", "resume", ("settings.resume",)),
)


def typed_menu_option(text: str, c: Catalogue) -> str | None:
    """The menu option typed words name ("time zone", "evening off", "pause for a week",
    "done", "cancel"), as a button's option ("zone", "pause.week"; "evening_on" and
    "evening_off" for the check-in turned on or off); None if they name none. Whole messages,
    compared without case or punctuation (`small_talk.named`)."""
    buttons = [
        small_talk.Named(
            option,
            tuple(c.text(label) for label in labels),
            (f"settings.typed.{listed}",),
        )
        for option, listed, labels in _MENU_WORDS
    ]
    found = small_talk.named(text, buttons, c)
    return found[0] if found else None


def typed_evening_change(text: str, c: Catalogue) -> str | None:
    """The time in "change the time to 22:00", "evening check-in at 9pm" typed at the menu
    (after one of `settings.typed.time_leads`); None without such a lead or a time after it."""
    said = _said(text)
    leads = sorted((str(w) for w in c.raw("settings.typed.time_leads")), key=len, reverse=True)
    lead = next((w for w in leads if said.startswith(w + " ")), None)
    if lead is None:
        return None
    rest = said[len(lead) + 1 :]
    return rest if evening_clock(rest, c) is not None else None


def _not_a_place(text: str, c: Catalogue) -> bool:
    """Small talk or a yes or no ("ok", "thanks", "no"): never read as a place at the menu."""
    return small_talk.kind(text, c) is not None or small_talk.yes_or_no(text, c) is not None


def typed_hours(text: str) -> int | None:
    """A follow-up delay typed rather than tapped ("3", "3 h", "3 hours"); None if it isn't one."""
    words = text.casefold().split()
    if words and words[-1] in ("h", "hour", "hours"):
        words = words[:-1]
    number = "".join(words).removesuffix("h")
    return int(number) if number.isdigit() and len(number) <= 3 else None


def resume(ctx: Context, quiet_until: datetime | None = None) -> Outcome:
    """/resume: a pause ended as the card's Resume button ends it, without opening settings
    (nor touching the flow in progress: the outcome has no state to take its place). The
    quiet day after danger (`quiet_until`) ends too: they asked for their reminders back."""
    c = ctx.content
    paused_until = ctx.prefs.paused_until
    effects: list[object] = []
    if paused_until is not None and paused_until > ctx.now:
        effects.append(SetPrefs(dict(RESUMED)))
    if crisis.is_quiet(ctx.now, quiet_until):
        effects.append(crisis.EndQuiet())
    if not effects:
        return Outcome(None, (Reply(c.text("settings.resume_not_paused")),))
    return Outcome(None, (Reply(c.text("settings.resumed")),), tuple(effects))


def _afresh(state: FlowState, step: str, **data: Any) -> FlowState:
    """`step` with a clean slate, still holding what `state` holds."""
    return FlowState(FLOW, step, {**carried(state), **data})


def _finished(state: FlowState, *replies: Reply, handback: bool = False) -> Outcome:
    """Settings is over: back to the flow it holds, if any."""
    return Outcome(held(state), replies, handback=handback)


# Quiet hours that start and end at the same minute are none (`in_quiet_hours`).
NO_QUIET = (time(0, 0), time(0, 0))


def quiet_words(prefs: Prefs, c: Catalogue) -> str:
    """The quiet hours as the card shows them: a span, or "off" when there are none."""
    if prefs.quiet_start == prefs.quiet_end:
        return c.text("settings.quiet_none")
    return c.text("settings.quiet_span", span=span(prefs.quiet_start, prefs.quiet_end))


def says_no_quiet(text: str, c: Catalogue) -> bool:
    """ "off", "none"...: no quiet hours at all (the words are in the content)."""
    return " ".join(small_talk.words(text)) in c.raw("settings.quiet_off_words")


def parse_quiet(text: str, c: Catalogue | None = None) -> tuple[time, time] | None:
    """Quiet hours typed: "22:30-08:00", "22-7", "10-6", "from 11 to 7", "midnight to 8",
    "11pm to 7am". An hour without am or pm (1 to 11) starts them in the evening and ends
    them in the morning ("10-6" is 22:00-06:00); "midnight" and "noon" with `c`'s words."""
    said = " ".join(text.lower().replace("\u2013", "-").replace("\u2014", "-").split())
    said = re.sub(r"^(?:from|between)\s+", "", said)
    for dash in (" until ", " till ", " til ", " to ", " and ", "-", " "):
        if dash in said:
            start, _, end = said.partition(dash)
            a, b = _quiet_end(start.strip(), c, True), _quiet_end(end.strip(), c, False)
            if a is not None and b is not None:
                return time(*a), time(*b)
    return None


def _quiet_end(said: str, c: Catalogue | None, starts: bool) -> tuple[int, int] | None:
    """One end of quiet hours: a time (`parse_clock`), "midnight", "noon", or an hour without
    am or pm, in the evening if it `starts` them ("10" is 22:00), else in the morning."""
    named = _named_time(said, c) if c is not None else None
    if named is not None:
        return named
    clock = parse_clock(said)
    match = _HOUR_ALONE.fullmatch(said)
    if match is None or (clock is not None and not 1 <= clock[0] <= 12):
        return clock
    hour, minute = int(match["h"]), int(match["m"] or 0)
    if hour > 23 or minute > 59:
        return None
    if match["h"].startswith("0") or hour > 12 or hour == 0:
        return hour, minute  # a 24-hour clock: as typed
    if starts:
        return (hour + 12 if hour != 12 else 0), minute
    return hour, minute


class SettingsFlow:
    name = FLOW

    def start(self, ctx: Context, kept: FlowState | None = None) -> Outcome:
        """The menu; `kept`: the flow it was opened in the middle of, to go back to after."""
        state = holding(FlowState(FLOW, MENU), kept)
        return Outcome(state, (self.prompt(state, ctx),))

    def cancel(self, state: FlowState, ctx: Context) -> Outcome:
        # Each change is kept as it is made; /cancel saves nothing more (settings.cancelled).
        return _finished(state, Reply(ctx.content.text("settings.cancelled")))

    def prompt(self, state: FlowState, ctx: Context) -> Reply:
        c = ctx.content
        prefs = ctx.prefs
        if state.step == EVENING_TIME:
            choices = [Button(hhmm(t), f"t.{hhmm(t).replace(':', '')}") for t in EVENING_CHOICES]
            return Reply(c.text("settings.ask_evening_time"), rows(*choices, width=4))
        if state.step == ZONE:
            return Reply(c.text("settings.ask_zone"))
        if state.step == ZONE_OK:
            zone = str(state.data["zone"])
            local = ctx.now.astimezone(Prefs(zone=zone).tz)
            text = c.text(
                "onboarding.timezone_confirm",
                weekday=local.strftime("%A"),
                local_time=local.strftime("%H:%M"),
                zone=zone,
            )
            return Reply(
                text,
                rows(
                    Button(c.text("onboarding.timezone_yes"), "yes"),
                    Button(c.text("onboarding.timezone_no"), "no"),
                ),
            )
        if state.step == QUIET:
            return Reply(c.text("settings.ask_quiet"))
        if state.step == DELAY:
            return Reply(
                c.text("settings.ask_delay"), (tuple(Button(f"{h} h", f"h.{h}") for h in DELAYS),)
            )
        evening = (
            c.text("settings.on_at", time=hhmm(prefs.evening_at))
            if prefs.evening_on
            else c.text("settings.off")
        )
        text = c.text(
            "settings.card",
            evening=evening,
            zone=prefs.zone or c.text("settings.no_zone"),
            quiet=quiet_words(prefs, c),
            delay=counted(c, prefs.follow_up_hours, "settings.delay_hour", "settings.delay_hours"),
            nudges=c.text("settings.on") if prefs.nudges_on else c.text("settings.off"),
            paused=pause_words(prefs, ctx),
        )
        if held(state) is not None:
            text = f"{text}\n\n{c.text('settings.holding')}"
        paused = prefs.paused_until is not None and prefs.paused_until > ctx.now
        buttons = [
            Button(
                c.text("settings.evening_off" if prefs.evening_on else "settings.evening_on"),
                "evening",
            ),
            Button(c.text("settings.evening_time"), "time"),
            Button(c.text("settings.zone"), "zone"),
            Button(c.text("settings.quiet"), "quiet"),
            Button(c.text("settings.delay"), "delay"),
            Button(
                c.text("settings.nudges_off" if prefs.nudges_on else "settings.nudges_on"), "nudges"
            ),
        ]
        if paused:
            buttons.append(Button(c.text("settings.resume"), "resume"))
        else:
            buttons += [
                Button(c.text("settings.pause_day"), "pause.day"),
                Button(c.text("settings.pause_week"), "pause.week"),
                Button(c.text("settings.pause_forever"), "pause.ever"),
            ]
        buttons.append(Button(c.text("settings.done"), "done"))
        return Reply(text, rows(*buttons, width=2))

    def handle(self, state: FlowState, event: Event, ctx: Context) -> Outcome:
        c = ctx.content
        if isinstance(event, Unsupported):
            prompt = self.prompt(state, ctx)
            return Outcome(
                state, (Reply(c.text("onboarding.text_only", prompt=prompt.text), prompt.buttons),)
            )
        if isinstance(event, Back):
            back = _afresh(state, MENU)
            return Outcome(back, (self.prompt(back, ctx),))
        if state.step == MENU:
            return self._on_menu(state, event, ctx)
        if state.step == EVENING_TIME:
            return self._on_evening_time(state, event, ctx)
        if state.step in (ZONE, ZONE_OK):
            return self._on_zone(state, event, ctx)
        if state.step == QUIET and isinstance(event, TextInput):
            quiet = NO_QUIET if says_no_quiet(event.text, c) else parse_quiet(event.text, c)
            if quiet is None:
                return Outcome(state, (Reply(c.text("settings.quiet_unknown")),))
            evening = ctx.prefs.evening_at
            if ctx.prefs.evening_on and in_quiet_hours(evening, *quiet):
                # The check-in would break them: refused, as the evening step refuses the reverse.
                words = {"time": hhmm(evening), "quiet": span(*quiet)}
                text = c.text("settings.quiet_covers_evening", **words)
                return Outcome(state, (Reply(text),))
            changes = {"quiet_start": hhmm(quiet[0]), "quiet_end": hhmm(quiet[1])}
            return self._saved(state, ctx, changes)
        if state.step == DELAY:
            return self._on_delay(state, event, ctx)
        return Outcome(state, (self.prompt(state, ctx),))

    def _on_delay(self, state: FlowState, event: Event, ctx: Context) -> Outcome:
        hours: int | None = None
        if isinstance(event, ButtonInput) and event.option.startswith("h."):
            hours = int(event.option[2:]) if event.option[2:].isdigit() else None
        elif isinstance(event, TextInput):
            hours = typed_hours(event.text)
            if hours is None:  # not a number of hours: not for this card
                return _finished(state, handback=True)
        if hours in DELAYS:
            return self._saved(state, ctx, {"follow_up_hours": hours})
        if hours is not None and isinstance(event, TextInput):  # "5": which there are
            choices = ", ".join(str(h) for h in DELAYS[:-1])
            said = ctx.content.text("settings.delay_choices", choices=choices, last=DELAYS[-1])
            return Outcome(state, (Reply(said, self.prompt(state, ctx).buttons),))
        return Outcome(state, (self.prompt(state, ctx),))

    def _saved(
        self, state: FlowState, ctx: Context, changes: dict[str, Any], *extra: object
    ) -> Outcome:
        menu = _afresh(state, MENU)
        prefs = replace(ctx.prefs, **_as_prefs(changes))
        shown = self.prompt(menu, replace(ctx, prefs=prefs))
        return Outcome(menu, (replace(shown, edit=True),), (SetPrefs(changes), *extra))

    def _on_menu(self, state: FlowState, event: Event, ctx: Context) -> Outcome:
        c = ctx.content
        prefs = ctx.prefs
        if isinstance(event, TextInput):
            return self._typed_at_menu(state, event.text, ctx)
        if not isinstance(event, ButtonInput):
            return Outcome(state, (self.prompt(state, ctx),))
        option = event.option
        if option == "evening":
            if not prefs.evening_on and in_quiet_hours(
                prefs.evening_at, prefs.quiet_start, prefs.quiet_end
            ):
                following = state.at(EVENING_TIME)
                return Outcome(following, (replace(self.prompt(following, ctx), edit=True),))
            return self._saved(state, ctx, {"evening_on": not prefs.evening_on})
        if option == "nudges":
            return self._saved(state, ctx, {"nudges_on": not prefs.nudges_on})
        if option == "resume":
            return self._saved(state, ctx, dict(RESUMED))
        if option.startswith("pause."):
            until = {
                "pause.day": ctx.now + timedelta(days=1),
                "pause.week": ctx.now + timedelta(days=7),
                "pause.ever": UNTIL_RESUMED,
            }.get(option)
            if until is not None:
                return self._saved(state, ctx, {"paused_until": until})
        steps = {"time": EVENING_TIME, "zone": ZONE, "quiet": QUIET, "delay": DELAY}
        if option in steps:
            following = state.at(steps[option])
            return Outcome(following, (replace(self.prompt(following, ctx), edit=True),))
        if option == "done":
            return _finished(state, Reply(c.text("settings.closed"), edit=True))
        return Outcome(state, (self.prompt(state, ctx),))

    def _typed_at_menu(self, state: FlowState, text: str, ctx: Context) -> Outcome:
        """Words typed at the menu: a setting named ("time zone", "quiet hours") opens it, one
        that says what to do ("evening off", "pause for a week", "change the time to 22:00")
        does it, "done" or "cancel" closes the card, a place ("Tokyo") is the time zone to
        confirm. Anything else is not for it (a moment, a hello): settings gives way."""
        c = ctx.content
        option = typed_menu_option(text, c)
        if option == "done":
            return _finished(state, Reply(c.text("settings.closed")))
        if option == "cancel":
            return self.cancel(state, ctx)
        if option in ("evening_on", "evening_off"):
            if ctx.prefs.evening_on == (option == "evening_on"):  # as it is already
                return Outcome(state, (self.prompt(state, ctx),))
            option = "evening"
        if option is not None:
            return as_messages(self._on_menu(state, ButtonInput(option), ctx))
        at = typed_evening_change(text, c)
        if at is not None:  # "change the time to 22:00"
            return as_messages(self._on_evening_time(state.at(EVENING_TIME), TextInput(at), ctx))
        said = small_talk.words(text)
        if 0 < len(said) <= 3 and not _not_a_place(text, c):
            guess = place_named(text, ctx.now)  # the whole message a place, nothing around it
            if guess is not None:  # "Tokyo": the zone, confirmed before it is saved
                following = _afresh(state, ZONE_OK, zone=guess.zone)
                return Outcome(following, (self.prompt(following, ctx),))
        return _finished(state, handback=True)

    def _on_evening_time(self, state: FlowState, event: Event, ctx: Context) -> Outcome:
        at = evening_time_answer(event, ctx)
        if at is None:
            return Outcome(state, (self.prompt(state, ctx),))
        if isinstance(at, Reply):
            return Outcome(state, (at,))
        return self._saved(state, ctx, {"evening_at": hhmm(at), "evening_on": True})

    def _on_zone(self, state: FlowState, event: Event, ctx: Context) -> Outcome:
        if state.step == ZONE_OK and isinstance(event, TextInput):
            typed = small_talk.yes_or_no(event.text, ctx.content)
            if typed is None and says_not_right(event.text, ctx.content):
                typed = "no"  # "wrong", "no that's not right": as the No button
            if typed is not None:
                return as_messages(self._on_zone(state, ButtonInput(typed), ctx))
        if state.step == ZONE_OK and isinstance(event, ButtonInput):
            if event.option == "yes":
                zone = str(state.data["zone"])
                moved = replace(ctx, prefs=replace(ctx.prefs, zone=zone))  # the card shows it
                return self._saved(state, moved, {}, SetTimezone(zone))
            following = _afresh(state, ZONE)
            return Outcome(following, (replace(self.prompt(following, ctx), edit=True),))
        if isinstance(event, TextInput):
            guess = guess_zone(event.text, ctx.now)
            country = several_zones(event.text) if guess is None else None
            if country is not None:  # "Canada": which city, not a guess
                said = ctx.content.text("onboarding.timezone_several", country=country)
                return Outcome(state, (Reply(said),))
            if guess is None:
                shown = " ".join(event.text.split())[:40]
                return Outcome(
                    state, (Reply(ctx.content.text("onboarding.timezone_unknown", answer=shown)),)
                )
            following = _afresh(state, ZONE_OK, zone=guess.zone)
            return Outcome(following, (self.prompt(following, ctx),))
        return Outcome(state, (self.prompt(state, ctx),))


def _as_prefs(changes: dict[str, Any]) -> dict[str, Any]:
    """Settings as stored (HH:MM strings) to Prefs fields (times)."""
    out: dict[str, Any] = {}
    for key, value in changes.items():
        if key in ("evening_at", "quiet_start", "quiet_end") and isinstance(value, str):
            hour, minute = value.split(":")
            out[key] = time(int(hour), int(minute))
        else:
            out[key] = value
    return out


SETTINGS = SettingsFlow()
