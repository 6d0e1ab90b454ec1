"""Through the real Application: the offer's no typed in its own words ("No, I just needed to
say it", "nah just venting") is its no, not more of the story offered again and again; a
pattern's label typed at "What did you do?" names that pattern in the apology."""

from __future__ import annotations

import pytest

from bot.content import catalogue
from tests.harness import Harness
from tests.inprocess.test_moments import moments_of, state_of

ANA = 631
C = catalogue("en")
TOLD = "i snapped at tom when he came home late and now he's gone quiet"


@pytest.mark.parametrize("said", ["No, I just needed to say it", "nah just venting"])
async def test_the_no_typed_at_the_offer_declines_it_and_nothing_loops(h: Harness, said: str):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, TOLD)
    assert h.texts(await h.text(ANA, said)) == [C.text("moment.offer_declined")]
    assert await moments_of(h, ANA) == []
    after = h.texts(await h.text(ANA, "ok fine"))
    assert C.text("moment.offer_more") not in after
    state = await state_of(h, ANA)
    assert state is None or said not in str(state.data.get("m", {}).get("description"))


async def test_a_pattern_label_typed_is_named_in_the_draft(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/moment")
    await h.press(ANA, C.text("moment.by_me"))
    await h.press(ANA, C.text("moment.who_partner"))
    await h.text(ANA, "Tom")
    await h.text(ANA, "I forgot to follow up")
    await h.press(ANA, C.text("moment.skip"))
    await h.press(ANA, "3")
    await h.press(ANA, C.text("feelings.hurt"))
    await h.press(ANA, C.text("moment.done"))
    await h.press(ANA, C.text("needs.closeness.label"))
    await h.press(ANA, C.text("moment.done"))
    await h.press(ANA, C.text("moment.path_now"))
    state = await state_of(h, ANA)
    assert state is not None and state.step == "draft"
    assert state.data["m"]["pattern"] == "follow_up"
    assert "what I did earlier" not in state.data["m"]["draft"]
