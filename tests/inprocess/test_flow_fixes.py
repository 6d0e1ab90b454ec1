"""Fixes in the repair flow through the real Application: a stale send card, a moment under
way picked up again from /history, the direction typed, "changed my mind" after declining the
offer, and /history labels."""

from __future__ import annotations

from datetime import timedelta

from bot.domain.flow import FlowState
from bot.domain.repair_flow import moment_of
from tests.harness import Harness
from tests.inprocess.flows import TO_A_DRAFT_FOR_BEN, TO_THE_PATH
from tests.inprocess.test_moments import moments_of, state_of

ANA, BEN, CY = 821, 822, 823


async def test_a_send_card_for_the_old_partner_sends_nothing_to_the_new_one(h: Harness):
    for user, name in ((ANA, "Ana"), (BEN, "Ben"), (CY, "Cy")):
        await h.onboard(user, name)
    await h.link(ANA, BEN, "Ana")
    await h.walk(ANA, TO_A_DRAFT_FOR_BEN)
    await h.press(ANA, "Send this to Ben")
    card = h.last_card(ANA).message_id
    await h.text(ANA, "/unlink")
    await h.press(ANA, "Yes, end it")
    await h.link(ANA, CY, "Ana")
    actions = await h.press(ANA, "Send privately", message_id=card)
    assert not [a for a in actions if a.chat_id == CY]
    said = " ".join(h.texts(actions))
    assert "Nothing was sent" in said and "Sent to" not in said


async def test_picking_up_the_moment_under_way_from_history_loses_no_answer(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/moment")
    await h.press(ANA, "Something happened to me")
    await h.press(ANA, "A friend")
    await h.text(ANA, "Rosa")
    await h.press(ANA, "A dismissive tone")
    await h.text(ANA, "She said 'whatever' and walked off")  # now at the 1 to 5 question
    await h.text(ANA, "/history")
    await h.press(ANA, h.last_card(ANA).buttons()[0]["text"])
    asked = h.texts(await h.press(ANA, "Pick it up again"))
    assert any("How much" in t for t in asked), asked
    await h.text(ANA, "4")
    (row,) = await moments_of(h, ANA)
    state = await state_of(h, ANA)
    assert state is not None and state.step == "feel"
    moment = moment_of(FlowState(state.flow, state.step, dict(state.data)))
    assert (moment.observation, moment.intensity) == ("She said 'whatever' and walked off", 4)
    assert row.observation == "She said 'whatever' and walked off"  # saved on resuming


async def test_the_direction_typed_is_read_the_right_way_round(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/moment")
    (again,) = h.texts(await h.text(ANA, "hurt"))  # says neither: asked again, not guessed
    assert "did something happen to you" in again
    (who,) = h.texts(await h.text(ANA, "my partner hurt me"))
    assert who.startswith("Who was it with?")
    await h.text(ANA, "/cancel")
    await h.text(ANA, "/moment")
    (who,) = h.texts(await h.text(ANA, "i think i hurt my gf"))
    assert who.startswith("Who do you think you hurt?")


async def test_yes_after_all_just_after_declining_looks_at_what_was_told(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "he never listens 😤")
    await h.press(ANA, "No, I just needed to say it")
    asked = h.texts(await h.text(ANA, "actually yeah lets do it"))
    assert any("Which is it?" in t for t in asked), asked
    (row,) = await moments_of(h, ANA)
    assert row.description == "he never listens 😤"


async def test_new_words_after_declining_are_a_new_offer_not_the_old_one(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "he never listens 😤")
    await h.press(ANA, "No, I just needed to say it")
    (offer,) = h.texts(await h.text(ANA, "and he forgot my birthday"))
    assert "Want to look at this moment together?" in offer
    await h.press(ANA, "Yes, let's look")
    (row,) = await moments_of(h, ANA)
    assert row.description == "and he forgot my birthday"


async def test_a_follow_up_card_for_the_moment_under_way_goes_on_where_it_is(h: Harness):
    """An unfinished moment picked up from /history and answered further; then its older
    follow-up card's "Pick it up again": it goes on at the question it is at, no answer lost
    and none asked again."""
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:5])  # at "If a camera had been there"
    await h.text(ANA, "/cancel")  # kept as unfinished
    h.clock.advance(timedelta(days=1, hours=1))
    await h.tick()
    follow_up = h.last_card(ANA)
    assert "Pick it up again" in [b["text"] for b in follow_up.buttons()]
    await h.text(ANA, "/history")
    await h.press(ANA, h.last_card(ANA).buttons()[0]["text"])
    await h.press(ANA, "Pick it up again")
    await h.text(ANA, "He looked at his phone while I talked.")
    await h.press(ANA, "4")  # now at "How did it feel?"
    asked = h.texts(await h.press(ANA, "Pick it up again", message_id=follow_up.message_id))
    assert any("How did it feel" in t for t in asked), asked
    state = await state_of(h, ANA)
    assert state is not None and state.step == "feel"
    moment = moment_of(FlowState(state.flow, state.step, dict(state.data)))
    assert (moment.observation, moment.intensity) == ("He looked at his phone while I talked.", 4)
