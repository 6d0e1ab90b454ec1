"""Typed words in a draft lose emoji and emoticons, never the symbols that carry meaning: a
price ("$200", "€50", "£10"), a sum or a comparison ("2+2=5", "more than 5 > 3"). The person
may copy the draft as it is."""

from __future__ import annotations

import pytest

from bot.content import catalogue
from bot.domain.drafts import build_draft
from bot.domain.moments import TO_ME
from tests.domain.test_drafts_say_what_happened import seen

C = catalogue("en")


@pytest.mark.parametrize(
    "kept",
    ["$200", "€50", "£10", "100%", "#2"],
)
def test_money_and_numbers_said_in_what_happened_are_kept(kept: str):
    observation = f"he said the dinner I paid {kept} for was a waste"
    draft = build_draft(seen(TO_ME, observation), C, "standard")
    assert kept in draft, draft


def test_emoji_and_emoticons_still_go():
    draft = build_draft(seen(TO_ME, "he said the dinner was a waste 😢 :("), C, "standard")
    assert "😢" not in draft and ":(" not in draft
    assert "the dinner was a waste" in draft
