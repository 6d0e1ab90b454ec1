"""A follow-up answered by typing an answer and then why ("not yet, he was busy"): taken as
its button, not offered as a new moment (prompts.typed_choice)."""

from __future__ import annotations

from tests.harness import Harness
from tests.inprocess.test_scheduling import pending
from tests.inprocess.test_typed_answers import ANA, OFFER, cleared, follow_up_card, moments


async def test_not_yet_and_why_asks_when_to_ask_again(harness: Harness):
    h = harness
    card = await follow_up_card(h)
    actions = await h.text(ANA, "not yet, he was busy")
    assert h.texts(actions) == ["When should I ask again?"]
    assert not any(OFFER in t for t in h.texts(actions))
    assert cleared(actions, card)
    assert h.texts(await h.text(ANA, "tomorrow")) == ["Okay, I'll ask again tomorrow evening."]
    (again,) = await pending(h, ANA)
    assert again.kind == "follow_up"
    (moment,) = await moments(h)
    assert moment.status == "planned"
