"""The gentle check after a CONCERN: the message waits, unread by any flow, until the person
says whether anyone is in danger. The shell handles the two buttons (it has to put the
previous flow back, or stop everything)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from bot.content import Catalogue
from bot.domain.crisis import concern_reply
from bot.domain.flow import HELD, Context, Event, FlowState, Outcome, TextInput, held
from bot.domain.flow import holding as flow_holding
from bot.domain.replies import Button, Reply, rows
from bot.domain.safety import ABOUT_ANGER, ABOUT_SELF, ABOUT_THEM
from bot.domain.small_talk import Named, bare, bare_phrases_of, made_of, named, words

FLOW = "safety"
CHECK = "check"
SAFE, NOT_SURE = "angry", "unsafe"  # button options (the first kept from cards already out)
HEDGED = "hedged"  # typed, not a button: a hedged no ("not really"), asked about again


class SafetyCheck:
    name = FLOW

    def start(
        self, ctx: Context, text: str, previous: FlowState | None, about: str = ABOUT_ANGER
    ) -> Outcome:
        """Hold `text` and ask. `about` (safety.ABOUT_*): anger at someone ("I could kill
        him"), the person themselves ("I'm not suicidal, just tired"), or what someone else
        does ("he checks my phone every night")."""
        data = {"text": text, "self": about == ABOUT_SELF, "about": about}
        state = holding(FlowState(FLOW, CHECK, data), previous)
        return Outcome(state, (self.prompt(state, ctx),))

    def prompt(self, state: FlowState, ctx: Context, hedged: bool = False) -> Reply:
        """The check's card; after a hedged answer (`hedged`), asked again in words that show
        the answer was read, with the same two buttons."""
        c = ctx.content
        about = asked_about(state)
        card = Reply(c.text("safety.concern_hedged")) if hedged else concern_reply(c, about)
        # Flow buttons (not menu ones): they belong to this held message only.
        safe = "safety.just_angry" if about == ABOUT_ANGER else "safety.safe"
        buttons = rows(
            Button(c.text(safe), SAFE),
            Button(c.text("safety.not_sure"), NOT_SURE),
        )
        return Reply(card.text, buttons)

    def handle(self, state: FlowState, event: Event, ctx: Context) -> Outcome:
        """A typed answer that means what a button means is taken as that press (`Answered`,
        for the shell); a hedged one is asked about again, gently; anything else asks again."""
        if isinstance(event, TextInput):
            option = typed_answer(event.text, asked_about(state), ctx.content)
            if option == HEDGED:
                return Outcome(state, (self.prompt(state, ctx, hedged=True),))
            if option is not None:
                return Outcome(state, effects=(Answered(option),))
        return Outcome(state, (self.prompt(state, ctx),))

    def cancel(self, state: FlowState, ctx: Context) -> Outcome:
        return Outcome(None, (Reply(ctx.content.text("shell.cancelled")),))


@dataclass(frozen=True)
class Answered:
    """The check was answered in words, as pressing `option` (SAFE or NOT_SURE) answers it:
    the shell handles it exactly as that press."""

    option: str


def typed_answer(text: str, about: str, c: Catalogue) -> str | None:
    """What typed words answer the check that asked `about`: NOT_SURE (not safe, or help),
    SAFE, HEDGED (a hedged no to "is anyone in danger?": asked again, gently), or None when
    they answer it not clearly (it is asked again). Whole messages only (`safety.typed_*`,
    and the buttons' own words); a bare yes or no by what was asked. The screen has read the
    words first: danger typed here never reaches this."""
    said = " ".join(words(text))
    if not said:
        return None
    hedged = tuple(bare(w) for w in words(text)) in bare_phrases_of(c, "safety.typed_hedged")
    if about == ABOUT_ANGER and hedged:
        return HEDGED  # before `typed_unsafe`: "not really" there is not safe for oneself
    buttons = (  # not sure first: words that could name both are taken as not safe
        Named(NOT_SURE, (c.text("safety.not_sure"),), ("safety.typed_unsafe",)),
        Named(SAFE, (c.text("safety.just_angry"), c.text("safety.safe")), ("safety.typed_safe",)),
    )
    button = next(iter(named(text, buttons, c)), None)
    if button is not None:
        return button
    yes, no = said in c.raw("safety.typed_yes"), said in c.raw("safety.typed_no")
    if about == ABOUT_SELF and (yes or no):  # "are you safe right now?"
        return SAFE if yes else NOT_SURE
    if about == ABOUT_ANGER and (yes or no):  # "is anyone in danger right now?"
        return NOT_SURE if yes else SAFE
    if about == ABOUT_ANGER and _clear_no(text, c):
        return SAFE
    return None


def _clear_no(text: str, c: Catalogue) -> bool:
    """Whether the whole of `text` is a no to "is anyone in danger?" in the person's own
    words: one after another, phrases of `safety.typed_no`, `safety.typed_clear_no` and
    `safety.typed_safe`, at least one of them, with any `shell.fillers` ("lol") between."""
    answers = tuple(
        phrase
        for key in ("safety.typed_no", "safety.typed_clear_no", "safety.typed_safe")
        for phrase in bare_phrases_of(c, key)
    )
    said = tuple(bare(w) for w in words(text))
    return made_of(said, answers, bare_phrases_of(c, "shell.fillers"))


def is_about_self(state: FlowState) -> bool:
    return bool(state.data.get("self"))


def asked_about(state: FlowState) -> str:
    """What the check asks about (safety.ABOUT_*); a check held from before there were three
    knows only whether it was about the person themselves."""
    about = state.data.get("about")
    if isinstance(about, str) and about in (ABOUT_ANGER, ABOUT_SELF, ABOUT_THEM):
        return about
    return ABOUT_SELF if is_about_self(state) else ABOUT_ANGER


def holding(check: FlowState, kept: FlowState | None) -> FlowState:
    """The danger `check` holding `kept` (None: nothing) to go back to, as `previous` reads it."""
    prev = {"flow": kept.flow, "step": kept.step, "data": dict(kept.data)} if kept else None
    return check.with_data(prev=prev)


def previous(state: FlowState) -> FlowState | None:
    held = state.data.get("prev")
    if not held:
        return None
    return FlowState(str(held["flow"]), str(held["step"]), dict(held["data"]))


def beneath(state: FlowState) -> FlowState | None:
    """The flow `state` holds to go back to: the check keeps it as its own (`previous`), any
    other flow as `held` (/settings opened over the check holds the check)."""
    return previous(state) if state.flow == FLOW else held(state)


def over(state: FlowState, kept: FlowState | None) -> FlowState:
    """`state` holding `kept` (None: nothing) in place of what it held."""
    if state.flow == FLOW:
        return holding(state, kept)
    return flow_holding(
        replace(state, data={k: v for k, v in state.data.items() if k != HELD}), kept
    )


def open_check(state: FlowState | None) -> FlowState | None:
    """The danger check `state` is, or holds beneath it at any depth (/settings opened over
    it); None if there is none. While it is open, no other flow may begin in its place."""
    while state is not None and state.flow != FLOW:
        state = beneath(state)
    return state


SAFETY = SafetyCheck()
