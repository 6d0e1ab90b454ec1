"""Cards the bot sends on its own (the evening check-in, a follow-up, an invite) answered by
typing rather than tapping: taken as the button would be, not offered as a new moment."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from bot.sandbox.core import BotAction
from bot.storage.models import ConversationState, MomentRow, PartnerLink
from tests.harness import Harness
from tests.inprocess.flows import LATER, SAY_IT_NOW, TO_THE_PATH
from tests.inprocess.test_scheduling import pending, reflections, sent_to

ANA, BEN = 711, 712
OFFER = "Want to look at this moment together?"
IDLE_ACK = "I'm here whenever something's on your mind. Just tell me what happened, or tap below."


async def evening_card(h: Harness) -> BotAction:
    await h.onboard(ANA, "Ana", evening=True)  # 20:30 in Berlin; the card comes at 21:00
    h.clock.advance(timedelta(minutes=30))
    (card,) = sent_to(h, ANA, await h.tick())
    return card


def cleared(actions: list[BotAction], card: BotAction) -> bool:
    """The card's buttons were taken off (it has been answered)."""
    return any(
        a.method == "editMessageReplyMarkup" and a.message_id == card.message_id for a in actions
    )


async def moments(h: Harness) -> list[MomentRow]:
    async with h.db.unit_of_work() as session:
        return list(await session.scalars(select(MomentRow)))


async def test_typed_not_tonight_answers_the_evening_card(harness: Harness):
    h = harness
    card = await evening_card(h)
    actions = await h.text(ANA, "Not tonight, too tired.")
    assert h.texts(actions) == ["No problem. Rest well."]
    assert cleared(actions, card)
    (reflection,) = await reflections(h)
    assert (reflection.answer, reflection.local_date) == ("not_tonight", date(2026, 3, 1))
    tapped = await h.press(ANA, data=f"menu:ev.all_good.{reflection.prompt_id}", forge=True)
    assert h.toasts(tapped) == ["You've already answered this one."]


async def test_a_plain_no_puts_the_evening_off_and_good_is_a_good_day(harness: Harness):
    h = harness
    await evening_card(h)
    assert h.texts(await h.text(ANA, "nope")) == ["No problem. Rest well."]
    h.clock.advance(timedelta(days=1))
    await h.tick()  # the next evening's card
    assert h.texts(await h.text(ANA, "good 🙂")) == ["Glad to hear it. Sleep well, Ana."]
    assert [r.answer for r in await reflections(h)] == ["not_tonight", "all_good"]


async def test_a_plain_yes_asks_which_kind_of_moment(harness: Harness):
    h = harness
    card = await evening_card(h)
    actions = await h.text(ANA, "yes")
    assert cleared(actions, card)
    (which,) = sent_to(h, ANA, actions)
    assert which.text == "Which kind of moment was it?"
    labels = [b["text"] for b in which.buttons()]
    assert labels == ["A moment hurt", "I may have hurt someone", "A moment of connection"]
    assert h.texts(await h.press(ANA, "A moment hurt")) == ["Who was it with?"]
    async with h.db.unit_of_work() as session:
        state = await session.scalar(select(ConversationState))
    assert state is not None and (state.flow, state.step) == ("moment", "who")
    assert state.data["m"]["direction"] == "to_me"


async def test_typed_words_for_a_button_start_that_direction(harness: Harness):
    h = harness
    await evening_card(h)
    replies = h.texts(await h.text(ANA, "I think I hurt someone"))
    assert replies == ["Who do you think you hurt?"]
    (reflection,) = await reflections(h)
    assert reflection.answer == "by_me"


async def test_what_happened_at_the_evening_card_is_still_offered_as_a_moment(harness: Harness):
    h = harness
    card = await evening_card(h)
    actions = await h.text(ANA, "He scrolled through his phone all through dinner")
    assert OFFER in h.texts(actions)[0]
    assert not cleared(actions, card)
    assert await reflections(h) == []
    assert h.texts(await h.press(ANA, "No, I just needed to say it")) != []
    # The card still takes its answer.
    assert h.texts(await h.press(ANA, "All good", message_id=card.message_id)) == [
        "Glad to hear it. Sleep well, Ana."
    ]


