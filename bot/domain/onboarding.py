"""Onboarding: what to call the person, and their time zone, confirmed back to them."""

from __future__ import annotations

from dataclasses import replace

from bot.content import shared_data
from bot.domain.flow import (
    Back,
    ButtonInput,
    Context,
    Event,
    FlowState,
    Outcome,
    TextInput,
    Unsupported,
)
from bot.domain.profile import SetPreferredName, SetPrefs, SetTimezone
from bot.domain.replies import Button, Reply, rows
from bot.domain.schedule import hhmm
from bot.domain.settings_flow import evening_time_answer
from bot.domain.timezones import local_now, parse_clock, resolve_zone

FLOW = "onboard"
NAME, ZONE, CONFIRM, EVENING, EVENING_AT = "name", "zone", "confirm", "evening", "eveningat"
EVENING_CHOICES = ("19:00", "20:00", "21:00", "22:00")
NAME_LIMIT = 64


def clean_name(text: str) -> str:
    return " ".join(text.split())


class Onboarding:
    name = FLOW

    def start(self, ctx: Context) -> Outcome:
        greeting = Reply(ctx.content.text("start.greeting", first_name=ctx.person.first_name))
        state = FlowState(FLOW, NAME)
        return Outcome(state, (greeting, self.prompt(state, ctx)))

    def prompt(self, state: FlowState, ctx: Context) -> Reply:
        c = ctx.content
        if state.step == NAME:
            first = clean_name(ctx.person.first_name)
            shown = first if len(first) <= 24 else first[:23] + "…"  # a button, not a page
            use = Button(c.text("onboarding.use_first_name", first_name=shown), "first")
            return Reply(c.text("onboarding.ask_name"), rows(use))
        if state.step == ZONE:
            return Reply(c.text("onboarding.ask_timezone"))
        if state.step == EVENING:
            return Reply(
                c.text("onboarding_evening.ask"),
                rows(
                    Button(c.text("onboarding_evening.yes"), "yes"),
                    Button(c.text("onboarding_evening.other_time"), "time"),
                    Button(c.text("onboarding_evening.no"), "no"),
                ),
            )
        if state.step == EVENING_AT:
            choices = [Button(t, "t." + t.replace(":", "")) for t in EVENING_CHOICES]
            return Reply(c.text("onboarding_evening.ask_time"), rows(*choices, width=4))
        return self._confirm(str(state.data["zone"]), ctx)

    def cancel(self, state: FlowState, ctx: Context) -> Outcome:
        return Outcome(None, (Reply(ctx.content.text("onboarding.cancelled")),))

    def handle(self, state: FlowState, event: Event, ctx: Context) -> Outcome:
        c = ctx.content
        if isinstance(event, Unsupported):
            prompt = self.prompt(state, ctx)
            text = c.text("onboarding.text_only", prompt=prompt.text)
            return Outcome(state, (Reply(text, prompt.buttons),))
        if isinstance(event, Back):
            previous = state.back()
            if previous is None:
                return Outcome(state, (Reply(c.text("onboarding.nothing_to_go_back_to")),))
            return Outcome(previous, (self.prompt(previous, ctx),))
        if state.step == NAME:
            return self._on_name(state, event, ctx)
        if state.step == CONFIRM and isinstance(event, ButtonInput):
            if event.option == "yes":
                zone = str(state.data["zone"])
                following = state.at(EVENING)
                ask = replace(self.prompt(following, ctx), edit=True)
                return Outcome(following, (ask,), (SetTimezone(zone),))
            if event.option == "no":
                retry = state.back() or state
                return Outcome(retry, (Reply(c.text("onboarding.timezone_try_again"), edit=True),))
        if isinstance(event, TextInput) and state.step in (ZONE, CONFIRM):
            return self._on_zone(state, event.text, ctx)
        if state.step == EVENING and isinstance(event, ButtonInput):
            if event.option == "yes":
                return self._done(state, ctx, {"evening_on": True, "evening_at": "21:00"})
            if event.option == "no":
                return self._done(state, ctx, {"evening_on": False})
            if event.option == "time":
                following = state.at(EVENING_AT)
                return Outcome(following, (replace(self.prompt(following, ctx), edit=True),))
        if state.step == EVENING_AT:
            return self._on_evening_time(state, event, ctx)
        return Outcome(state, (self.prompt(state, ctx),))

    def _done(self, state: FlowState, ctx: Context, prefs: dict[str, object]) -> Outcome:
        zone = str(state.data.get("zone", ctx.person.timezone or "UTC"))
        name = ctx.person.preferred_name or ctx.person.first_name
        done = Reply(ctx.content.text("onboarding.done", name=name, zone=zone), edit=True)
        return Outcome(None, (done,), (SetPrefs(dict(prefs)),))

    def _on_evening_time(self, state: FlowState, event: Event, ctx: Context) -> Outcome:
        at = evening_time_answer(event, ctx)
        if at is None:
            return Outcome(state, (self.prompt(state, ctx),))
        if isinstance(at, Reply):
            return Outcome(state, (at,))
        return self._done(state, ctx, {"evening_on": True, "evening_at": hhmm(at)})

    def _on_name(self, state: FlowState, event: Event, ctx: Context) -> Outcome:
        c = ctx.content
        if isinstance(event, ButtonInput) and event.option == "first":
            name = clean_name(ctx.person.first_name)[:NAME_LIMIT]
        elif isinstance(event, TextInput):
            name = clean_name(event.text)
            if not name:
                return Outcome(state, (Reply(c.text("onboarding.name_empty")),))
            if len(name) > NAME_LIMIT:
                text = c.text("onboarding.name_too_long", limit=NAME_LIMIT)
                return Outcome(state, (Reply(text),))
        else:
            return Outcome(state, (self.prompt(state, ctx),))
        following = state.at(ZONE)
        saved = c.text("onboarding.name_saved", name=name)
        ask = self.prompt(following, ctx)
        return Outcome(following, (Reply(f"{saved}\n\n{ask.text}"),), (SetPreferredName(name),))

    def _on_zone(self, state: FlowState, text: str, ctx: Context) -> Outcome:
        cities = shared_data("cities")
        guess = resolve_zone(text, ctx.now, cities["aliases"], cities["offsets"]["preferred"])
        if guess is None and parse_clock(text) is not None:
            reply = ctx.content.text("onboarding.clock_nowhere", utc=ctx.now.strftime("%H:%M"))
            return Outcome(state, (Reply(reply),))
        if guess is None:
            shown = " ".join(text.split())
            shown = shown if len(shown) <= 40 else shown[:39] + "…"
            return Outcome(
                state, (Reply(ctx.content.text("onboarding.timezone_unknown", answer=shown)),)
            )
        base = state.back() if state.step == CONFIRM else state
        following = (base or state).at(CONFIRM, zone=guess.zone)
        return Outcome(following, (self._confirm(guess.zone, ctx),))

    def _confirm(self, zone: str, ctx: Context) -> Reply:
        c = ctx.content
        local = local_now(zone, ctx.now)
        text = c.text(
            "onboarding.timezone_confirm",
            weekday=local.strftime("%A"),
            local_time=local.strftime("%H:%M"),
            zone=zone,
        )
        buttons = rows(
            Button(c.text("onboarding.timezone_yes"), "yes"),
            Button(c.text("onboarding.timezone_no"), "no"),
        )
        return Reply(text, buttons)


ONBOARDING = Onboarding()
