"""A request to stop Mend's messages, to delete what it keeps, or a question about privacy is
answered as what it is: how to turn things off (/settings), how /export and /delete work, and
the gist of /privacy. Never offered as a moment, never added to one; /stop and /unsubscribe
answer the same and change nothing."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.storage.models import ConversationState, MomentRow, User
from tests.harness import Harness
from tests.inprocess.flows import TO_THE_PATH

ANA = 931
OFFERED = "Want to look at this moment together?"
STOP_SAYS = '"Pause until I resume"'


async def nothing_kept(h: Harness) -> None:
    async with h.db.unit_of_work() as session:
        assert await session.scalar(select(ConversationState)) is None  # no offer waiting
        assert await session.scalar(select(func.count()).select_from(MomentRow)) == 0


@pytest.mark.parametrize(
    ("said", "answer"),
    [
        ("stop messaging me", STOP_SAYS),
        ("stop", STOP_SAYS),
        ("please stop asking me every night", STOP_SAYS),
        ("unsubscribe", STOP_SAYS),
        ("how do i delete my data", "/delete"),
        ("how do I delete my data?", "/delete"),
        ("is this private?", "/privacy"),
        ("who can see what I write?", "/privacy"),
    ],
)
async def test_a_request_outside_a_flow_is_answered_and_never_kept(
    h: Harness, said: str, answer: str
):
    await h.onboard(ANA, "Ana")
    (reply,) = h.texts(await h.text(ANA, said))
    assert answer in reply
    assert OFFERED not in reply and "part of it too" not in reply
    await nothing_kept(h)


async def test_stop_names_the_settings_buttons_that_turn_things_off(h: Harness):
    await h.onboard(ANA, "Ana", evening=True)
    (reply,) = h.texts(await h.text(ANA, "please stop asking me every night"))
    assert "/settings" in reply and '"Evening check-in off"' in reply and STOP_SAYS in reply
    # and those are the words on the settings card
    await h.text(ANA, "/settings")
    labels = [b["text"] for b in h.last_card(ANA).buttons()]
    assert "Evening check-in off" in labels and "Pause until I resume" in labels


async def test_stop_with_the_evening_check_in_off_says_so(h: Harness):
    await h.onboard(ANA, "Ana")
    (reply,) = h.texts(await h.text(ANA, "stop"))
    assert "evening check-in is off" in reply and STOP_SAYS in reply


async def test_stop_while_paused_says_it_is_paused(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/settings")
    await h.press(ANA, "Pause until I resume")
    await h.press(ANA, "Done")
    (reply,) = h.texts(await h.text(ANA, "stop messaging me"))
    assert "paused" in reply and "/resume" in reply


async def test_delete_says_export_first_then_what_delete_erases(h: Harness):
    await h.onboard(ANA, "Ana")
    (reply,) = h.texts(await h.text(ANA, "how do I delete my data?"))
    assert reply.index("/export") < reply.index("/delete")
    assert "can't be undone" in reply


@pytest.mark.parametrize("command", ["/stop", "/unsubscribe"])
async def test_stop_and_unsubscribe_commands_answer_and_change_nothing(h: Harness, command: str):
    await h.onboard(ANA, "Ana", evening=True)
    (reply,) = h.texts(await h.text(ANA, command))
    assert "I don't know" not in reply
    assert "/settings" in reply and STOP_SAYS in reply
    async with h.db.unit_of_work() as session:
        user = await session.get(User, ANA)
        assert user is not None and user.evening_on and user.paused_until is None


async def test_a_request_at_the_offer_is_answered_and_not_added_to_the_moment(h: Harness):
    """The walkthrough: a moment told, then "stop messaging me" was "Got it, I've kept that
    too"."""
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "he ignored me all through dinner")
    for said, answer in (("stop messaging me", STOP_SAYS), ("is this private?", "/privacy")):
        (reply,) = h.texts(await h.text(ANA, said))
        assert answer in reply and "part of it too" not in reply, said
    await h.press(ANA, "Yes, let's look")
    async with h.db.unit_of_work() as session:
        (moment,) = list(await session.scalars(select(MomentRow)))
    assert moment.description == "he ignored me all through dinner"


@pytest.mark.parametrize(
    "said",
    [
        "he told me to stop talking",
        "I wanted him to stop",
        "she deleted my messages",
        "he reads my private messages",
    ],
)
async def test_words_about_someone_else_are_still_a_moment(h: Harness, said: str):
    await h.onboard(ANA, "Ana")
    replies = h.texts(await h.text(ANA, said))
    assert OFFERED in replies[-1]


async def test_the_stop_command_mid_moment_answers_and_shows_where_we_were(
    h: Harness,
):
    """/stop in the middle of a moment answers, then asks the question again; it does not
    cancel the moment (that is /cancel's, or a typed "stop")."""
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/moment")
    replies = h.texts(await h.text(ANA, "/stop"))
    assert STOP_SAYS in replies[0]
    assert replies[-1] != replies[0]
    async with h.db.unit_of_work() as session:
        state = await session.scalar(select(ConversationState))
    assert state is not None and state.flow == "moment"


async def at_the_feelings_step(h: Harness) -> None:
    await h.onboard(ANA, "Ana")
    for kind, value, _, _ in TO_THE_PATH[:7]:
        await (h.text(ANA, value) if kind == "text" else h.press(ANA, value))


async def test_a_request_mid_moment_is_answered_then_the_question_again_and_not_kept(h: Harness):
    """The walkthrough: "how do i delete my data" at "How did it feel?" was kept as the
    feeling, in their words. (Only a request naming their data or Mend comes first in a flow:
    a stop, or "is this private?", is the question's to read: test_requests_in_flows.)"""
    await at_the_feelings_step(h)
    for said, answer in (
        ("how do i delete my data", "/delete"),
        ("is my data private?", "/privacy"),
        ("who can see what I write?", "/privacy"),
    ):
        replies = h.texts(await h.text(ANA, said))
        assert answer in replies[0], said
        assert "How did it feel?" in replies[-1] and "In your words" not in replies[-1], said
    async with h.db.unit_of_work() as session:
        state = await session.scalar(select(ConversationState))
    assert state is not None and (state.flow, state.step) == ("moment", "feel")
    assert not state.data["m"].get("feelings_text")


async def test_a_bare_stop_mid_moment_still_stops_the_moment(h: Harness):
    await at_the_feelings_step(h)
    (reply,) = h.texts(await h.text(ANA, "stop"))
    assert "unfinished moment" in reply and STOP_SAYS not in reply
    async with h.db.unit_of_work() as session:
        assert await session.scalar(select(ConversationState)) is None


async def test_a_request_in_the_safety_check_is_the_checks_to_read(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "I could kill him honestly")
    replies = h.texts(await h.text(ANA, "stop messaging me"))
    assert not any(STOP_SAYS in r for r in replies)
    async with h.db.unit_of_work() as session:
        state = await session.scalar(select(ConversationState))
    assert state is not None and state.flow == "safety"


@pytest.mark.parametrize("command", ["/stop", "/unsubscribe"])
async def test_stop_in_a_group_points_to_its_settings_and_the_private_chat(
    h: Harness, command: str
):
    await h.onboard(ANA, "Ana")
    group = h.sandbox.create_group("Us", [ANA], by=ANA)
    for update in h.sandbox.pending_updates():
        await h.feed(update)
    actions = await h.text(ANA, command, chat_id=group)
    (reply,) = [a for a in actions if a.chat_id == group and a.method == "sendMessage"]
    assert "I don't know" not in (reply.text or "")
    assert "/settings" in (reply.text or "") and "private chat" in (reply.text or "")
