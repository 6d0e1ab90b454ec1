"""A moment picked up again from /history is put back as it was when stopped before a new
ending, but only while it is still in progress: what settled or deleted it meanwhile stands
(moments.RestoreMoment). A follow-up card answered while the moment is open in a flow has
expired; a moment deleted while its flow is held (under /settings, the danger check) does
not come back; and /history sees a moment held beneath another flow as in progress."""

from __future__ import annotations

from datetime import timedelta

from bot.content import catalogue
from tests.harness import Harness
from tests.inprocess.flows import LATER, LET_GO, TO_THE_PATH
from tests.inprocess.test_history_pick_up import (
    ANA,
    ASK_PATH,
    PICK_UP,
    moments_of,
    open_newest,
)
from tests.inprocess.test_moments import state_of

C = catalogue("en")
EXPIRED = C.text("shell.expired")
ANGRY = "I was so angry I could kill him"


async def a_follow_up_then_let_go(h: Harness) -> int:
    """A talk planned for later; its follow-up comes (left unanswered); then let go from
    /history. The follow-up card's message id."""
    await h.walk(ANA, LATER)
    h.clock.advance(timedelta(hours=24, minutes=30))
    sent = await h.tick()
    (card,) = [a for a in sent if a.text and a.text.startswith("Did you get to talk")]
    await open_newest(h, ANA)
    await h.press(ANA, C.text("history.mark_let_go"))
    (row,) = await moments_of(h, ANA)
    assert row.status == "let_go"
    assert card.message_id is not None
    return card.message_id


async def test_a_follow_up_answered_while_picked_up_has_expired(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    card = await a_follow_up_then_let_go(h)
    (before,) = await moments_of(h, ANA)
    await h.press(ANA, PICK_UP)
    actions = await h.press(ANA, "It went well", message_id=card)
    assert EXPIRED in h.texts(actions) + h.toasts(actions)
    (row,) = await moments_of(h, ANA)
    assert (row.status, row.outcome) == ("open", None)  # still being worked on
    st = await state_of(h, ANA)
    assert st is not None and (st.flow, st.step) == ("moment", "path")
    await h.text(ANA, "/cancel")
    (row,) = await moments_of(h, ANA)
    assert (row.status, row.outcome, row.resolved_at) == ("let_go", None, before.resolved_at)


async def test_settled_meanwhile_is_not_undone_by_cancel(harness: Harness):
    """Picked up, held under the danger check (which keeps the moment as it was while it
    asks), "no", then the old follow-up answered: that answer is newer than the pick-up, and
    /cancel does not put "let go" back over it."""
    h = harness
    await h.onboard(ANA, "Ana")
    card = await a_follow_up_then_let_go(h)
    await h.press(ANA, PICK_UP)
    await h.text(ANA, ANGRY)
    await h.text(ANA, "no")
    st = await state_of(h, ANA)
    assert st is not None and (st.flow, st.step) == ("moment", "path")
    await h.press(ANA, "It went well", message_id=card)
    (row,) = await moments_of(h, ANA)
    assert (row.status, row.outcome) == ("repaired", "went_well")
    await h.text(ANA, "/cancel")
    (row,) = await moments_of(h, ANA)
    assert (row.status, row.outcome) == ("repaired", "went_well")


async def test_marked_in_history_while_held_under_the_check(harness: Harness):
    """The moment held beneath the check is in progress in /history: not marked repaired
    there (nor picked up again), and /cancel after the check puts back what it was."""
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LET_GO)
    (before,) = await moments_of(h, ANA)
    await open_newest(h, ANA)
    await h.press(ANA, PICK_UP)
    await h.text(ANA, ANGRY)
    shown = await open_newest(h, ANA)
    buttons = [b["text"] for b in h.last_card(ANA).buttons()]
    assert C.text("history.mark_repaired") not in buttons, (shown, buttons)
    data = [str(b.get("callback_data", "")) for b in h.last_card(ANA).buttons()]
    assert not any(d.startswith("menu:hp.") for d in data), data  # resumed, not picked up
    repaired = h.texts(await h.press(ANA, data=f"menu:hr.{before.id}", forge=True))
    assert not any(C.text("history.marked_repaired") in t for t in repaired)
    (row,) = await moments_of(h, ANA)
    assert row.status != "repaired"
    await h.text(ANA, "no")
    st = await state_of(h, ANA)
    assert st is not None and (st.flow, st.step) == ("moment", "path")
    await h.text(ANA, "/cancel")
    (row,) = await moments_of(h, ANA)
    assert (row.status, row.resolved_at) == ("let_go", before.resolved_at)


async def deleted_from_history(h: Harness) -> None:
    await open_newest(h, ANA)
    await h.press(ANA, C.text("history.delete"))
    await h.press(ANA, "Yes, delete it")
    assert await moments_of(h, ANA) == []


async def test_picked_up_and_deleted_under_settings_stays_deleted(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LET_GO)
    await open_newest(h, ANA)
    await h.press(ANA, PICK_UP)
    await h.text(ANA, "/settings")
    await deleted_from_history(h)
    said = h.texts(await h.text(ANA, "/cancel"))  # settings closed: nothing to go back to
    assert not any(ASK_PATH in t for t in said), said
    assert await state_of(h, ANA) is None
    await h.text(ANA, "/cancel")
    assert await moments_of(h, ANA) == []


async def test_unfinished_and_deleted_under_settings_stays_deleted(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:7])
    await h.text(ANA, "/settings")
    await deleted_from_history(h)
    await h.text(ANA, "/cancel")
    assert await state_of(h, ANA) is None
    await h.text(ANA, "/cancel")
    assert await moments_of(h, ANA) == []


async def test_deleted_while_held_under_the_check_stays_deleted(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LET_GO)
    await open_newest(h, ANA)
    await h.press(ANA, PICK_UP)
    await h.text(ANA, ANGRY)
    await deleted_from_history(h)
    st = await state_of(h, ANA)
    assert st is not None and (st.flow, st.step) == ("safety", "check")
    await h.text(ANA, "no")  # the check still answers; no moment to go back to
    st = await state_of(h, ANA)
    assert st is None or (st.flow, st.step) != ("moment", "path")
    await h.text(ANA, "/cancel")
    assert [m.id for m in await moments_of(h, ANA) if m.status != "open"] == []
    assert all(m.status not in ("let_go", "unfinished") for m in await moments_of(h, ANA))


async def test_resumed_from_history_while_held_under_settings(harness: Harness):
    """Resume on the card of the moment /settings holds: it goes on where it was, still
    picked up (so /cancel puts it back as it was), and stays open while it is worked on."""
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LET_GO)
    (before,) = await moments_of(h, ANA)
    await open_newest(h, ANA)
    await h.press(ANA, PICK_UP)
    await h.text(ANA, "/settings")
    await open_newest(h, ANA)
    said = h.texts(await h.press(ANA, C.text("history.resume")))
    assert ASK_PATH in said[-1]
    (row,) = await moments_of(h, ANA)
    assert row.status == "open"
    await h.text(ANA, "/cancel")
    (row,) = await moments_of(h, ANA)
    assert (row.status, row.resolved_at) == ("let_go", before.resolved_at)
