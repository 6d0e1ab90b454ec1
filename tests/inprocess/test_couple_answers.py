"""What each partner is told when they answer something in a couple's space: a repair bid (its
card keeps the sender's words), a weekly thanks round (posted, waiting, or closed), the
check-in's shared settings (whose clock, which time), and the check-in card's own words."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.sandbox.core import BotAction
from bot.storage.models import ScheduledPrompt
from tests.harness import Harness
from tests.inprocess.flows import TO_A_DRAFT_FOR_BEN
from tests.inprocess.test_couples import (
    ANA,
    BEN,
    a_round_ana_answered,
    check_in_on,
    flush,
    pair_in_group,
    paired_group,
    posted_by_tick,
    said,
    sent,
    shown,
)


def card_of(actions: list[BotAction]) -> list[BotAction]:
    return [a for a in actions if a.method == "editMessageText"]


async def pending(h: Harness, kind: str) -> list[ScheduledPrompt]:
    async with h.db.unit_of_work() as session:
        query = select(ScheduledPrompt).where(
            ScheduledPrompt.kind == kind, ScheduledPrompt.status == "pending"
        )
        return list(await session.scalars(query))


# ------------------------------------------------------------------ repair bids


async def a_draft_sent(h: Harness, via: str) -> None:
    await h.walk(ANA, TO_A_DRAFT_FOR_BEN)
    await h.press(ANA, "Send this to Ben")
    await h.press(ANA, via)


async def test_a_draft_answered_privately_keeps_its_words_and_tells_each_their_own(h: Harness):
    await paired_group(h)
    await a_draft_sent(h, "Send privately")
    card = h.last_card(BEN)
    words = shown(h, BEN, card.message_id)["text"]
    assert "Ana sent you this through Mend:" in words and "lonely" in words
    actions = await h.press(BEN, "I'm open now")
    assert said(actions, BEN) == ["I've told Ana you're open to talk now."]  # a new message
    assert said(actions, ANA) == ["Ben is open to talk now."]
    kept = shown(h, BEN, card.message_id)
    assert kept["text"] == words and not kept.get("reply_markup")  # only the buttons went


async def test_a_draft_posted_in_the_group_keeps_its_words_when_answered(h: Harness):
    group = await paired_group(h)
    await a_draft_sent(h, "Post in our group")
    card = h.last_card(group)
    words = shown(h, group, card.message_id)["text"]
    actions = await h.press(BEN, "Later tonight", chat_id=group, message_id=card.message_id)
    told = "Ben would like to talk later. I'll remind you both at 21:00."
    assert said(actions, group) == [told] and said(actions, ANA) == [told]
    kept = shown(h, group, card.message_id)
    assert kept["text"] == words and not kept.get("reply_markup")


async def test_a_second_repair_while_the_first_is_open_posts_no_second_card(h: Harness):
    group = await paired_group(h)
    await h.text(ANA, "/repair", chat_id=group)
    actions = await h.text(ANA, "/repair", chat_id=group)
    assert said(actions, group) == ["Your bid from earlier is still waiting for Ben's answer."]
    assert [a for a in actions if a.buttons()] == []
    await h.press(BEN, "I need a little time", chat_id=group)
    actions = await h.text(ANA, "/repair", chat_id=group)  # answered: a new one may go
    assert said(actions, group) == ["Ana would like to reconnect about a moment earlier."]


async def test_partners_in_different_zones_are_reminded_at_one_time(h: Harness):
    group = await zoned_couple(h)
    h.clock.now = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)  # 22:00 in New York, 04:00 Berlin
    await h.text(BEN, "/repair", chat_id=group)
    card = h.last_card(group)
    assert "Tomorrow evening" in [b["text"] for b in card.buttons()]  # too late in New York
    actions = await h.press(ANA, "Tomorrow evening", chat_id=group, message_id=card.message_id)
    reminders = await pending(h, "bid_later")
    # Monday 21:00 in New York is 03:00 in Berlin, in Ana's quiet hours: the first time
    # out of both partners' quiet hours is 08:00 on Tuesday in New York (14:00 in Berlin).
    together = datetime(2026, 3, 3, 13, 0, tzinfo=UTC)
    assert {r.user_id: r.due_at for r in reminders} == {ANA: together, BEN: together}
    # Each on their own clock: the same instant is a different hour for each of them.
    told = (
        "Ana would like to talk later. "
        "I'll remind you both on 3 Mar at 08:00 for Ben, 14:00 for Ana."
    )
    assert said(actions, group) == [told] and said(actions, BEN) == [told]


# ------------------------------------------------------------------ weekly thanks round


async def test_the_answer_that_completes_a_round_is_told_it_was_posted(h: Harness):
    group, _ = await a_round_ana_answered(h)
    assert said(h.sandbox.actions, ANA)[-1] == (
        "Kept. It goes to your group when Ben has answered too."
    )
    await h.press(BEN, "Write mine")
    await h.text(BEN, "The soup when I was ill")
    actions = await h.press(BEN, "Yes, that's my thanks")
    assert "This week's thanks:" in said(actions, group)[0]
    assert said(actions, BEN) == ["Posted in your group, together with Ana's."]


async def test_a_round_answered_after_it_closed_is_told_it_stays_private(h: Harness):
    group, went_out = await a_round_ana_answered(h)
    h.clock.now = went_out + timedelta(hours=47, minutes=59)  # begun just before it closes
    await h.press(BEN, "Write mine")
    await h.text(BEN, "The soup when I was ill")
    h.clock.now = went_out + timedelta(hours=49)  # confirmed after
    actions = await h.press(BEN, "Yes, that's my thanks")
    assert said(actions, group) == []
    assert said(actions, BEN) == [
        "Kept, just for you: this week's round has closed, so it won't be posted in the group."
    ]


async def test_a_round_closing_without_the_other_tells_the_one_who_answered(h: Harness):
    _, went_out = await a_round_ana_answered(h)
    h.clock.now = went_out + timedelta(hours=47)
    assert [a for a in sent(await h.tick()) if a.chat_id == ANA] == []
    h.clock.now = went_out + timedelta(hours=48)  # Tuesday 19:00 in Berlin: it closes
    actions = await h.tick()
    assert said(actions, ANA) == [
        "This week's thanks round closed before you'd both answered, so nothing went to the "
        "group. What you wrote is kept here, just for you. Busy weeks happen."
    ]
    assert said(actions, BEN) == []  # nothing to the one who did not answer


async def test_an_answer_after_the_close_does_not_count_as_both_answering(h: Harness):
    """The other's answer came once the round had closed, before the closing word went out:
    it is kept privately, and the one who answered in time still hears the round closed."""
    _, went_out = await a_round_ana_answered(h)
    h.clock.now = went_out + timedelta(hours=47, minutes=59)  # begun just before it closes
    await h.press(BEN, "Write mine")
    await h.text(BEN, "The soup when I was ill")
    h.clock.now = went_out + timedelta(hours=48, minutes=1)  # closed; no closing word yet
    late = await h.press(BEN, "Yes, that's my thanks")
    assert "round has closed" in said(late, BEN)[0]
    actions = await h.tick()
    assert "closed before you'd both answered" in said(actions, ANA)[0]


async def test_a_round_both_answered_sends_no_closing_word(h: Harness):
    _, went_out = await a_round_ana_answered(h)
    await h.press(BEN, "Write mine")
    await h.text(BEN, "The soup when I was ill")
    await h.press(BEN, "Yes, that's my thanks")
    h.clock.now = went_out + timedelta(hours=48)
    assert [a for a in sent(await h.tick()) if a.chat_id in (ANA, BEN)] == []


async def test_write_mine_asks_briefly_and_only_once_a_round(h: Harness):
    group = await paired_group(h)
    await h.text(ANA, "/settings", chat_id=group)
    await h.press(ANA, "Turn the weekly thanks round on", chat_id=group)
    h.clock.now = datetime(2026, 3, 8, 18, 0, tzinfo=UTC)
    await h.tick()
    actions = await h.press(ANA, "Write mine")
    assert said(actions, ANA) == ["Go ahead: one line about Ben this week."]
    await h.text(ANA, "How you listened on Tuesday")
    await h.press(ANA, "Yes, that's my thanks")
    actions = await h.press(ANA, "Write mine")
    assert h.toasts(actions) == ["You've already answered this week's round."]
    assert said(actions, ANA) == []


async def test_thanks_posted_in_the_group_is_told_so(h: Harness):
    group = await paired_group(h)
    await h.text(ANA, "/thanks")
    await h.text(ANA, "You took the bins out in the rain")
    actions = await h.press(ANA, "Post in our group")
    assert "You took the bins out in the rain" in said(actions, group)[0]
    assert said(actions, ANA) == ["Posted in your group."]


# ------------------------------------------------------------------ the check-in


async def onboard_in(h: Harness, user_id: int, name: str, city: str) -> None:
    h.person(user_id, name)
    await h.text(user_id, "/start")
    await h.text(user_id, name)
    await h.text(user_id, city)
    await h.press(user_id, "Yes, that's right")
    await h.press(user_id, "No thanks")


async def zoned_couple(h: Harness) -> int:
    """Ana in Berlin and Ben in New York, linked; Ben finishes pairing their group."""
    await onboard_in(h, ANA, "Ana", "Berlin")
    await onboard_in(h, BEN, "Ben", "New York")
    token = re.search(r"start=(l_[\w-]+)", said(await h.text(ANA, "/invite"), ANA)[0])
    assert token is not None
    await h.text(BEN, f"/start {token.group(1)}")
    await h.press(BEN, "Link with Ana")
    group = h.sandbox.create_group("Us", [ANA, BEN], by=ANA)
    await flush(h)
    await h.press(ANA, "Pair this group", chat_id=group)
    await h.press(BEN, "Pair this group", chat_id=group)
    return group


async def test_the_check_in_goes_by_the_clock_of_whoever_sets_it(h: Harness):
    group = await zoned_couple(h)
    await h.text(ANA, "/settings", chat_id=group)
    (card,) = card_of(await h.press(ANA, "Turn the check-in on (21:00)", chat_id=group))
    assert "Daily check-in: on, at 21:00 (Europe/Berlin)" in (card.text or "")
    assert "Use Ben's time zone (America/New_York)" in [b["text"] for b in card.buttons()]
    await h.press(BEN, "Change its time", chat_id=group)
    (card,) = card_of(await h.press(BEN, "21:30", chat_id=group))
    assert "Daily check-in: on, at 21:30 (America/New_York)" in (card.text or "")
    (card,) = card_of(await h.press(BEN, "Use Ana's time zone (Europe/Berlin)", chat_id=group))
    assert "Daily check-in: on, at 21:30 (Europe/Berlin)" in (card.text or "")
    (checkin,) = await pending(h, "checkin")
    assert checkin.due_at == datetime(2026, 3, 1, 20, 30, tzinfo=UTC)  # 21:30 in Berlin


async def test_a_partner_without_a_time_zone_never_makes_it_utc(h: Harness):
    await onboard_in(h, ANA, "Ana", "Berlin")
    h.person(BEN, "Ben")  # Ben comes in by the invite link and never gives a zone
    await h.link(ANA, BEN, "Ana")
    group = await pair_in_group(h)
    await h.text(BEN, "/settings", chat_id=group)
    actions = await h.press(BEN, "Turn the check-in on (21:00)", chat_id=group)
    assert "Daily check-in: on, at 21:00 (Europe/Berlin)" in said(actions, group)[0]


async def test_turning_the_check_in_on_with_no_zone_known_asks_for_one(h: Harness):
    for person, name in ((ANA, "Ana"), (BEN, "Ben")):  # both started, neither gave a zone
        h.person(person, name)
        await h.text(person, "/start")
    await h.link(ANA, BEN, "Ana")
    group = await pair_in_group(h)
    await h.text(BEN, "/settings", chat_id=group)
    actions = await h.press(BEN, "Turn the check-in on (21:00)", chat_id=group)
    assert h.toasts(actions) == [
        "Ben, I don't know your time zone yet. Set it in our private chat (send me /start "
        "there), then try again."
    ]
    assert said(actions, group) == [] and await pending(h, "checkin") == []


async def test_the_time_card_offers_times_to_tap_and_a_way_back(h: Harness):
    group = await paired_group(h)
    await h.text(ANA, "/settings", chat_id=group)
    (card,) = said(await h.press(ANA, "Change its time", chat_id=group), group)
    assert "Reply" not in card  # a typed reply is not read in the group: not asked for
    labels = [b["text"] for b in h.last_card(group).buttons()]
    assert labels == [
        "18:30",
        "19:00",
        "19:30",
        "20:00",
        "20:30",
        "21:00",
        "21:30",
        "22:00",
        "Back",
    ]
    (back,) = said(await h.press(ANA, "Back", chat_id=group), group)
    assert back.startswith("Shared settings for Ana and Ben") and "Daily check-in: off" in back


async def test_back_from_the_time_card_plans_nothing_again(h: Harness):
    """Going back to the settings card changes nothing: the planned check-in is not
    cancelled and planned again (which would write its row)."""
    group = await paired_group(h)
    await check_in_on(h, group)
    (planned,) = await pending(h, "checkin")
    h.clock.advance(timedelta(minutes=5))
    await h.press(ANA, "Change its time", chat_id=group)
    (back,) = said(await h.press(ANA, "Back", chat_id=group), group)
    assert "Daily check-in: on, at 21:00 (Europe/Berlin)" in back
    (after,) = await pending(h, "checkin")
    assert (after.id, after.updated_at) == (planned.id, planned.updated_at)


async def test_a_revealed_check_in_no_longer_says_answers_are_hidden(h: Harness):
    group = await paired_group(h)
    await check_in_on(h, group)
    h.clock.advance(timedelta(minutes=30))
    (card,) = await posted_by_tick(h, group)
    assert "Your answers show only when you've both answered." in (card.text or "")
    await h.press(ANA, "4", chat_id=group, message_id=card.message_id)
    (revealed,) = said(await h.press(BEN, "4", chat_id=group, message_id=card.message_id), group)
    assert "Ana: 4 · Ben: 4" in revealed and "show only when" not in revealed


@pytest.mark.parametrize(
    ("answered", "closed"),
    [
        (False, "This check-in has closed."),
        (
            True,
            "This check-in closed before you'd both answered, so nothing was shown, "
            "and the answer that came in has been cleared.",
        ),
    ],
)
async def test_a_check_in_closes_saying_what_became_of_its_answers(
    h: Harness, answered: bool, closed: str
):
    group = await paired_group(h)
    await check_in_on(h, group)
    h.clock.advance(timedelta(minutes=30))
    (card,) = await posted_by_tick(h, group)
    if answered:
        await h.press(ANA, "2", chat_id=group, message_id=card.message_id)
    h.clock.advance(timedelta(hours=12))
    edits = [a.text for a in await h.tick() if a.method == "editMessageText"]
    assert edits == [closed]


async def test_a_draft_posted_in_the_group_is_said_to_be_posted_not_sent(h: Harness):
    group = await paired_group(h)
    await h.walk(ANA, TO_A_DRAFT_FOR_BEN)
    await h.press(ANA, "Send this to Ben")
    actions = await h.press(ANA, "Post in our group")
    assert "Posted in your group for Ben." in said(actions, ANA)
    assert not any(t.startswith("Sent to") for t in said(actions, ANA))
    assert any("lonely" in t for t in said(actions, group))


# ------------------------------------------------------------------ a round answer typed in


BIKE = "You fixed the bike without being asked"


async def test_a_round_answer_typed_straight_in_is_asked_about_and_posted_as_write_mine(
    h: Harness,
):
    """The walkthrough: the Sunday ask says "Write it in a line"; Ben just types it. It used to
    be offered as a moment and the round never got it. It is asked about, on a card showing
    exactly what would be posted, and "yes" takes the [Write mine] path."""
    group, _ = await a_round_ana_answered(h)
    actions = await h.text(BEN, BIKE)
    (card,) = [a for a in actions if a.chat_id == BEN and a.buttons()]
    assert card.text is not None and BIKE in card.text
    assert "Is this your thanks to Ana for this week's round?" in card.text
    assert [b["text"] for b in card.buttons()] == [
        "Yes, that's my thanks",
        "No, let me rewrite it",
        "No, something else happened",
    ]
    assert said(actions, group) == []  # nothing posted before he says so
    actions = await h.press(BEN, "Yes, that's my thanks")
    (posted,) = said(actions, group)
    assert "Ana: How you listened on Tuesday" in posted and f"Ben: {BIKE}" in posted
    assert said(actions, BEN) == ["Posted in your group, together with Ana's."]
    # Answered: the next words are read as any text would be.
    later = said(await h.text(BEN, "She rolled her eyes when I spoke"), BEN)
    assert "Want to look at this moment together?" in later[-1]


async def test_no_something_else_happened_offers_it_as_a_moment_and_asks_once_a_round(
    h: Harness,
):
    group, _ = await a_round_ana_answered(h)
    # (Words that read as a hurt are never asked about: tests/inprocess/test_couple_fixes.py.)
    await h.text(BEN, "She left for work before I woke up")
    actions = await h.press(BEN, "No, something else happened")
    assert "Want to look at this moment together?" in said(actions, BEN)[-1]
    assert said(actions, group) == []
    await h.press(BEN, "No, I just needed to say it")
    # Asked once a round: his next words are not asked about again; [Write mine] still works.
    again = said(await h.text(BEN, BIKE), BEN)
    assert "Want to look at this moment together?" in again[-1]
    await h.press(BEN, "No, I just needed to say it")
    await h.press(BEN, "Write mine")
    await h.text(BEN, BIKE)
    (posted,) = said(await h.press(BEN, "Yes, that's my thanks"), group)
    assert f"Ben: {BIKE}" in posted


async def test_no_round_question_once_the_round_has_closed_or_for_whoever_has_answered(
    h: Harness,
):
    _, went_out = await a_round_ana_answered(h)
    # Ana has answered: her words are hers to tell, not a second answer.
    ana = said(await h.text(ANA, "He was short with me on the phone"), ANA)
    assert "Want to look at this moment together?" in ana[-1]
    h.clock.now = went_out + timedelta(hours=49)  # closed
    ben = said(await h.text(BEN, BIKE), BEN)
    assert "Want to look at this moment together?" in ben[-1]


@pytest.mark.parametrize("choice", ["I'm open now", "Later tonight", "I need a little time"])
async def test_a_bid_from_a_while_ago_takes_no_answer_and_tells_no_one(h: Harness, choice: str):
    group = await paired_group(h)
    await h.text(ANA, "/repair", chat_id=group)
    card = h.last_card(group)
    h.clock.advance(timedelta(hours=30))
    actions = await h.press(BEN, choice, chat_id=group, message_id=card.message_id)
    assert h.toasts(actions) == [
        "This card is from a while ago, so Ana hasn't been told anything. "
        "To reconnect now, send /repair in your group."
    ]
    assert said(actions, group) == [] and said(actions, ANA) == [] and said(actions, BEN) == []
    assert not shown(h, group, card.message_id).get("reply_markup")
    assert await pending(h, "bid_later") == []
    actions = await h.text(BEN, "/repair", chat_id=group)  # as the card suggests
    assert said(actions, group) == ["Ben would like to reconnect about a moment earlier."]


async def test_a_bid_answered_the_next_morning_still_reaches_the_asker(h: Harness):
    group = await paired_group(h)  # 20:30 in Berlin
    await h.text(ANA, "/repair", chat_id=group)
    card = h.last_card(group)
    h.clock.advance(timedelta(hours=11, minutes=30))  # 08:00
    actions = await h.press(BEN, "I'm open now", chat_id=group, message_id=card.message_id)
    assert said(actions, ANA) == ["Ben is open to talk now."]


async def test_needing_time_reaches_the_asker_as_a_pause_not_a_no(h: Harness):
    group = await paired_group(h)
    await h.text(ANA, "/repair", chat_id=group)
    card = h.last_card(group)
    actions = await h.press(BEN, "I need a little time", chat_id=group, message_id=card.message_id)
    assert said(actions, ANA) == [
        "Ben needs a little time. That's not a no: they'll come back to it when they're ready."
    ]
    assert said(actions, group) == ["Ben needs a little time. That's okay: it's a pause, not a no."]


@pytest.mark.parametrize("said_first", ["yes", "ok thanks", "hi"])
async def test_small_talk_with_the_round_waiting_is_not_asked_about_as_the_thanks(
    h: Harness, said_first: str
):
    group, _ = await a_round_ana_answered(h)
    actions = await h.text(BEN, said_first)
    assert not any("Is this your thanks" in (a.text or "") for a in actions)
    assert said(actions, group) == []
    if any("Want to look at this moment together?" in (a.text or "") for a in actions):
        await h.press(BEN, "No, I just needed to say it")  # a lone "yes" is read as any text
    # Still asked about his real answer: the small talk did not use up the once-a-round ask.
    card = [a for a in await h.text(BEN, BIKE) if a.chat_id == BEN and a.buttons()]
    assert card and "Is this your thanks to Ana" in (card[-1].text or "")
    (posted,) = said(await h.text(BEN, "that's it"), group)
    assert f"Ben: {BIKE}" in posted


async def test_small_talk_after_write_mine_is_not_posted_as_the_answer(h: Harness):
    group, _ = await a_round_ana_answered(h)
    await h.press(BEN, "Write mine")
    actions = await h.text(BEN, "hi")
    assert said(actions, group) == [] and said(actions, BEN)
    await h.text(BEN, BIKE)
    (posted,) = said(await h.press(BEN, "Yes, that's my thanks"), group)
    assert f"Ben: {BIKE}" in posted and "Ben: hi" not in posted
