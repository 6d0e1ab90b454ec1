"""The evening check-in stops after a week of being left alone (CONTENT.md: no nagging), but
someone who writes back every evening has not left it alone, even when what they write
answers none of its buttons ("ok", 👍, a word about something else): it keeps coming."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.harness import Harness
from tests.inprocess.test_schedule_fixes import evening_cards, sent_by_tick

ANA = 701


@pytest.mark.parametrize("reply", ["👍", "ok", "🙂", "what does this bot do"])
async def test_a_card_written_back_to_every_evening_keeps_coming(harness: Harness, reply: str):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    h.clock.advance(timedelta(minutes=30))
    await evening_cards(h, 8, {day: [reply] for day in range(8)})
    text = await sent_by_tick(h)
    assert text is not None and text.startswith("Good evening")


async def test_writing_once_early_in_the_week_does_not_hold_it_off_for_good(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    h.clock.advance(timedelta(minutes=30))
    await evening_cards(h, 1, {0: ["ok"]})
    await evening_cards(h, 6)  # six left alone after the one written back to
    text = await sent_by_tick(h)
    assert text is not None and "stop sending it" in text
