"""Partners in different zones: a send to the partner in the middle of their night says so on
the card, and still goes at once."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import update

from bot.storage.models import User
from tests.harness import Harness
from tests.inprocess.test_couples import BEN, paired_group, said


async def test_a_thanks_at_the_partners_half_past_two_says_so_and_goes_at_once(h: Harness):
    await paired_group(h)
    async with h.db.unit_of_work() as session:
        await session.execute(
            update(User).where(User.id == BEN).values(timezone="America/New_York")
        )
    h.clock.now = datetime(2026, 3, 2, 7, 30, tzinfo=UTC)  # 08:30 for Ana, 02:30 for Ben
    actions = await h.text(801, "/thanks for the flowers")
    card = said(actions, 801)[1]
    assert card.startswith(
        "It's 02:30 for Ben: it will arrive without a sound.\n"
        "This is exactly what Ben will see, from you:"
    )
    actions = await h.press(801, "Send privately")
    assert "for the flowers" in said(actions, BEN)[0]  # not held for his morning


async def test_by_the_partners_day_the_card_is_as_before(h: Harness):
    await paired_group(h)
    actions = await h.text(801, "/thanks for the flowers")
    assert said(actions, 801)[1].startswith("This is exactly what Ben will see, from you:")
