"""A couple's answers stay in the couple's own group and with the couple who gave them: group
buttons count only where they were posted, a new partner never completes an old card or round,
and a forged button with a number out of range is answered as an expired card."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.storage.models import Appreciation, Checkin, User
from tests.harness import Harness
from tests.inprocess.test_couples import (
    ANA,
    BEN,
    CY,
    check_in_on,
    everything_in,
    flush,
    paired_group,
    posted_by_tick,
    said,
    shown,
    spaces,
)

EXPIRED = "This card has expired."
SECRET = "Ben, thank you for holding me when I cried about the miscarriage"


async def a_check_in_ana_answered(h: Harness, value: str = "2") -> tuple[int, int, int]:
    """The couple's group, its check-in card's message id, and the check-in's id."""
    group = await paired_group(h)
    await check_in_on(h, group)
    h.clock.advance(timedelta(minutes=30))  # 21:00 in Berlin
    (card,) = await posted_by_tick(h, group)
    await h.press(ANA, value, chat_id=group, message_id=card.message_id)
    data = card.buttons()[0]["callback_data"]  # menu:ci.1.<id>
    return group, card.message_id or 0, int(data.rsplit(".", 1)[1])


async def a_group_of_ben_and_cy(h: Harness) -> int:
    await h.onboard(CY, "Cy")
    other = h.sandbox.create_group("Friends", [BEN, CY], by=BEN)
    await flush(h)  # the bot says hello there: a message of its own to press on
    return other


async def checkin_answers(h: Harness) -> dict[str, int]:
    async with h.db.unit_of_work() as session:
        (checkin,) = list(await session.scalars(select(Checkin)))
        return dict(checkin.answers)


# ------------------------------------------------------------------ 1. only in their group


async def test_a_check_in_pressed_in_another_group_shows_nothing_there(h: Harness):
    group, _, checkin_id = await a_check_in_ana_answered(h)
    other = await a_group_of_ben_and_cy(h)
    actions = await h.press(BEN, data=f"menu:ci.5.{checkin_id}", chat_id=other, forge=True)
    assert h.toasts(actions) == [EXPIRED]
    assert said(actions, other) == [] and said(actions, group) == []
    assert "Ana: 2" not in everything_in(h, other)
    assert await checkin_answers(h) == {str(ANA): 2}  # Ben's press did not count


async def test_a_check_in_counts_only_on_its_own_card(h: Harness):
    group, card, checkin_id = await a_check_in_ana_answered(h)
    await h.text(ANA, "/settings", chat_id=group)  # another message of the bot's in the group
    elsewhere = h.last_bot_message(group)
    assert elsewhere != card
    actions = await h.press(
        BEN, data=f"menu:ci.5.{checkin_id}", chat_id=group, message_id=elsewhere, forge=True
    )
    assert h.toasts(actions) == [EXPIRED] and said(actions, group) == []
    assert await checkin_answers(h) == {str(ANA): 2}
    actions = await h.press(BEN, "5", chat_id=group, message_id=card)  # the card itself does
    assert "Ana: 2" in said(actions, group)[0]


@pytest.mark.parametrize("action", ["back", "done", "cin", "week", "time", "za", "t2100"])
async def test_group_settings_pressed_in_another_group_show_nothing_there(h: Harness, action: str):
    group = await paired_group(h)
    await check_in_on(h, group)
    (space,) = await spaces(h)
    other = await a_group_of_ben_and_cy(h)
    actions = await h.press(BEN, data=f"menu:gs.{action}.{space.id}", chat_id=other, forge=True)
    assert h.toasts(actions) == [EXPIRED]
    assert said(actions, other) == [] and said(actions, group) == []
    assert "Ana and Ben" not in everything_in(h, other)
    (after,) = await spaces(h)
    assert (after.checkin_on, after.weekly_on, after.checkin_at) == (True, False, "21:00")


# ------------------------------------------------------------------ 2. a change of partner


async def the_link_ends(h: Harness, how: str) -> None:
    """Ana ends the link by /unlink, or Ben by erasing himself (/delete)."""
    if how == "unlink":
        await h.text(ANA, "/unlink")
        await h.press(ANA, "Yes, end it")
    else:
        await h.text(BEN, "/delete")
        await h.press(BEN, "Delete everything")


async def ana_moves_on_to_cy(h: Harness, group: int, how: str) -> None:
    """Ben goes (Ana unlinks, or Ben erases himself), Cy joins, and Ana and Cy pair the same
    group."""
    h.clock.advance(timedelta(minutes=5))
    await the_link_ends(h, how)
    h.sandbox.leave_group(group, BEN)
    await flush(h)
    h.clock.advance(timedelta(minutes=5))
    await h.onboard(CY, "Cy")
    h.sandbox.join_group(group, CY)
    await flush(h)
    await h.link(ANA, CY, "Ana")
    await h.text(ANA, "/pair", chat_id=group)
    paired = said(await h.text(CY, "/pair", chat_id=group), group)
    assert any("This is now Ana and Cy's space" in line for line in paired)


@pytest.mark.parametrize("how", ["unlink", "delete"])
async def test_a_new_partner_cannot_answer_the_old_couples_check_in(h: Harness, how: str):
    group, card, checkin_id = await a_check_in_ana_answered(h, "1")
    await ana_moves_on_to_cy(h, group, how)
    actions = await h.press(
        CY, data=f"menu:ci.5.{checkin_id}", chat_id=group, message_id=card, forge=True
    )
    assert h.toasts(actions) == [EXPIRED]
    assert said(actions, group) == []
    assert "Ana: 1" not in everything_in(h, group)
    assert not shown(h, group, card).get("reply_markup")  # the old card takes no answers
    async with h.db.unit_of_work() as session:
        (checkin,) = list(await session.scalars(select(Checkin)))
    assert (checkin.status, checkin.answers) == ("closed", {})  # Ana's lone answer dropped


