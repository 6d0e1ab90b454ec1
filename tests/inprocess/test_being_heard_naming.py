"""Being heard while naming, through the real Application: a need typed in their own words
stays in sight on the needs card; "forgotten" typed as a feeling is looked at underneath;
and "guilty" typed for the one they hurt is asked about before the apology says it."""

from __future__ import annotations

from sqlalchemy import select

from bot.storage.models import ConversationState
from tests.harness import Harness

PRIYA, JO = 621, 622


async def step_of(h: Harness, user_id: int) -> str:
    async with h.db.unit_of_work() as session:
        state = await session.scalar(
            select(ConversationState).where(ConversationState.user_id == user_id)
        )
    return state.step if state else ""


async def to_feelings(h: Harness, user_id: int, direction: str) -> None:
    await h.onboard(user_id, "Priya")
    await h.text(user_id, "/moment")
    await h.press(user_id, direction)
    await h.press(user_id, "A friend")
    await h.press(user_id, "Skip")
    by_me = direction == "I think I hurt someone"
    await h.press(user_id, "I was dismissive" if by_me else "A dismissive tone")
    await h.press(user_id, "Skip")
    await h.press(user_id, "4")
    assert await step_of(h, user_id) == "feel"


async def test_priya_guilty_is_hers_and_the_apology_never_says_she_felt_it(harness: Harness):
    h = harness
    await to_feelings(h, PRIYA, "I think I hurt someone")
    (asked,) = h.texts(await h.text(PRIYA, "guilty"))
    assert asked.startswith("Guilty can be how the one who did it feels.")
    assert [b["text"] for b in h.last_card(PRIYA).buttons()] == ["How I feel", "How they felt"]
    (again,) = h.texts(await h.press(PRIYA, "How I feel"))
    assert "I've left it out of how they felt" in again and "How might they have felt?" in again
    await h.text(PRIYA, "and kind of embarrassed")
    assert await step_of(h, PRIYA) == "whose"
    (kept,) = h.texts(await h.press(PRIYA, "How they felt"))
    assert "Chosen so far: embarrassed" in kept and "guilty" not in kept
    await h.press(PRIYA, "Done")
    await h.press(PRIYA, "Respect")
    noted, needs = h.texts(await h.text(PRIYA, "to not be shouted at for asking a simple question"))
    assert noted.startswith("Kept in your words")
    assert 'In your words: "to not be shouted at for asking a simple question"' in needs
    assert "Chosen so far: Respect" in needs
    await h.press(PRIYA, "Done")
    (draft,) = h.texts(await h.press(PRIYA, "Say something now"))
    assert "you felt embarrassed" in draft and "guilty" not in draft


async def test_forgotten_typed_as_a_feeling_is_looked_at_underneath(harness: Harness):
    h = harness
    await to_feelings(h, JO, "Something happened to me")
    replies = h.texts(await h.text(JO, "forgotten i guess. unimportant"))
    assert replies[-1].startswith('"Forgotten"')
    assert not any("your words" in r for r in replies)
    assert await step_of(h, JO) == "reframe"
    assert "sad" in [b["text"] for b in h.last_card(JO).buttons()]
    (second,) = h.texts(await h.press(JO, "Next word"))
    assert second.startswith('"Unimportant"')
