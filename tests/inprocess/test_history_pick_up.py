"""A moment repaired (a hard talk) or let go picked up again from /history, through the real
Application: it goes on at "What would you like to do with it?" with every answer kept, and on
to a new draft or plan; stopped before a new ending it is as it was; one set aside is never
picked up; stale and forged pick-ups change nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.content import catalogue
from bot.storage.models import MomentRow, ScheduledPrompt
from tests.harness import Harness
from tests.inprocess.flows import (
    EXPECTED_AFTER_PATH,
    LATER,
    LET_GO,
    SAY_IT_NOW,
    TO_THE_PATH,
    UNSAFE,
)
from tests.inprocess.test_moments import state_of

ANA, BEN = 621, 622
C = catalogue("en")
PICK_UP = C.text("history.pick_up")
ASK_PATH = C.text("moment.ask_path")
GONE = C.text("history.gone")
EXPIRED = C.text("shell.expired")


async def moments_of(h: Harness, user_id: int) -> list[MomentRow]:
    async with h.db.unit_of_work() as session:
        query = select(MomentRow).where(MomentRow.user_id == user_id)
        return list(await session.scalars(query.order_by(MomentRow.created_at)))


async def pending(h: Harness, user_id: int) -> list[ScheduledPrompt]:
    async with h.db.unit_of_work() as session:
        query = select(ScheduledPrompt).where(
            ScheduledPrompt.user_id == user_id, ScheduledPrompt.status == "pending"
        )
        return list(await session.scalars(query))


def check_answers(row: MomentRow) -> None:
    for field, value in EXPECTED_AFTER_PATH.items():
        assert getattr(row, field) == value, field


async def open_newest(h: Harness, user_id: int) -> str:
    """/history, and the newest moment opened: the card's text."""
    await h.text(user_id, "/history")
    item = h.last_card(user_id).buttons()[0]["text"]
    (card,) = h.texts(await h.press(user_id, item))
    return card


async def a_hard_talk(h: Harness) -> None:
    """A talk planned for later, and at its follow-up: it was hard."""
    await h.walk(ANA, LATER)
    h.clock.advance(timedelta(hours=24, minutes=30))
    await h.tick()
    await h.press(ANA, "It was hard")
    (row,) = await moments_of(h, ANA)
    assert (row.status, row.outcome) == ("repaired", "hard")


@pytest.fixture
async def ana(harness: Harness) -> Harness:
    await harness.onboard(ANA, "Ana")
    return harness


async def test_a_hard_talk_picked_up_goes_on_to_a_new_draft(ana: Harness):
    h = ana
    await a_hard_talk(h)
    await h.text(ANA, "/history")
    item = h.last_card(ANA).buttons()[0]["text"]
    assert item.endswith("· talked: it was hard")
    (card,) = h.texts(await h.press(ANA, item))
    assert "Status: talked: it was hard" in card

    replies = h.texts(await h.press(ANA, PICK_UP))
    assert replies[0] == C.text("history.picked_up_hard")
    assert replies[-1].startswith(ASK_PATH)
    state = await state_of(h, ANA)
    assert state is not None and state.step == "path"
    (row,) = await moments_of(h, ANA)
    check_answers(row)
    assert (row.status, row.outcome, row.resolved_at, row.plan_due_at) == ("open", None, None, None)
    assert row.path is None and row.draft is None
    assert await pending(h, ANA) == []  # the old talk's follow-up is not asked again

    # /back from the path goes to the needs, as in a moment told from the start.
    await h.text(ANA, "/back")
    assert (await state_of(h, ANA)).step == "need"  # type: ignore[union-attr]
    await h.press(ANA, "Done")
    await h.press(ANA, "Say something now")
    await h.press(ANA, "That works")
    (row,) = await moments_of(h, ANA)
    check_answers(row)
    assert (row.status, row.path, row.outcome, row.resolved_at) == ("drafted", "now", None, None)
    assert row.draft and "lonely" in row.draft
    assert await state_of(h, ANA) is None