async def test_words_after_being_busy_with_a_moment_are_not_the_cards_answer(harness: Harness):
    h = harness
    await evening_card(h)
    await h.walk(ANA, SAY_IT_NOW)  # the card left, a moment looked at instead
    replies = h.texts(await h.text(ANA, "good"))
    assert replies == [IDLE_ACK]
    assert await reflections(h) == []


async def test_a_card_from_yesterday_evening_no_longer_takes_typed_words(harness: Harness):
    h = harness
    await evening_card(h)
    h.clock.advance(timedelta(hours=13))
    replies = h.texts(await h.text(ANA, "no"))
    assert replies == [IDLE_ACK]
    assert await reflections(h) == []


async def follow_up_card(h: Harness) -> BotAction:
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LATER)  # tomorrow evening; asked about at 21:00 Berlin
    h.clock.advance(timedelta(hours=24, minutes=30))
    (card,) = sent_to(h, ANA, await h.tick())
    return card


async def test_we_made_up_records_the_follow_up_as_repaired(harness: Harness):
    h = harness
    card = await follow_up_card(h)
    actions = await h.text(ANA, "We made up!")
    (reply,) = h.texts(actions)
    assert "Noted as repaired" in reply
    assert cleared(actions, card)
    (moment,) = await moments(h)
    assert (moment.status, moment.outcome) == ("repaired", "went_well")
    assert await pending(h, ANA) == []


async def test_a_plain_no_then_tomorrow_plans_the_question_again(harness: Harness):
    h = harness
    card = await follow_up_card(h)
    actions = await h.text(ANA, "no")
    assert h.texts(actions) == ["When should I ask again?"]
    assert cleared(actions, card)
    assert h.texts(await h.text(ANA, "tomorrow")) == ["Okay, I'll ask again tomorrow evening."]
    (again,) = await pending(h, ANA)
    assert again.kind == "follow_up"
    assert again.due_at == datetime(2026, 3, 3, 18, 0, tzinfo=UTC)  # 19:00 in Berlin
    (moment,) = await moments(h)
    assert moment.status == "planned"


async def test_a_plain_yes_asks_how_it_went(harness: Harness):
    h = harness
    await follow_up_card(h)
    (how,) = sent_to(h, ANA, await h.text(ANA, "yeah"))
    assert how.text == "How did it go?"
    assert [b["text"] for b in how.buttons()] == ["It went well", "It was hard"]
    (reply,) = h.texts(await h.press(ANA, "It was hard"))
    assert reply.startswith("Hard talks still count")
    (moment,) = await moments(h)
    assert (moment.status, moment.outcome) == ("repaired", "hard")


async def test_yes_to_an_unfinished_moments_nudge_picks_it_up(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:5])
    await h.text(ANA, "/cancel")  # kept as unfinished
    h.clock.advance(timedelta(days=1, hours=1))
    (card,) = sent_to(h, ANA, await h.tick())
    assert card.buttons()[0]["text"] == "Pick it up again"
    replies = h.texts(await h.text(ANA, "yes"))
    assert replies and "Did you get to talk" not in replies[0]
    async with h.db.unit_of_work() as session:
        state = await session.scalar(select(ConversationState))
    assert state is not None and state.flow == "moment" and state.step != "dir"


async def invite_opened(h: Harness) -> None:
    """Ana invites; Ben opens the link and has "Link with Ana?" in front of him."""
    h.person(ANA, "Ana")
    h.person(BEN, "Ben")
    await h.onboard(ANA, "Ana")
    (invite,) = h.texts(await h.text(ANA, "/invite"))
    token = invite.split("?start=")[1].split()[0]
    await h.text(BEN, f"/start {token}")


async def test_a_typed_yes_answers_an_open_invite(h: Harness):
    await invite_opened(h)
    actions = await h.text(BEN, "yes please")
    said = {(a.chat_id, (a.text or "")[:27]) for a in actions}
    assert {(BEN, "You're now linked with Ana."), (ANA, "You're now linked with Ben.")} <= said
    async with h.db.unit_of_work() as session:
        (link,) = list(await session.scalars(select(PartnerLink)))
    assert (link.status, link.partner_id) == ("active", BEN)


