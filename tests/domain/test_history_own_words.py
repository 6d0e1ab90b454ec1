"""A moment's card in /history shows typed feelings and needs less what a tapped one says
again, as the feelings card did; /export keeps them whole."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.content import catalogue
from bot.domain import history
from bot.domain.moments import Moment

C = catalogue("en")
AT = datetime(2026, 3, 1, 18, 0, tzinfo=UTC)


def moment() -> Moment:
    return Moment(
        id="m1",
        created_at=AT,
        direction="to_me",
        who="friend",
        pattern="unreplied",
        feelings=("lonely",),
        feelings_text="lonely and kind of stupid for sharing",
        status="open",
    )


def test_the_card_says_a_tapped_feeling_once():
    text = history.summary(moment(), C, "Europe/Berlin").text
    assert text.count("lonely") == 1
    assert '"kind of stupid for sharing"' in text


def test_the_export_keeps_their_words_whole():
    text = history.summary(moment(), C, "Europe/Berlin", cut=None).text
    assert '"lonely and kind of stupid for sharing"' in text
