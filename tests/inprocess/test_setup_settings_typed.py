"""/settings answered in words through the real Application: a place typed at the card is the
time zone to confirm, "evening off" turns the check-in off, "done" closes the card, an evening
hour without pm is the evening's, and /cancel says nothing untrue. None of it is offered as a
moment ("Want to look at this moment together?")."""

from __future__ import annotations

from bot.storage.models import User
from tests.harness import Harness

ANA = 541
OFFER = "look at this moment"


async def user_row(h: Harness) -> User:
    async with h.db.unit_of_work() as session:
        user = await session.get(User, ANA)
    assert user is not None
    return user


async def test_words_typed_at_the_settings_card_are_for_it(h: Harness):
    await h.onboard(ANA, "Ana", evening=True)
    await h.text(ANA, "/settings")
    (confirm,) = h.texts(await h.text(ANA, "Tokyo"))
    assert "Asia/Tokyo" in confirm and OFFER not in confirm
    await h.press(ANA, "Yes, that's right")
    assert (await user_row(h)).timezone == "Asia/Tokyo"

    (card,) = h.texts(await h.text(ANA, "evening off"))
    assert "Evening check-in: off" in card and not (await user_row(h)).evening_on

    await h.press(ANA, "Change its time")
    await h.text(ANA, "8:00")  # an evening hour: 20:00, not 08:00
    user = await user_row(h)
    assert user.evening_on and user.evening_at == "20:00"

    (closed,) = h.texts(await h.text(ANA, "done"))
    assert "/settings" in closed and OFFER not in closed


async def test_cancel_in_settings_says_what_is_true(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/settings")
    (said,) = h.texts(await h.text(ANA, "/cancel"))
    assert "Settings saved" not in said and "/settings" in said
