"""From a month-long walkthrough, through the real bot: a name typed with an aside is the name
alone, in the draft and /history; the name given last time for the same relation is one tap;
a moment picked up again and finished gets its nudge counted from the finish; "In a few hours"
is not offered when that is the night; a time phrase with more words after it is read; the
evening card after a moment looked at that day says so."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.sandbox.core import BotAction
from bot.scheduling import store
from bot.storage.models import MomentRow, ScheduledPrompt
from tests.harness import Harness
from tests.inprocess.flows import SAY_IT_NOW, TO_THE_PATH

ANA, BEN = 701, 702


async def moments(h: Harness, user_id: int = ANA) -> list[MomentRow]:
    async with h.db.unit_of_work() as session:
        query = select(MomentRow).where(MomentRow.user_id == user_id)
        return list(await session.scalars(query.order_by(MomentRow.created_at)))


async def nudges(h: Harness, user_id: int = ANA) -> list[ScheduledPrompt]:
    async with h.db.unit_of_work() as session:
        query = select(ScheduledPrompt).where(
            ScheduledPrompt.user_id == user_id, ScheduledPrompt.kind == "nudge"
        )
        return list(await session.scalars(query))


def labels(card: BotAction) -> list[str]:
    return [b["text"] for b in card.buttons()]


def with_name(name: str) -> list[tuple[str, str, str, str]]:
    """SAY_IT_NOW, with `name` typed at "What's their name?"."""
    script = list(SAY_IT_NOW)
    script[3] = ("text", name, "pat", "What happened?")
    return script


async def test_a_name_typed_with_an_aside_is_the_name_alone(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, with_name("leo obvs")[:-1])  # at the draft
    draft = h.last_card(ANA).text or ""
    assert draft and "Hey Leo," in draft and "Obvs" not in draft
    await h.press(ANA, "That works")
    (m,) = await moments(h)
    assert m.who_name == "Leo"
    await h.text(ANA, "/history")
    assert any("Leo:" in label and "Obvs" not in label for label in labels(h.last_card(ANA)))


async def test_the_name_given_last_time_is_one_tap_and_only_her_own(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.onboard(BEN, "Ben")
    await h.walk(BEN, with_name("Jules"))  # someone else's words: never offered to Ana
    await h.walk(ANA, SAY_IT_NOW)  # "Sam", her partner
    await h.walk(ANA, TO_THE_PATH[:2])
    actions = await h.press(ANA, "My partner")
    card = h.last_card(ANA)
    assert labels(card) == ["Sam", "Skip"]
    assert "type another name" in (card.text or "")
    assert "Jules" not in str([a.text for a in actions])
    await h.press(ANA, "Sam")
    await h.text(ANA, "/back")  # from "What happened?": the name card again, Sam on it
    assert labels(h.last_card(ANA)) == ["Sam", "Skip"]
    await h.press(ANA, "Sam")
    await h.walk(ANA, SAY_IT_NOW[4:-1])
    assert "Hey Sam," in (h.last_card(ANA).text or "")
    await h.press(ANA, "That works")
    assert [m.who_name for m in await moments(h)] == ["Sam", "Sam"]
    # Another relation has no name yet: Skip alone, as before.
    await h.text(ANA, "/moment")
    await h.press(ANA, "Something happened to me")
    await h.press(ANA, "A friend")
    assert labels(h.last_card(ANA)) == ["Skip"]
    # Ben's card offers his own last name, not hers.
    await h.walk(BEN, TO_THE_PATH[:2])
    await h.press(BEN, "My partner")
    assert labels(h.last_card(BEN)) == ["Jules", "Skip"]


async def test_a_moment_picked_up_again_gets_its_nudge_counted_from_the_finish(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)  # Sunday 20:30 in Berlin
    await h.walk(ANA, TO_THE_PATH[:8])  # at the feelings
    await h.text(ANA, "/cancel")
    (nudge,) = await nudges(h)
    assert nudge.due_at == datetime(2026, 3, 2, 20, 0, tzinfo=UTC)  # Monday 21:00
    # Monday 18:30: picked up from /history and finished.
    h.clock.advance(timedelta(hours=22))
    await h.text(ANA, "/history")
    (unfinished,) = [b for b in labels(h.last_card(ANA)) if "unfinished" in b]
    await h.press(ANA, unfinished)
    await h.press(ANA, "Pick it up again")
    for label in ["Done", "Attention", "Done", "Say something now", "That works"]:
        await h.press(ANA, label)
    assert (await moments(h))[0].status == "drafted"
    (nudge,) = await nudges(h)
    assert nudge.status == store.PENDING
    assert nudge.due_at == datetime(2026, 3, 3, 20, 0, tzinfo=UTC)  # Tuesday 21:00, not Monday


async def test_in_a_few_hours_is_not_offered_when_it_would_be_the_night(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    h.clock.advance(timedelta(minutes=30))  # 21:00 in Berlin: a few hours on is midnight
    await h.walk(ANA, TO_THE_PATH)
    await h.press(ANA, "Talk about it later")
    assert labels(h.last_card(ANA)) == ["Tomorrow evening", "I'll type a time"]


async def test_a_time_with_more_words_after_it_is_planned(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH)
    await h.press(ANA, "Talk about it later")
    replies = h.texts(await h.text(ANA, "saturday morning over coffee"))
    assert "a plan to talk on Saturday at 09:00" in replies[0]
    assert (await moments(h))[0].plan_due_at == datetime(2026, 3, 7, 8, 0, tzinfo=UTC)


async def test_the_evening_card_after_a_moment_looked_at_today_says_so(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)  # 20:30 in Berlin
    await h.walk(ANA, SAY_IT_NOW)
    h.clock.advance(timedelta(minutes=30))
    (card,) = [a for a in await h.tick() if a.method == "sendMessage"]
    assert card.text == (
        "Good evening, Ana. You already looked at one moment today. "
        "Anything else worth a look, or is that enough for today?"
    )
    assert len(card.buttons()) == 6
    # The next evening, with no moment that day: the usual question.
    h.clock.advance(timedelta(days=1))
    sent = [a for a in await h.tick() if a.method == "sendMessage"]
    assert [a.text for a in sent] == ["Good evening, Ana. Any small moment today worth a look?"]


async def test_a_planned_talk_asked_about_again_is_no_moment_looked_at_that_day(
    harness: Harness,
):
    """ "Not yet" and a day on a planned talk's follow-up saves the moment again; that day
    they told no moment, and the evening card asks as usual."""
    from tests.inprocess.test_followup_typed_more import ANA as AMY
    from tests.inprocess.test_followup_typed_more import follow_up_and_evening

    h = harness
    card = await follow_up_and_evening(h)  # Monday: the talk's follow-up, the evening card
    h.clock.advance(timedelta(hours=20))  # Tuesday afternoon
    await h.press(AMY, "Not yet, remind me", message_id=card.message_id)
    assert "I'll ask again" in h.texts(await h.text(AMY, "thursday evening"))[0]
    h.clock.advance(timedelta(hours=4))  # Tuesday evening
    sent = [a for a in await h.tick() if a.method == "sendMessage"]
    assert [a.text for a in sent] == ["Good evening, Ana. Any small moment today worth a look?"]
