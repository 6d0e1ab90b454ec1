"""What follows /sos, a danger reply and the gentle check, through the real Application.

- /sos gives help whatever the person was doing, but tells nothing about them: setup goes on
  where it was, and the care that follows in the quiet day claims nothing was told.
- "thank you, I'm ok now, I called my sister" after danger is acknowledged, not met with the
  same block again.
- At "is anyone in danger right now?", "lol no" is the "just angry" button, "not really" is
  asked about again (no danger reply, no day of quiet), and danger typed there is danger.
- Forwarded words are someone else's: the screen still acts, in words for someone worried
  about another person.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.content import catalogue
from bot.storage.models import User
from tests.harness import Harness
from tests.inprocess.test_safety_screen import moments, state

ANA, BEN = 951, 952
C = catalogue("en")
OFFER = "Want to look at this moment together?"
ANGRY = "I was so angry I could kill him, he ate my leftovers again"


def opening(key: str) -> str:
    return C.text(key, name="Ana", help="").split("\n")[0]


async def quiet_until(h: Harness, user_id: int = ANA) -> Any:
    async with h.db.unit_of_work() as session:
        return await session.scalar(select(User.quiet_until).where(User.id == user_id))


async def test_sos_during_setup_leaves_setup_where_it_was(harness: Harness):
    h = harness
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    await h.text(ANA, "Ana")  # now asked for a city or time zone
    (help_now,) = h.texts(await h.text(ANA, "/sos"))
    assert help_now.startswith(opening("safety.danger_sos"))
    replies = h.texts(await h.text(ANA, "Berlin"))
    assert "Europe/Berlin" in replies[0]  # the city answered the question it was asked
    await h.press(ANA, "Yes, that's right")
    await h.press(ANA, "No thanks")
    current = await state(h)
    assert current is None
    async with h.db.unit_of_work() as session:
        user = await session.get(User, ANA)
        assert user is not None and user.timezone == "Europe/Berlin" and user.onboarded_at
    assert await quiet_until(h) is not None  # reminders still hold back, as /sos said


async def test_words_hours_after_sos_are_not_answered_as_if_something_was_told(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/sos")
    h.clock.advance(timedelta(hours=3))
    (reply,) = h.texts(await h.text(ANA, "my partner interrupted me again at dinner"))
    assert "told me" not in reply
    assert "/moment" in reply  # the moment is one command away
    await h.text(ANA, "/moment")
    current = await state(h)
    assert current is not None and current.flow == "moment"


async def test_sos_mid_moment_still_sets_the_moment_aside(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "he ignored me at dinner again")
    await h.press(ANA, "Yes, let's look")
    await h.text(ANA, "/sos")
    assert await state(h) is None
    (moment,) = await moments(h)
    assert moment.status == "set_aside"


async def test_feeling_ok_after_danger_is_acknowledged_not_met_with_the_same_block(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "I don't want to be alive anymore")
    actions = await h.text(ANA, "thank you. I'm ok now, I called my sister")
    (reply,) = h.texts(actions)
    assert not reply.startswith(opening("safety.after_danger"))
    assert reply.startswith(opening("safety.after_danger_reached"))
    assert "/sos" in reply
    # Words that are not "I'm ok" still get care and help again.
    (again,) = h.texts(await h.text(ANA, "what do i do now"))
    assert again.startswith(opening("safety.after_danger")) and "emergency number" in again


async def check_card(h: Harness) -> str:
    await h.onboard(ANA, "Ana")
    (card,) = h.texts(await h.text(ANA, ANGRY))
    assert card == C.text("safety.concern")
    return card


@pytest.mark.parametrize(
    "typed", ["no, nobody is in danger, just annoyed", "no i was exaggerating", "lol no"]
)
async def test_a_clear_no_typed_at_the_check_goes_on_as_the_button_does(
    harness: Harness, typed: str
):
    h = harness
    await check_card(h)
    replies = h.texts(await h.text(ANA, typed))
    assert replies[0] == C.text("safety.go_on")
    assert any(OFFER in r for r in replies)  # the held words, offered as a moment
    assert await quiet_until(h) is None


async def test_a_hedged_no_at_the_check_is_asked_again_gently(harness: Harness):
    h = harness
    card = await check_card(h)
    actions = await h.text(ANA, "not really")
    (reply,) = h.texts(actions)
    assert reply != card and reply == C.text("safety.concern_hedged")
    assert "emergency number" not in reply and await quiet_until(h) is None
    current = await state(h)
    assert current is not None and current.flow == "safety"
    replies = h.texts(await h.press(ANA, C.text("safety.just_angry")))
    assert replies[0] == C.text("safety.go_on")


@pytest.mark.parametrize(
    "typed", ["not really, he hit me last night", "no but I'm scared of him", "no. i want to die"]
)
async def test_danger_typed_at_the_check_is_still_danger(harness: Harness, typed: str):
    h = harness
    await check_card(h)
    (reply,) = h.texts(await h.text(ANA, typed))
    assert "emergency number" in reply
    assert await quiet_until(h) is not None and await state(h) is None


def forwarded(h: Harness, text: str) -> dict[str, Any]:
    update = h.sandbox.send_text(ANA, text)
    update["message"]["forward_origin"] = {
        "type": "hidden_user",
        "sender_user_name": "Ben",
        "date": 1,
    }
    return update


async def test_forwarded_danger_is_answered_as_worry_for_someone_else(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    actions = await h.feed(forwarded(h, "I want to die"))
    (reply,) = h.texts(actions)
    assert not reply.startswith(opening("safety.danger_self"))
    assert reply.startswith(opening("safety.danger_forwarded"))
    assert "112" in reply and "TelefonSeelsorge" in reply  # crisis lines where Ana is
    (sent,) = [a for a in actions if a.method == "sendMessage"]
    assert all(b.get("url") for b in sent.buttons())
    assert await state(h) is None and await moments(h) == []


async def test_the_same_words_not_forwarded_are_still_about_the_person(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    (reply,) = h.texts(await h.text(ANA, "I want to die"))
    assert reply.startswith(opening("safety.danger_self"))


async def test_a_forwarded_worry_is_asked_about_but_never_kept_as_their_words(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana")
    (card,) = h.texts(await h.feed(forwarded(h, ANGRY)))
    assert card == C.text("safety.concern")  # someone may be in danger: asked about
    replies = h.texts(await h.text(ANA, "lol no"))
    assert replies[0] == C.text("safety.go_on")
    assert not any(OFFER in r for r in replies)  # Ben's words are not offered as Ana's
    assert await state(h) is None and await moments(h) == []
