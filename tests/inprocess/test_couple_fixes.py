"""A couple's cards and plans once things have changed under them: a thanks card from an
earlier link, an old group's pair button, a "later tonight" reminder after the link ended, a
hurt typed while the weekly round waits, and send options that have gone since a card was
shown."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from bot.storage.models import Appreciation, CoupleSpace
from tests.harness import Harness
from tests.inprocess.test_couple_prompts import later_tonight, prompts
from tests.inprocess.test_couples import (
    ANA,
    BEN,
    CY,
    a_round_ana_answered,
    everything_in,
    flush,
    paired_group,
    said,
    sent,
    shown,
)

REMINDER = "A gentle reminder: you two planned to find a moment to reconnect."


async def unlink(h: Harness, who: int) -> None:
    await h.text(who, "/unlink")
    await h.press(who, "Yes, end it")


def labels(h: Harness, chat_id: int, message_id: int | None) -> list[str]:
    markup = shown(h, chat_id, message_id).get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


# ------------------------------------------------------------------ a thanks card from before


async def a_thanks_card_for_ben(h: Harness) -> tuple[int, int | None]:
    group = await paired_group(h)
    await h.text(ANA, "/thanks for cooking dinner Ben")
    card = h.last_card(ANA)
    assert labels(h, ANA, card.message_id) == ["Send privately", "Post in our group", "Don't send"]
    return group, card.message_id


async def test_an_old_thanks_card_sends_nothing_to_a_new_partner(h: Harness):
    _, card = await a_thanks_card_for_ben(h)
    await unlink(h, ANA)
    await h.onboard(CY, "Cy")
    await h.link(ANA, CY, "Ana")
    actions = await h.press(ANA, "Send privately", message_id=card)
    assert said(actions, CY) == [] and "cooking dinner" not in everything_in(h, CY)
    (told,) = said(actions, ANA)
    assert "Nothing was sent: your partner link has changed" in told and "Cy" not in told
    async with h.db.unit_of_work() as session:
        shared = list(await session.scalars(select(Appreciation.shared_with)))
    assert shared == [None]  # kept when written, shared with no one


async def test_an_old_thanks_card_posts_nothing_in_a_new_partners_group(h: Harness):
    _, card = await a_thanks_card_for_ben(h)
    await unlink(h, ANA)
    await h.onboard(CY, "Cy")
    await h.link(ANA, CY, "Ana")
    theirs = h.sandbox.create_group("Ana and Cy", [ANA, CY], by=ANA)
    await flush(h)
    await h.press(ANA, "Pair this group", chat_id=theirs)
    await h.press(CY, "Pair this group", chat_id=theirs)
    actions = await h.press(ANA, "Post in our group", message_id=card)
    assert said(actions, theirs) == [] and "cooking dinner" not in everything_in(h, theirs)
    assert "your partner link has changed" in said(actions, ANA)[0]


# ------------------------------------------------------------------ an old group's pair button


async def test_pairing_an_old_group_without_the_new_partner_is_refused_naming_no_one(
    h: Harness,
):
    group = await paired_group(h)
    intro = min(
        m
        for (chat, m), msg in h.sandbox.messages.items()
        if chat == group and msg.get("reply_markup")
    )
    await unlink(h, ANA)
    await h.onboard(CY, "Cy")
    await h.link(ANA, CY, "Ana")
    actions = await h.press(ANA, "Pair this group", chat_id=group, message_id=intro)
    assert "Cy" not in everything_in(h, group)
    assert said(actions, group) == [] or all("Waiting" not in t for t in said(actions, group))
    told = [*said(actions, group), *(t or "" for t in h.toasts(actions))]
    assert any("both" in t and "in this group" in t for t in told)
    async with h.db.unit_of_work() as session:
        (space,) = list(await session.scalars(select(CoupleSpace)))
    assert (space.status, space.confirmed) != ("pairing", [str(ANA)])  # nothing half-paired


# ------------------------------------------------------------------ "later tonight" after the end


async def test_no_later_tonight_reminder_once_the_link_has_ended(h: Harness):
    group = await paired_group(h)
    await later_tonight(h, group)
    await unlink(h, ANA)
    h.clock.now = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)  # 21:00 in Berlin
    actions = await h.tick()
    assert [a for a in sent(actions) if a.text == REMINDER] == []
    assert {r.status for r in await prompts(h, "bid_later")} == {"cancelled"}


async def test_no_later_tonight_reminder_once_the_partner_erased_everything(h: Harness):
    group = await paired_group(h)
    await later_tonight(h, group)
    await h.text(BEN, "/delete")
    await h.press(BEN, "Delete everything")
    h.clock.now = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    actions = await h.tick()
    assert [a for a in sent(actions) if a.text == REMINDER] == []


async def test_a_later_tonight_reminder_still_comes_while_the_link_lasts(h: Harness):
    group = await paired_group(h)
    await later_tonight(h, group)
    h.clock.now = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
    actions = await h.tick()
    assert {a.chat_id for a in sent(actions) if a.text == REMINDER} == {ANA, BEN}


# ------------------------------------------------------------------ the weekly round, typed


HURT = "Ana yelled at me in front of my parents and I felt humiliated"


async def test_a_hurt_typed_while_the_round_waits_is_not_offered_as_a_thanks(h: Harness):
    group, _ = await a_round_ana_answered(h)
    actions = await h.text(BEN, HURT)
    assert all("thanks" not in (a.text or "") for a in actions if a.chat_id == BEN)
    assert "Want to look at this moment together?" in said(actions, BEN)[-1]
    assert said(actions, group) == [] and HURT not in everything_in(h, group)


async def test_the_typed_round_card_says_it_posts_now_when_the_partner_has_answered(
    h: Harness,
):
    await a_round_ana_answered(h)
    actions = await h.text(BEN, "You fixed the bike without being asked")
    (card,) = [a for a in actions if a.chat_id == BEN and a.buttons()]
    assert "once you've both answered" not in (card.text or "")
    assert "Ana has answered already, so if it is, it's posted in your group now" in (
        card.text or ""
    )


async def test_the_typed_round_card_waits_for_a_partner_who_has_not_answered(h: Harness):
    group = await paired_group(h)
    await h.text(ANA, "/settings", chat_id=group)
    await h.press(ANA, "Turn the weekly thanks round on", chat_id=group)
    h.clock.now = datetime(2026, 3, 8, 18, 0, tzinfo=UTC)  # Sunday 19:00 in Berlin
    await h.tick()
    actions = await h.text(BEN, "You fixed the bike without being asked")
    (card,) = [a for a in actions if a.chat_id == BEN and a.buttons()]
    assert "it's posted in your group once you've both answered" in (card.text or "")


# ------------------------------------------------------------------ options gone since


async def test_send_privately_after_the_partner_blocked_says_why_and_keeps_the_group(h: Harness):
    group, card = await a_thanks_card_for_ben(h)
    h.sandbox.block(BEN)
    await flush(h)
    actions = await h.press(ANA, "Send privately", message_id=card)
    (told,) = said(actions, ANA)
    assert told.startswith("Ben can't get messages from me right now")
    assert "Please tap one of the buttons" not in told
    assert labels(h, ANA, card) == ["Post in our group", "Don't send"]
    posted = await h.press(ANA, "Post in our group", message_id=card)  # what still works
    assert said(posted, group) == ["Ana appreciates you for this:\n\nfor cooking dinner Ben"]


async def test_post_in_the_group_after_a_third_person_joined_says_why_and_keeps_private(
    h: Harness,
):
    group, card = await a_thanks_card_for_ben(h)
    await h.onboard(CY, "Cy")
    h.sandbox.join_group(group, CY)
    await flush(h)
    actions = await h.press(ANA, "Post in our group", message_id=card)
    (told,) = said(actions, ANA)
    assert told.startswith("I can't post in your group now")
    assert "Please tap one of the buttons" not in told
    assert labels(h, ANA, card) == ["Send privately", "Don't send"]
    assert said(actions, group) == []


# ------------------------------------------------------------------ words


async def test_unlink_without_a_group_says_nothing_of_a_group(h: Harness):
    from tests.inprocess.test_couples import link

    await link(h)
    (ask,) = said(await h.text(ANA, "/unlink"), ANA)
    assert ask == "End the partner link with Ben? Nothing private is shared either way."


async def test_removed_from_the_group_says_the_weekly_round_stopped_too(h: Harness):
    group = await paired_group(h)
    h.sandbox.remove_bot_from_group(group, by=BEN)
    actions = await flush(h)
    (told,) = said(actions, ANA)
    assert "check-ins and weekly thanks round have stopped" in told


async def test_a_group_bid_card_loses_its_buttons_once_pressed_after_the_partner_erased_all(
    h: Harness,
):
    group = await paired_group(h)
    await h.text(ANA, "/repair", chat_id=group)
    bid = h.last_card(group).message_id
    await h.text(BEN, "/delete")
    await h.press(BEN, "Delete everything")
    # Nothing keeps the card's message id, so its buttons go the first time it is pressed.
    actions = await h.press(ANA, "I'm open now", chat_id=group, message_id=bid)
    assert h.toasts(actions) == ["This card has expired."]
    assert labels(h, group, bid) == []
