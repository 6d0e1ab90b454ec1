"""Typed words from a month-long walkthrough, end to end: a planned talk's follow-up answered
with an emoji after "not yet", or with where the talk was before how it went; "When should I
ask again?" asked in the middle of a moment (the card just tapped takes a time typed for it);
and a thanks after "No, I just needed to say it" (a warm close, never a moment, and no
promise to keep words that are not kept)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.sandbox.core import BotAction
from bot.storage.models import ConversationState, MomentRow
from tests.harness import Harness
from tests.inprocess.flows import LATER, TO_THE_PATH
from tests.inprocess.test_scheduling import pending, sent_to

ANA = 711
OFFER = "Want to look at this moment together?"
ASK_WHEN = "When should I ask again?"
THANKS = "You're welcome, Ana. I'm here whenever you need me."


async def moments(h: Harness) -> list[MomentRow]:
    async with h.db.unit_of_work() as session:
        return list(await session.scalars(select(MomentRow)))


async def state_of(h: Harness) -> ConversationState | None:
    async with h.db.unit_of_work() as session:
        return await session.scalar(select(ConversationState))


async def follow_up_and_evening(h: Harness) -> BotAction:
    """The planned talk's follow-up at 21:00 on Monday, and that evening's check-in 45
    minutes later: both cards open. The follow-up card is returned."""
    await h.onboard(ANA, "Ana", evening=True)
    await h.walk(ANA, LATER)  # asked about tomorrow at 21:00, with the evening check-in
    h.clock.advance(timedelta(minutes=30))
    await h.tick()  # Sunday's evening card
    await h.text(ANA, "all good")
    h.clock.advance(timedelta(days=1))
    (follow_up,) = sent_to(h, ANA, await h.tick())
    assert follow_up.text is not None and follow_up.text.startswith("Did you get to talk")
    h.clock.advance(timedelta(minutes=45))
    (evening,) = sent_to(h, ANA, await h.tick())
    assert evening.text is not None and evening.text.startswith("Good evening")
    return follow_up


async def test_not_yet_then_an_emoji_and_why_answers_the_follow_up(harness: Harness):
    h = harness
    await follow_up_and_evening(h)
    assert h.texts(await h.text(ANA, "not yet 😕 he fell asleep on the sofa")) == [ASK_WHEN]
    # A time typed at "When should I ask again?" is when: not more of a moment, not "kept".
    (reply,) = h.texts(await h.text(ANA, "tmrw pm"))
    assert reply == "Okay, I'll ask again on Tuesday at 14:00."
    again = [p for p in await pending(h, ANA) if p.kind == "follow_up"]
    assert [p.due_at for p in again] == [datetime(2026, 3, 3, 13, 0, tzinfo=UTC)]
    (moment,) = await moments(h)
    assert moment.status == "planned"
    assert await state_of(h) is None  # no offer to look was opened


async def test_where_they_talked_and_hard_but_ok_is_noted_as_hard(harness: Harness):
    h = harness
    await follow_up_and_evening(h)
    (reply,) = h.texts(await h.text(ANA, "we talked on the drive back, it was hard but ok"))
    assert reply.startswith("Hard talks still count")
    (moment,) = await moments(h)
    assert (moment.status, moment.outcome) == ("repaired", "hard")


async def test_where_they_talked_and_more_is_noted_as_hard_and_offered(harness: Harness):
    h = harness
    await follow_up_and_evening(h)
    said = (
        "we talked on the drive back from the coast, it was hard but ok 😅 "
        "he said he didnt realise it stung"
    )
    (reply,) = h.texts(await h.text(ANA, said))
    assert reply.startswith("Hard talks still count: you reached out. I've noted that it was hard.")
    (moment,) = await moments(h)
    assert (moment.status, moment.outcome) == ("repaired", "hard")


async def test_a_time_typed_for_the_card_just_tapped_mid_moment_is_its_answer(harness: Harness):
    """In a moment at "How much is it still with you?", the follow-up comes; "Not yet, remind
    me" is tapped, and "sunday evening" typed: the question just asked takes it (the moment's
    question is asked again after), and a number is still the moment's."""
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LATER)  # asked about on Monday at 21:00
    h.clock.advance(timedelta(hours=24, minutes=25))  # Monday 20:55 in Berlin
    await h.walk(ANA, TO_THE_PATH[:6])  # at "How much is it still with you?"
    h.clock.advance(timedelta(minutes=5))
    (card,) = sent_to(h, ANA, await h.tick())
    assert card.text is not None and card.text.startswith("Did you get to talk")
    asked = await h.press(ANA, "Not yet, remind me", message_id=card.message_id)
    assert h.texts(asked) == [ASK_WHEN]
    replies = h.texts(await h.text(ANA, "sunday evening"))
    assert replies[0] == "Okay, I'll ask again on Sunday at 19:00."
    assert "How much is it still with you" in replies[-1]
    again = [p for p in await pending(h, ANA) if p.kind == "follow_up"]
    assert [p.due_at for p in again] == [datetime(2026, 3, 8, 18, 0, tzinfo=UTC)]
    state = await state_of(h)
    assert state is not None and (state.flow, state.step) == ("moment", "int")
    assert "How did it feel?" in h.texts(await h.text(ANA, "4"))[0]


