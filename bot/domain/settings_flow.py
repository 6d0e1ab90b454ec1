"""/settings: the evening check-in, time zone, quiet hours, follow-up delay, pausing.

Opened in the middle of something (a moment), it holds that flow (`flow.held`) and puts it back
when it ends, by Done or /cancel. The menu waits for buttons: text typed there is not for it,
so settings gives way and the text is read as it would have been without the card."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta
from typing import Any

from bot.content import Catalogue
from bot.domain import crisis, small_talk
from bot.domain.flow import (
    Back,
    ButtonInput,
    Context,
    Event,
    FlowState,
    Outcome,
    TextInput,
    Unsupported,
    carried,
    held,
    holding,
)
from bot.domain.profile import SetPrefs, SetTimezone
from bot.domain.prompts import counted
from bot.domain.replies import Button, Reply, rows
from bot.domain.schedule import UNTIL_RESUMED, Prefs, hhmm, in_quiet_hours, paused_until_resumed
from bot.domain.timezones import guess_zone, parse_clock

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


def evening_time_answer(event: Event, ctx: Context) -> time | Reply | None:
    """The evening check-in time tapped (`t.HHMM`) or typed; a Reply when it can't be used
    (unreadable, or inside quiet hours); None for anything else, such as a forged button,
    which is answered with the question again."""
    c = ctx.content
    chosen: tuple[int, int] | None = None
    if isinstance(event, ButtonInput) and event.option.startswith("t."):
        digits = event.option[2:]
        if len(digits) == 4 and digits.isdigit():
            chosen = parse_clock(f"{digits[:2]}:{digits[2:]}")  # None if out of range
    elif isinstance(event, TextInput):
        chosen = parse_clock(event.text)
        if chosen is None:
            return Reply(c.text("settings.time_unknown"))
    if chosen is None:
        return None
    at = time(*chosen)
    prefs = ctx.prefs
    if in_quiet_hours(at, prefs.quiet_start, prefs.quiet_end):
        quiet = span(prefs.quiet_start, prefs.quiet_end)
        return Reply(c.text("settings.evening_in_quiet", time=hhmm(at), quiet=quiet))
    return at


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


def parse_quiet(text: str) -> tuple[time, time] | None:
    for dash in ("-", "–", "to", " "):
        if dash in text:
            start, _, end = text.partition(dash)
            a, b = parse_clock(start.strip()), parse_clock(end.strip())
            if a and b:
                return time(*a), time(*b)
    return None


class SettingsFlow:
    name = FLOW

    def start(self, ctx: Context, kept: FlowState | None = None) -> Outcome:
        """The menu; `kept`: the flow it was opened in the middle of, to go back to after."""
        state = holding(FlowState(FLOW, MENU), kept)
        return Outcome(state, (self.prompt(state, ctx),))

    def cancel(self, state: FlowState, ctx: Context) -> Outcome:
        return _finished(state, Reply(ctx.content.text("settings.closed")))

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
            quiet = NO_QUIET if says_no_quiet(event.text, c) else parse_quiet(event.text)
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
            # The menu waits for a button: typed words are something else (a moment, a hello).
            return _finished(state, handback=True)
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

    def _on_evening_time(self, state: FlowState, event: Event, ctx: Context) -> Outcome:
        at = evening_time_answer(event, ctx)
        if at is None:
            return Outcome(state, (self.prompt(state, ctx),))
        if isinstance(at, Reply):
            return Outcome(state, (at,))
        return self._saved(state, ctx, {"evening_at": hhmm(at), "evening_on": True})

    def _on_zone(self, state: FlowState, event: Event, ctx: Context) -> Outcome:
        if state.step == ZONE_OK and isinstance(event, ButtonInput):
            if event.option == "yes":
                zone = str(state.data["zone"])
                moved = replace(ctx, prefs=replace(ctx.prefs, zone=zone))  # the card shows it
                return self._saved(state, moved, {}, SetTimezone(zone))
            following = _afresh(state, ZONE)
            return Outcome(following, (replace(self.prompt(following, ctx), edit=True),))
        if isinstance(event, TextInput):
            guess = guess_zone(event.text, ctx.now)
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
