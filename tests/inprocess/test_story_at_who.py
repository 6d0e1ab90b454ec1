"""A story typed at "Who was it with?" is kept as what happened, through the real
Application: who is asked again, and the linked partner's name typed then is the partner."""

from __future__ import annotations

from sqlalchemy import select

from bot.storage.models import MomentRow
from tests.harness import Harness

ANA, BEN = 881, 882
STORY = "he didnt even ask how my interview went"


async def test_a_story_at_who_is_kept_and_the_partners_name_then_is_the_partner(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.onboard(BEN, "Ben")
    await h.link(ANA, BEN, "Ana")
    await h.text(ANA, "/moment")
    await h.press(ANA, "Something happened to me")
    (asked,) = h.texts(await h.text(ANA, STORY))
    assert asked == "Got it, I've kept that as what happened.\n\nWho was it with?"
    buttons = [b["text"] for b in h.last_card(ANA).buttons()]
    assert buttons[:2] == ["My partner", "A friend"] and "Someone else" in buttons
    (pattern,) = h.texts(await h.text(ANA, "ben"))
    assert pattern.startswith(f'You told me: "{STORY}".')
    await h.text(ANA, "/cancel")
    async with h.db.unit_of_work() as session:
        (row,) = await session.scalars(select(MomentRow).where(MomentRow.user_id == ANA))
    assert (row.who, row.who_name, row.description) == ("partner", "Ben", STORY)
