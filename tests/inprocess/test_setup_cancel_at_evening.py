"""/cancel (or "never mind") at setup's last question, the evening check-in: name and time zone
are kept already, so setup is over with the check-in off, and what it says is true: /start
then welcomes them back, and /settings turns the check-in on."""

from __future__ import annotations

import pytest

from bot.storage.models import User
from tests.harness import Harness

ANA = 531


async def user_row(h: Harness, user_id: int) -> User | None:
    async with h.db.unit_of_work() as session:
        return await session.get(User, user_id)


@pytest.mark.parametrize("typed", ["/cancel", "never mind"])
async def test_cancel_at_the_evening_question_finishes_setup_and_says_so(
    harness: Harness, typed: str
):
    h = harness
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    await h.text(ANA, "Annie")
    await h.text(ANA, "Lisbon")
    await h.press(ANA, "Yes, that's right")
    (said,) = h.texts(await h.text(ANA, typed))
    assert "finish setting up" not in said  # /start will not ask again: it welcomes back
    assert "/settings" in said and "evening check-in" in said
    user = await user_row(h, ANA)
    assert user is not None and user.timezone == "Europe/Lisbon" and not user.evening_on
    # What it said holds: /start is the welcome back, not setup again.
    replies = h.texts(await h.text(ANA, "/start"))
    assert "Welcome back, Annie" in replies[0]
