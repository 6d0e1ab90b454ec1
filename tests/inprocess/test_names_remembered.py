"""The name used last time for "My partner", through the real bot: after a breakup in Mend (the
partner link ended by /unlink, or by the partner erasing everything) the ex's name from before
is not offered again, though names given since are, and other relations keep theirs; and a
moment picked up again at "What's their name?" (from /history or from its follow-up card)
offers the name given last time exactly as arriving at that question does."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.content import catalogue
from bot.sandbox.core import BotAction
from bot.storage.models import ConversationState, MomentRow
from tests.harness import Harness

C = catalogue("en")
ANA, BEN, CY = 741, 742, 743
STORY = "He scrolled his phone the whole time I told him about my interview."


def labels(card: BotAction) -> list[str]:
    return [b["text"] for b in card.buttons()]


def asked_name(h: Harness) -> tuple[str, list[str]]:
    """Ana's newest card, which is "What's their name?": its words and buttons."""
    card = h.last_card(ANA)
    assert (card.text or "").startswith(C.text("moment.ask_who_name").split("?")[0])
    return card.text or "", labels(card)


def offers_nothing_remembered(h: Harness) -> None:
    assert asked_name(h) == (C.text("moment.ask_who_name"), [C.text("moment.skip")])


def offers(h: Harness, name: str, *first: str) -> None:
    text, buttons = asked_name(h)
    assert text == C.text("moment.ask_who_name_last", name=name)
    assert buttons == [*first, name, C.text("moment.skip")]


async def to_the_name(h: Harness, who: str = "partner") -> None:
    """A new moment, to "What's their name?" for `who` (a WHO key)."""
    h.clock.advance(timedelta(minutes=10))
    await h.text(ANA, "/moment")
    await h.press(ANA, C.text("moment.to_me"))
    await h.press(ANA, C.text(f"moment.who_{who}"))


async def named(h: Harness, who: str, name: str, *, press: bool = False) -> None:
    """A moment with `who` named `name` (typed, or its button pressed), kept: what happened
    picked, then /cancel (it stays, unfinished)."""
    await to_the_name(h, who)
    if press:
        await h.press(ANA, name)
    else:
        await h.text(ANA, name)
    await h.press(ANA, labels(h.last_card(ANA))[0])  # what happened: the first pattern
    await h.text(ANA, "/cancel")
    newest = (await moments(h))[-1]
    assert (newest.who, newest.who_name, newest.status) == (who, name, "unfinished")


async def moments(h: Harness) -> list[MomentRow]:
    async with h.db.unit_of_work() as session:
        query = select(MomentRow).where(MomentRow.user_id == ANA)
        return list(await session.scalars(query.order_by(MomentRow.created_at)))


async def name_in_flow(h: Harness) -> str | None:
    """The name on the moment Ana is in the middle of, as her flow holds it."""
    async with h.db.unit_of_work() as session:
        state = await session.scalar(
            select(ConversationState).where(ConversationState.user_id == ANA)
        )
    assert state is not None and state.step == "pat"
    return dict(state.data["m"]).get("who_name")


async def unlink(h: Harness, user_id: int) -> None:
    h.clock.advance(timedelta(minutes=10))
    await h.text(user_id, "/unlink")
    await h.press(user_id, C.text("link.unlink_yes"))


async def linked_with_ben_and_named_him(h: Harness) -> None:
    await h.onboard(ANA, "Ana")
    await h.onboard(BEN, "Ben")
    await h.link(BEN, ANA, "Ben")
    await named(h, "friend", "Carla")
    await to_the_name(h)
    assert asked_name(h)[1] == ["Ben", C.text("moment.skip")]  # the linked partner: one tap
    await h.text(ANA, "/cancel")
    await named(h, "partner", "Ben", press=True)


# ---------------------------------------------------------------- after a breakup


async def test_after_unlink_the_exs_name_is_not_offered_but_names_since_are(harness: Harness):
    h = harness
    await linked_with_ben_and_named_him(h)
    await unlink(h, ANA)
    await to_the_name(h)
    offers_nothing_remembered(h)  # not Ben's name any more
    await h.text(ANA, "/cancel")
    await to_the_name(h, "friend")  # other relations keep theirs
    offers(h, "Carla")
    await h.text(ANA, "/cancel")
    # A partner named since the link ended is offered as ever.
    await named(h, "partner", "Leo")
    await to_the_name(h)
    offers(h, "Leo")
    await h.press(ANA, "Leo")
    assert await name_in_flow(h) == "Leo"


