"""Being heard while naming: a need typed in their own words stays in sight on the needs card;
interpretation words people often type ("forgotten", "unimportant") are looked at underneath;
and in "I think I hurt someone", a feeling that is likely the speaker's own ("guilty") is
asked about once before the draft says "you felt" it."""

from __future__ import annotations

import pytest

from bot.content import catalogue
from bot.domain import repair_flow as rf
from bot.domain.callbacks import encode_flow
from bot.domain.flow import Back
from bot.domain.moments import BY_ME, TO_ME
from bot.domain.naming import feeling_keys, find_words
from tests.domain.test_repair_flow import Walk, options

C = catalogue("en")


def to_feelings(direction: str = TO_ME) -> Walk:
    w = Walk()
    for option in (direction, "friend", "skip", "p.tone", "skip", "4"):
        w.press(option)
    assert w.step == rf.FEEL
    return w


def to_needs(direction: str = TO_ME) -> Walk:
    w = to_feelings(direction)
    w.press("t.hurt")
    w.press("done")
    assert w.step == rf.NEED
    return w


# ---------------------------------------------------------------- 1. typed needs in sight


def test_a_need_typed_in_their_words_shows_on_the_needs_card():
    w = to_needs(BY_ME)
    w.press("t.respect")
    outcome = w.type("to not be shouted at for asking a simple question lol")
    card = outcome.replies[-1]
    assert w.step == rf.NEED
    assert "Chosen so far: Respect" in card.text
    # A filler at the end ("lol") is no part of the need: left out (naming.end_fillers).
    assert 'In your words: "to not be shouted at for asking a simple question"' in card.text
    # And still there when a need is tapped after it (the card is drawn again).
    again = w.press("t.honesty").replies[-1]
    assert "Chosen so far: Respect, Honesty" in again.text and "In your words:" in again.text


def test_a_typed_need_alone_shows_as_their_words_with_nothing_chosen():
    w = to_needs()
    card = w.type("to know i matter to her").replies[-1]
    assert "Chosen so far" not in card.text
    assert card.text.endswith('In your words: "to know i matter to her"')


def test_a_need_typed_as_its_button_is_chosen_not_repeated_as_their_words():
    w = to_needs()
    card = w.type("respect").replies[-1]
    assert w.moment.needs == ("respect",) and w.moment.needs_text is None
    assert "Chosen so far: Respect" in card.text and "In your words" not in card.text


# ---------------------------------------------------------------- 2. interpretation words

NEW_WORDS = [
    "forgotten",
    "unimportant",
    "overlooked",
    "neglected",
    "belittled",
    "misunderstood",
    "unwanted",
    "excluded",
    "pressured",
    "blamed",
    "lied to",
]


@pytest.mark.parametrize("word", NEW_WORDS)
def test_more_interpretation_words_are_looked_at_underneath(word: str):
    w = to_feelings()
    outcome = w.type(f"i felt {word}")
    key = next(
        k for k in C.children("interpretations") if C.text(f"interpretations.{k}.label") == word
    )
    assert w.step == rf.REFRAME and w.state.data["word"] == key
    assert w.moment.feelings_text is None  # the reading is not kept as a feeling
    beneath = C.raw(f"interpretations.{key}.beneath")
    assert beneath  # something to offer underneath it
    assert [f"t.{k}" for k in beneath] == options(outcome.replies[-1])[: len(beneath)]


def test_forgotten_and_unimportant_are_each_reframed_and_neither_kept():
    w = to_feelings()
    first = w.type("forgotten i guess. unimportant")
    assert w.step == rf.REFRAME and w.state.data["word"] == "forgotten"
    assert first.replies[-1].text.startswith('"Forgotten"')
    assert w.moment.feelings_text is None
    w.press("t.sad")
    second = w.press("done")
    assert w.step == rf.REFRAME and w.state.data["word"] == "unimportant"
    assert second.replies[-1].text.startswith('"Unimportant"')


