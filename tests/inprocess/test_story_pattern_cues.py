"""A story that names a pattern brings it to the front of "What happened?", through the real
Application: "my dad forgot my birthday" shows "A forgotten birthday" first, to be tapped."""

from __future__ import annotations

from tests.harness import Harness

ANA = 872
HINT = "From what you said, it may be one of the first ones here."


async def test_a_forgotten_birthday_is_offered_first_and_tapped_as_usual(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "my dad forgot my birthday again")
    await h.press(ANA, "Yes, let's look")
    await h.press(ANA, "Something happened to me")
    await h.press(ANA, "Family")
    (pattern,) = h.texts(await h.press(ANA, "Skip"))
    assert pattern.startswith('You told me: "my dad forgot my birthday again".')
    assert pattern.endswith(HINT)
    labels = [b["text"] for b in h.last_card(ANA).buttons()]
    assert labels[0] == "A forgotten birthday"
    assert labels.count("A forgotten birthday") == 1
    # The next page no longer has it, and says nothing about the first ones.
    (more,) = h.texts(await h.press(ANA, "More..."))
    assert HINT not in more
    assert "A forgotten birthday" not in [b["text"] for b in h.last_card(ANA).buttons()]
    await h.press(ANA, "More...")
    await h.press(ANA, "Back to the start")
    (picked,) = h.texts(await h.press(ANA, "A forgotten birthday"))
    assert "A forgotten birthday" in picked


async def test_a_story_naming_no_pattern_shows_the_usual_card(h: Harness):
    await h.onboard(ANA, "Ana")
    await h.text(ANA, "we had a weird evening and I can't stop thinking about it")
    await h.press(ANA, "Yes, let's look")
    await h.press(ANA, "Something happened to me")
    await h.press(ANA, "My partner")
    (pattern,) = h.texts(await h.press(ANA, "Skip"))
    assert HINT not in pattern
    assert h.last_card(ANA).buttons()[0]["text"] == "Phone out mid-talk"
