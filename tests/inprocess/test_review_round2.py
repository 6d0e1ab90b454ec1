"""Review, round two, in process: only a planned talk's follow-up takes typed words for days
(the "pick it up again?" reminder of an unfinished moment, only that night, as the evening
card); and "sorry cant type rn" after a voice message, at a question of a moment, keeps the
place rather than being kept as what happened."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.storage.models import ScheduledPrompt
from tests.harness import Harness
from tests.inprocess.flows import TO_THE_PATH
from tests.inprocess.test_scheduling import sent_to
from tests.inprocess.test_typed_answers import ANA, IDLE_ACK, OFFER, follow_up_card, moments

ASK_AGAIN = "When should I ask again?"
KEPT_PLACE = "Take your time: I'll keep your place."


async def unfinished_reminder(h: Harness) -> None:
    """An unfinished moment's nudge answered "Not yet" for tomorrow evening: the reminder (a
    follow-up row) sent, "pick it up again?"."""
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:5])
    await h.text(ANA, "/cancel")  # kept as unfinished
    h.clock.advance(timedelta(days=1, hours=1))
    await h.tick()
    await h.press(ANA, "Not yet, remind me")
    await h.press(ANA, "Tomorrow evening")
    h.clock.advance(timedelta(days=1))
    (card,) = sent_to(h, ANA, await h.tick())
    assert card.text is not None and "How is it now?" in card.text
    async with h.db.unit_of_work() as session:
        sent = await session.scalars(
            select(ScheduledPrompt).where(ScheduledPrompt.sent_at.is_not(None))
        )
        assert "follow_up" in {p.kind for p in sent}


# --------------------------------------------- 3. only a planned talk's card waits for days


async def test_an_unfinished_moments_reminder_takes_no_typed_words_days_later(harness: Harness):
    h = harness
    await unfinished_reminder(h)
    h.clock.advance(timedelta(hours=40))
    assert h.texts(await h.text(ANA, "no")) == [IDLE_ACK]
    (moment,) = await moments(h)
    assert moment.status == "unfinished"


async def test_an_unfinished_moments_reminder_still_takes_words_that_night(harness: Harness):
    h = harness
    await unfinished_reminder(h)
    h.clock.advance(timedelta(hours=2))
    assert h.texts(await h.text(ANA, "no")) == [ASK_AGAIN]


async def test_a_planned_talks_follow_up_still_takes_words_two_days_later(harness: Harness):
    h = harness
    await follow_up_card(h)
    h.clock.advance(timedelta(hours=40))
    (reply,) = h.texts(await h.text(ANA, "We made up!"))
    assert "Noted as repaired" in reply and OFFER not in reply


# --------------------------------------------- 2. "sorry cant type rn" after a voice message


async def test_cant_type_after_a_voice_message_keeps_the_place_at_what_happened(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:4])
    (asked,) = h.texts(await h.press(ANA, "Something else"))
    await h.media(ANA, "voice")
    (reply,) = h.texts(await h.text(ANA, "sorry cant type rn"))
    assert reply.startswith(KEPT_PLACE) and reply.endswith(asked)
    story = "he left me on read all day and then acted like nothing happened"
    (reply,) = h.texts(await h.text(ANA, story))
    assert "If a camera had been there" in reply
    await h.text(ANA, "/cancel")  # kept as unfinished, with what they said
    (moment,) = await moments(h)
    assert (moment.description, moment.observation) == (story, None)


async def test_cant_type_then_cancel_keeps_nothing_of_it(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:4])
    await h.press(ANA, "Something else")
    await h.media(ANA, "voice")
    (reply,) = h.texts(await h.text(ANA, "cant talk rn"))
    assert reply.startswith(KEPT_PLACE)
    await h.text(ANA, "/cancel")
    assert all(m.description is None for m in await moments(h))  # nothing told: none kept


async def test_cant_type_after_a_voice_message_keeps_the_place_at_the_camera(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:5])
    await h.media(ANA, "voice")
    (reply,) = h.texts(await h.text(ANA, "can't type right now"))
    assert reply.startswith(KEPT_PLACE) and "If a camera had been there" in reply
    await h.text(ANA, "/cancel")
    (moment,) = await moments(h)
    assert moment.pattern == "phone" and moment.observation is None


async def test_cant_type_right_now_with_no_question_open_is_not_offered_as_a_moment(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.media(ANA, "voice")
    for words in ("sorry cant type rn", "can't talk right now"):
        replies = h.texts(await h.text(ANA, words))
        assert replies == ["No rush, I'll be here whenever you're ready."]
    assert await moments(h) == []
