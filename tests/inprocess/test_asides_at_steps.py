"""Through the real Application: asides typed at the questions of a moment ("wait what does
this do", "lol", "is this private") are answered and the question asked again; none of them
reaches what is kept, nor the draft the person copies."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.content import catalogue
from bot.domain import small_talk
from bot.storage.models import ConversationState
from tests.harness import Harness
from tests.inprocess.flows import TO_THE_PATH

ANA = 961
C = catalogue("en")


async def state_of(h: Harness) -> ConversationState | None:
    async with h.db.unit_of_work() as session:
        return await session.scalar(select(ConversationState))


async def test_asides_at_the_feelings_and_needs_stay_out_of_the_draft(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:7])  # at "How did it feel?"
    for typed, key in (
        ("wait what does this do", "moment.small_talk_again.how"),
        ("lol", "moment.small_talk_again.ack"),
        ("is this private", "moment.small_talk_again.privacy"),
    ):
        (reply,) = h.texts(await h.text(ANA, typed))
        assert reply.startswith(C.text(key)) and "How did it feel?" in reply, reply
    state = await state_of(h)
    assert state is not None and state.step == "feel"
    assert state.data["m"].get("feelings_text") is None
    await h.walk(ANA, TO_THE_PATH[7:9])  # lonely, Done: at the needs
    (reply,) = h.texts(await h.text(ANA, "what does this do?"))
    assert reply.startswith(C.text("moment.small_talk_again.how")), reply
    await h.walk(ANA, TO_THE_PATH[9:])
    draft = " ".join(h.texts(await h.press(ANA, "Say something now")))
    assert "lonely" in draft and "what does this do" not in draft and "lol" not in draft


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("what does this do", "how"),
        ("wait what does this do", "how"),
        ("lol", "ack"),
        ("lmaooo", "ack"),
    ],
)
async def test_an_aside_outside_any_flow_is_answered_not_offered_as_a_moment(
    harness: Harness, typed: str, kind: str
):
    h = harness
    await h.onboard(ANA, "Ana")
    (reply,) = h.texts(await h.text(ANA, typed))
    assert reply == C.text(small_talk.IDLE_REPLIES[kind], name="Ana")
    async with h.db.unit_of_work() as session:
        assert await session.scalar(select(ConversationState)) is None  # no offer under way
