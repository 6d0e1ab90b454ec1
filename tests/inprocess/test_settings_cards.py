"""The group's settings card and check-in card: an old card never undoes a newer choice, a
check-in closed by a link ending says so, the card says to tap, and times show in both zones."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.storage.models import CoupleSpace
from tests.harness import Harness
from tests.inprocess.test_couple_answers import zoned_couple
from tests.inprocess.test_couples import ANA, BEN, paired_group, said, spaces


async def settings_card(h: Harness, user_id: int, group: int) -> int:
    """A fresh /settings card in the group; its message id."""
    await h.text(user_id, "/settings", chat_id=group)
    card = h.last_card(group)
    assert card.message_id is not None
    return card.message_id


async def test_an_old_settings_card_never_turns_the_weekly_round_off(h: Harness):
    group = await paired_group(h)
    mayas = await settings_card(h, ANA, group)  # says "Turn the weekly thanks round on"
    await settings_card(h, BEN, group)
    await h.press(BEN, "Turn the weekly thanks round on", chat_id=group)
    (space,) = await spaces(h)
    assert space.weekly_on
    label = "Turn the weekly thanks round on"
    actions = await h.press(ANA, label, chat_id=group, message_id=mayas)
    (space,) = await spaces(h)
    assert space.weekly_on  # still on: the button does what it says
    assert h.toasts(actions) == ["It's on already."]
    (card,) = said(actions, group)  # the old card now shows how things are
    assert "Weekly thanks round: on, Sundays at 19:00" in card


async def test_an_old_settings_card_never_turns_the_check_in_on_or_off_by_mistake(h: Harness):
    group = await paired_group(h)
    mayas = await settings_card(h, ANA, group)
    await settings_card(h, BEN, group)
    await h.press(BEN, "Turn the check-in on (21:00)", chat_id=group)
    actions = await h.press(ANA, "Turn the check-in on (21:00)", chat_id=group, message_id=mayas)
    (space,) = await spaces(h)
    assert space.checkin_on
    assert h.toasts(actions) == ["It's on already."]
    stale = await settings_card(h, ANA, group)  # says "Turn the check-in off"
    bens = await settings_card(h, BEN, group)
    await h.press(BEN, "Turn the check-in off", chat_id=group, message_id=bens)
    actions = await h.press(ANA, "Turn the check-in off", chat_id=group, message_id=stale)
    (space,) = await spaces(h)
    assert not space.checkin_on and h.toasts(actions) == ["It's off already."]
    assert "Daily check-in: off" in said(actions, group)[0]


async def test_a_settings_button_from_before_it_said_what_it_sets_has_expired(h: Harness):
    group = await paired_group(h)
    (space,) = await spaces(h)
    await settings_card(h, ANA, group)
    for old in (f"gs.week.{space.id}", f"gs.cin.{space.id}"):
        actions = await h.press(ANA, data=old, chat_id=group, forge=True)
        assert h.toasts(actions) == ["This card has expired."]
    async with h.db.unit_of_work() as session:
        row = await session.scalar(select(CoupleSpace))
    assert row is not None and not row.weekly_on and not row.checkin_on


async def test_settings_buttons_still_turn_things_on_and_off(h: Harness):
    group = await paired_group(h)
    await settings_card(h, ANA, group)
    await h.press(ANA, "Turn the weekly thanks round on", chat_id=group)
    actions = await h.press(ANA, "Turn the weekly thanks round off", chat_id=group)
    assert "Weekly thanks round: off" in said(actions, group)[0]
    assert h.toasts(actions) in ([], [None])
    (space,) = await spaces(h)
    assert not space.weekly_on


# ------------------------------------------------------------------ a link ending

LINK_ENDED = "This check-in has closed: the partner link ended. Nothing was shown."
PAUSED = "The shared space here is paused: the partner link has ended."


async def an_open_check_in(h: Harness) -> tuple[int, int]:
    """Ana and Ben's group with tonight's check-in card out, Ana answered; (group, card)."""
    group = await paired_group(h)
    await h.text(ANA, "/settings", chat_id=group)
    await h.press(ANA, "Turn the check-in on (21:00)", chat_id=group)
    h.clock.advance(timedelta(minutes=30))  # 21:00 in Berlin
    (card,) = [a for a in await h.tick() if a.method == "sendMessage" and a.chat_id == group]
    assert card.message_id is not None
    await h.press(ANA, "4", chat_id=group, message_id=card.message_id)
    return group, card.message_id


@pytest.mark.parametrize(
    ("command", "confirm"),
    [("/unlink", "Yes, end it"), ("/delete", "Delete everything")],
    ids=["unlink", "delete"],
)
async def test_a_check_in_closed_by_the_link_ending_says_so(h: Harness, command: str, confirm: str):
    """Ben ends the link by /unlink or by erasing himself: the same words either way."""
    group, card = await an_open_check_in(h)
    await h.text(BEN, command)
    actions = await h.press(BEN, confirm)
    assert said(actions, group) == [LINK_ENDED, PAUSED]
    assert h.sandbox.messages[(group, card)]["text"] == LINK_ENDED
    assert "reply_markup" not in h.sandbox.messages[(group, card)] or not (
        h.sandbox.messages[(group, card)]["reply_markup"].get("inline_keyboard")
    )


async def test_unlinking_with_no_check_in_open_still_tells_the_group_once(h: Harness):
    group = await paired_group(h)
    await h.text(ANA, "/unlink")
    actions = await h.press(ANA, "Yes, end it")
    assert said(actions, group) == [PAUSED]
    # Asked in the group afterwards, the same words: nothing new to learn, nothing more said.
    later = await h.text(BEN, "/settings", chat_id=group)
    assert h.toasts(later) == [] and PAUSED in " ".join(said(later, group) + h.texts(later))


async def test_a_check_in_closed_at_its_morning_close_keeps_its_own_words(h: Harness):
    group, card = await an_open_check_in(h)
    h.clock.advance(timedelta(hours=12))  # 09:00 the next morning
    await h.tick()
    text = h.sandbox.messages[(group, card)]["text"]
    assert text.startswith("This check-in closed before you'd both answered")


async def test_the_check_in_card_in_the_group_says_to_tap_a_number(h: Harness):
    group, card = await an_open_check_in(h)
    text = h.sandbox.messages[(group, card)]["text"]  # after Ana's answer too
    assert "Tap a number below." in text and "Ana: answered ✓" in text


# ------------------------------------------------------------------ times in both zones


async def test_the_settings_card_shows_times_in_both_partners_zones(h: Harness):
    group = await zoned_couple(h)  # Ana in Berlin, Ben in New York; 20:30 in Berlin, 1 March
    await h.text(ANA, "/settings", chat_id=group)
    await h.press(ANA, "Turn the check-in on (21:00)", chat_id=group)
    (card,) = said(await h.press(ANA, "Turn the weekly thanks round on", chat_id=group), group)
    assert "Daily check-in: on, at 21:00 (Europe/Berlin) · 15:00 (America/New_York)" in card
    # The next round is Sunday 8 March, when New York has moved its clocks on (Berlin not yet).
    assert "Sundays at 19:00 (Europe/Berlin) · 14:00 (America/New_York)" in card
    await h.press(BEN, "Change its time", chat_id=group)
    (card,) = said(await h.press(BEN, "21:00", chat_id=group), group)  # by Ben's clock now
    assert "on, at 21:00 (America/New_York) · 03:00 the next day (Europe/Berlin)" in card


async def test_the_settings_card_keeps_one_zone_when_both_share_it(h: Harness):
    group = await paired_group(h)  # both in Berlin
    await h.text(ANA, "/settings", chat_id=group)
    await h.press(ANA, "Turn the check-in on (21:00)", chat_id=group)
    (card,) = said(await h.press(ANA, "Turn the weekly thanks round on", chat_id=group), group)
    assert "Daily check-in: on, at 21:00 (Europe/Berlin)\n" in card
    assert card.endswith("Weekly thanks round: on, Sundays at 19:00 (Europe/Berlin)")
    assert "·" not in card