@pytest.mark.parametrize("how", ["unlink", "delete"])
async def test_the_old_check_in_closes_when_the_link_ends(h: Harness, how: str):
    """However the link ends (Ana unlinks, or Ben erases himself), Ana's lone answer on the
    open card is dropped and the card closes."""
    group, card, _ = await a_check_in_ana_answered(h, "1")
    await the_link_ends(h, how)
    assert not shown(h, group, card).get("reply_markup")
    assert "closed" in (shown(h, group, card).get("text") or "")
    async with h.db.unit_of_work() as session:
        (checkin,) = list(await session.scalars(select(Checkin)))
    assert (checkin.status, checkin.answers) == ("closed", {})


async def a_round_ana_answered(h: Harness) -> tuple[int, int]:
    """The couple's group with a weekly round out (Sunday 8 March) that Ana answered, Ben not;
    the space's id."""
    group = await paired_group(h)
    await h.text(ANA, "/settings", chat_id=group)
    await h.press(ANA, "Turn the weekly thanks round on", chat_id=group)
    h.clock.now = datetime(2026, 3, 8, 18, 0, tzinfo=UTC)  # Sunday 19:00 in Berlin
    await h.tick()
    await h.press(ANA, "Write mine")
    await h.text(ANA, SECRET)
    card = h.last_card(ANA)
    if any(b["text"] == "Yes, that's my thanks" for b in card.buttons()):
        await h.press(ANA, "Yes, that's my thanks")  # the words shown exactly, then kept
    async with h.db.unit_of_work() as session:
        (thanks,) = list(await session.scalars(select(Appreciation)))
    assert thanks.round_key is not None
    (space,) = await spaces(h)
    return group, space.id


@pytest.mark.parametrize("how", ["unlink", "delete"])
async def test_a_new_partner_cannot_join_the_old_couples_round(h: Harness, how: str):
    group, space_id = await a_round_ana_answered(h)
    await ana_moves_on_to_cy(h, group, how)
    actions = await h.press(CY, data=f"menu:wr.{space_id}.2026-03-08", forge=True)
    assert h.toasts(actions) == [EXPIRED]
    actions = await h.text(CY, "Ana, for the tea you brought me")
    assert said(actions, group) == []
    assert "miscarriage" not in everything_in(h, group)
    assert "miscarriage" not in everything_in(h, CY)


async def test_words_typed_after_a_change_of_partner_are_not_offered_to_the_old_round(
    h: Harness,
):
    group, _ = await a_round_ana_answered(h)
    await ana_moves_on_to_cy(h, group, "unlink")
    actions = await h.text(ANA, "For the flowers you brought on Monday")
    assert not [t for t in said(actions, ANA) if "this week's round" in t]
    assert said(actions, group) == []


async def test_the_old_round_closes_when_the_link_ends(h: Harness):
    _, _ = await a_round_ana_answered(h)
    await h.text(ANA, "/unlink")
    await h.press(ANA, "Yes, end it")
    async with h.db.unit_of_work() as session:
        (thanks,) = list(await session.scalars(select(Appreciation)))
    assert thanks.round_key is None  # kept as Ana's own thanks, no longer a round's answer


# ------------------------------------------------------------------ 3. numbers out of range


HUGE = "99999999999999999999999"


@pytest.mark.parametrize(
    "data",
    [
        f"menu:ci.5.{HUGE}",
        f"menu:bd.now.{HUGE}",
        f"menu:lk.yes.{HUGE}",
        f"menu:ul.yes.{HUGE}",
        f"menu:gs.done.{HUGE}",
        f"menu:wr.{HUGE}.2026-03-08",
        f"menu:ci.5.-{HUGE}",
        "menu:ci.5.9999999999",  # past what the tables' ids (32-bit on PostgreSQL) can be
        "menu:wr.9999999999.2026-03-08",
        "menu:ci.5.\u00b2",
        "menu:wr.\u00b2.2026-03-08",
    ],
)
async def test_a_forged_button_with_a_number_out_of_range_is_an_expired_card(
    h: Harness, data: str, caplog: pytest.LogCaptureFixture
):
    group = await paired_group(h)
    with caplog.at_level(logging.ERROR):
        for chat in (ANA, group):
            actions = await h.press(ANA, data=data, chat_id=chat, forge=True)
            assert h.toasts(actions) == [EXPIRED]
            assert not any("went wrong" in t for t in h.texts(actions))
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_a_weekly_ask_waiting_out_quiet_hours_is_not_sent_once_the_group_has_a_new_couple(
    h: Harness,
):
    group = await paired_group(h)
    await h.text(ANA, "/settings", chat_id=group)
    await h.press(ANA, "Turn the weekly thanks round on", chat_id=group)
    async with h.db.unit_of_work() as session:  # Ben's quiet hours: his ask waits till 08:00
        ben = await session.get(User, BEN)
        assert ben is not None
        ben.quiet_start = "18:30"
    h.clock.now = datetime(2026, 3, 8, 18, 0, tzinfo=UTC)  # Sunday 19:00 in Berlin
    asked = [a.chat_id for a in await h.tick() if "Weekly thanks round" in (a.text or "")]
    assert asked == [ANA]
    await ana_moves_on_to_cy(h, group, "unlink")
    h.clock.now = datetime(2026, 3, 9, 7, 0, tzinfo=UTC)  # Monday 08:00 in Berlin
    actions = await h.tick()
    assert not [a for a in actions if "Weekly thanks round" in (a.text or "")]
    assert "Cy" not in everything_in(h, BEN)