async def test_the_hard_reply_itself_offers_to_pick_it_up(ana: Harness):
    h = ana
    await h.walk(ANA, LATER)
    h.clock.advance(timedelta(hours=24, minutes=30))
    await h.tick()
    actions = await h.press(ANA, "It was hard")
    (reply,) = [a for a in actions if a.text and a.method != "answerCallbackQuery"]
    assert reply.text.startswith("Hard talks still count")  # type: ignore[union-attr]
    assert [b["text"] for b in reply.buttons()] == [PICK_UP]
    replies = h.texts(await h.press(ANA, PICK_UP, message_id=reply.message_id))
    assert replies[-1].startswith(ASK_PATH)
    await h.press(ANA, "Talk about it later")
    await h.press(ANA, "Tomorrow evening")
    (row,) = await moments_of(h, ANA)
    check_answers(row)
    assert (row.status, row.path, row.outcome) == ("planned", "later", None)
    assert row.plan_due_at is not None and row.plan_due_at > h.clock.now
    (follow_up,) = await pending(h, ANA)
    assert follow_up.kind == "follow_up" and follow_up.moment_id == row.id


async def test_a_let_go_moment_picked_up_goes_on_to_a_plan(ana: Harness):
    h = ana
    await h.walk(ANA, LET_GO)
    card = await open_newest(h, ANA)
    assert "Status: let go" in card
    replies = h.texts(await h.press(ANA, PICK_UP))
    assert replies[0] == C.text("history.picked_up")
    assert replies[-1].startswith(ASK_PATH)
    (row,) = await moments_of(h, ANA)
    check_answers(row)
    assert (row.status, row.path, row.resolved_at) == ("open", None, None)
    await h.press(ANA, "Talk about it later")
    await h.press(ANA, "Tomorrow evening")
    (row,) = await moments_of(h, ANA)
    assert (row.status, row.path) == ("planned", "later") and row.plan_due_at is not None


@pytest.mark.parametrize("how", ["not safe to raise", "danger", "sos"])
async def test_a_moment_set_aside_is_never_picked_up(ana: Harness, how: str):
    # Set aside by their own "It doesn't feel safe to raise", by danger the screen found, or by
    # /sos: the same record, and no way from it back to drafts for someone they may fear.
    h = ana
    if how == "not safe to raise":
        await h.walk(ANA, UNSAFE)
    else:
        await h.walk(ANA, TO_THE_PATH[:5])
        danger = "He threw a glass at me and I'm scared of him"
        await h.text(ANA, danger if how == "danger" else "/sos")
    (row,) = await moments_of(h, ANA)
    assert (row.status, row.path) == ("set_aside", "unsafe")
    card = await open_newest(h, ANA)
    assert "Status: set aside" in card
    buttons = [b["text"] for b in h.last_card(ANA).buttons()]
    assert buttons == [C.text("history.delete"), C.text("history.back")]
    actions = await h.press(ANA, data=f"menu:hp.{row.id}", forge=True)
    assert h.toasts(actions) == [EXPIRED]
    assert not any(ASK_PATH in t for t in h.texts(actions))
    assert await state_of(h, ANA) is None
    (same,) = await moments_of(h, ANA)
    assert (same.status, same.path, same.updated_at) == ("set_aside", "unsafe", row.updated_at)


async def test_planned_again_for_the_time_planned_before_is_asked_about(ana: Harness):
    # Planned for tomorrow evening, let go from /history (its question cancelled), picked up
    # and planned for tomorrow evening again: the question is asked after that talk.
    h = ana
    await h.walk(ANA, LATER)
    (first,) = await pending(h, ANA)
    await open_newest(h, ANA)
    await h.press(ANA, C.text("history.mark_let_go"))
    assert await pending(h, ANA) == []
    await h.press(ANA, PICK_UP)
    await h.press(ANA, "Talk about it later")
    await h.press(ANA, "Tomorrow evening")
    (row,) = await moments_of(h, ANA)
    assert row.status == "planned"
    (follow_up,) = await pending(h, ANA)
    assert (follow_up.key, follow_up.kind) == (first.key, "follow_up")
    h.clock.advance(timedelta(hours=24, minutes=30))
    asked = h.texts(await h.tick())
    assert any(t.startswith("Did you get to talk") for t in asked), asked
    await h.press(ANA, "It went well")
    (row,) = await moments_of(h, ANA)
    assert (row.status, row.outcome) == ("repaired", "went_well")