async def test_words_that_are_no_time_mid_moment_stay_the_moments(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LATER)
    h.clock.advance(timedelta(hours=24, minutes=25))
    await h.walk(ANA, TO_THE_PATH[:6])
    h.clock.advance(timedelta(minutes=5))
    (card,) = sent_to(h, ANA, await h.tick())
    await h.press(ANA, "Not yet, remind me", message_id=card.message_id)
    assert "How did it feel?" in h.texts(await h.text(ANA, "4"))[0]
    assert "How did it feel?" not in h.texts(await h.text(ANA, "tomorrow"))[0]


async def test_a_thanks_after_declining_gets_a_warm_close(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    assert OFFER in h.texts(await h.text(ANA, "he forgot to call me back again"))[0]
    await h.press(ANA, "No, I just needed to say it")
    assert h.texts(await h.text(ANA, "thanks. that helped a bit ❤️")) == [THANKS]
    assert h.texts(await h.text(ANA, "thanks that helped a bit")) == [THANKS]
    assert h.texts(await h.text(ANA, "thanks ❤️")) == [THANKS]
    assert await moments(h) == []


async def test_more_told_at_an_offer_is_not_said_to_be_kept(harness: Harness):
    """Words told at the offer are held for it: declined, they are in neither /history nor
    /export, so the reply to them never says they were kept."""
    h = harness
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "he forgot to call me back again")
    (more,) = h.texts(await h.text(ANA, "i just dont know if he even cares anymore…"))
    assert OFFER in more and "kept" not in more
    await h.press(ANA, "No, I just needed to say it")
    assert await moments(h) == []
    (listing,) = h.texts(await h.text(ANA, "/history"))
    assert "cares anymore" not in listing


@pytest.mark.parametrize(
    ("hours", "story"),
    [
        (1, "tomorrow he'll say he forgot, he always does"),
        (12, "this evening my sister ignored me at dinner"),
        (12, "friday my boss cancelled on me again"),
    ],
)
async def test_a_story_that_opens_with_a_time_is_not_when_to_ask_again(
    harness: Harness, hours: int, story: str
):
    """ "When should I ask again?" waits for days: a story typed meanwhile that happens to
    open with a time is a story, offered as one, and the card still waits."""
    h = harness
    await follow_up_and_evening(h)
    assert h.texts(await h.text(ANA, "not yet")) == [ASK_WHEN]
    h.clock.advance(timedelta(hours=hours))
    (reply,) = h.texts(await h.text(ANA, story))
    assert OFFER in reply
    assert [p.kind for p in await pending(h, ANA) if p.kind == "follow_up"] == []
    declined = "That's okay. Saying it counts too."
    (no,) = h.texts(await h.text(ANA, "no"))  # the offer is answered, not the card
    assert no.startswith(declined)
    assert "I'll ask again" in h.texts(await h.text(ANA, "sunday evening"))[0]


async def test_a_time_for_the_card_tapped_after_an_offer_is_its_answer(harness: Harness):
    """A story told (an offer to look waits), then "Not yet, remind me" tapped on the
    follow-up: "tmrw pm" is when to ask again, never more of the story."""
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LATER)
    h.clock.advance(timedelta(hours=24, minutes=30))  # Monday 21:00 in Berlin
    (card,) = sent_to(h, ANA, await h.tick())
    h.clock.advance(timedelta(minutes=10))
    assert OFFER in h.texts(await h.text(ANA, "he fell asleep on the sofa again"))[0]
    h.clock.advance(timedelta(minutes=1))
    await h.press(ANA, "Not yet, remind me", message_id=card.message_id)
    assert h.texts(await h.text(ANA, "tmrw pm")) == ["Okay, I'll ask again on Tuesday at 14:00."]
    again = [p for p in await pending(h, ANA) if p.kind == "follow_up"]
    assert [p.due_at for p in again] == [datetime(2026, 3, 3, 13, 0, tzinfo=UTC)]
