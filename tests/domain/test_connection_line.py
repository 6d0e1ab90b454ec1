"""The evening card's "a moment of connection" line: a long one is kept in part, as the moment
flow keeps a long answer, never refused and lost. Pure, no bot."""

from datetime import UTC, date, datetime

from bot.content import catalogue
from bot.domain.drafts import clip
from bot.domain.flow import Context, FlowState, Person, TextInput
from bot.domain.moments import TEXT_LIMIT
from bot.domain.reflection_flow import REFLECTION, RecordReflection

C = catalogue("en")
NOW = datetime(2026, 3, 22, 20, 50, tzinfo=UTC)
LINE = (
    "We cooked together tonight for the first time in weeks, he put music on and we danced "
    "a little in the kitchen while the onions burned, and I felt like us again. "
) * 8


def asked() -> tuple[Context, FlowState]:
    ctx = Context(Person(7, "Lea"), NOW, C)
    return ctx, REFLECTION.start(ctx, 3, date(2026, 3, 22)).state or FlowState("", "", {})


def test_a_line_longer_than_an_answer_holds_is_kept_in_part_and_said_so():
    assert len(LINE) > TEXT_LIMIT
    ctx, state = asked()
    outcome = REFLECTION.handle(state, TextInput(LINE), ctx)
    assert outcome.state is None  # done: nothing more is asked
    (recorded,) = outcome.effects
    assert recorded == RecordReflection(3, date(2026, 3, 22), "connection", clip(LINE, TEXT_LIMIT))
    assert isinstance(recorded, RecordReflection) and recorded.note is not None
    assert len(recorded.note) <= TEXT_LIMIT and recorded.note.endswith("…")
    said = [r.text for r in outcome.replies]
    # The same words as the moment flow's camera and "what happened?" steps, first.
    assert said == [
        C.text("moment.shortened", limit=TEXT_LIMIT),
        C.text("evening.connection_kept"),
    ]
    assert C.text("moment.too_long", limit=TEXT_LIMIT) not in said


def test_a_line_that_fits_is_kept_whole_with_nothing_more_said():
    ctx, state = asked()
    outcome = REFLECTION.handle(state, TextInput("  a walk   by the river "), ctx)
    assert outcome.effects == (
        RecordReflection(3, date(2026, 3, 22), "connection", "a walk by the river"),
    )
    assert [r.text for r in outcome.replies] == [C.text("evening.connection_kept")]


def test_a_line_exactly_at_the_limit_is_kept_whole():
    ctx, state = asked()
    words = ("x" * 9 + " ") * (TEXT_LIMIT // 10)
    outcome = REFLECTION.handle(state, TextInput(words), ctx)
    (recorded,) = outcome.effects
    assert isinstance(recorded, RecordReflection) and recorded.note == words.strip()
    assert [r.text for r in outcome.replies] == [C.text("evening.connection_kept")]


def test_only_spaces_asks_again_and_keeps_nothing():
    ctx, state = asked()
    outcome = REFLECTION.handle(state, TextInput("   "), ctx)
    assert outcome.state == state and outcome.effects == ()
