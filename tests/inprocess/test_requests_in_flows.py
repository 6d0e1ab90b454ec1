"""Through the real Application: in a flow, the person's own words are the flow's to read.
"Please stop texting me" at "I'll write my own" is what they want to say; "stop texting me" at
"What happened?" is what he said; "turn them off" at quiet hours turns them off. A request about
their data ("how do I delete my data") still comes first at a question such as "How did it
feel?", never at one that takes their own words. Words of distress are no request to delete."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.storage.models import ConversationState, MomentRow, User
from tests.harness import Harness
from tests.inprocess.flows import TO_THE_PATH

ANA = 951
OFFERED = "Want to look at this moment together?"
STOP_SAYS = '"Pause until I resume"'
WHERE_WE_WERE = "Where were we"


async def state_of(h: Harness) -> ConversationState | None:
    async with h.db.unit_of_work() as session:
        return await session.scalar(select(ConversationState))


async def the_moment(h: Harness) -> MomentRow:
    async with h.db.unit_of_work() as session:
        (moment,) = list(await session.scalars(select(MomentRow)))
    return moment


async def at_write_my_own(h: Harness) -> None:
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, [*TO_THE_PATH, ("press", "Say something now", "draft", "")])
    await h.press(ANA, "I'll write my own")


@pytest.mark.parametrize(
    "said",
    [
        "Please stop texting me",
        "I need you to stop texting me",
        "Can you please stop messaging me",
        "Can you delete my messages?",
        "Is our chat private?",
    ],
)
async def test_at_write_my_own_the_words_are_theirs_to_say(h: Harness, said: str):
    await at_write_my_own(h)
    replies = h.texts(await h.text(ANA, said))
    assert not any(STOP_SAYS in r or "/privacy" in r or "/delete" in r for r in replies)
    moment = await the_moment(h)
    assert (moment.draft, moment.draft_style) == (said, "own")


async def test_at_what_happened_his_words_are_what_happened(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:4])
    replies = h.texts(await h.text(ANA, "stop texting me"))
    assert not any(STOP_SAYS in r for r in replies), replies
    assert "If a camera had been there" in replies[-1]
    state = await state_of(h)
    assert state is not None and state.step == "cam"
    assert "stop texting me" in state.data["m"]["description"]


async def test_at_what_happened_even_a_data_request_is_their_words(h: Harness):
    """A question that takes their own telling reads it all: "/delete" is there for the
    request."""
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:4])
    replies = h.texts(await h.text(ANA, "what do you do with my data?"))
    assert not any("/privacy" in r for r in replies), replies
    state = await state_of(h)
    assert state is not None and state.step == "cam"


async def test_turn_them_off_at_quiet_hours_turns_them_off(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/settings")
    await h.press(ANA, "Quiet hours")
    replies = h.texts(await h.text(ANA, "turn them off"))
    assert not any("/settings" in r and STOP_SAYS in r for r in replies), replies
    assert "Quiet hours: off" in replies[0]
    async with h.db.unit_of_work() as session:
        user = await session.get(User, ANA)
        assert user is not None and user.quiet_start == user.quiet_end


async def at_the_feelings_step(h: Harness) -> None:
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, TO_THE_PATH[:7])


@pytest.mark.parametrize(
    ("said", "answer"),
    [
        ("how do i delete my data", "/delete"),
        ("is my data private?", "/privacy"),
        ("is this private?", "/privacy"),  # asked as a question: of Mend, not a feeling
    ],
)
async def test_a_request_about_their_data_still_comes_first_at_how_did_it_feel(
    h: Harness, said: str, answer: str
):
    await at_the_feelings_step(h)
    replies = h.texts(await h.text(ANA, said))
    assert answer in replies[0]
    assert "How did it feel?" in replies[-1]
    state = await state_of(h)
    assert state is not None and state.step == "feel"
    assert not state.data["m"].get("feelings_text")


@pytest.mark.parametrize("said", ["stop messaging me", "Please stop texting me"])
async def test_a_stop_mid_moment_is_the_flows_to_read(h: Harness, said: str):
    await at_the_feelings_step(h)
    replies = h.texts(await h.text(ANA, said))
    assert not any(STOP_SAYS in r for r in replies), replies
    state = await state_of(h)
    assert state is not None and state.flow == "moment"


@pytest.mark.parametrize("said", ["unsubscribe", "no more reminders please"])
async def test_a_stop_naming_what_mend_sends_still_comes_first_and_is_never_a_name(
    h: Harness, said: str
):
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    replies = h.texts(await h.text(ANA, said))
    assert STOP_SAYS in replies[0] and "Nice to meet you" not in replies[-1]
    assert "what should I call you?" in replies[-1]


@pytest.mark.parametrize(
    ("said", "answer"), [("stop messaging me", STOP_SAYS), ("who can see this", "/privacy")]
)
async def test_a_request_the_flow_gives_back_is_answered(h: Harness, said: str, answer: str):
    """The settings menu waits for a button: typed words are handed back, and answered as
    outside any flow."""
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/settings")
    replies = h.texts(await h.text(ANA, said))
    assert answer in replies[-1]
    assert OFFERED not in replies[-1]


@pytest.mark.parametrize(
    "said",
    ["i want to get rid of everything", "i want to destroy everything", "i wanna erase me"],
)
async def test_words_of_distress_are_offered_as_a_moment_not_answered_with_delete(
    h: Harness, said: str
):
    await h.onboard(ANA, "Ana")
    replies = h.texts(await h.text(ANA, said))
    assert not any("/delete" in r for r in replies), replies
    assert OFFERED in replies[-1]
