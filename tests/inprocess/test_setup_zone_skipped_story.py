"""A story told during setup, then the time zone skipped ("skip"): setup is over, and the story
is offered as promised (it had been dropped: only a zone set ended setup)."""

from __future__ import annotations

from tests.harness import Harness

ANA = 561
STORY = "my bf just snapped at me in front of his friends and i feel so stupid"


async def test_the_story_is_offered_when_the_zone_is_skipped(h: Harness):
    h.person(ANA, "Ana")
    await h.text(ANA, "/start")
    await h.text(ANA, "Ana")
    await h.text(ANA, STORY)  # at the city question
    said = " ".join(h.texts(await h.text(ANA, "skip")))
    assert "Want to look at this moment together?" in said
    said = " ".join(h.texts(await h.press(ANA, "Yes, let's look")))
    assert "Which is it?" in said  # the moment begun from it
