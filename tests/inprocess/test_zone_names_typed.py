"""An old city name at the time-zone question ("Calcutta") is saved and shown by today's zone,
and /sos finds the country's helplines, also for a row that already holds the old name."""

from __future__ import annotations

from bot.storage.models import User
from tests.harness import Harness

ANA = 501
INDIA = "Tele-MANAS: 14416"  # bot/content/crisis.toml [IN]


async def user_row(h: Harness, user_id: int) -> User | None:
    async with h.db.unit_of_work() as session:
        return await session.get(User, user_id)


async def sos(h: Harness) -> str:
    (reply,) = [a for a in await h.text(ANA, "/sos") if a.method == "sendMessage"]
    return reply.text or ""


async def test_an_old_city_name_is_saved_as_todays_zone_and_sos_finds_the_country(
    harness: Harness,
):
    h = harness
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    await h.press(ANA, "Call me Ana")
    (shown,) = h.texts(await h.text(ANA, "Calcutta"))
    assert "Asia/Kolkata" in shown and "Calcutta" not in shown
    await h.press(ANA, "Yes, that's right")
    await h.press(ANA, "No thanks")
    user = await user_row(h, ANA)
    assert user is not None and user.timezone == "Asia/Kolkata"
    assert INDIA in await sos(h)


async def test_st_johns_as_people_write_it_is_found_at_the_zone_question(harness: Harness):
    h = harness
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    await h.press(ANA, "Call me Ana")
    (shown,) = h.texts(await h.text(ANA, "St. John's, Newfoundland"))
    assert "America/St_Johns" in shown and "couldn't place" not in shown


async def test_sos_for_a_row_that_already_holds_an_old_zone_name(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    async with h.db.unit_of_work() as session:
        user = await session.get(User, ANA)
        assert user is not None
        user.timezone = "Asia/Calcutta"  # saved before old names were mapped
    assert INDIA in await sos(h)
