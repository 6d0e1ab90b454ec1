"""The story told before a moment began is heard on its cards, through the real Application:
the walkthrough of a newcomer who types what happened and says yes to looking at it."""

from __future__ import annotations

from tests.harness import Harness

ANA = 871


async def test_the_story_told_is_quoted_and_its_relation_suggested(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "my sister snapped at me when I asked about the weekend")
    (asked,) = h.texts(await h.press(ANA, "Yes, let's look"))
    assert asked == "Let's look together at what you told me. Which is it?"
    (who,) = h.texts(await h.press(ANA, "Something happened to me"))
    assert who == 'Who was it with? It sounds like your sister: if so, tap "Family".'
    assert h.last_card(ANA).buttons()[0]["text"] == "Family"
    await h.press(ANA, "Family")
    (pattern,) = h.texts(await h.press(ANA, "Skip"))
    assert pattern.startswith(
        'You told me: "my sister snapped at me when I asked about the weekend".'
    )
    assert "Something else" in pattern


async def test_a_story_naming_no_one_asks_who_as_before(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "he was on his phone the whole time I was telling him about my day")
    await h.press(ANA, "Yes, let's look")
    (who,) = h.texts(await h.press(ANA, "Something happened to me"))
    assert who == "Who was it with?"
    await h.press(ANA, "My partner")
    (pattern,) = h.texts(await h.press(ANA, "Skip"))
    told = "he was on his phone the whole time I was telling him about my day"
    assert pattern.startswith(f'You told me: "{told}".')
