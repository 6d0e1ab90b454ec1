"""Onboarding interrupted: /moment at the evening question, /settings in the middle."""

from __future__ import annotations

from sqlalchemy import select

from bot.storage.models import ConversationState, User
from tests.harness import Harness

ANA = 540_001


async def to_the_evening_question(h: Harness) -> None:
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    await h.text(ANA, "Ana")
    await h.text(ANA, "Berlin")
    await h.press(ANA, "Yes, that's right")


async def ana_and_her_flow(h: Harness) -> tuple[User, ConversationState | None]:
    async with h.db.unit_of_work() as session:
        user = await session.get(User, ANA)
        assert user is not None
        state = await session.scalar(
            select(ConversationState).where(ConversationState.user_id == ANA)
        )
        return user, state


async def test_a_moment_at_the_evening_question_starts_and_says_how_to_finish_setup(
    harness: Harness,
):
    h = harness
    await to_the_evening_question(h)
    replies = h.texts(await h.text(ANA, "/moment"))
    # The moment comes first: its question is the last word, ready to be answered.
    assert "Which is it?" in replies[-1]
    # Setup is not dropped silently: one sentence says the check-in is off, and where it is.
    (told,) = [r for r in replies if "evening check-in" in r]
    assert "off" in told and "/settings" in told
    user, state = await ana_and_her_flow(h)
    assert user.evening_on is False and user.timezone == "Europe/Berlin"
    assert state is not None and state.flow == "moment"


async def test_a_moment_at_the_other_time_question_says_so_too(harness: Harness):
    h = harness
    await to_the_evening_question(h)
    await h.press(ANA, "Another time")
    replies = h.texts(await h.text(ANA, "/moment"))
    assert "Which is it?" in replies[-1]
    assert any("evening check-in" in r and "/settings" in r for r in replies)


async def test_a_moment_outside_setup_has_no_word_about_setup(harness: Harness):
    h = harness
    await h.onboard(ANA, "Ana")
    replies = h.texts(await h.text(ANA, "/moment"))
    assert not any("evening check-in" in r for r in replies)


async def test_a_zone_set_in_settings_mid_setup_is_not_asked_again(harness: Harness):
    h = harness
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    await h.text(ANA, "Ana")  # now at the time zone question
    await h.text(ANA, "/settings")
    await h.press(ANA, "Time zone")
    await h.text(ANA, "Lisbon")
    await h.press(ANA, "Yes, that's right")
    replies = h.texts(await h.press(ANA, "Done"))
    # Back to setup, at its next question: the time zone is answered already.
    assert "check-in each evening" in replies[-1]
    assert not any("time zone" in r.lower() for r in replies[1:])
    await h.press(ANA, "Yes, at 21:00")
    user, state = await ana_and_her_flow(h)
    assert state is None
    assert (user.timezone, user.evening_on, user.evening_at) == ("Europe/Lisbon", True, "21:00")


async def test_a_zone_set_in_settings_replaces_the_guess_awaiting_confirmation(
    harness: Harness,
):
    h = harness
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    await h.text(ANA, "Ana")
    await h.text(ANA, "Berlin")  # "Then it's ... in Europe/Berlin. Is that right?"
    await h.text(ANA, "/settings")
    await h.press(ANA, "Time zone")
    await h.text(ANA, "Lisbon")
    await h.press(ANA, "Yes, that's right")
    replies = h.texts(await h.press(ANA, "Done"))
    assert "check-in each evening" in replies[-1]
    assert not any("Europe/Berlin" in r for r in replies)


async def test_settings_mid_setup_without_a_zone_goes_back_to_the_zone_question(
    harness: Harness,
):
    h = harness
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    await h.text(ANA, "Ana")
    await h.text(ANA, "/settings")
    replies = h.texts(await h.press(ANA, "Done"))
    assert "back to where we were" in " ".join(replies)
    assert "time zone" in replies[-1].lower()
    _, state = await ana_and_her_flow(h)
    assert state is not None and (state.flow, state.step) == ("onboard", "zone")


async def test_settings_mid_setup_with_the_check_in_turned_on_finishes_setup(
    harness: Harness,
):
    h = harness
    await to_the_evening_question(h)
    await h.text(ANA, "/settings")
    await h.press(ANA, "Evening check-in on")
    replies = h.texts(await h.press(ANA, "Done"))
    assert not any("would you like a short check-in" in r for r in replies)
    user, state = await ana_and_her_flow(h)
    assert state is None and user.evening_on is True