async def settled_by_saying_it(h: Harness) -> MomentRow:
    """A draft said, then marked repaired from /history: the record to keep."""
    await h.walk(ANA, SAY_IT_NOW)
    await open_newest(h, ANA)
    await h.press(ANA, C.text("history.mark_repaired"))
    (row,) = await moments_of(h, ANA)
    assert row.status == "repaired" and row.draft and row.resolved_at is not None
    return row


def as_it_was(row: MomentRow) -> tuple[object, ...]:
    fields = ("status", "path", "draft", "draft_style", "plan_due_at", "outcome", "resolved_at")
    return tuple(getattr(row, f) for f in fields)


async def test_cancelled_right_after_a_pick_up_the_moment_is_as_it_was(ana: Harness):
    h = ana
    before = await settled_by_saying_it(h)
    await h.press(ANA, PICK_UP)
    (picked,) = await moments_of(h, ANA)
    assert picked.status == "open"
    said = h.texts(await h.text(ANA, "/cancel"))
    assert said == [C.text("history.left_as_it_was", status="repaired")]
    assert await state_of(h, ANA) is None
    (after,) = await moments_of(h, ANA)
    assert as_it_was(after) == as_it_was(before)
    check_answers(after)
    # Nothing unfinished to nudge about, and it can be picked up again.
    h.clock.advance(timedelta(days=3))
    assert h.texts(await h.tick()) == []
    card = await open_newest(h, ANA)
    assert "Status: repaired" in card
    assert PICK_UP in [b["text"] for b in h.last_card(ANA).buttons()]


async def test_stopped_partway_to_a_new_ending_it_is_as_it_was(ana: Harness):
    # A new path taken but not to its end (at the draft), then something else started: another
    # moment resumed from /history in its place.
    h = ana
    await h.walk(ANA, TO_THE_PATH[:7])
    await h.text(ANA, "/cancel")
    (other,) = await moments_of(h, ANA)
    h.clock.advance(timedelta(minutes=5))
    await h.walk(ANA, LET_GO)
    (before,) = [m for m in await moments_of(h, ANA) if m.id != other.id]
    await open_newest(h, ANA)
    await h.press(ANA, PICK_UP)
    await h.press(ANA, "Say something now")
    assert (await state_of(h, ANA)).step == "draft"  # type: ignore[union-attr]
    await h.text(ANA, "/history")
    items = [b["text"] for b in h.last_card(ANA).buttons()]
    await h.press(ANA, next(i for i in items if i.endswith("· unfinished")))
    await h.press(ANA, C.text("history.resume"))
    state = await state_of(h, ANA)
    assert state is not None and state.data["m"]["id"] == other.id
    (after,) = [m for m in await moments_of(h, ANA) if m.id == before.id]
    assert as_it_was(after) == as_it_was(before) and after.status == "let_go"


async def test_a_new_ending_after_a_pick_up_stands(ana: Harness):
    h = ana
    await settled_by_saying_it(h)
    await h.press(ANA, PICK_UP)
    await h.press(ANA, "Let it go")
    await h.press(ANA, "No, it's truly let go")
    assert await state_of(h, ANA) is None
    (row,) = await moments_of(h, ANA)
    assert (row.status, row.path, row.draft, row.outcome) == ("let_go", "let_go", None, None)
    await h.text(ANA, "/cancel")  # nothing to cancel now: it stays let go
    (same,) = await moments_of(h, ANA)
    assert as_it_was(same) == as_it_was(row)


