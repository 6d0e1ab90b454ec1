"""A time typed alone outside any flow ("tomorrow"), most often meant for a card that no
longer takes words, is never offered as a moment to look at: it is said what it could be
for."""

from __future__ import annotations

import pytest

from tests.harness import Harness

ANA = 701
OFFER = "Want to look at this moment together?"


@pytest.mark.parametrize("typed", ["tomorrow", "sunday at 10", "in 2 hours", "tmrw after work"])
async def test_a_time_alone_is_not_a_moment(h: Harness, typed: str):
    await h.onboard(ANA, "Ana")
    said = " ".join(h.texts(await h.text(ANA, typed)))
    assert OFFER not in said
    assert "not sure what that time is for" in said


async def test_a_story_with_a_time_in_it_is_still_offered(h: Harness):
    await h.onboard(ANA, "Ana")
    said = " ".join(h.texts(await h.text(ANA, "he forgot my birthday tomorrow is the party")))
    assert OFFER in said
