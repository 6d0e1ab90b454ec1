"""Typed answers and taps from two weeks of living with the bot: a hedged "we talked, it was ok
i guess" answers the follow-up; "not yet" with a follow-up and a newer evening card waiting
answers the follow-up; a good day told with something shared is kept as a moment of
connection with its words; "Ask me in an hour" inside quiet hours says they have begun; and a
moment begun from the evening card and cancelled with nothing told leaves no evening answer."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from bot.storage.models import ScheduledPrompt
from tests.harness import Harness
from tests.inprocess.flows import LATER, TO_THE_PATH
from tests.inprocess.test_scheduling import pending, reflections, sent_to
from tests.inprocess.test_typed_answers import (
    ANA,
    OFFER,
    cleared,
    evening_card,
    follow_up_card,
    moments,
)

KEPT = "That's lovely. I've kept it as a moment of connection."
ASK_WHEN = "When should I ask again?"
NOTHING_KEPT = (
    "Okay, stopped. Nothing was kept. Whenever you want, send /moment or just tell me what "
    "happened."
)


async def test_a_hedged_answer_answers_the_follow_up(harness: Harness):
    h = harness
    card = await follow_up_card(h)
    actions = await h.text(ANA, "we talked, it was ok i guess")
    (reply,) = h.texts(actions)
    assert "Noted as repaired" in reply and OFFER not in reply
    assert cleared(actions, card)
    (moment,) = await moments(h)
    assert (moment.status, moment.outcome) == ("repaired", "went_well")


async def test_not_yet_answers_the_follow_up_before_a_newer_evening_card(harness: Harness):
    """The follow-up at 21:00, the evening card at 21:45: "not yet" is what "Did you get to
    talk about ...?" asks for, and "tomorrow" then answers "When should I ask again?"."""
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    await h.walk(ANA, LATER)
    h.clock.advance(timedelta(minutes=30))
    await h.tick()  # Sunday's evening card
    await h.text(ANA, "all good")
    h.clock.advance(timedelta(days=1))
    (follow_up,) = sent_to(h, ANA, await h.tick())
    h.clock.advance(timedelta(minutes=45))
    (evening,) = sent_to(h, ANA, await h.tick())
    assert evening.text is not None and evening.text.startswith("Good evening")
    actions = await h.text(ANA, "not yet")
    assert h.texts(actions) == [ASK_WHEN]
    assert cleared(actions, follow_up) and not cleared(actions, evening)
    assert h.texts(await h.text(ANA, "tomorrow")) == ["Okay, I'll ask again tomorrow evening."]
    assert [r.kind for r in await pending(h, ANA)] == ["follow_up", "evening"]
    # The evening card still waits for its own answer.
    assert h.texts(await h.text(ANA, "all good")) == ["Glad to hear it. Sleep well, Ana."]


async def test_not_yet_at_the_evening_card_alone_still_asks_later(harness: Harness):
    h = harness
    await evening_card(h)
    (reply,) = h.texts(await h.text(ANA, "not yet"))
    assert reply.startswith("Okay, I'll ask again around")


async def test_a_good_day_told_is_kept_as_a_moment_of_connection(harness: Harness):
    h = harness
    card = await evening_card(h)
    h.clock.advance(timedelta(minutes=10))
    words = "it was a good day actually, we went for a walk and held hands"
    actions = await h.text(ANA, words)
    assert h.texts(actions) == [KEPT]
    assert cleared(actions, card)
    (reflection,) = await reflections(h)
    assert (reflection.answer, reflection.note) == ("connection", words)
    assert await moments(h) == []  # nothing offered as a hurt


async def test_a_good_day_told_the_next_morning_is_kept_for_that_evening(harness: Harness):
    h = harness
    await evening_card(h)  # 21:00 in Berlin
    h.clock.advance(timedelta(hours=11, minutes=15))  # 08:15
    actions = await h.text(ANA, "It was a good day actually, we went for a walk and held hands!")
    assert h.texts(actions) == [KEPT]
    (reflection,) = await reflections(h)
    assert (reflection.answer, reflection.local_date) == ("connection", date(2026, 3, 1))


async def test_a_good_day_with_nothing_shared_is_all_good(harness: Harness):
    h = harness
    await evening_card(h)
    assert h.texts(await h.text(ANA, "today was lovely")) == ["Glad to hear it. Sleep well, Ana."]
    assert [r.answer for r in await reflections(h)] == ["all_good"]


async def test_ask_me_in_an_hour_inside_quiet_hours_says_they_have_begun(harness: Harness):
    h = harness
    await evening_card(h)  # 21:00 in Berlin; quiet from 22:30
    h.clock.advance(timedelta(hours=1, minutes=45))  # 22:45
    replies = h.texts(await h.press(ANA, "Ask me in an hour"))
    assert replies == ["It's your quiet time now, so let's leave it for tonight."]


async def test_ask_me_in_an_hour_before_quiet_hours_says_they_are_coming(harness: Harness):
    h = harness
    await evening_card(h)
    h.clock.advance(timedelta(minutes=45))  # 21:45: an hour on is quiet time
    replies = h.texts(await h.press(ANA, "Ask me in an hour"))
    assert replies == ["In an hour it'll be your quiet time, so let's leave it for tonight."]


async def prompt_rows(h: Harness) -> list[ScheduledPrompt]:
    async with h.db.unit_of_work() as session:
        return list(await session.scalars(select(ScheduledPrompt)))


@pytest.mark.parametrize("stop", ["/cancel", "never mind"])
async def test_a_moment_from_the_evening_card_cancelled_untold_keeps_no_evening_answer(
    harness: Harness, stop: str
):
    """However it is stopped: /cancel, or "never mind" typed at the question."""
    h = harness
    card = await evening_card(h)
    assert h.texts(await h.press(ANA, "A moment hurt")) == ["Who was it with?"]
    assert [r.answer for r in await reflections(h)] == ["hurt"]
    assert h.texts(await h.text(ANA, stop)) == [NOTHING_KEPT]
    assert await reflections(h) == []
    (row,) = [r for r in await prompt_rows(h) if r.message_id == card.message_id]
    assert row.answer is None and row.answered_at is not None  # answered, nothing kept


async def test_a_moment_from_the_evening_card_cancelled_once_told_keeps_it(harness: Harness):
    h = harness
    await evening_card(h)
    await h.press(ANA, "A moment hurt")
    await h.walk(ANA, TO_THE_PATH[2:5])  # who, their name, what happened
    (reply,) = h.texts(await h.text(ANA, "/cancel"))
    assert "unfinished moment" in reply
    assert [r.answer for r in await reflections(h)] == ["hurt"]
