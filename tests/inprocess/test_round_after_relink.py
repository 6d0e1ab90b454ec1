"""A weekly round's [Write mine] pressed after the link it went out to has ended and the group
was paired again (the same two linked again, or a new partner): the round stays closed (the
old link's answers are never shown to the new couple), and the card says why, and when the
next round comes if the space's weekly round is on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete

from bot.content import catalogue
from bot.domain import couples
from bot.scheduling.couple_plans import WEEKLY_ASK
from bot.storage.models import ScheduledPrompt
from tests.harness import Harness
from tests.inprocess.test_couples import (
    ANA,
    BEN,
    everything_in,
    paired_group,
    said,
    shown,
    spaces,
)

SOUP = "The soup when I was ill"
ENDED = "This week's thanks round ended with your earlier partner link."
NEXT = " The next one is on Sunday, 15 Mar, at 19:00 (Europe/Berlin)."


async def relinked_with_anas_old_ask(h: Harness) -> tuple[int, int]:
    """The round out (Sunday 8 March, 19:00 in Berlin); Ben answers it; an hour later he
    unlinks, and the two link and pair the group again. The group, Ana's old ask's id."""
    group = await paired_group(h)
    await h.text(ANA, "/settings", chat_id=group)
    await h.press(ANA, "Turn the weekly thanks round on", chat_id=group)
    h.clock.now = datetime(2026, 3, 8, 18, 0, tzinfo=UTC)
    await h.tick()
    ask = h.last_card(ANA).message_id
    assert ask is not None and "Weekly thanks round" in (h.last_card(ANA).text or "")
    await h.press(BEN, "Write mine")
    await h.text(BEN, SOUP)
    await h.press(BEN, "Yes, that's my thanks")
    h.clock.advance(timedelta(hours=1))
    await h.text(BEN, "/unlink")
    await h.press(BEN, "Yes, end it")
    h.clock.advance(timedelta(minutes=5))
    await h.link(BEN, ANA, "Ben")
    await h.text(BEN, "/pair", chat_id=group)
    (paired, *_) = said(await h.text(ANA, "/pair", chat_id=group), group)
    assert "This is now Ben and Ana's space" in paired
    return group, ask


async def test_the_old_rounds_ask_says_it_ended_with_the_link_and_when_the_next_comes(h: Harness):
    group, ask = await relinked_with_anas_old_ask(h)
    actions = await h.press(ANA, "Write mine", message_id=ask)
    assert h.toasts(actions) == [ENDED + NEXT]
    # The card says so too, and takes no more presses.
    assert shown(h, ANA, ask)["text"] == ENDED + NEXT
    assert not shown(h, ANA, ask).get("reply_markup")
    # Nothing is asked: what she writes next is not taken as the old round's thanks.
    told = " ".join(h.texts(await h.text(ANA, "How you listened on Tuesday")))
    assert "Is this your thanks" not in told
    # The old round is not opened again: Ben's answer goes nowhere.
    assert SOUP not in everything_in(h, group) and SOUP not in everything_in(h, ANA)


async def test_with_the_weekly_round_off_it_says_only_that_it_ended(h: Harness):
    group, ask = await relinked_with_anas_old_ask(h)
    await h.text(ANA, "/settings", chat_id=group)
    await h.press(ANA, "Turn the weekly thanks round off", chat_id=group)
    actions = await h.press(ANA, "Write mine", message_id=ask)
    assert h.toasts(actions) == [ENDED]


async def test_a_forged_press_for_a_round_never_asked_of_them_stays_expired(h: Harness):
    """A round of the space's that went out before the link, whose ask never went to the one
    pressing: nothing is said about it."""
    await relinked_with_anas_old_ask(h)
    async with h.db.unit_of_work() as session:
        await session.execute(delete(ScheduledPrompt).where(ScheduledPrompt.kind == WEEKLY_ASK))
    (space,) = [s.id for s in await spaces(h)]
    actions = await h.press(ANA, data=f"menu:wr.{space}.2026-03-08", forge=True)
    assert h.toasts(actions) == ["This card has expired."]


def test_the_next_round_is_said_on_the_spaces_clock_and_on_their_own() -> None:
    """Maya in Berlin, the space on New York's clock: its 19:00 on 8 March (New York's first
    day of summer time, Berlin's still winter) is midnight hers, the next day."""
    line = couples.round_of_an_earlier_link(
        catalogue(),
        datetime(2026, 3, 2, 7, 5, tzinfo=UTC),
        "America/New_York",
        weekly_on=True,
        own_zone="Europe/Berlin",
    )
    assert line == (
        ENDED + " The next one is on Sunday, 8 Mar, at 19:00 (America/New_York)"
        " · 00:00 the next day (Europe/Berlin)."
    )
    assert len(line) <= 200  # a toast's limit
