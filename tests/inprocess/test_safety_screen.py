"""The safety screen in front of every flow, through the real Application."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.domain.crisis import help_lines
from bot.storage.models import ConversationState, MomentRow, ScheduledPrompt
from tests.harness import Harness
from tests.inprocess import test_couples as couple
from tests.inprocess.flows import TO_THE_PATH
from tests.inprocess.test_couples import paired_group, said

ANA, BEN = 901, 902


async def state(h: Harness) -> ConversationState | None:
    async with h.db.unit_of_work() as session:
        return await session.scalar(select(ConversationState))


async def moments(h: Harness) -> list[MomentRow]:
    async with h.db.unit_of_work() as session:
        return list(await session.scalars(select(MomentRow)))


async def walk_to_camera(h: Harness) -> None:
    await h.walk(ANA, TO_THE_PATH[:5])
    current = await state(h)
    assert current is not None and current.step == "cam"


async def test_danger_mid_flow_stops_it_with_help_and_nothing_to_dismiss(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await walk_to_camera(h)
    actions = await h.text(ANA, "He threw a glass at me and I'm scared of him")
    (reply,) = [a for a in actions if a.method == "sendMessage"]
    assert reply.text is not None and "112" in reply.text and "116 016" in reply.text
    assert [b.get("url") for b in reply.buttons()] == ["https://findahelpline.com"]
    assert not any("callback_data" in b for b in reply.buttons())  # no tap dismisses it
    assert await state(h) is None
    (moment,) = await moments(h)
    assert (moment.status, moment.path, moment.observation) == ("set_aside", "unsafe", None)
    replies = h.texts(await h.text(ANA, "hello"))  # the flow is over, not at its next step
    assert replies and replies[0].startswith("Hi Ana.") and await state(h) is None


async def test_danger_with_settings_open_over_a_moment_sets_the_moment_aside(harness: Harness):
    """/settings holds the moment in progress; danger ends both, and the moment is set aside
    (never nudged about), not kept as unfinished."""
    h = harness
    await h.onboard(ANA, "Ana")
    await walk_to_camera(h)
    await h.text(ANA, "/settings")
    before = len(await pending_nudges(h))
    replies = h.texts(await h.text(ANA, "He threw a glass at me and I'm scared of him"))
    assert "112" in replies[-1]
    assert await state(h) is None
    (moment,) = await moments(h)
    assert (moment.status, moment.path) == ("set_aside", "unsafe")
    assert len(await pending_nudges(h)) == before == 0


async def test_danger_through_settings_over_a_check_sets_the_held_moment_aside(harness: Harness):
    """/settings opened over a check (itself holding the moment): danger unwraps both."""
    h = harness
    await h.onboard(ANA, "Ana")
    await walk_to_camera(h)
    await h.text(ANA, "I could kill him honestly")
    await h.text(ANA, "/settings")
    replies = h.texts(await h.text(ANA, "he hit me last night"))
    assert "emergency number" in replies[-1]
    assert await state(h) is None
    (moment,) = await moments(h)
    assert (moment.status, moment.path) == ("set_aside", "unsafe")
    await h.text(ANA, "/history")
    (listed,) = [b["text"] for b in h.last_card(ANA).buttons()]
    assert "set aside" in listed and "unfinished" not in listed


async def test_after_danger_reminders_hold_back_for_a_day_and_it_is_said(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)  # 20:30 in Berlin; the card comes at 21:00
    replies = h.texts(await h.text(ANA, "He hit me again last night"))
    assert "hold back my evening check-in and reminders for the next day" in replies[-1]
    h.clock.advance(timedelta(minutes=30))
    assert [a for a in await h.tick() if a.chat_id == ANA] == []  # no cheerful card tonight
    h.clock.advance(timedelta(days=1))  # 21:00 the next evening: the pause is over
    cards = [a.text or "" for a in await h.tick() if a.chat_id == ANA]
    assert len(cards) == 1 and "Ana" in cards[0]


async def test_resume_in_the_quiet_day_after_danger_brings_reminders_back(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana", evening=True)  # 20:30 in Berlin; the card comes at 21:00
    await h.text(ANA, "He hit me again last night")
    (said,) = h.texts(await h.text(ANA, "/resume"))
    assert said == "You're back: reminders and check-ins come again as you set them."
    h.clock.advance(timedelta(minutes=30))
    cards = [a.text or "" for a in await h.tick() if a.chat_id == ANA]
    assert len(cards) == 1 and "Ana" in cards[0]  # tonight's card is not held back
    (again,) = h.texts(await h.text(ANA, "/resume"))
    assert again.startswith("Nothing is paused")


async def test_the_quiet_line_names_the_evening_check_in_only_to_those_who_have_it(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana")  # no evening check-in
    replies = h.texts(await h.text(ANA, "He hit me again last night"))
    assert "evening check-in" not in replies[-1] and "reminders" in replies[-1]


async def test_after_danger_a_talk_they_planned_is_still_asked_about(harness: Harness):
    """Holding back is for the evening card and nudges, not a pause: nothing planned is lost."""
    h = harness
    await h.onboard(ANA, "Ana", evening=True)
    await h.walk(
        ANA,
        [
            *TO_THE_PATH,
            ("press", "Talk about it later", "when", "When would be a better time?"),
            # (Not "In a few hours": at 20:30 that would be the night, and is not offered.)
            ("press", "I'll type a time", "whenat", "When?"),
            ("text", "in 2 hours", "", "Recorded:"),
        ],
    )
    await h.text(ANA, "He hit me again last night")
    async with h.db.unit_of_work() as session:
        query = select(ScheduledPrompt).where(ScheduledPrompt.kind == "follow_up")
        (follow_up,) = list(await session.scalars(query))
    assert follow_up.due_at < h.clock.now + timedelta(hours=24)  # inside the quiet day
    h.clock.now = follow_up.due_at
    asked = [a.text or "" for a in await h.tick() if a.chat_id == ANA]
    assert len(asked) == 1 and "Did you get to talk" in asked[0]


async def pending_nudges(h: Harness) -> list[ScheduledPrompt]:
    async with h.db.unit_of_work() as session:
        query = select(ScheduledPrompt).where(
            ScheduledPrompt.kind == "nudge", ScheduledPrompt.status == "pending"
        )
        return list(await session.scalars(query))


async def test_danger_outside_a_flow_keeps_nothing(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    replies = h.texts(await h.text(ANA, "I don't want to be alive anymore"))
    assert "emergency number" in replies[0]
    assert await moments(h) == [] and await state(h) is None


async def test_anger_gets_a_gentle_check_and_then_goes_on(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await walk_to_camera(h)
    replies = h.texts(await h.text(ANA, "He laughed at me and I could kill him"))
    assert replies == [
        "That sounds like a lot of anger, and that's allowed. Before we go on: "
        "is anyone in danger right now?"
    ]
    held = await state(h)
    assert held is not None and held.flow == "safety"
    actions = await h.press(ANA, "I'm safe, just angry")
    replies = h.texts(actions)
    assert "Anger tells us something mattered" in replies[0]
    assert "How much is it still with you" in replies[-1]  # the held answer went on
    # The thank-you stays on the check's card; the question comes as a message of its own.
    shown = [(a.method, a.text or "") for a in actions if a.text]
    assert shown[0][0] == "editMessageText" and shown[-1][0] == "sendMessage"
    current = await state(h)
    assert current is not None and current.step == "int"
    assert current.data["m"]["observation"] == "He laughed at me and I could kill him"


async def test_angry_words_sent_with_settings_open_are_offered_as_a_moment_after_the_check(
    harness: Harness,
):
    """Settings hands back words it is not waiting for; after the check they are not lost."""
    h = harness
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/settings")
    await h.text(ANA, "He laughed at me and I could kill him")
    replies = h.texts(await h.press(ANA, "I'm safe, just angry"))
    assert "Anger tells us something mattered" in replies[0]
    assert "Want to look at this moment together?" in replies[-1]
    offered = await state(h)
    assert offered is not None and offered.flow == "moment"
    assert offered.data["m"]["description"] == "He laughed at me and I could kill him"


async def test_a_heavy_feeling_about_oneself_is_asked_about_as_such(harness: Harness):
    """ "I'm not suicidal, just exhausted" is not anger: the check asks whether they are safe,
    in words about them, and goes on gently."""
    h = harness
    await h.onboard(ANA, "Ana")
    await walk_to_camera(h)
    actions = await h.text(ANA, "I'm not suicidal, just exhausted by all of it")
    (reply,) = h.texts(actions)
    assert "how heavy this feels" in reply and "anger" not in reply
    labels = [b["text"] for b in h.last_card(ANA).buttons()]
    assert labels == ["I'm safe, let's go on", "I'm not sure I'm safe"]
    replies = h.texts(await h.press(ANA, "I'm safe, let's go on"))
    assert "We'll go gently" in replies[0] and "Anger" not in replies[0]
    assert "How much is it still with you" in replies[-1]  # the held answer went on


@pytest.mark.parametrize("typed", ["no", "help", "not sure", "I'm not sure I'm safe"])
async def test_typing_not_safe_at_the_check_is_taken_as_the_not_sure_button(
    harness: Harness, typed: str
):
    h = harness
    await h.onboard(ANA, "Ana")
    await walk_to_camera(h)
    await h.text(ANA, "I'm not suicidal, just exhausted by all of it")
    replies = h.texts(await h.text(ANA, typed))
    assert len(replies) == 1 and "emergency number" in replies[0]
    assert "carry this alone" in replies[0]  # the reply about oneself, as the button gives
    (moment,) = await moments(h)
    assert moment.status == "set_aside" and await state(h) is None


@pytest.mark.parametrize("typed", ["yes", "I'm safe", "I'm fine"])
async def test_typing_safe_at_the_check_goes_on_as_the_safe_button(harness: Harness, typed: str):
    h = harness
    await h.onboard(ANA, "Ana")
    await walk_to_camera(h)
    await h.text(ANA, "I'm not suicidal, just exhausted by all of it")
    replies = h.texts(await h.text(ANA, typed))
    assert "We'll go gently" in replies[0]
    assert "How much is it still with you" in replies[-1]  # the held answer went on
    current = await state(h)
    assert current is not None and current.step == "int"


async def test_typing_safe_at_the_anger_check_goes_on_and_anything_else_asks_again(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana")
    await walk_to_camera(h)
    asked = h.texts(await h.text(ANA, "He laughed at me and I could kill him"))
    assert h.texts(await h.text(ANA, "what do you mean")) == asked
    replies = h.texts(await h.text(ANA, "I'm safe, just angry"))
    assert "Anger tells us something mattered" in replies[0]
    assert "How much is it still with you" in replies[-1]


async def test_an_edit_and_a_caption_are_screened_too(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await walk_to_camera(h)
    update = h.sandbox.send_text(ANA, "He looked at his phone")
    await h.feed(update)
    message_id = update["message"]["message_id"]
    edited = h.sandbox.edit_text(ANA, message_id, "I don't want to be alive anymore")
    replies = h.texts(await h.feed(edited))
    assert len(replies) == 1 and "emergency number" in replies[0]
    assert await state(h) is None  # the moment set aside, as for a message
    replies = h.texts(await h.media(ANA, "photo", caption="I want to kill myself"))
    assert len(replies) == 1 and "emergency number" in replies[0]


async def test_a_worrying_edit_is_asked_about_and_never_taken_as_an_answer(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await walk_to_camera(h)
    update = h.sandbox.send_text(ANA, "He looked at his phone")
    await h.feed(update)  # the camera answer: now at the intensity step
    edited = h.sandbox.edit_text(ANA, update["message"]["message_id"], "I could kill him")
    replies = h.texts(await h.feed(edited))
    assert "is anyone in danger right now?" in replies[0]
    replies = h.texts(await h.press(ANA, "I'm safe, just angry"))
    assert "How much is it still with you" in replies[-1]  # the question, asked again
    current = await state(h)
    assert current is not None and current.step == "int"
    assert current.data["m"]["observation"] == "He looked at his phone"  # as first sent


async def test_sos_gives_help_now_from_the_middle_of_a_flow(harness: Harness):
    """The screen misses phrasings it has not seen (tests/domain/safety_holdout.py); /sos never
    does."""
    h = harness
    await h.onboard(ANA, "Ana")
    await walk_to_camera(h)
    (reply,) = [a for a in await h.text(ANA, "/sos") if a.method == "sendMessage"]
    assert reply.text is not None and "112" in reply.text  # Berlin: Germany's number
    assert "What you're describing" not in reply.text  # /sos described nothing
    assert not any("callback_data" in b for b in reply.buttons())  # no tap dismisses it
    (moment,) = await moments(h)
    assert moment.status == "set_aside" and await state(h) is None
    assert "sos" in [c["command"] for c in h.sandbox.commands]


async def in_a_group(h: Harness, *members: int) -> int:
    group = h.sandbox.create_group("Us", members, by=members[0])
    for update in h.sandbox.pending_updates():
        await h.feed(update)
    return group


async def test_sos_in_a_group_is_answered_privately_and_the_group_sees_a_neutral_line(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana")
    group = await in_a_group(h, ANA, BEN)
    actions = await h.text(ANA, "/sos", chat_id=group)
    assert any("emergency number" in (a.text or "") for a in actions if a.chat_id == ANA)
    in_group = " ".join(a.text or "" for a in actions if a.chat_id == group)
    assert in_group and "emergency" not in in_group and "116 016" not in in_group


async def test_sos_in_a_group_from_someone_mend_cannot_write_to_is_answered_there(
    harness: Harness,
):
    h = harness
    h.person(BEN, "Ben")  # never started the bot privately
    await h.onboard(ANA, "Ana")
    group = await in_a_group(h, ANA, BEN)
    actions = await h.text(BEN, "/sos", chat_id=group)
    assert any("emergency number" in (a.text or "") for a in actions if a.chat_id == group)


async def test_danger_in_a_group_thanks_is_never_posted(harness: Harness):
    h = harness
    group = await paired_group(h)  # their space: a thanks there is posted for the partner
    ana = couple.ANA
    actions = await h.text(ana, "/thanks I'm afraid he will hurt me again", chat_id=group)
    assert not any("hurt me again" in (a.text or "") for a in actions)
    assert any("emergency number" in (a.text or "") for a in actions if a.chat_id == ana)
    assert said(actions, group) == ["Ana, I've replied to you in our private chat."]
    actions = await h.text(ana, "/thanks for nothing, I could kill him", chat_id=group)
    assert not any("kill him" in (a.text or "") for a in actions)
    assert any("haven't posted" in (a.text or "") for a in actions if a.chat_id == group)


async def test_a_worrying_thanks_in_an_unpaired_group_hears_the_group_is_not_paired(
    harness: Harness,
):
    """Nothing is posted in a group that is no couple's space, worrying or not: it hears why
    (it isn't paired), not that these words were held back. Danger still gets its help."""
    h = harness
    await h.onboard(ANA, "Ana")
    group = await in_a_group(h, ANA, BEN)
    not_paired = "This group isn't a paired space yet. Both partners: /pair."
    actions = await h.text(ANA, "/thanks for nothing, I could kill him", chat_id=group)
    assert not any("kill him" in (a.text or "") for a in actions)
    assert said(actions, group) == [not_paired]
    actions = await h.text(ANA, "/thanks I'm afraid he will hurt me again", chat_id=group)
    assert not any("hurt me again" in (a.text or "") for a in actions)
    assert any("emergency number" in (a.text or "") for a in actions if a.chat_id == ANA)
    assert said(actions, group) == [not_paired, "Ana, I've replied to you in our private chat."]


async def test_not_sure_im_safe_gets_the_danger_reply(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await walk_to_camera(h)
    await h.text(ANA, "I'm so angry I could punch him")
    replies = h.texts(await h.press(ANA, "I'm not sure I'm safe"))
    assert "emergency number" in replies[0]
    (moment,) = await moments(h)
    assert moment.status == "set_aside" and await state(h) is None


async def test_not_safe_to_raise_gives_the_same_help_in_words_that_fit(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    screened = h.texts(await h.text(ANA, "I'm afraid of my husband"))[0]
    for kind, value, _, _ in TO_THE_PATH:
        await (h.text(ANA, value) if kind == "text" else h.press(ANA, value))
    unsafe = h.texts(await h.press(ANA, "It doesn't feel safe to raise"))[0]
    emergency, lines = help_lines("Europe/Berlin")
    for reply in (screened, unsafe):
        assert emergency in reply and all(line in reply for line in lines)
    # Nothing was described and no questions are cut short: the screen's words would be wrong.
    assert "What you're describing" not in unsafe and "stop the questions" not in unsafe
    assert "What you're describing" in screened


async def test_everyday_words_go_straight_through(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    replies = h.texts(await h.text(ANA, "my phone died and he was killing it at the party"))
    assert "Want to look at this moment together?" in replies[0]


# --------------------------------------------------------------- words after a command


async def test_words_after_a_command_are_screened_as_a_message_is(harness: Harness):
    """Danger typed after a command stops the flow as it would typed alone; the command's own
    action does not follow."""
    h = harness
    await h.onboard(ANA, "Ana")
    actions = await h.text(ANA, "/moment he hit me last night")
    replies = h.texts(actions)
    assert len(replies) == 1 and "emergency number" in replies[0]
    assert "Which is it?" not in replies[0] and await state(h) is None
    replies = h.texts(await h.text(ANA, "/settings I want to die"))
    assert len(replies) == 1 and "emergency number" in replies[0]
    assert "Your settings" not in replies[0] and await state(h) is None


async def test_danger_after_a_command_mid_flow_sets_the_moment_aside(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await walk_to_camera(h)
    replies = h.texts(await h.text(ANA, "/cancel he threw a glass at me"))
    assert len(replies) == 1 and "116 016" in replies[0]
    (moment,) = await moments(h)
    assert (moment.status, moment.path) == ("set_aside", "unsafe") and await state(h) is None


async def test_a_worry_after_a_command_is_asked_about_then_read_as_a_message(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    replies = h.texts(await h.text(ANA, "/moment honestly I could kill him"))
    assert replies == [
        "That sounds like a lot of anger, and that's allowed. Before we go on: "
        "is anyone in danger right now?"
    ]
    replies = h.texts(await h.press(ANA, "I'm safe, just angry"))
    assert "Want to look at this moment together?" in replies[-1]


async def test_a_worry_after_a_command_in_a_flow_is_never_taken_as_its_answer(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    await walk_to_camera(h)
    await h.text(ANA, "/cancel honestly I could kill him")
    replies = h.texts(await h.press(ANA, "I'm safe, just angry"))
    assert "camera" in replies[-1].lower()  # the question again, not answered by the words
    current = await state(h)
    assert current is not None and current.step == "cam"
    assert current.data["m"].get("observation") is None


async def test_commands_without_worrying_words_and_deep_links_work_as_before(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    assert "Which is it?" in h.texts(await h.text(ANA, "/start moment"))[-1]
    await h.text(ANA, "/cancel")
    assert "Which is it?" in h.texts(await h.text(ANA, "/moment"))[-1]
    await h.text(ANA, "/cancel")
    assert "Which is it?" in h.texts(await h.text(ANA, "/moment he was on his phone"))[-1]


async def test_danger_after_a_command_in_a_group_gets_help_privately(harness: Harness):
    h = harness
    group = await paired_group(h)
    ana = couple.ANA
    actions = await h.text(ana, "/moment he hit me last night", chat_id=group)
    assert any("emergency number" in (a.text or "") for a in actions if a.chat_id == ana)
    assert said(actions, group) == ["Ana, I've replied to you in our private chat."]
    actions = await h.text(ana, "/repair I'm scared of you when you drink", chat_id=group)
    assert not any("reconnect" in (a.text or "") for a in actions)  # no bid is posted
    assert said(actions, group) == ["Ana, I've replied to you in our private chat."]
    assert any("emergency number" in (a.text or "") for a in actions if a.chat_id == ana)


async def test_a_worry_after_a_command_in_a_group_is_neither_acted_on_nor_echoed(
    harness: Harness,
):
    h = harness
    group = await paired_group(h)
    ana = couple.ANA
    actions = await h.text(ana, "/repair honestly I could kill him", chat_id=group)
    in_group = said(actions, group)
    assert len(in_group) == 1 and "private chat" in in_group[0]
    assert not any("reconnect" in text or "kill" in text for text in in_group)
    assert not any(a.chat_id == ana for a in actions)  # nothing else said, nothing asked
    # A plain /repair still posts the bid.
    posted = said(await h.text(ana, "/repair", chat_id=group), group)
    assert "Ana would like to reconnect" in posted[0]


# --------------------------------------------------------------- the walkthrough's words


async def test_distress_about_oneself_is_asked_about_not_offered_as_a_moment(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    for words in ("i just want to disappear", "I hate myself", "maybe I deserve it"):
        replies = h.texts(await h.text(ANA, words))
        assert len(replies) == 1 and "are you safe right now?" in replies[0], words
        await h.press(ANA, "I'm safe, let's go on")
        await h.text(ANA, "/cancel")
    await walk_to_camera(h)
    replies = h.texts(await h.text(ANA, "honestly i'm so done. i can't keep doing this"))
    assert len(replies) == 1 and "are you safe right now?" in replies[0]
    current = await state(h)
    assert current is not None and current.flow == "safety"


async def test_fear_of_the_partner_typed_as_a_feeling_or_a_need_is_never_drafted(
    harness: Harness,
):
    h = harness
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:7])
    feel = await state(h)
    assert feel is not None and feel.step == "feel"
    replies = h.texts(await h.text(ANA, "like i can't breathe when he's angry"))
    assert len(replies) == 1 and "emergency number" in replies[0]
    assert await state(h) is None
    await h.walk(ANA, TO_THE_PATH[:9])
    need = await state(h)
    assert need is not None and need.step == "need"
    replies = h.texts(await h.text(ANA, "to not be afraid"))
    assert len(replies) == 1 and "unsafe with them" in replies[0]
    current = await state(h)
    assert current is not None and current.flow == "safety"


async def test_the_danger_reply_fits_self_harm(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")  # Berlin
    (reply,) = h.texts(await h.text(ANA, "nobody would even notice if i was gone"))
    assert "carry this alone" in reply and "work this out with them" not in reply
    assert "TelefonSeelsorge" in reply and "116 016" not in reply


async def test_controlling_behaviour_is_asked_about_in_words_about_them(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    (reply,) = h.texts(await h.text(ANA, "he checks my phone every night"))
    assert "unsafe with them" in reply and "heavy" not in reply
    labels = [b["text"] for b in h.last_card(ANA).buttons()]
    assert labels == ["I'm safe, let's go on", "I'm not sure I'm safe"]
    replies = h.texts(await h.press(ANA, "I'm not sure I'm safe"))
    assert "work this out with them" in replies[0] and "116 016" in replies[0]
