"""Through the real Application: "is anyone in danger right now?" held beneath /settings is
still open, so nothing that would begin another flow replaces it from there either; and
someone new who accepts a partner's invite while the check is open is set up once it is
answered (setup never begins over the check)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from bot.content import catalogue
from bot.domain.flow import FlowState
from bot.domain.safety_flow import beneath
from bot.storage.models import ConversationState, MomentRow
from tests.harness import Harness

C = catalogue("en")
ANA, BEN = 961, 962
ANGRY = "I was so angry I could kill him"
OFFER = C.text("moment.offer", opener="").strip()


async def chain_of(h: Harness, user_id: int) -> list[tuple[str, str]]:
    """The open flow and each flow it holds beneath it, top first."""
    async with h.db.unit_of_work() as session:
        row = await session.scalar(
            select(ConversationState).where(ConversationState.user_id == user_id)
        )
    state = FlowState(row.flow, row.step, dict(row.data)) if row is not None else None
    chain = []
    while state is not None:
        chain.append((state.flow, state.step))
        state = beneath(state)
    return chain


@pytest.mark.parametrize("command", ["/moment", "/start moment", "/thanks for the flowers"])
async def test_a_flow_never_begins_over_a_check_held_beneath_settings(h: Harness, command: str):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, ANGRY)
    await h.text(ANA, "/settings")
    before = await chain_of(h, ANA)
    assert [flow for flow, _ in before] == ["settings", "safety"]
    said = h.texts(await h.text(ANA, command))
    assert said[0] == C.text("shell.where_we_were"), said
    assert await chain_of(h, ANA) == before  # the check still beneath, nothing begun
    # Leaving /settings puts the check back, and it still answers.
    await h.text(ANA, "/cancel")
    assert [flow for flow, _ in await chain_of(h, ANA)] == ["safety"]
    said = h.texts(await h.text(ANA, "no"))
    assert any(OFFER in s for s in said), said  # the held words, offered as ever


async def test_settings_opens_again_over_settings_over_the_check(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, ANGRY)
    await h.text(ANA, "/settings")
    await h.press(ANA, "Quiet hours")
    assert await chain_of(h, ANA) == [("settings", "quiet"), ("safety", "check")]
    said = h.texts(await h.text(ANA, "/settings"))  # its menu again, the check still beneath
    assert said[0] != C.text("shell.where_we_were"), said
    assert await chain_of(h, ANA) == [("settings", "menu"), ("safety", "check")]


async def test_sos_with_settings_over_the_check_ends_it_and_sets_the_moment_aside(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "/moment")
    await h.press(ANA, "Something happened to me")
    await h.text(ANA, ANGRY)
    await h.text(ANA, "/settings")
    assert [flow for flow, _ in await chain_of(h, ANA)] == ["settings", "safety", "moment"]
    await h.text(ANA, "/sos")
    assert await chain_of(h, ANA) == []  # not asked "is anyone in danger?" after the help
    async with h.db.unit_of_work() as session:
        (moment,) = list(await session.scalars(select(MomentRow)))
    assert (moment.status, moment.path) == ("set_aside", "unsafe")


async def invite_of(h: Harness) -> str:
    (invite,) = h.texts(await h.text(ANA, "/invite"))
    token = re.search(r"\?start=(l_[\w-]+)", invite)
    assert token is not None
    return token.group(1)


async def test_someone_new_accepting_an_invite_over_the_check_is_set_up_after_it(h: Harness):
    await h.onboard(ANA, "Ana")
    token = await invite_of(h)
    h.person(BEN, "Ben")
    await h.text(BEN, ANGRY)  # never /start: the check opens
    assert await chain_of(h, BEN) == [("safety", "check")]
    await h.text(BEN, f"/start {token}")
    said = h.texts(await h.press(BEN, "Link with Ana"))
    assert C.text("shell.where_we_were") in said, said
    assert await chain_of(h, BEN) == [("safety", "check")]  # setup did not replace it
    said = h.texts(await h.press(BEN, C.text("safety.just_angry")))
    assert C.text("safety.go_on") in said[0]
    assert any(s.startswith("Hi Ben, I'm Mend.") for s in said), said
    assert await chain_of(h, BEN) == [("onboard", "name")]
    # Set up, and what they told is offered then, as a story told during setup is.
    await h.text(BEN, "Ben")
    await h.text(BEN, "Berlin")
    await h.press(BEN, C.text("onboarding.timezone_yes"))
    said = h.texts(await h.press(BEN, C.text("onboarding_evening.no")))
    assert any(OFFER in s for s in said), said
    async with h.db.unit_of_work() as session:
        row = await session.scalar(
            select(ConversationState).where(ConversationState.user_id == BEN)
        )
    assert row is not None and row.data["m"]["description"] == ANGRY


async def test_not_sure_at_that_check_gets_help_and_no_setup(h: Harness):
    await h.onboard(ANA, "Ana")
    token = await invite_of(h)
    h.person(BEN, "Ben")
    await h.text(BEN, ANGRY)
    await h.text(BEN, f"/start {token}")
    await h.press(BEN, "Link with Ana")
    said = h.texts(await h.press(BEN, C.text("safety.not_sure")))
    assert not any(s.startswith("Hi Ben, I'm Mend.") for s in said), said
    assert await chain_of(h, BEN) == []
    # Setup comes when they come back by /start, as for anyone new.
    said = h.texts(await h.text(BEN, "/start"))
    assert any(s.startswith("Hi Ben, I'm Mend.") for s in said), said


async def test_setup_under_way_goes_on_after_the_check_rather_than_start_over(h: Harness):
    await h.onboard(ANA, "Ana")
    token = await invite_of(h)
    h.person(BEN, "Ben")
    await h.text(BEN, "/start")
    await h.text(BEN, "Benny")  # at the time zone question
    await h.text(BEN, ANGRY)
    await h.text(BEN, f"/start {token}")
    await h.press(BEN, "Link with Ana")
    said = h.texts(await h.press(BEN, C.text("safety.just_angry")))
    assert not any(s.startswith("Hi Ben, I'm Mend.") for s in said), said
    assert [flow for flow, _ in await chain_of(h, BEN)] == ["onboard"]
    await h.text(BEN, "Berlin")
    await h.press(BEN, C.text("onboarding.timezone_yes"))
    said = h.texts(await h.press(BEN, C.text("onboarding_evening.no")))
    assert "Benny" in said[0], said  # the name given before the check is kept


async def test_the_check_card_from_before_the_invite_still_answers(h: Harness):
    await h.onboard(ANA, "Ana")
    token = await invite_of(h)
    h.person(BEN, "Ben")
    await h.text(BEN, ANGRY)
    card = h.last_card(BEN).message_id
    await h.text(BEN, f"/start {token}")
    await h.press(BEN, "Link with Ana")
    actions = await h.press(BEN, C.text("safety.just_angry"), message_id=card)
    assert C.text("shell.expired") not in h.toasts(actions)
    assert any(s.startswith("Hi Ben, I'm Mend.") for s in h.texts(actions))


async def test_a_second_worry_before_the_answer_still_leads_to_setup(h: Harness):
    await h.onboard(ANA, "Ana")
    token = await invite_of(h)
    h.person(BEN, "Ben")
    await h.text(BEN, ANGRY)
    await h.text(BEN, f"/start {token}")
    await h.press(BEN, "Link with Ana")
    await h.text(BEN, "I'm so angry I could kill him honestly")  # a new check in its place
    assert await chain_of(h, BEN) == [("safety", "check")]
    said = h.texts(await h.press(BEN, C.text("safety.just_angry")))
    assert any(s.startswith("Hi Ben, I'm Mend.") for s in said), said
    assert await chain_of(h, BEN) == [("onboard", "name")]
