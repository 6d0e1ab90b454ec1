"""The walkthrough: Ana in London asks to reconnect, Ben in New York answers "Later tonight".
Each is told the reminder's time on their own clock, and when it is already too late tonight
for the one who asked, the answer says why it is tomorrow."""

from __future__ import annotations

from datetime import UTC, datetime

from tests.harness import Harness
from tests.inprocess.test_couple_answers import a_draft_sent, pending
from tests.inprocess.test_couple_prompts import set_user
from tests.inprocess.test_couples import ANA, BEN, paired_group, said


async def london_and_new_york(h: Harness) -> int:
    group = await paired_group(h)
    await set_user(h, ANA, timezone="Europe/London")
    await set_user(h, BEN, timezone="America/New_York")
    return group


async def test_later_tonight_is_told_on_each_clock(h: Harness):
    group = await london_and_new_york(h)
    h.clock.now = datetime(2026, 3, 2, 18, 20, tzinfo=UTC)  # 18:20 in London, 13:20 in NY
    await h.text(ANA, "/repair", chat_id=group)
    card = h.last_card(group)
    actions = await h.press(BEN, "Later tonight", chat_id=group, message_id=card.message_id)
    told = "Ben would like to talk later. I'll remind you both at 21:00 for Ana, 16:00 for Ben."
    assert said(actions, group) == [told] and said(actions, ANA) == [told]
    assert said(actions, BEN) == []
    at_nine = datetime(2026, 3, 2, 21, 0, tzinfo=UTC)
    assert {r.user_id: r.due_at for r in await pending(h, "bid_later")} == {
        ANA: at_nine,
        BEN: at_nine,
    }


async def test_later_tonight_too_late_for_the_asker_says_so(h: Harness):
    group = await london_and_new_york(h)
    h.clock.now = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)  # 20:00 in London: "later tonight"
    await h.text(ANA, "/repair", chat_id=group)
    card = h.last_card(group)
    assert "Later tonight" in [b["text"] for b in card.buttons()]
    h.clock.now = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)  # 23:30 in London, 18:30 in NY
    actions = await h.press(BEN, "Later tonight", chat_id=group, message_id=card.message_id)
    told = (
        "Ben would like to talk later. It's already late for Ana, so I'll remind you both "
        "tomorrow at 21:00 for Ana, 16:00 for Ben."
    )
    assert said(actions, group) == [told] and said(actions, ANA) == [told]
    tomorrow = datetime(2026, 3, 3, 21, 0, tzinfo=UTC)
    assert {r.due_at for r in await pending(h, "bid_later")} == {tomorrow}


async def test_a_private_bid_answered_later_tells_the_answerer_on_both_clocks(h: Harness):
    """Ben answers a draft Ana sent him privately: he is told both times, as is she."""
    await london_and_new_york(h)
    h.clock.now = datetime(2026, 3, 2, 18, 20, tzinfo=UTC)  # 13:20 in New York
    await a_draft_sent(h, "Send privately")
    card = h.last_card(BEN)
    actions = await h.press(BEN, "Later tonight", message_id=card.message_id)
    when = "I'll remind you both at 21:00 for Ana, 16:00 for Ben."
    assert said(actions, BEN) == [f"I've told Ana you'd like to talk later. {when}"]
    assert said(actions, ANA) == [f"Ben would like to talk later. {when}"]
