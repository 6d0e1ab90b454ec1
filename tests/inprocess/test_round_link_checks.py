"""A round's answer counts for the round only while the round is its author's couple's: a
card confirmed after the link ended, or once the group is another couple's, keeps the words
just for their author (and tells them so); and a round that went out late, after the couple
linked, is theirs (the link is compared with when it went out, never when it was due)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from bot.storage.models import Appreciation, PartnerLink
from tests.harness import Harness
from tests.inprocess.test_couple_boundaries import ana_moves_on_to_cy
from tests.inprocess.test_couples import ANA, BEN, CY, everything_in, paired_group, said
from tests.inprocess.test_round_confirm import round_out

SOUP = "The soup when I was ill"


async def bens_answer(h: Harness) -> Appreciation:
    async with h.db.unit_of_work() as session:
        (thanks,) = await session.scalars(select(Appreciation).where(Appreciation.author_id == BEN))
        return thanks


async def bens_card_waiting(h: Harness) -> tuple[int, int]:
    """The round out; Ben's words on his card, not yet confirmed. The group, the card's id."""
    group, _ = await round_out(h)
    await h.press(BEN, "Write mine")
    await h.text(BEN, SOUP)
    card = h.last_card(BEN)
    assert card.message_id is not None and "Is this your thanks to Ana" in (card.text or "")
    return group, card.message_id


async def test_a_card_confirmed_once_the_group_is_another_couples_is_kept_privately(h: Harness):
    group, card = await bens_card_waiting(h)
    await ana_moves_on_to_cy(h, group, "unlink")
    actions = await h.press(BEN, "Yes, that's my thanks", message_id=card)
    told = " ".join(said(actions, BEN))
    assert "Kept, just for you" in told and "when Ana has answered" not in told
    thanks = await bens_answer(h)
    assert (thanks.round_key, thanks.space_id) == (None, None)
    # Ana and Cy answer the group's round of now: nothing of Ben's is with it.
    await h.press(ANA, "Write mine")  # the old round's card: expired for the new couple
    assert SOUP not in everything_in(h, group) and SOUP not in everything_in(h, CY)


async def test_a_card_confirmed_after_a_plain_unlink_is_kept_privately(h: Harness):
    _, card = await bens_card_waiting(h)
    await h.text(ANA, "/unlink")
    await h.press(ANA, "Yes, end it")
    actions = await h.press(BEN, "Yes, that's my thanks", message_id=card)
    assert "Kept, just for you" in " ".join(said(actions, BEN))
    thanks = await bens_answer(h)
    assert (thanks.round_key, thanks.space_id) == (None, None)


async def test_a_round_sent_late_after_the_couple_linked_is_theirs(h: Harness):
    """The round due at 18:00 UTC goes out at 18:10 (the bot was down); the link began at
    18:05. Both its asks go out, and [Write mine] takes the answers."""
    group = await paired_group(h)
    await h.text(ANA, "/settings", chat_id=group)
    await h.press(ANA, "Turn the weekly thanks round on", chat_id=group)
    began = datetime(2026, 3, 8, 18, 5, tzinfo=UTC)
    async with h.db.unit_of_work() as session:
        await session.execute(update(PartnerLink).values(accepted_at=began))
    h.clock.now = began + timedelta(minutes=5)
    actions = await h.tick()
    for person in (ANA, BEN):
        assert any("Weekly thanks round" in t for t in said(actions, person))
    await h.press(ANA, "Write mine")
    await h.text(ANA, "How you listened on Tuesday")
    await h.press(ANA, "Yes, that's my thanks")
    await h.press(BEN, "Write mine")
    await h.text(BEN, SOUP)
    (posted,) = said(await h.press(BEN, "Yes, that's my thanks"), group)
    assert f"Ben: {SOUP}" in posted


async def test_a_round_that_went_out_the_instant_the_couple_linked_is_theirs(h: Harness):
    """One rule for every link check (couples.of_link): at or after the link began."""
    group = await paired_group(h)
    await h.text(ANA, "/settings", chat_id=group)
    await h.press(ANA, "Turn the weekly thanks round on", chat_id=group)
    went_out = datetime(2026, 3, 8, 18, 0, tzinfo=UTC)
    async with h.db.unit_of_work() as session:
        await session.execute(update(PartnerLink).values(accepted_at=went_out))
    h.clock.now = went_out
    actions = await h.tick()
    assert any("Weekly thanks round" in t for t in said(actions, ANA))
    actions = await h.press(ANA, "Write mine")
    assert h.toasts(actions) != ["This card has expired."]