async def test_when_the_other_ends_it_the_name_from_before_goes_too(harness: Harness):
    h = harness
    await linked_with_ben_and_named_him(h)
    await unlink(h, BEN)
    await to_the_name(h)
    offers_nothing_remembered(h)


async def test_when_the_partner_erases_everything_the_name_from_before_goes_too(
    harness: Harness,
):
    h = harness
    await linked_with_ben_and_named_him(h)
    h.clock.advance(timedelta(minutes=10))
    await h.text(BEN, "/delete")
    await h.press(BEN, C.text("privacy.delete_yes"))
    await to_the_name(h)
    offers_nothing_remembered(h)


async def test_after_several_links_it_is_the_newest_end_that_counts(harness: Harness):
    h = harness
    await linked_with_ben_and_named_him(h)
    await unlink(h, ANA)
    await named(h, "partner", "Leo")  # after Ben's link ended
    await h.onboard(CY, "Cy")
    await h.link(CY, ANA, "Cy")
    await to_the_name(h)
    offers(h, "Leo", "Cy")  # the linked partner first, as ever
    await h.text(ANA, "/cancel")
    await unlink(h, CY)
    await to_the_name(h)
    offers_nothing_remembered(h)  # Leo was before the newest end
    await h.text(ANA, "/cancel")
    # And linked with Ben again: his own button, once, as while any link is active.
    await h.link(BEN, ANA, "Ben")
    await to_the_name(h)
    assert asked_name(h) == (C.text("moment.ask_who_name"), ["Ben", C.text("moment.skip")])


# ---------------------------------------------------------------- picked up at the name


async def at_the_name_of_a_told_moment(
    h: Harness, *, evening: bool = False
) -> tuple[str, list[str]]:
    """Ana named her partner Sam once; now she tells a story first, and at "What's their
    name?" (as it was on arrival: returned) she stops with /cancel."""
    await h.onboard(ANA, "Ana", evening=evening)
    await named(h, "partner", "Sam")
    h.clock.advance(timedelta(minutes=10))
    await h.text(ANA, STORY)
    await h.press(ANA, C.text("moment.offer_yes"))
    await h.press(ANA, C.text("moment.to_me"))
    await h.press(ANA, C.text("moment.who_partner"))
    arrival = asked_name(h)
    assert arrival == (
        C.text("moment.ask_who_name_last", name="Sam"),
        ["Sam", C.text("moment.skip")],
    )
    await h.text(ANA, "/cancel")
    told = (await moments(h))[-1]
    assert (told.status, told.step, told.who_name) == ("unfinished", "whoname", None)
    return arrival


async def follow_ups(h: Harness) -> list[BotAction]:
    """The cards to Ana the scheduler sends now that offer to pick a moment up again."""
    sent = await h.tick()
    return [a for a in sent if a.chat_id == ANA and C.text("follow_up.resume") in labels(a)]


async def test_picked_up_from_history_at_the_name_it_offers_the_last_name(harness: Harness):
    h = harness
    arrival = await at_the_name_of_a_told_moment(h)
    await h.text(ANA, "/history")
    newest = labels(h.last_card(ANA))[0]
    await h.press(ANA, newest)
    replies = h.texts(await h.press(ANA, C.text("history.resume")))
    assert replies[0] == C.text("moment.resumed")
    assert asked_name(h) == arrival
    await h.press(ANA, "Sam")
    assert await name_in_flow(h) == "Sam"


async def test_picked_up_from_its_follow_up_at_the_name_it_offers_the_last_name(
    harness: Harness,
):
    h = harness
    arrival = await at_the_name_of_a_told_moment(h, evening=True)
    # One follow-up an evening: first the moment named Sam's, let go; then the told one's.
    h.clock.advance(timedelta(days=1, hours=1))
    (card,) = await follow_ups(h)
    assert STORY[:20] not in (card.text or "")
    await h.press(ANA, C.text("follow_up.let_go"), message_id=card.message_id)
    h.clock.advance(timedelta(days=1))
    (card,) = await follow_ups(h)
    assert STORY[:20] in (card.text or "")
    replies = h.texts(await h.press(ANA, C.text("follow_up.resume"), message_id=card.message_id))
    assert replies[0] == C.text("moment.resumed")
    assert asked_name(h) == arrival
    await h.press(ANA, "Sam")
    assert await name_in_flow(h) == "Sam"
