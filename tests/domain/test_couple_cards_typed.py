"""Words typed at a partner invite (`couples.invite_answer`), and which repair bid a card in the
group is (`couples.bid_of_card`), read from its buttons."""

from __future__ import annotations

import pytest

from bot.content import catalogue
from bot.domain import couples

C = catalogue("en")


@pytest.mark.parametrize(
    "words",
    [
        "ok sure",
        "sure",
        "yeah ok",
        "sure, link us",
        "Sure! Link us",
        "ok link us",
        "yes",
        "yes please",
        "sounds good",
        "ok let's do it",
    ],
)
def test_short_yeses_at_an_invite(words: str):
    assert couples.invite_answer(words, C) == "yes"


@pytest.mark.parametrize("words", ["no", "no thanks", "not now", "nope"])
def test_noes_at_an_invite(words: str):
    assert couples.invite_answer(words, C) == "no"


@pytest.mark.parametrize(
    "words",
    [
        "who is this from",
        "wait who is this from",
        "who is this from?",
        "what is this",
        "what is this?",
        "who sent this",
        "who's this",
        "what does linking mean",
        "what's this link",
        "hmm who is this",
        "who invited me?",
    ],
)
def test_questions_about_an_invite(words: str):
    assert couples.invite_answer(words, C) == couples.INVITE_QUESTION


@pytest.mark.parametrize(
    "words",
    [
        "ok no",
        "ok but not now",
        "sure, but she hurt me last night",
        "my sister keeps cancelling on me",
        "ok he yelled at me again",
        "yes?",
        "what time is it",
        "who cares",
        "sure why would i not, she always does this",
        "",
        "👍",
    ],
)
def test_other_words_are_not_an_answer(words: str):
    assert couples.invite_answer(words, C) is None


def test_the_bid_a_card_is_for_is_read_from_its_buttons():
    card = couples.bid_card(42, "Ben", C)
    datas = [f"menu:{b.option}" for row in card.buttons for b in row]
    assert couples.bid_of_card(datas) == 42


@pytest.mark.parametrize(
    "datas",
    [
        [],
        [None],
        ["menu:ci.4.42"],
        ["menu:bd.open_now.x"],
        ["menu:bd.open_now.42", "menu:bd.later.43"],
        ["ro:go:1:bd.open_now.42"],
    ],
)
def test_a_card_that_is_not_one_bids_is_none(datas: list[str | None]):
    assert couples.bid_of_card(datas) is None


@pytest.mark.parametrize(
    "words", ["ok", "OK", "okay", "k", "alright", "fine", "cool", "great.", "i guess"]
)
def test_a_bare_acknowledgement_is_no_yes_to_linking(words: str):
    """Linking is consent to shared spaces: "ok" said days later about anything is not it."""
    assert couples.invite_answer(words, C) is None