@pytest.mark.parametrize(
    ("typed", "interpretations"),
    [
        ("taken for granted", ("unappreciated",)),
        ("judged", ("criticised",)),
        ("unseen", ("invisible",)),
        ("left out", ()),  # a feeling on the card, not a reading of what they did
        ("ashamed", ()),
        ("humiliated", ()),  # a feeling (of shame), said as one in drafts
    ],
)
def test_words_already_covered_stay_as_they_were(typed: str, interpretations: tuple[str, ...]):
    assert find_words(typed, C).interpretations == interpretations


def test_the_words_view_stays_a_short_list():
    w = to_feelings()
    card = w.press("words").replies[-1]
    shown = [o for o in options(card) if o.startswith("w.")]
    assert "w.ignored" in shown and "w.forgotten" not in shown
    assert len(shown) <= 12
    # Every listed word (shown or typed) has feelings beneath it and reads in both directions.
    for key in C.children("interpretations"):
        beneath = C.raw(f"interpretations.{key}.beneath")
        assert beneath and set(beneath) <= set(feeling_keys(C))
        assert C.text(f"interpretations.{key}.reframe") != C.text(
            f"interpretations.{key}.reframe_by_me"
        )


# ---------------------------------------------------------------- 3. whose feeling?


def test_guilty_typed_for_them_is_asked_about_and_mine_keeps_it_out():
    w = to_feelings(BY_ME)
    outcome = w.type("guilty")
    card = outcome.replies[-1]
    assert w.step == rf.WHOSE
    assert card.text.startswith("Guilty can be how the one who did it feels.")
    assert options(card) == ["mine", "theirs"]
    back = w.press("mine")
    assert w.step == rf.FEEL and w.moment.feelings == () and w.moment.feelings_text is None
    (reply,) = back.replies
    assert reply.edit and "How might they have felt?" in reply.text
    assert "t.hurt" in options(reply)


def test_theirs_keeps_it_and_each_word_is_asked_about_once():
    w = to_feelings(BY_ME)
    w.type("guilty")
    assert w.step == rf.WHOSE
    w.press("theirs")
    assert w.step == rf.FEEL and w.moment.feelings == ("guilty",)
    w.press("pg.1")
    w.press("t.guilty")  # off
    w.press("t.guilty")  # on again: asked about already
    w.type("guilty")
    assert w.step == rf.FEEL and w.moment.feelings == ("guilty",)


def test_embarrassed_is_asked_about_when_typed_but_a_tap_is_theirs():
    w = to_feelings(BY_ME)
    w.press("pg.1")
    w.press("t.embarrassed")  # a joke at their expense: so often how they felt
    assert w.step == rf.FEEL and w.moment.feelings == ("embarrassed",)
    w = to_feelings(BY_ME)
    w.type("and kind of embarrassed")
    assert w.step == rf.WHOSE


def test_priya_guilty_then_embarrassed_never_says_you_felt_guilty():
    w = to_feelings(BY_ME)
    w.type("guilty")
    w.press("mine")
    w.type("and kind of embarrassed")
    assert w.step == rf.WHOSE
    w.press("theirs")
    w.press("done")
    w.press("t.respect")
    w.press("done")
    w.press("now")
    draft = w.moment.draft or ""
    assert "embarrassed" in draft and "guilty" not in draft


def test_a_tapped_guilty_for_them_is_asked_about_too():
    w = to_feelings(BY_ME)
    w.press("pg.1")
    outcome = w.press("t.guilty")
    assert w.step == rf.WHOSE and outcome.replies[-1].edit
    w.press("mine")
    assert w.step == rf.FEEL and w.moment.feelings == ()


@pytest.mark.parametrize("typed", ["i feel bad", "sorry", "kinda regretful tbh"])
def test_own_words_for_their_feeling_are_asked_about_and_mine_drops_them(typed: str):
    w = to_feelings(BY_ME)
    w.press("t.hurt")
    w.type("like a stranger")
    w.type(typed)
    assert w.step == rf.WHOSE
    w.press("mine")
    assert w.moment.feelings == ("hurt",) and w.moment.feelings_text == "like a stranger"


