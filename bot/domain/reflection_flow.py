"""The evening reflection's "a moment of connection": an optional line to keep."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.domain.drafts import clip
from bot.domain.flow import (
    ButtonInput,
    Context,
    Event,
    FlowState,
    Outcome,
    TextInput,
    held,
    holding,
)
from bot.domain.moments import TEXT_LIMIT
from bot.domain.replies import Button, Reply, rows

FLOW = "reflect"
LINE = "line"


@dataclass(frozen=True)
class RecordReflection:
    """Effect: keep the answer to an evening reflection (one per prompt; a later call for the
    same prompt adds the note)."""

    prompt_id: int | None
    local_date: date
    answer: str
    note: str | None = None


class ReflectionFlow:
    name = FLOW

    def start(
        self, ctx: Context, prompt_id: int, local_date: date, kept: FlowState | None = None
    ) -> Outcome:
        """Ask for the line; `kept`: a moment under way when the card was answered, taken up
        again once the line is kept or skipped."""
        state = FlowState(FLOW, LINE, {"prompt": prompt_id, "date": local_date.isoformat()})
        state = holding(state, kept)
        recorded = RecordReflection(prompt_id, local_date, "connection")
        return Outcome(state, (self.prompt(state, ctx),), (recorded,))

    def prompt(self, state: FlowState, ctx: Context) -> Reply:
        c = ctx.content
        skip = Button(c.text("evening.connection_skip"), "skip")
        return Reply(c.text("evening.connection_ask"), rows(skip), edit=True)

    def cancel(self, state: FlowState, ctx: Context) -> Outcome:
        return Outcome(held(state), (Reply(ctx.content.text("shell.cancelled")),))

    def handle(self, state: FlowState, event: Event, ctx: Context) -> Outcome:
        c = ctx.content
        if isinstance(event, ButtonInput) and event.option == "skip":
            return Outcome(held(state), (Reply(c.text("evening.connection_kept"), edit=True),))
        if isinstance(event, TextInput):
            note = clip(event.text, TEXT_LIMIT)  # on one line; a long one cut after a word
            if not note:  # nothing to keep: the question again, as a new message
                prompt = self.prompt(state, ctx)
                return Outcome(state, (Reply(prompt.text, prompt.buttons),))
            prompt_id = state.data.get("prompt")
            recorded = RecordReflection(
                int(prompt_id) if prompt_id is not None else None,
                date.fromisoformat(str(state.data["date"])),
                "connection",
                note,
            )
            replies = [Reply(c.text("evening.connection_kept"))]
            if len(" ".join(event.text.split())) > TEXT_LIMIT:
                # As the moment flow keeps a long answer: its first part, and said so first,
                # never refused and lost.
                replies.insert(0, Reply(c.text("moment.shortened", limit=TEXT_LIMIT)))
            return Outcome(held(state), tuple(replies), (recorded,))
        prompt = self.prompt(state, ctx)
        return Outcome(
            state, (Reply(c.text("onboarding.text_only", prompt=prompt.text), prompt.buttons),)
        )


REFLECTION = ReflectionFlow()
