"""A follow-up answered as people type on a phone, end to end: no apostrophes or commas ("no
we didnt", "no he was busy"), when to ask again said with the "not yet" ("not yet, tomorrow
maybe"), hard and then what happened ("it went really badly tbh. he got defensive", "we
talked but he got defensive": noted as hard, the rest offered), a lukewarm "it was ok i
guess" (measured words); and "sorry was asleep. what was i doing" in the middle of a
moment, which is coming back to it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.content import catalogue
from tests.harness import Harness
from tests.inprocess.flows import LATER, TO_THE_PATH
from tests.inprocess.test_scheduling import pending, sent_to
from tests.inprocess.test_typed_answers import ANA, cleared, follow_up_card, moments

C = catalogue("en")
OFFER = "Want to look at this moment together?"
ASK_WHEN = C.text("follow_up.ask_when")
HARD_OFFER = C.text("moment.offer_after_hard")
WHERE = C.text("shell.where_we_were")


@pytest.mark.parametrize(
    "typed",
    [
        "no he was busy",
        "no, he was busy",
        "nope, he was busy",
        "no. he was busy",
        "not yet he was busy",
        "we didnt",
        "no we didnt",
        "didnt get the chance",
        "haven't had a chance yet",
        "hes been away",
    ],
)
async def test_not_yet_typed_fast_asks_when(harness: Harness, typed: str):
    h = harness
    card = await follow_up_card(h)
    actions = await h.text(ANA, typed)
    assert h.texts(actions) == [ASK_WHEN]
    assert cleared(actions, card)
    (moment,) = await moments(h)
    assert moment.status == "planned"


async def test_not_yet_and_tomorrow_asks_again_tomorrow(harness: Harness):
    h = harness
    await follow_up_card(h)  # Monday 21:00 in Berlin
    (reply,) = h.texts(await h.text(ANA, "not yet, tomorrow maybe"))
    assert reply == C.text("follow_up.rescheduled", when="tomorrow evening")
    again = [p for p in await pending(h, ANA) if p.kind == "follow_up"]
    assert [p.due_at for p in again] == [datetime(2026, 3, 3, 18, 0, tzinfo=UTC)]
    (moment,) = await moments(h)
    assert moment.status == "planned"


async def test_not_yet_and_a_reason_still_asks_when(harness: Harness):
    h = harness
    await follow_up_card(h)
    assert h.texts(await h.text(ANA, "not yet, he was busy")) == [ASK_WHEN]


@pytest.mark.parametrize(
    "typed",
    [
        "it went really badly tbh. he got defensive",
        "we talked but he got defensive",
    ],
)
async def test_hard_and_what_happened_is_noted_and_offered(harness: Harness, typed: str):
    h = harness
    card = await follow_up_card(h)
    actions = await h.text(ANA, typed)
    assert cleared(actions, card)
    assert h.texts(actions) == [HARD_OFFER]
    (moment,) = await moments(h)
    assert (moment.status, moment.outcome) == ("repaired", "hard")


async def test_we_did_and_it_was_nice_went_well(harness: Harness):
    h = harness
    await follow_up_card(h)
    (reply,) = h.texts(await h.text(ANA, "we did! it was nice"))
    assert reply.startswith("That's wonderful.")
    assert reply.endswith("Noted as repaired, a day after it happened.")
    (moment,) = await moments(h)
    assert (moment.status, moment.outcome) == ("repaired", "went_well")


async def test_a_lukewarm_went_well_is_answered_in_measured_words(harness: Harness):
    h = harness
    await follow_up_card(h)
    (reply,) = h.texts(await h.text(ANA, "we talked, it was ok i guess"))
    when = "a day after it happened"
    assert reply == C.text("follow_up.went_well_measured_reply", time_to_repair=when)
    assert "wonderful" not in reply and "(after" not in reply
    (moment,) = await moments(h)
    assert (moment.status, moment.outcome) == ("repaired", "went_well")


async def test_the_button_reads_the_time_to_repair_naturally(harness: Harness):
    h = harness
    await follow_up_card(h)
    (reply,) = h.texts(await h.press(ANA, C.text("follow_up.went_well")))
    assert reply == C.text("follow_up.went_well_reply", time_to_repair="a day after it happened")


async def test_back_after_sleep_mid_moment_is_where_was_i(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:6])  # at "How much is it still with you?"
    h.clock.advance(timedelta(hours=3))
    (again,) = sent_to(h, ANA, await h.text(ANA, "sorry was asleep. what was i doing"))
    assert again.text is not None and again.text.startswith(WHERE)
    assert [b["text"] for b in again.buttons()] == ["1", "2", "3", "4", "5"]


async def test_back_after_sleep_with_nothing_open_is_no_moment(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    texts = h.texts(await h.text(ANA, "sorry was asleep. what was i doing"))
    assert not any(OFFER in t for t in texts)
    assert await moments(h) == []


async def test_a_question_about_life_is_not_where_was_i(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:6])
    replies = h.texts(await h.text(ANA, "what was i doing with my life lol"))
    assert not any(r.startswith(WHERE) for r in replies)


async def test_later_is_still_the_plan_walked(harness: Harness):
    """The walk the follow-up tests start from: a talk planned for tomorrow evening."""
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LATER)
    assert [p.kind for p in await pending(h, ANA)] == ["follow_up"]
