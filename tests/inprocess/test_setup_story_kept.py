"""Through the real Application: a story told during setup is offered once setup is done,
as words outside any flow are; "where was I" outside a flow is not a story, nor is a time
said the British way ("half 9")."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.content import catalogue
from bot.storage.models import ConversationState
from tests.harness import Harness
from tests.inprocess.flows import LET_GO

C = catalogue("en")
ANA = 951
STORY = "my bf just snapped at me in front of his friends and i feel so stupid"
# The offer to look, whichever warm line opens it: "{opener} Want to look at this moment...".
OFFER = C.text("moment.offer", opener="").strip()
YES, NO = C.text("moment.offer_yes"), C.text("moment.offer_no")
WHENEVER = "Whenever a moment stays with you"  # the closing's last line, without a story


async def state_of(h: Harness, user_id: int) -> ConversationState | None:
    async with h.db.unit_of_work() as session:
        return await session.scalar(
            select(ConversationState).where(ConversationState.user_id == user_id)
        )


async def to_the_evening_question(h: Harness, *told: str) -> None:
    """/start; `told` at the name question (each asked again), then Ana, Berlin, confirmed."""
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    for words in told:
        (again,) = h.texts(await h.text(ANA, words))
        assert again == C.text("onboarding.name_not_a_name")
    await h.text(ANA, "Ana")
    await h.text(ANA, "Berlin")
    await h.press(ANA, C.text("onboarding.timezone_yes"))


def offered(said: list[str]) -> bool:
    return any(OFFER in s for s in said)


async def test_the_story_told_at_the_name_is_offered_when_setup_is_done(h: Harness):
    await to_the_evening_question(h, STORY)
    said = h.texts(await h.press(ANA, C.text("onboarding_evening.no")))
    assert said[0] == C.text(
        "onboarding.done_then_story",
        name="Ana",
        zone="Europe/Berlin",
        evening=C.text("onboarding.evening_off"),
    )
    assert WHENEVER not in " ".join(said)
    assert offered(said[1:])
    assert [b["text"] for b in h.last_card(ANA).buttons()] == [YES, NO]
    state = await state_of(h, ANA)
    assert state is not None and (state.flow, state.step) == ("moment", "offer")
    assert state.data["m"]["description"] == STORY  # kept as what happened
    (asked,) = h.texts(await h.press(ANA, YES))
    assert asked == "Let's look together at what you told me. Which is it?"


async def test_the_evening_time_typed_or_tapped_leads_to_it_too(h: Harness):
    await to_the_evening_question(h, STORY)
    said = h.texts(await h.text(ANA, "21:30"))
    assert offered(said) and WHENEVER not in " ".join(said)
    state = await state_of(h, ANA)
    assert state is not None and state.data["m"]["description"] == STORY


async def test_at_the_other_time_question_too(h: Harness):
    await to_the_evening_question(h, STORY)
    await h.press(ANA, C.text("onboarding_evening.other_time"))
    said = h.texts(await h.press(ANA, "20:00"))
    assert offered(said)


async def test_a_story_at_the_time_zone_question_is_kept(h: Harness):
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    await h.text(ANA, "Ana")
    (again,) = h.texts(await h.text(ANA, STORY))
    assert again == C.text("onboarding.timezone_story")
    await h.text(ANA, "Berlin")
    await h.press(ANA, C.text("onboarding.timezone_yes"))
    said = h.texts(await h.press(ANA, C.text("onboarding_evening.yes")))
    assert offered(said)
    state = await state_of(h, ANA)
    assert state is not None and state.data["m"]["description"] == STORY


async def test_setup_finished_from_settings_leads_to_it_too(h: Harness):
    await to_the_evening_question(h, STORY)
    await h.text(ANA, "/settings")
    await h.press(ANA, C.text("settings.evening_on"))
    said = h.texts(await h.press(ANA, C.text("settings.done")))
    assert offered(said) and WHENEVER not in " ".join(said)
    state = await state_of(h, ANA)
    assert state is not None and state.data["m"]["description"] == STORY


async def test_two_stories_are_offered_together(h: Harness):
    more = "he does this every time his friends are around"
    await to_the_evening_question(h, STORY, more)
    said = h.texts(await h.press(ANA, C.text("onboarding_evening.no")))
    assert offered(said)
    state = await state_of(h, ANA)
    assert state is not None and state.data["m"]["description"] == f"{STORY}\n{more}"


async def test_a_story_at_the_evening_question_joins_the_one_kept(h: Harness):
    await to_the_evening_question(h, STORY)
    now = "honestly I just need to talk, my boyfriend and I had a fight about his friends"
    said = h.texts(await h.text(ANA, now))
    assert sum(OFFER in s for s in said) == 1
    state = await state_of(h, ANA)
    assert state is not None and state.data["m"]["description"] == f"{STORY}\n{now}"


async def test_without_a_story_setup_closes_as_before(h: Harness):
    await to_the_evening_question(h)
    said = h.texts(await h.press(ANA, C.text("onboarding_evening.no")))
    assert not offered(said) and WHENEVER in " ".join(said)
    assert await state_of(h, ANA) is None


async def test_stop_at_the_evening_question_offers_nothing(h: Harness):
    await to_the_evening_question(h, STORY)
    said = h.texts(await h.text(ANA, "stop"))
    assert said == [C.text("onboarding.cancelled_at_evening")]  # that alone: no offer
    assert await state_of(h, ANA) is None


async def test_danger_told_during_setup_gets_the_safety_answer_not_the_offer(h: Harness):
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    said = h.texts(await h.text(ANA, "he hit me last night and i'm scared to go home"))
    assert not offered(said)
    assert said[0].startswith(C.text("safety.danger", help="").split("\n")[0])
    state = await state_of(h, ANA)
    assert state is None or "story" not in state.data


async def test_danger_after_a_story_drops_the_story(h: Harness):
    await to_the_evening_question(h, STORY)
    said = h.texts(await h.text(ANA, "he hit me last night and i'm scared to go home"))
    assert said[0].startswith(C.text("safety.danger", help="").split("\n")[0])
    assert not offered(said)
    state = await state_of(h, ANA)
    assert state is None or "story" not in state.data


@pytest.mark.parametrize("typed", ["where was I", "where were we?", "I'm back"])
async def test_where_was_i_after_a_moment_is_not_a_story(h: Harness, typed: str):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/history")
    said = h.texts(await h.text(ANA, typed))
    assert not offered(said)
    assert said == [C.text("shell.where_reply", name="Ana")]
    assert await state_of(h, ANA) is None


async def test_where_was_i_right_after_finishing_a_moment_is_not_a_story(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.walk(ANA, LET_GO)
    assert await state_of(h, ANA) is None  # the moment is finished
    said = h.texts(await h.text(ANA, "where was I"))
    assert said == [C.text("shell.where_reply", name="Ana")]


async def test_where_was_i_at_the_offer_leaves_the_offer_and_the_story_as_they_were(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, STORY)
    said = h.texts(await h.text(ANA, "where was I"))
    assert said == [C.text("shell.where_reply", name="Ana")]
    state = await state_of(h, ANA)
    assert state is not None and (state.flow, state.step) == ("moment", "offer")
    assert state.data["m"]["description"] == STORY


async def test_where_was_i_in_a_moment_shows_its_question_again(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/moment")
    (said,) = h.texts(await h.text(ANA, "where was I"))
    assert said.startswith(C.text("shell.where_we_were"))
    state = await state_of(h, ANA)
    assert state is not None and (state.flow, state.step) == ("moment", "dir")


async def test_where_was_i_in_setup_asks_its_question_again(h: Harness):
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    (said,) = h.texts(await h.text(ANA, "where was I"))
    assert said.startswith(C.text("shell.where_we_were"))
    assert C.text("onboarding.ask_name") in said
    state = await state_of(h, ANA)
    assert state is not None and "story" not in state.data


@pytest.mark.parametrize("typed", ["21:30", "9pm", "half 9", "half past 9", "quarter to 10"])
async def test_a_bare_time_outside_a_flow_is_not_offered(h: Harness, typed: str):
    await h.onboard(ANA, "Ana")
    said = h.texts(await h.text(ANA, typed))
    assert not offered(said)
    assert said == [C.text("shell.time_alone")]
    assert await state_of(h, ANA) is None


async def test_moment_at_the_evening_question_begins_with_the_story_told(h: Harness):
    await to_the_evening_question(h, STORY)
    await h.text(ANA, "/moment")
    state = await state_of(h, ANA)
    assert state is not None and state.flow == "moment"
    assert state.data["m"]["description"] == STORY  # told once, not asked for again
