"""The gentle check after a CONCERN: the message waits, unread by any flow, until the person
says whether anyone is in danger. The shell handles the two buttons (it has to put the
previous flow back, or stop everything)."""

from __future__ import annotations

from bot.domain.crisis import concern_reply
from bot.domain.flow import Context, Event, FlowState, Outcome
from bot.domain.replies import Button, Reply, rows

FLOW = "safety"
CHECK = "check"
SAFE, NOT_SURE = "angry", "unsafe"  # button options (the first kept from cards already out)


class SafetyCheck:
    name = FLOW

    def start(
        self, ctx: Context, text: str, previous: FlowState | None, about_self: bool = False
    ) -> Outcome:
        """Hold `text` and ask. `about_self`: the worry is about the person themselves ("I'm
        not suicidal, just tired"), not anger at someone ("I could kill him")."""
        held = None
        if previous is not None:
            held = {"flow": previous.flow, "step": previous.step, "data": dict(previous.data)}
        state = FlowState(FLOW, CHECK, {"text": text, "prev": held, "self": about_self})
        return Outcome(state, (self.prompt(state, ctx),))

    def prompt(self, state: FlowState, ctx: Context) -> Reply:
        c = ctx.content
        about_self = is_about_self(state)
        card = concern_reply(c, about_self)
        # Flow buttons (not menu ones): they belong to this held message only.
        buttons = rows(
            Button(c.text("safety.safe" if about_self else "safety.just_angry"), SAFE),
            Button(c.text("safety.not_sure"), NOT_SURE),
        )
        return Reply(card.text, buttons)

    def handle(self, state: FlowState, event: Event, ctx: Context) -> Outcome:
        return Outcome(state, (self.prompt(state, ctx),))

    def cancel(self, state: FlowState, ctx: Context) -> Outcome:
        return Outcome(None, (Reply(ctx.content.text("shell.cancelled")),))


def is_about_self(state: FlowState) -> bool:
    return bool(state.data.get("self"))


def previous(state: FlowState) -> FlowState | None:
    held = state.data.get("prev")
    if not held:
        return None
    return FlowState(str(held["flow"]), str(held["step"]), dict(held["data"]))


SAFETY = SafetyCheck()
