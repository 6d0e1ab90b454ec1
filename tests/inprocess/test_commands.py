"""Every command gets an answer where it was sent: in the couple's group, the private-chat
commands say where they work and unknown ones are named; in private, /pair says where it
works; /help in each place lists what works there."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.sandbox.core import BotAction
from bot.storage.models import ConversationState, MomentRow, PartnerLink, User
from tests.harness import Harness
from tests.inprocess.flows import SAY_IT_NOW, TO_THE_PATH

ANA, BEN = 821, 822


async def link(h: Harness) -> None:
    await h.onboard(ANA, "Ana")
    await h.onboard(BEN, "Ben")
    await h.link(ANA, BEN, "Ana")


async def group_of_two(h: Harness) -> int:
    group = h.sandbox.create_group("Us", [ANA, BEN], by=ANA)
    for update in h.sandbox.pending_updates():
        await h.feed(update)
    return group


def in_chat(actions: list[BotAction], chat_id: int) -> list[BotAction]:
    return [a for a in actions if a.chat_id == chat_id and a.method == "sendMessage"]


@pytest.mark.parametrize("command", ["invite", "unlink", "delete", "export", "privacy"])
async def test_a_private_chat_command_in_the_group_says_where_it_works(h: Harness, command: str):
    await link(h)
    group = await group_of_two(h)
    actions = await h.text(ANA, f"/{command}", chat_id=group)
    (reply,) = in_chat(actions, group)
    assert reply.text == (
        f"Let's do that in our private chat: tap below, then send /{command} there."
    )
    (button,) = reply.buttons()
    assert button["url"] == "https://t.me/MendSandboxBot?start=hi"
    assert not [a for a in actions if a.chat_id != group]  # nothing done privately either


async def test_invite_in_the_group_makes_no_invite_link(h: Harness):
    await h.onboard(ANA, "Ana")
    group = await group_of_two(h)
    await h.text(ANA, "/invite", chat_id=group)
    async with h.db.unit_of_work() as session:
        assert await session.scalar(select(func.count()).select_from(PartnerLink)) == 0
    assert "?start=l_" not in "\n".join(a.text or "" for a in h.sandbox.actions)


async def test_unknown_commands_and_cancel_are_answered_in_the_group(h: Harness):
    await h.onboard(ANA, "Ana")
    group = await group_of_two(h)
    (unknown,) = in_chat(await h.text(ANA, "/foo", chat_id=group), group)
    assert unknown.text == "I don't know /foo. Send /help to see what I can do."
    (named,) = in_chat(await h.text(ANA, "/foo@MendSandboxBot", chat_id=group), group)
    assert named.text == unknown.text
    # Another bot's command is that bot's to answer.
    assert in_chat(await h.text(ANA, "/foo@SomeOtherBot", chat_id=group), group) == []
    (cancel,) = in_chat(await h.text(ANA, "/cancel", chat_id=group), group)
    assert cancel.text is not None and "nothing to cancel" in cancel.text
    (back,) = in_chat(await h.text(ANA, "/back", chat_id=group), group)
    assert back.text is not None and "nothing to go back to" in back.text


async def test_help_in_the_group_lists_what_works_there(h: Harness):
    await h.onboard(ANA, "Ana")
    group = await group_of_two(h)
    (reply,) = in_chat(await h.text(ANA, "/help", chat_id=group), group)
    assert reply.text is not None
    for command in ("/pair", "/settings", "/repair", "/thanks", "/sos"):
        assert command in reply.text
    for private in ("/moment", "/invite", "/delete"):
        assert private not in reply.text
    assert [b["text"] for b in reply.buttons()] == ["Open a private chat"]


async def test_pair_sent_privately_says_it_works_in_the_group(h: Harness):
    await h.onboard(ANA, "Ana")
    (alone,) = h.texts(await h.text(ANA, "/pair"))
    assert alone.startswith("You're not linked with anyone yet. Send /invite")
    await h.onboard(BEN, "Ben")
    await h.link(ANA, BEN, "Ana")
    (linked,) = h.texts(await h.text(BEN, "/pair"))
    assert linked == (
        "/pair works in your shared group: add me to a group with your partner and send "
        "/pair there."
    )


async def test_help_in_private_mentions_pair_and_repair(h: Harness):
    await h.onboard(ANA, "Ana")
    (reply,) = h.texts(await h.text(ANA, "/help"))
    assert "/pair" in reply and "/repair" in reply and "/invite" in reply


async def test_small_talk_after_a_finished_moment_is_answered_and_never_kept(h: Harness):
    """The walkthrough: a moment finished, then "thanks, that helped", "bye", "?", "👍".
    Each is answered as what it is; none becomes a moment or is added to one."""
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, SAY_IT_NOW)
    (thanks,) = h.texts(await h.text(ANA, "thanks, that helped"))
    assert thanks.startswith("You're welcome, Ana")
    assert "Look at a moment" in [b["text"] for b in h.last_card(ANA).buttons()]
    (bye,) = h.texts(await h.text(ANA, "bye"))
    (how,) = h.texts(await h.text(ANA, "?"))
    (ack,) = h.texts(await h.text(ANA, "👍"))
    (thank_you,) = h.texts(await h.text(ANA, "thank you"))
    said = [thanks, bye, how, ack, thank_you]
    assert not any("Want to look at this moment" in r or "part of it too" in r for r in said)
    assert not any(r.startswith("Hi Ana") for r in said)  # a thanks is not a hello
    assert thank_you == thanks and len({thanks, bye, how, ack}) == 4
    assert how.startswith("I ask a few short questions about one moment")
    async with h.db.unit_of_work() as session:
        assert await session.scalar(select(ConversationState)) is None  # no offer waiting
        (moment,) = list(await session.scalars(select(MomentRow)))
        assert moment.description is None  # nothing appended to the finished moment
    (history,) = h.texts(await h.text(ANA, "/history"))
    assert "thanks" not in history and "bye" not in history


async def test_small_talk_at_the_offer_is_answered_and_not_added_to_the_moment(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "he ignored me all through dinner")
    for said in ("thanks, that helped", "bye", "?", "👍"):
        (reply,) = h.texts(await h.text(ANA, said))
        assert "part of it too" not in reply, said
    more = h.texts(await h.text(ANA, "ok so he ignored me again"))
    assert more == ["Got it, that's part of it too. Want to look at this moment together?"]
    await h.press(ANA, "Yes, let's look")
    async with h.db.unit_of_work() as session:
        (moment,) = list(await session.scalars(select(MomentRow)))
    assert moment.description == "he ignored me all through dinner\nok so he ignored me again"


async def test_a_message_that_merely_starts_like_small_talk_is_still_a_moment(h: Harness):
    await h.onboard(ANA, "Ana")
    for said in ("ok so he ignored me again", "thanks for nothing, he never listens"):
        replies = h.texts(await h.text(ANA, said))
        assert "Want to look at this moment together?" in replies[-1], said
        await h.press(ANA, "No, I just needed to say it")


def private_link(reply: BotAction) -> str:
    (button,) = reply.buttons()
    return str(button["url"])


async def test_each_group_redirect_opens_what_was_asked_for(h: Harness):
    """/history in the group links to the history, /moment to a new moment, and everything
    else to the plain hello; each link opens that in the private chat."""
    await h.onboard(ANA, "Ana")
    group = await group_of_two(h)
    links = {}
    for command in ("history", "moment", "start", "help", "export"):
        (reply,) = in_chat(await h.text(ANA, f"/{command}", chat_id=group), group)
        links[command] = private_link(reply).rpartition("?start=")[2]
    assert links == {
        "history": "history",
        "moment": "moment",
        "start": "hi",
        "help": "hi",
        "export": "hi",
    }
    (history,) = h.texts(await h.text(ANA, "/start history"))
    assert history.startswith("No moments yet")
    asked = h.texts(await h.text(ANA, "/start moment"))
    assert asked[-1].startswith("Let's look at it together.")
    hello, question = h.texts(await h.text(ANA, "/start hi"))  # the moment is not dropped
    assert hello.startswith("Welcome back, Ana.")
    assert question.startswith("Let's look at it together.")


@pytest.mark.parametrize("payload", ["moment", "history"])
async def test_a_newcomer_by_a_group_link_is_set_up_first(h: Harness, payload: str):
    h.person(ANA, "Ana")  # never started Mend privately: the group's link is the first time
    greeting, ask = h.texts(await h.text(ANA, f"/start {payload}"))
    assert "not therapy" in greeting and "what should I call you" in ask
    async with h.db.unit_of_work() as session:
        (state,) = list(await session.scalars(select(ConversationState)))
        assert state.flow == "onboard"  # no moment begun before they are set up
        assert await session.scalar(select(func.count()).select_from(MomentRow)) == 0


async def test_a_photo_with_a_caption_is_read_for_its_words(h: Harness):
    await h.onboard(ANA, "Ana")
    replies = h.texts(await h.media(ANA, "photo", caption="he ignored me all day"))
    assert replies[0] == "I can't see that photo, but I've read the words you sent with it."
    assert "Want to look at this moment together?" in replies[-1]
    assert not any("only read text" in r for r in replies)
    await h.press(ANA, "Yes, let's look")
    async with h.db.unit_of_work() as session:
        (moment,) = list(await session.scalars(select(MomentRow)))
    assert moment.description == "he ignored me all day"
    # In a flow, the caption is the answer; a file without words still gets the old answer.
    await h.text(ANA, "/cancel")
    h.person(BEN, "Ben")
    await h.text(BEN, "/start")  # asked for a name
    replies = h.texts(await h.media(BEN, "document", caption="Benjamin"))
    assert replies[0] == "I can't see that file, but I've read the words you sent with it."
    assert replies[-1].startswith("Nice to meet you, Benjamin.")
    (bare,) = h.texts(await h.media(BEN, "photo"))
    assert "only read text" in bare


async def test_a_lone_yes_or_no_outside_any_card_is_not_offered_as_a_moment(h: Harness):
    await h.onboard(ANA, "Ana")
    for said in ("yes", "no"):
        replies = h.texts(await h.text(ANA, said))
        assert replies and not any("Want to look at this moment" in r for r in replies), said
    async with h.db.unit_of_work() as session:
        assert await session.scalar(select(func.count()).select_from(ConversationState)) == 0


async def test_a_caption_is_read_as_typed_words_are_small_talk_included(h: Harness):
    await h.onboard(ANA, "Ana")
    typed = h.texts(await h.text(ANA, "thanks!"))
    captioned = h.texts(await h.media(ANA, "photo", caption="thanks!"))
    assert captioned[1:] == typed  # after saying the photo itself was not seen
    async with h.db.unit_of_work() as session:
        assert await session.scalar(select(func.count()).select_from(MomentRow)) == 0


async def test_a_caption_is_screened_once_and_a_worry_is_passed_on_after_the_check(h: Harness):
    await h.onboard(ANA, "Ana")
    replies = h.texts(await h.media(ANA, "photo", caption="I was so angry I could kill him"))
    assert len(replies) == 1 and "is anyone in danger right now?" in replies[0]
    replies = h.texts(await h.press(ANA, "I'm safe, just angry"))
    assert "Want to look at this moment together?" in replies[-1]  # the words went on


# ------------------------------------------------------------------ an open /settings card


async def test_text_after_settings_was_left_open_is_read_as_any_text(h: Harness):
    """The walkthrough: /settings, no Done, and a day later a moment typed in. The settings
    card used to come back and the words were lost; they are read as they would be with no
    card open, and so is a hello."""
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/settings")
    card = h.last_card(ANA).message_id
    h.clock.advance(timedelta(days=1))
    replies = h.texts(await h.text(ANA, "My husband yelled at me this morning over the dishes"))
    assert not any("Your settings:" in r for r in replies)
    assert "Want to look at this moment together?" in replies[-1]
    # The card left behind no longer acts: a tap on it says so, and changes nothing.
    stale = await h.press(ANA, "No-plan follow-up off", message_id=card)
    assert h.toasts(stale)[0] == "This card has expired."
    assert not any("Your settings:" in t for t in h.texts(stale))
    await h.press(ANA, "No, I just needed to say it")
    await h.text(ANA, "/settings")
    (hello,) = h.texts(await h.text(ANA, "hello"))
    assert hello.startswith("Hi Ana")
    async with h.db.unit_of_work() as session:
        assert await session.scalar(select(ConversationState)) is None


async def moment_row(h: Harness) -> MomentRow:
    async with h.db.unit_of_work() as session:
        (moment,) = list(await session.scalars(select(MomentRow)))
        return moment


async def test_settings_in_the_middle_of_a_moment_keeps_it_and_done_goes_back_to_it(h: Harness):
    """/settings mid-moment used to turn the moment "unfinished" without a word, and after
    Done the next text started a new one. The card says the moment is kept; Done (or /cancel)
    asks its question again, and it goes on from there."""
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:6])  # at the intensity question
    (card,) = h.texts(await h.text(ANA, "/settings"))
    assert "Your settings:" in card and "tap Done to go back" in card
    assert (await moment_row(h)).status == "open"
    await h.press(ANA, "No-plan follow-up off")
    replies = h.texts(await h.press(ANA, "Done"))
    assert replies[:2] == ["Settings saved. /settings any time.", "Now, back to where we were:"]
    assert "How much is it" in replies[2]
    assert (await moment_row(h)).status == "open"
    assert "How did it feel?" in h.texts(await h.press(ANA, "4"))[-1]
    await h.text(ANA, "/settings")
    replies = h.texts(await h.text(ANA, "/cancel"))
    assert replies[1] == "Now, back to where we were:" and "How did it feel?" in replies[2]


async def test_text_while_settings_is_open_over_a_moment_answers_the_moment(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:5])  # at the camera question, which is typed
    await h.text(ANA, "/settings")
    replies = h.texts(await h.text(ANA, "He looked at his phone while I talked about my mum."))
    assert len(replies) == 1 and "How much is it" in replies[0]
    assert (await moment_row(h)).status == "open"
    async with h.db.unit_of_work() as session:
        state = await session.scalar(select(ConversationState))
    assert state is not None and (state.flow, state.step) == ("moment", "int")
    assert state.data["m"]["observation"] == "He looked at his phone while I talked about my mum."


# ------------------------------------------------------------------ /resume, sadness, offers


async def test_resume_ends_a_pause_and_says_so(h: Harness):
    """The walkthrough: "Paused until you resume" was shown, and /resume was "I don't know
    /resume". It ends the pause as the settings card's Resume button does."""
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/settings")
    paused = h.texts(await h.press(ANA, "Pause until I resume"))
    assert "/resume" in paused[-1]
    await h.press(ANA, "Done")
    (resumed,) = h.texts(await h.text(ANA, "/resume"))
    assert resumed == "You're back: reminders and check-ins come again as you set them."
    async with h.db.unit_of_work() as session:
        user = await session.get(User, ANA)
        assert user is not None and user.paused_until is None
    (again,) = h.texts(await h.text(ANA, "/resume"))
    assert again.startswith("Nothing is paused")
    (help_text,) = h.texts(await h.text(ANA, "/help"))
    assert "/resume" in help_text


