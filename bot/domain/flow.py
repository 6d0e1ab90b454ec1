"""The shape every flow shares: a state, events in, an outcome out.

A flow is a pure state machine. The shell loads the person's `FlowState` from the database,
turns the Telegram update into an `Event`, calls the flow, then stores the new state, applies
the effects and shows the replies, all in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, time
from typing import Any, Protocol

from bot.content import Catalogue
from bot.domain.replies import Reply, Toast
from bot.domain.schedule import Prefs


@dataclass(frozen=True)
class FlowState:
    flow: str
    step: str
    data: Mapping[str, Any] = field(default_factory=dict)

    def at(self, step: str, **updates: Any) -> FlowState:
        """The same flow at `step`, with `updates` merged into its data and the step it left
        pushed onto the trail that /back walks."""
        trail = [*self.data.get("trail", []), self.step]
        return replace(self, step=step, data={**self.data, **updates, "trail": trail})

    def with_data(self, **updates: Any) -> FlowState:
        return replace(self, data={**self.data, **updates})

    def back(self) -> FlowState | None:
        trail = list(self.data.get("trail", []))
        if not trail:
            return None
        return replace(self, step=trail.pop(), data={**self.data, "trail": trail})


# Events: what a person did, in Telegram-free terms.


@dataclass(frozen=True)
class TextInput:
    text: str


@dataclass(frozen=True)
class ButtonInput:
    option: str


@dataclass(frozen=True)
class Unsupported:
    """A sticker, photo, voice note... anything that is not text. `kind` names it."""

    kind: str


@dataclass(frozen=True)
class Back:
    pass


Event = TextInput | ButtonInput | Unsupported | Back


@dataclass(frozen=True)
class Person:
    id: int
    first_name: str
    preferred_name: str | None = None
    timezone: str | None = None
    language: str | None = None

    @property
    def name(self) -> str:
        return self.preferred_name or self.first_name


@dataclass(frozen=True)
class Partner:
    """What a person's flows may know of their linked partner: a name and how to reach them.
    Never anything the partner wrote."""

    user_id: int
    name: str
    reachable: bool  # has started the bot privately, so it can message them
    space_chat: int | None  # their shared group, if paired and active
    # Their wall-clock time now, if it is in their quiet hours (`schedule.night_now`): a send
    # card says so, and the send still goes at once.
    night_at: time | None = None


@dataclass(frozen=True)
class Context:
    """What a flow may know besides its state: who, when, in which words, and their
    scheduling settings."""

    person: Person
    now: datetime  # aware, UTC
    content: Catalogue
    prefs: Prefs = field(default_factory=Prefs)
    partner: Partner | None = None
    # The name the person gave last time for each relation ("partner" -> "Leo"), from their
    # own most recent moment with that relation and a name: offered at "What's their name?".
    # Looked up only for the steps that may ask it (`needs_last_names`).
    last_names: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Outcome:
    """The new state (None: the flow is over), what to show, and what to record."""

    state: FlowState | None
    replies: tuple[Reply, ...] = ()
    effects: tuple[object, ...] = ()
    toast: Toast | None = None
    # The pressed card has served its purpose but stays in the chat: take its buttons away.
    retire_card: bool = False
    # The event was not an answer to this flow (text while its card waits for a button): the
    # flow gives way, to `state` (the flow it held, or None), and the event goes on from there
    # as if this flow had not been open.
    handback: bool = False


def as_messages(outcome: Outcome) -> Outcome:
    """An answer to something typed taken as a button would be: new messages, as no card was
    pressed to edit."""
    return replace(outcome, replies=tuple(replace(r, edit=False) for r in outcome.replies))


# A flow opened on top of another (/settings in the middle of a moment) holds that one's state
# in its data under HELD, and ends by putting it back rather than dropping it.
HELD = "held"


def holding(state: FlowState, kept: FlowState | None) -> FlowState:
    """`state`, holding `kept` (if any) to go back to when it ends."""
    if kept is None:
        return state
    whole = {"flow": kept.flow, "step": kept.step, "data": dict(kept.data)}
    return state.with_data(**{HELD: whole})


def held(state: FlowState | None) -> FlowState | None:
    """The flow `state` holds, if any."""
    kept = state.data.get(HELD) if state is not None else None
    if not kept:
        return None
    return FlowState(str(kept["flow"]), str(kept["step"]), dict(kept["data"]))


def carried(state: FlowState) -> dict[str, Any]:
    """The part of `state`'s data that goes with it to any step: the flow it holds."""
    return {HELD: state.data[HELD]} if HELD in state.data else {}


class Flow(Protocol):
    name: str

    def handle(self, state: FlowState, event: Event, ctx: Context) -> Outcome: ...

    def prompt(self, state: FlowState, ctx: Context) -> Reply:
        """The question of the current step, asked again (after a sticker, say)."""
        ...

    def cancel(self, state: FlowState, ctx: Context) -> Outcome:
        """What /cancel does: the reply, and anything to keep of what was said."""
        ...

    # Optional: `needs_partner(state) -> bool`, True where the step's question names the
    # partner, so the shell looks them up (Context.partner) only then; and
    # `abandon(state) -> effects`, what to keep when another flow replaces this one.