async def test_a_typed_no_declines_an_open_invite(h: Harness):
    await invite_opened(h)
    actions = await h.text(BEN, "no thanks")
    declined = "Okay, no link. The invite can't be used again."
    assert [a.text for a in actions if a.chat_id == BEN] == [declined]
    assert [a.text for a in actions if a.chat_id == ANA] == ["Ben didn't link this time."]


async def test_with_two_cards_waiting_when_to_ask_again_is_answered_first(harness: Harness):
    """The follow-up at 21:00, "no" (when should I ask again?), then the evening card: a
    "tomorrow" is about the question just asked, not the evening."""
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    await h.walk(ANA, LATER)  # asked about tomorrow at 21:00, with the evening check-in
    h.clock.advance(timedelta(minutes=30))
    await h.tick()  # Sunday's evening card
    await h.text(ANA, "all good")
    h.clock.advance(timedelta(days=1))
    (follow_up,) = sent_to(h, ANA, await h.tick())  # Monday's check-in waits 45 minutes
    assert follow_up.text is not None and follow_up.text.startswith("Did you get to talk")
    assert h.texts(await h.text(ANA, "no")) == ["When should I ask again?"]
    h.clock.advance(timedelta(minutes=45))
    (evening,) = sent_to(h, ANA, await h.tick())
    assert evening.text is not None and evening.text.startswith("Good evening")
    assert h.texts(await h.text(ANA, "tomorrow")) == ["Okay, I'll ask again tomorrow evening."]
    assert [r.kind for r in await pending(h, ANA)] == ["follow_up", "evening"]
    assert h.texts(await h.text(ANA, "all good")) == ["Glad to hear it. Sleep well, Ana."]


async def test_words_for_an_older_card_are_read_for_it(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    await h.walk(ANA, LATER)
    h.clock.advance(timedelta(minutes=30))
    await h.tick()  # Sunday's evening card
    await h.text(ANA, "all good")
    h.clock.advance(timedelta(days=1))
    await h.tick()  # the follow-up
    h.clock.advance(timedelta(minutes=45))
    assert sent_to(h, ANA, await h.tick())  # the evening card, newer
    (reply,) = h.texts(await h.text(ANA, "we made up"))
    assert "Noted as repaired" in reply
    assert [m.status for m in await moments(h)] == ["repaired"]


async def test_words_at_a_card_answered_meanwhile_are_told_so(harness: Harness):
    h = harness
    await follow_up_card(h)
    await h.text(ANA, "no")  # when should I ask again?
    (listing,) = sent_to(h, ANA, await h.text(ANA, "/history"))
    (item,) = [b for b in listing.buttons() if "Phone out mid-talk" in b["text"]]
    await h.press(ANA, item["text"])  # open it
    await h.press(ANA, "We repaired it")
    replies = h.texts(await h.text(ANA, "tomorrow"))
    assert replies == ["That moment is already noted as settled, so I won't ask about it again."]
    assert [m.status for m in await moments(h)] == ["repaired"]


async def test_an_evening_card_after_an_offer_takes_the_words_meant_for_it(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    assert OFFER in h.texts(await h.text(ANA, "He ignored me at dinner"))[0]
    h.clock.advance(timedelta(minutes=30))
    await h.tick()  # the evening card, after the offer
    assert h.texts(await h.text(ANA, "Not tonight, too tired.")) == ["No problem. Rest well."]
    assert [r.answer for r in await reflections(h)] == ["not_tonight"]


async def test_yes_at_a_follow_up_after_declining_an_offer_is_for_the_follow_up(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LATER)
    h.clock.advance(timedelta(hours=24, minutes=20))
    await h.text(ANA, "He never listens")
    await h.press(ANA, "No, I just needed to say it")  # a yes soon after would take it up
    h.clock.advance(timedelta(minutes=10))
    assert sent_to(h, ANA, await h.tick())  # the follow-up, after the no
    (how,) = sent_to(h, ANA, await h.text(ANA, "yes"))
    assert how.text == "How did it go?"
