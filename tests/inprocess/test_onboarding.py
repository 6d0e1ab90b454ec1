"""Onboarding through the real Application on the in-process stand-in."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from bot.sandbox.core import BotAction
from bot.storage.models import ConversationState, PartnerLink, ProcessedUpdate, User
from tests.harness import Harness

ANA, BEN = 501, 502


async def user_row(h: Harness, user_id: int) -> User | None:
    async with h.db.unit_of_work() as session:
        return await session.get(User, user_id)


async def state_row(h: Harness, user_id: int) -> ConversationState | None:
    async with h.db.unit_of_work() as session:
        return await session.scalar(
            select(ConversationState).where(ConversationState.user_id == user_id)
        )


async def test_start_walks_through_onboarding_and_stores_name_and_zone(harness: Harness):
    h = harness
    h.person(ANA, "Ana")
    replies = h.texts(await h.text(ANA, "/start"))
    assert "not therapy" in replies[0]
    assert "what should I call you" in replies[1]

    replies = h.texts(await h.text(ANA, "Annie"))
    assert "Annie" in replies[0] and "time zone" in replies[0]

    replies = h.texts(await h.text(ANA, "Lisbon"))
    # 19:30 UTC on 1 March is 19:30 in Lisbon (no summer time yet): confirmed back.
    assert "19:30" in replies[0] and "Europe/Lisbon" in replies[0]

    replies = h.texts(await h.press(ANA, "Yes, that's right"))
    assert "check-in each evening" in replies[0]
    actions = await h.press(ANA, "Yes, at 21:00")
    assert any(
        a.method == "editMessageText" and "All set, Annie" in (a.text or "") for a in actions
    )
    user = await user_row(h, ANA)
    assert user is not None
    assert (user.preferred_name, user.timezone) == ("Annie", "Europe/Lisbon")
    assert (user.evening_on, user.evening_at) == (True, "21:00")
    assert user.onboarded_at == h.clock.now
    assert await state_row(h, ANA) is None


async def test_a_moment_typed_at_the_name_question_is_not_taken_for_a_name(harness: Harness):
    """The walkthrough: /start, then the moment itself where the name was asked."""
    h = harness
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    said = "my husband ignored me all evening and I feel awful"
    (again,) = h.texts(await h.text(ANA, said))
    assert "Nice to meet you" not in again and said not in again
    assert "what should I call you?" in again
    assert [b["text"] for b in h.last_card(ANA).buttons()] == ["Call me Ana"]
    user = await user_row(h, ANA)
    assert user is not None and user.preferred_name is None
    state = await state_row(h, ANA)
    assert state is not None and (state.flow, state.step) == ("onboard", "name")
    (named,) = h.texts(await h.press(ANA, "Call me Ana"))
    assert named.startswith("Nice to meet you, Ana.") and "time zone" in named
    user = await user_row(h, ANA)
    assert user is not None and user.preferred_name == "Ana"


async def test_first_name_button_and_local_time_answer(harness: Harness):
    h = harness
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    await h.press(ANA, "Call me Ana")
    # 19:30 UTC; the person says it is 20:31 where they are: UTC+1 in winter.
    replies = h.texts(await h.text(ANA, "20:31"))
    assert "20:30" in replies[0] and "Europe/Berlin" in replies[0]
    await h.press(ANA, "Yes, that's right")
    await h.press(ANA, "No thanks")
    user = await user_row(h, ANA)
    assert user is not None and (user.preferred_name, user.timezone) == ("Ana", "Europe/Berlin")


async def test_saying_no_asks_again_and_a_new_answer_replaces_the_guess(harness: Harness):
    h = harness
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    await h.text(ANA, "Ana")
    await h.text(ANA, "Berlin")
    replies = h.texts(await h.press(ANA, "No, let me try again"))
    assert "Send a city" in replies[0]
    replies = h.texts(await h.text(ANA, "Tokyo"))
    assert "Asia/Tokyo" in replies[0]
    await h.press(ANA, "Yes, that's right")
    await h.press(ANA, "No thanks")
    user = await user_row(h, ANA)
    assert user is not None and user.timezone == "Asia/Tokyo"


async def test_the_same_update_delivered_twice_has_one_effect(harness: Harness):
    h = harness
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    update = h.sandbox.send_text(ANA, "Annie")
    first = await h.feed(update)
    again = await h.feed(update)
    assert h.texts(first) and again == []
    state = await state_row(h, ANA)
    assert state is not None and state.step == "zone"
    version = state.version
    await h.feed(update)
    state = await state_row(h, ANA)
    assert state is not None and state.version == version
    async with h.db.unit_of_work() as session:
        count = await session.scalar(select(func.count()).select_from(ProcessedUpdate))
    assert count == 2  # /start and the name, each once


async def test_every_kind_of_bad_input_gets_a_clear_answer_and_keeps_the_step(harness: Harness):
    h = harness
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    for kind, word in [("sticker", "text"), ("photo", "text"), ("voice", "text")]:
        replies = h.texts(await h.media(ANA, kind))
        assert word in replies[0] and "what should I call you" in replies[0]
    replies = h.texts(await h.text(ANA, "x" * 4096))
    assert "a little long for a name" in replies[0]
    replies = h.texts(await h.text(ANA, "/frobnicate"))
    assert "/frobnicate" in replies[0] and "/help" in replies[0]
    state = await state_row(h, ANA)
    assert state is not None and state.step == "name"

    await h.text(ANA, "Ana 🌷")
    replies = h.texts(await h.text(ANA, "Atlantis"))
    assert "couldn't place" in replies[0] and "Atlantis" in replies[0]
    replies = h.texts(await h.media(ANA, "location"))
    assert "only read text" in replies[0]
    state = await state_row(h, ANA)
    assert state is not None and state.step == "zone"
    user = await user_row(h, ANA)
    assert user is not None and user.preferred_name == "Ana 🌷" and user.timezone is None


async def test_a_stale_button_says_the_card_expired_and_does_nothing(harness: Harness):
    h = harness
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    name_card = h.last_card(ANA).message_id
    assert name_card is not None
    await h.text(ANA, "Annie")  # answered by text: the name card is now stale
    actions = await h.press(ANA, "Call me Ana", message_id=name_card)
    assert h.toasts(actions) == ["This card has expired."]
    assert any("Here's where we are" in t for t in h.texts(actions))
    user = await user_row(h, ANA)
    assert user is not None and user.preferred_name == "Annie"
    # Its buttons are taken away so it cannot be pressed again.
    assert "reply_markup" not in h.sandbox.message(ANA, name_card)


async def test_forged_button_data_is_refused(harness: Harness):
    h = harness
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    forged = [
        "onboard:name:7:first",
        "onboard:zone:1:yes",
        "onboard:name:zz:first",
        "nonsense",
        "menu:drop-tables",
        "x" * 64,
    ]
    for data in forged:
        actions = await h.press(ANA, data=data, forge=True)
        assert h.toasts(actions) == ["This card has expired."]
    user = await user_row(h, ANA)
    assert user is not None and user.preferred_name is None


async def test_back_and_cancel(harness: Harness):
    h = harness
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    replies = h.texts(await h.text(ANA, "/back"))
    assert "nothing to go back to" in replies[0]
    await h.text(ANA, "Annie")
    replies = h.texts(await h.text(ANA, "/back"))
    assert "what should I call you" in replies[0]
    replies = h.texts(await h.text(ANA, "/cancel"))
    assert "/start" in replies[0]
    assert await state_row(h, ANA) is None
    replies = h.texts(await h.text(ANA, "/cancel"))
    assert "nothing to cancel" in replies[0]
    replies = h.texts(await h.text(ANA, "/back"))
    assert replies[0].startswith("There's nothing to go back to: we're not in the middle")


async def test_returning_person_is_welcomed_back(harness: Harness):
    h = harness
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    await h.text(ANA, "Annie")
    await h.text(ANA, "UTC+2")
    await h.press(ANA, "Yes, that's right")
    await h.press(ANA, "No thanks")
    replies = h.texts(await h.text(ANA, "/start"))
    assert replies == ["Welcome back, Annie. What would you like to do?"]
    replies = h.texts(await h.press(ANA, "Change my name or time zone"))
    assert len(replies) == 1 and "Right now it's Annie" in replies[0]  # no introduction again


async def test_edits_and_free_text_outside_a_flow(harness: Harness):
    h = harness
    h.person(ANA, "Ana")
    update = h.sandbox.send_text(ANA, "hello")
    replies = h.texts(await h.feed(update))
    assert "Hi Ana" in replies[-1] and "tell me what happened" in replies[-1]
    edited = h.sandbox.edit_text(ANA, update["message"]["message_id"], "hello again")
    replies = h.texts(await h.feed(edited))
    assert "edited" in replies[0]


async def test_blocking_and_coming_back_are_recorded(harness: Harness):
    h = harness
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    h.sandbox.block(ANA)
    await h.feed(h.sandbox.pending_updates()[-1])
    user = await user_row(h, ANA)
    assert user is not None and user.blocked_at == h.clock.now
    h.sandbox.unblock(ANA)
    await h.feed(h.sandbox.pending_updates()[-1])
    user = await user_row(h, ANA)
    assert user is not None and user.blocked_at is None


async def test_commands_are_registered_with_telegram(harness: Harness):
    names = [c["command"] for c in harness.sandbox.commands]
    assert {"start", "help", "cancel"} <= set(names)


async def test_an_error_gives_an_apology_not_silence(harness: Harness, monkeypatch):
    h = harness
    await h.onboard(ANA, "Ana")  # known: their words go to the flow runner, broken below
    from bot.telegram import flow_runner

    async def broken(turn, event):
        raise RuntimeError("boom")

    monkeypatch.setattr(flow_runner, "feed", broken)
    replies = h.texts(await h.text(ANA, "hello"))
    assert replies == [
        "Sorry, something went wrong on my side. Anything you'd already told me "
        "is saved. Please try again in a moment."
    ]
    assert not any("Traceback" in r or "boom" in r for r in replies)


async def test_a_failing_command_menu_is_logged_not_fatal(harness: Harness, caplog):
    from bot.sandbox.core import Fault

    h = harness
    h.sandbox.faults.append(Fault("server_error", method="setMyCommands"))
    assert h.app.post_init is not None
    await h.app.post_init(h.app)  # must not raise
    assert "could not register the command menu" in caplog.text
    h.person(ANA, "Ana")
    assert h.texts(await h.text(ANA, "/help"))  # and the bot still answers


async def test_a_hello_and_how_does_this_work_are_answered_not_taken_for_a_moment(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana")
    (hello,) = h.texts(await h.text(ANA, "Hi!"))
    assert hello.startswith("Hi Ana.")
    (how,) = h.texts(await h.text(ANA, "how does this work?"))
    assert how.startswith("I ask a few short questions about one moment")
    assert "Look at a moment" in [b["text"] for b in h.last_card(ANA).buttons()]
    async with h.db.unit_of_work() as session:
        assert await session.scalar(select(ConversationState)) is None  # no offer waiting


async def test_changing_name_or_zone_later_does_not_start_over_or_touch_the_check_in(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    await h.text(ANA, "/help")
    (ask,) = h.texts(await h.press(ANA, "Change my name or time zone"))
    assert "Right now it's Ana" in ask and "I'm Mend" not in ask
    await h.press(ANA, "Keep Ana")
    (done,) = h.texts(await h.press(ANA, "Keep Europe/Berlin"))
    assert done.startswith("Updated, Ana.")
    async with h.db.unit_of_work() as session:
        user = await session.get(User, ANA)
        assert user is not None
        assert (user.evening_on, user.timezone) == (True, "Europe/Berlin")


async def test_a_first_message_before_start_hears_once_what_mend_is_and_is_not(
    harness: Harness,
):
    h = harness
    h.person(ANA, "Ana")
    first = h.texts(await h.text(ANA, "he ignored me all through dinner"))
    assert "not therapy" in first[0] and "Want to look at this moment together?" in first[-1]
    await h.press(ANA, "No, I just needed to say it")
    again = h.texts(await h.text(ANA, "and then he left"))
    assert not any("not therapy" in r for r in again)


def to_ben(actions: list[BotAction]) -> list[str]:
    return [
        a.text for a in actions if a.chat_id == BEN and a.text and a.method != "answerCallbackQuery"
    ]


async def open_ana_s_invite(h: Harness) -> None:
    """Ana, set up, invites Ben; Ben opens the link (whatever he did before)."""
    (invite,) = h.texts(await h.text(ANA, "/invite"))
    token = re.search(r"\?start=(l_[\w-]+)", invite)
    assert token is not None
    await h.text(BEN, f"/start {token.group(1)}")


async def test_someone_who_came_by_an_invite_is_set_up_once_linked(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    h.person(BEN, "Benjamin")  # never sent /start: the invite link is his first contact
    await open_ana_s_invite(h)
    linked, greeting, ask = to_ben(await h.press(BEN, "Link with Ana"))
    assert linked.startswith("You're now linked with Ana.")
    assert "not therapy" in greeting and "what should I call you" in ask
    (named,) = h.texts(await h.text(BEN, "Ben"))  # his name, not a moment to look at
    assert named.startswith("Nice to meet you, Ben.") and "time zone" in named
    await h.text(BEN, "Berlin")
    await h.press(BEN, "Yes, that's right")
    await h.press(BEN, "No thanks")
    async with h.db.unit_of_work() as session:
        ben = await session.get(User, BEN)
        assert ben is not None and ben.onboarded_at is not None
        assert (ben.preferred_name, ben.timezone) == ("Ben", "Europe/Berlin")
        link = await session.scalar(select(PartnerLink))
        assert link is not None and (link.status, link.partner_id) == ("active", BEN)


async def test_linking_mid_setup_asks_the_open_question_again_without_a_second_hello(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana")
    h.person(BEN, "Benjamin")
    await h.text(BEN, "/start")
    await h.text(BEN, "Ben")  # named; the time zone is still to come
    await open_ana_s_invite(h)
    linked, ask = to_ben(await h.press(BEN, "Link with Ana"))
    assert linked.startswith("You're now linked with Ana.")
    assert ask.startswith("Which time zone are you in?")  # asked again; no second hello


async def test_someone_already_set_up_is_only_told_they_are_linked(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.onboard(BEN, "Ben")
    await open_ana_s_invite(h)
    (linked,) = to_ben(await h.press(BEN, "Link with Ana"))
    assert linked.startswith("You're now linked with Ana.")


async def test_a_name_in_a_sentence_why_and_no_name_at_all(harness: Harness):
    """The walkthrough: "why do you need my name?" and "hi! i'm mia :)" were refused as the
    moment itself; "idk" became the name."""
    h = harness
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    (why,) = h.texts(await h.text(ANA, "why do you need my name?"))
    assert "greet you" in why and "That sounds like it matters" not in why
    assert [b["text"] for b in h.last_card(ANA).buttons()] == ["Call me Ana"]
    replies = h.texts(await h.text(ANA, "hi! i'm mia :)"))
    assert replies[0].startswith("Nice to meet you, Mia.") and "time zone" in replies[0]
    user = await user_row(h, ANA)
    assert user is not None and user.preferred_name == "Mia"

    h.person(BEN, "Ben")
    await h.text(BEN, "/start")
    (kept,) = h.texts(await h.text(BEN, "idk"))
    assert kept.startswith("No problem, I'll call you Ben") and "/start" in kept
    user = await user_row(h, BEN)
    assert user is not None and user.preferred_name == "Ben"


async def test_a_moment_typed_at_the_evening_time_is_kept_and_offered(harness: Harness):
    """A review: after "Another time", the moment itself was turned away as no time."""
    h = harness
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    await h.text(ANA, "Ana")
    await h.text(ANA, "Berlin")
    await h.press(ANA, "Yes, that's right")
    await h.press(ANA, "Another time")
    said = "honestly I just need to talk, my wife and I had a fight about my mother"
    replies = h.texts(await h.text(ANA, said))
    assert not any("couldn't read that as a time" in r for r in replies)
    assert "All set, Ana" in replies[0] and "/settings" in replies[0]
    assert "look at this moment together" in replies[-1]
    user = await user_row(h, ANA)
    assert user is not None and user.onboarded_at is not None and not user.evening_on
    state = await state_row(h, ANA)
    assert state is not None and state.flow != "onboard"
    (yes,) = h.texts(await h.press(ANA, "Yes, let's look"))
    assert "Which is it?" in yes or "happened" in yes
