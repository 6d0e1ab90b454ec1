"""The weekly round's [Write mine]: what is typed after it crosses to the group only once its
author has seen those exact words on the round's card and said yes; a hurt typed there is
offered as a moment, never as the thanks; and the step lapses as a flow left in the middle
does (flow_runner.LEFT_FOR), the words then read as any text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.sandbox.core import BotAction
from bot.telegram.flow_runner import LEFT_FOR
from tests.harness import Harness
from tests.inprocess.test_couples import ANA, BEN, everything_in, paired_group, said

HURT = "Ben shouted at me again last night and I cried in the bathroom"
BIKE = "You fixed the bike without being asked"
SOUP = "The soup when I was ill"
CARD_BUTTONS = ["Yes, that's my thanks", "No, let me rewrite it", "No, something else happened"]


async def round_out(h: Harness) -> tuple[int, datetime]:
    """The weekly round on, and its Sunday card sent (19:00 in Berlin)."""
    group = await paired_group(h)
    await h.text(ANA, "/settings", chat_id=group)
    await h.press(ANA, "Turn the weekly thanks round on", chat_id=group)
    went_out = datetime(2026, 3, 8, 18, 0, tzinfo=UTC)
    h.clock.now = went_out
    await h.tick()
    return group, went_out


def cards(actions: list[BotAction], chat_id: int) -> list[BotAction]:
    return [a for a in actions if a.chat_id == chat_id and a.buttons()]


async def test_write_mine_shows_the_exact_words_and_posts_only_on_yes(h: Harness):
    group, _ = await round_out(h)
    await h.press(ANA, "Write mine")
    actions = await h.text(ANA, "How you listened on Tuesday")
    (card,) = cards(actions, ANA)
    assert card.text is not None and card.text.endswith("How you listened on Tuesday")
    assert "Is this your thanks to Ben for this week's round?" in card.text
    assert [b["text"] for b in card.buttons()] == CARD_BUTTONS
    assert all("Kept" not in text for text in said(actions, ANA))  # nothing kept yet
    await h.press(ANA, "Yes, that's my thanks")
    assert said(h.sandbox.actions, ANA)[-1] == (
        "Kept. It goes to your group when Ben has answered too."
    )
    await h.press(BEN, "Write mine")
    actions = await h.text(BEN, SOUP)
    assert said(actions, group) == []  # not before he says yes
    (card,) = cards(actions, BEN)
    assert "Ana has answered already, so if it is, it's posted in your group now" in (
        card.text or ""
    )
    actions = await h.press(BEN, "Yes, that's my thanks")
    (posted,) = said(actions, group)
    assert "Ana: How you listened on Tuesday" in posted and f"Ben: {SOUP}" in posted


async def test_no_at_the_write_mine_card_offers_a_moment_and_posts_nothing(h: Harness):
    group, _ = await round_out(h)
    await h.press(ANA, "Write mine")
    await h.text(ANA, "He left the dishes for me again")
    actions = await h.press(ANA, "No, something else happened")
    assert "Want to look at this moment together?" in said(actions, ANA)[-1]
    assert "left the dishes" not in everything_in(h, group)


async def test_a_hurt_typed_after_write_mine_is_offered_as_a_moment_never_posted(h: Harness):
    group, _ = await round_out(h)
    await h.press(ANA, "Write mine")
    actions = await h.text(ANA, HURT)
    assert all("thanks" not in (a.text or "") for a in actions if a.chat_id == ANA)
    assert all("Kept" not in text for text in said(actions, ANA))
    assert "Want to look at this moment together?" in said(actions, ANA)[-1]
    await h.press(ANA, "No, I just needed to say it")
    # Ben answers: nothing of hers goes to the group (she has not answered the round).
    await h.press(BEN, "Write mine")
    await h.text(BEN, SOUP)
    await h.press(BEN, "Yes, that's my thanks")
    assert HURT not in everything_in(h, group)
    assert "This week's thanks" not in everything_in(h, group)


async def test_the_audit_walkthrough_fourteen_hours_later(h: Harness):
    """The audit's steps: [Write mine], nothing typed, 14 hours later a hurt; then Ben
    answers. Nothing of hers reaches the group, and she is never told it is kept for it."""
    group, _ = await round_out(h)
    await h.press(ANA, "Write mine")
    h.clock.advance(timedelta(hours=14))
    actions = await h.text(ANA, HURT)
    assert all("Kept" not in text for text in said(actions, ANA))
    assert "Want to look at this moment together?" in said(actions, ANA)[-1]
    await h.press(ANA, "No, I just needed to say it")
    await h.press(BEN, "Write mine")
    await h.text(BEN, SOUP)
    await h.press(BEN, "Yes, that's my thanks")
    assert HURT not in everything_in(h, group)


async def test_write_mine_left_longer_than_a_flow_is_kept_lapses(h: Harness):
    """Once LEFT_FOR has passed, words typed are not read as the answer [Write mine] asked
    for: they are read as any text is. Here the round's once-a-round question about typed
    words was used already, so they are offered as a moment, not as the thanks."""
    group, _ = await round_out(h)
    await h.text(ANA, "He left the dishes for me again")  # asked about: the once a round
    await h.press(ANA, "No, something else happened")
    await h.press(ANA, "No, I just needed to say it")
    await h.press(ANA, "Write mine")
    h.clock.advance(LEFT_FOR + timedelta(minutes=1))
    actions = await h.text(ANA, BIKE)
    assert cards(actions, ANA) and "Want to look at this moment together?" in (
        cards(actions, ANA)[-1].text or ""
    )
    assert not any("Is this your thanks" in (a.text or "") for a in actions)
    assert BIKE not in everything_in(h, group)


async def test_write_mine_answered_within_the_time_still_shows_the_card(h: Harness):
    await round_out(h)
    await h.press(ANA, "Write mine")
    h.clock.advance(LEFT_FOR - timedelta(minutes=1))
    (card,) = cards(await h.text(ANA, BIKE), ANA)
    assert "Is this your thanks to Ben" in (card.text or "") and BIKE in (card.text or "")