def test_only_the_own_feeling_is_dropped_from_what_they_typed_with_it():
    w = to_feelings(BY_ME)
    w.type("sad and guilty")
    assert w.step == rf.WHOSE
    w.press("mine")
    assert w.moment.feelings == ("sad",)


def test_typing_on_past_the_question_asks_about_both_words():
    """As the tester did: "guilty", then, with the question showing, "and kind of
    embarrassed": neither is taken as theirs unasked."""
    w = to_feelings(BY_ME)
    w.type("guilty")
    outcome = w.type("and kind of embarrassed")
    assert w.step == rf.WHOSE and w.state.data[rf.WHOSE] == ["guilty", "embarrassed"]
    (card,) = outcome.replies
    assert card.text.startswith("Guilty and embarrassed can be how the one who did it feels.")
    w.press("mine")
    assert w.step == rf.FEEL and w.moment.feelings == ()
    w.type("sad")
    w.type("guilty")  # asked about once
    assert w.step == rf.FEEL and list(w.moment.feelings) == ["sad", "guilty"]


def test_another_feeling_typed_at_the_question_is_added_and_the_question_stays():
    w = to_feelings(BY_ME)
    w.type("guilty")
    outcome = w.type("sad")
    assert w.step == rf.WHOSE and w.moment.feelings == ("guilty", "sad")
    assert outcome.replies[-1].text.startswith("Guilty can be")
    w.press("theirs")
    assert w.moment.feelings == ("guilty", "sad")


def test_typing_the_answer_names_the_button():
    w = to_feelings(BY_ME)
    w.type("guilty")
    w.type("me")
    assert w.step == rf.FEEL and w.moment.feelings == ()


def test_the_question_is_a_view_of_the_feelings_step():
    w = to_feelings(BY_ME)
    w.type("guilty")
    w(Back())  # /back from the question: the feelings card, as from a reframe
    assert w.step == rf.FEEL
    w.type("guilty")
    w.press("theirs")
    assert w.state.back() is not None and w.state.back().step == rf.INT  # type: ignore[union-attr]
    assert rf._resumable(w.state) == rf.FEEL


def test_when_it_happened_to_me_guilty_is_simply_mine():
    w = to_feelings(TO_ME)
    w.type("guilty")
    assert w.step == rf.FEEL and w.moment.feelings == ("guilty",)


def test_the_question_fits_a_phone_and_its_buttons_fit_64_bytes():
    w = to_feelings(BY_ME)
    card = w.type("guilty, ashamed, regretful, remorseful, sorry, bad, embarrassed").replies[-1]
    assert w.step == rf.WHOSE and len(card.text) <= 400
    for option in options(card):
        assert len(encode_flow(rf.FLOW, rf.WHOSE, 10**12, option).encode()) <= 64


def test_done_typed_with_the_question_open_asks_it_first():
    w = to_feelings(BY_ME)
    w.type("she probably felt hurt and I feel guilty")
    assert w.step == rf.WHOSE
    (reply,) = w.type("done").replies
    assert w.step == rf.WHOSE  # not on to the needs, with "guilty" as how she felt
    assert reply.text.startswith(C.text("moment.whose_first"))
    assert options(reply) == ["mine", "theirs"]
    w.press("mine")
    assert "guilty" not in w.moment.feelings


def test_defensive_typed_for_them_is_asked_about():
    w = to_feelings(BY_ME)
    w.type("guilty, ashamed and kind of defensive")
    assert w.step == rf.WHOSE
    w.press("mine")
    said = " ".join((*w.moment.feelings, w.moment.feelings_text or "")).lower()
    assert "defensive" not in said and "guilty" not in said and "ashamed" not in said
