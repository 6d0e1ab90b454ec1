"""The walkthrough's typed answers at the end of a moment, through the real Application: "can
it be even shorter?" at the draft, a time or "not sure" at the path, and a hedged yes at the
let-go check were taken as their own words or got "Please tap one of the buttons below."."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.content import catalogue
from tests.harness import Harness
from tests.inprocess.flows import TO_THE_PATH
from tests.inprocess.test_moments import moments_of, state_of

ANA = 611
C = catalogue("en")
PATH_LABELS = [
    "Say something now",
    "Talk about it later",
    "Let it go",
    "It doesn't feel safe to raise",
]


async def test_shorter_and_softer_typed_at_the_draft_are_the_buttons(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH)
    await h.press(ANA, "Say something now")
    await h.press(ANA, "Shorter")
    (already,) = h.texts(await h.text(ANA, "can it be even shorter?"))
    assert already == C.text("moment.already_shorter")
    (card,) = h.texts(await h.text(ANA, "softer pls"))
    assert card.startswith("Here's a way you could say it")
    state = await state_of(h, ANA)
    assert state is not None and state.step == "draft"
    assert state.data["m"]["draft_style"] == "softer"
    # Their own message that mentions "shorter" is still asked about as theirs.
    own = "hey sam, sorry, i'll keep it shorter: can we put our phones away when we talk?"
    (ask,) = h.texts(await h.text(ANA, own))
    assert ask.startswith(C.text("moment.own_typed"))
    assert not any("Please tap" in t for t in h.texts(await h.press(ANA, "Yes, keep my words")))
    (row,) = await moments_of(h, ANA)
    assert (row.draft, row.draft_style) == (own, "own")


async def test_a_time_typed_at_the_path_plans_the_talk(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH)
    replies = h.texts(await h.text(ANA, "i'll talk to him sunday after lunch"))
    assert "Please tap" not in " ".join(replies)
    assert "plan to talk" in replies[0] and "Recorded:" in replies[-1]
    assert await state_of(h, ANA) is None
    (row,) = await moments_of(h, ANA)
    assert (row.path, row.status) == ("later", "planned")
    # Sunday 20:30 in Berlin: next Sunday at 14:00 there.
    assert row.plan_due_at is not None
    assert row.plan_due_at.replace(tzinfo=UTC) == datetime(2026, 3, 8, 13, 0, tzinfo=UTC)


async def test_not_knowing_at_the_path_gets_a_warm_word_and_the_buttons(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH)
    for typed in ("honestly not sure i want to bring it up at all", "what would you do?"):
        (reply,) = h.texts(await h.text(ANA, typed))
        assert reply == C.text("moment.path_unsure")
        assert [b["text"] for b in h.last_card(ANA).buttons()] == PATH_LABELS
    (when,) = h.texts(await h.text(ANA, "maybe later"))
    assert when == "When would be a better time?"


async def test_a_hedged_yes_at_the_let_go_check_is_read(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH)
    await h.press(ANA, "Let it go")
    (reply,) = h.texts(await h.text(ANA, "honestly probably yeah it would"))
    assert reply == C.text("moment.let_go_not_yet")
    state = await state_of(h, ANA)
    assert state is not None and state.step == "path"
    await h.press(ANA, "Let it go")
    (again,) = h.texts(await h.text(ANA, "idk"))
    assert again == C.text("moment.let_go_unsure")
    replies = h.texts(await h.text(ANA, "nah probably not tbh"))
    assert any(t.startswith("Recorded:") for t in replies)
    (row,) = await moments_of(h, ANA)
    assert row.status == "let_go"


async def test_this_is_too_much_at_the_path_gets_care_and_keeps_the_place(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH)
    actions = await h.text(ANA, "ugh this is too much right now")
    (care,) = h.texts(actions)
    assert care.startswith(C.text("moment.small_talk_again.overwhelmed"))
    assert [b["text"] for b in h.last_card(ANA).buttons()] == PATH_LABELS
    state = await state_of(h, ANA)
    assert state is not None and state.step == "path"
    (row,) = await moments_of(h, ANA)
    assert row.status == "open" and row.path is None
    # The place is kept: the next tap goes on from there.
    assert "Here's a way you could say it" in " ".join(
        h.texts(await h.press(ANA, "Say something now"))
    )
