"""A comment typed at the draft card, through the real Application: "that sounds like a robot"
was asked "Should I keep these as your own words?". Now it gets a warm word with the draft
card's buttons again, "way too harsh" is the softer version, "still a bit much" at the softer
one says so, and their own version is still asked about as theirs."""

from __future__ import annotations

from bot.content import catalogue
from tests.harness import Harness
from tests.inprocess.flows import TO_THE_PATH
from tests.inprocess.test_moments import moments_of, state_of

ANA = 612
C = catalogue("en")


async def test_comments_at_the_draft_card_are_about_the_draft(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH)
    (card,) = [a for a in await h.press(ANA, "Say something now") if a.text]
    labels = [b["text"] for b in card.buttons()]
    assert {"Softer", "Shorter", "I'll write my own", "That works"} <= set(labels)

    # Not them: a warm word, the draft and the same buttons, nothing changed.
    (said,) = [a for a in await h.text(ANA, "that sounds like a robot") if a.text]
    assert said.text is not None and said.text.startswith(C.text("moment.draft_comment.reply"))
    assert C.text("moment.own_typed") not in said.text
    assert [b["text"] for b in said.buttons()] == labels
    state = await state_of(h, ANA)
    assert state is not None and state.step == "draft"
    assert state.data["m"]["draft_style"] == "standard" and "typed" not in state.data

    # Too harsh: the softer version, as if tapped; still too much: already the softer one.
    (softer,) = h.texts(await h.text(ANA, "way too harsh"))
    assert softer.startswith("Here's a way you could say it")
    state = await state_of(h, ANA)
    assert state is not None and state.data["m"]["draft_style"] == "softer"
    (already,) = h.texts(await h.text(ANA, "hmm still a bit much"))
    assert already == C.text("moment.already_softer")

    # Their own version is still asked about as theirs.
    own = "I'm sorry I was short with you, I was stressed"
    (ask,) = h.texts(await h.text(ANA, own))
    assert ask.startswith(C.text("moment.own_typed"))
    await h.press(ANA, "No, show the draft again")
    await h.press(ANA, "That works")
    (row,) = await moments_of(h, ANA)
    assert (row.status, row.draft_style) == ("drafted", "softer")
