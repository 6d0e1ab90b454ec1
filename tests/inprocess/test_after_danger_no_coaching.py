"""After a danger reply, words that follow ("what do i do", "should i leave him?") are not
offered as a moment to repair: CONTENT.md, no coaching to repair with someone who harms them.
For the quiet day that follows danger (or /sos), free words get care and help again; /moment,
asked for by name, still looks at a moment, and a day on the usual offer comes back."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.content import catalogue
from tests.harness import Harness
from tests.inprocess.test_safety_screen import moments, state

ANA = 931
C = catalogue("en")
OFFER = "Want to look at this moment together?"


def still_here_opening() -> str:
    return C.text("safety.after_danger", name="Ana", help="").split("\n")[0]


@pytest.mark.parametrize(
    "then", ["what do i do", "should i leave him?", "he said sorry this morning tho"]
)
async def test_words_after_danger_get_care_not_an_offer(harness: Harness, then: str):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "my husband hit me last night")
    actions = await h.text(ANA, then)
    (reply,) = h.texts(actions)
    assert OFFER not in reply
    assert reply.startswith(still_here_opening())
    assert "emergency number" in reply  # where to get help, again
    assert await state(h) is None and await moments(h) == []  # nothing begun, nothing kept
    # The helpline directory is a link, and nothing on the reply starts a moment.
    (sent,) = [a for a in actions if a.method == "sendMessage"]
    assert sent.buttons() and all(button.get("url") for button in sent.buttons())


async def test_after_sos_too(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/sos")
    (reply,) = h.texts(await h.text(ANA, "i dont know what to do anymore"))
    assert reply.startswith(still_here_opening()) and OFFER not in reply


async def test_moment_asked_for_by_name_still_looks_at_one(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "my husband hit me last night")
    await h.text(ANA, "/moment")
    current = await state(h)
    assert current is not None and current.flow == "moment"


async def test_a_day_on_the_usual_offer_comes_back(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "my husband hit me last night")
    h.clock.advance(timedelta(days=1, minutes=1))
    replies = h.texts(await h.text(ANA, "my sister forgot my birthday again"))
    assert any(OFFER in r for r in replies)