async def test_picked_up_while_another_moment_is_under_way_as_resume_does(ana: Harness):
    h = ana
    await h.walk(ANA, LET_GO)
    await h.walk(ANA, TO_THE_PATH[:7])  # a second moment, at how it felt
    await h.text(ANA, "/history")
    items = [b["text"] for b in h.last_card(ANA).buttons()]
    settled = next(i for i in items if i.endswith("· let go"))
    await h.press(ANA, settled)
    replies = h.texts(await h.press(ANA, PICK_UP))
    assert replies[-1].startswith(ASK_PATH)
    first, second = await moments_of(h, ANA)
    assert first.status == "open" and second.status == "unfinished"  # kept, as Resume keeps it
    state = await state_of(h, ANA)
    assert state is not None and state.step == "path" and state.data["m"]["id"] == first.id


async def test_forged_stale_and_someone_elses_pick_ups_change_nothing(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.onboard(BEN, "Ben")
    await h.walk(ANA, LET_GO)
    (row,) = await moments_of(h, ANA)
    # Someone else's moment, or an id never made: no such moment of theirs.
    for data in (f"menu:hp.{row.id}", "menu:hp.nosuchmoment"):
        actions = await h.press(BEN, data=data, forge=True)
        assert h.toasts(actions) == [GONE]
        assert not any("Sam" in (a.text or "") for a in actions)
    assert await state_of(h, BEN) is None and await moments_of(h, BEN) == []
    (still,) = await moments_of(h, ANA)
    assert (still.status, still.updated_at) == (row.status, row.updated_at)

    # Picked up already: the same button again is an expired card, and the flow stays.
    await open_newest(h, ANA)
    card = h.last_card(ANA).message_id
    await h.press(ANA, PICK_UP, message_id=card)
    before = await state_of(h, ANA)
    (picked,) = await moments_of(h, ANA)
    actions = await h.press(ANA, PICK_UP, message_id=card)
    assert h.toasts(actions) == [EXPIRED]
    after = await state_of(h, ANA)
    assert before is not None and after is not None
    assert (after.step, after.version) == (before.step, before.version)
    (same,) = await moments_of(h, ANA)
    assert (same.status, same.updated_at) == (picked.status, picked.updated_at)

    # Stopped: let go again, as it was.
    await h.text(ANA, "/cancel")
    (left,) = await moments_of(h, ANA)
    assert left.status == "let_go"

    # One left unfinished is picked up with Resume, not with this button.
    await h.walk(ANA, TO_THE_PATH[:7])
    await h.text(ANA, "/cancel")
    (unfinished,) = [m for m in await moments_of(h, ANA) if m.id != row.id]
    assert unfinished.status == "unfinished"
    actions = await h.press(ANA, data=f"menu:hp.{unfinished.id}", forge=True)
    assert h.toasts(actions) == [EXPIRED]
    assert await state_of(h, ANA) is None
    await h.press(ANA, data=f"menu:hd.{unfinished.id}", forge=True)
    await h.press(ANA, "Yes, delete it")

    # Deleted since: gone.
    await h.press(ANA, data=f"menu:hd.{row.id}", forge=True)
    await h.press(ANA, "Yes, delete it")
    assert await moments_of(h, ANA) == []
    actions = await h.press(ANA, data=f"menu:hp.{row.id}", forge=True)
    assert h.toasts(actions) == [GONE]
    assert await state_of(h, ANA) is None and await moments_of(h, ANA) == []


async def test_left_for_hours_after_a_pick_up_it_is_as_it_was_and_said_so(ana: Harness):
    h = ana
    before = await settled_by_saying_it(h)
    await h.press(ANA, PICK_UP)
    h.clock.advance(timedelta(hours=13))
    said = " ".join(h.texts(await h.text(ANA, "hi")))
    assert "unfinished" not in said, said
    assert "as it was" in said and "repaired" in said, said
    (after,) = await moments_of(h, ANA)
    assert as_it_was(after) == as_it_was(before)
