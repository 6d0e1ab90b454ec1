"""Closing a "say something now" moment with their own words: two messages, as with a draft
(the close, carrying their words to copy, then what was recorded), not three."""

from __future__ import annotations

from bot.content import catalogue
from tests.domain.test_repair_flow import Walk, saved, to_needs

C = catalogue("en")


def test_their_own_words_close_in_two_messages_and_are_shown_once():
    w = to_needs(Walk())
    w.press("now")
    w.press("own")
    outcome = w.type("I missed you tonight, can we have dinner without phones tomorrow?")
    assert outcome.state is None and saved(outcome).draft_style == "own"
    close, recorded = outcome.replies
    assert close.copyable == saved(outcome).draft  # their words, to copy, with the close
    assert "Annie" in close.text
    assert recorded.copyable is None and recorded.text.startswith("Recorded:")


def test_a_draft_used_as_it_is_closes_in_two_messages_too():
    w = to_needs(Walk())
    w.press("now")
    outcome = w.press("use")
    close, recorded = outcome.replies
    assert close.copyable is None  # the draft card stays above, to copy from
    assert recorded.text.startswith("Recorded:")