async def test_resume_in_the_middle_of_a_moment_leaves_the_moment_as_it_was(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/settings")
    await h.press(ANA, "Pause a day")
    await h.press(ANA, "Done")
    await h.walk(ANA, TO_THE_PATH[:6])  # at the intensity question
    (resumed,) = h.texts(await h.text(ANA, "/resume"))
    assert resumed.startswith("You're back")
    assert "How did it feel?" in h.texts(await h.press(ANA, "4"))[-1]


async def test_resume_in_the_group_says_where_it_works(h: Harness):
    await h.onboard(ANA, "Ana")
    group = await group_of_two(h)
    (reply,) = in_chat(await h.text(ANA, "/resume", chat_id=group), group)
    assert reply.text == "Let's do that in our private chat: tap below, then send /resume there."


async def test_crying_emoji_alone_are_invited_to_say_what_happened(h: Harness):
    await h.onboard(ANA, "Ana")
    (sad,) = h.texts(await h.text(ANA, "😭😭😭"))
    assert "what happened" in sad and not sad.startswith("I'm here whenever")
    (ack,) = h.texts(await h.text(ANA, "👍"))
    assert ack.startswith("I'm here whenever")
    async with h.db.unit_of_work() as session:
        assert await session.scalar(select(ConversationState)) is None  # nothing offered


async def test_settings_does_not_hold_an_offer_to_look(h: Harness):
    """The walkthrough: an offer ignored, /settings four days later, Done: "Now, back to where
    we were: That sounds like it stayed with you...". An offer is a question, not a moment
    under way: settings replaces it, as /moment does."""
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "u listening to me rant about work")
    h.clock.advance(timedelta(days=4))
    (card,) = h.texts(await h.text(ANA, "/settings"))
    assert "tap Done to go back" not in card
    done = h.texts(await h.press(ANA, "Done"))
    assert done == ["Settings saved. /settings any time."]
    # Straight after the offer too: settings is not a way back to it.
    await h.text(ANA, "he ignored me all through dinner")
    await h.text(ANA, "/settings")
    assert h.texts(await h.press(ANA, "Done")) == ["Settings saved. /settings any time."]
    async with h.db.unit_of_work() as session:
        assert await session.scalar(select(ConversationState)) is None
        assert await session.scalar(select(func.count()).select_from(MomentRow)) == 0
