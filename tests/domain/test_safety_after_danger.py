"""After danger, and at the gentle check: words are read, and answered in proportion.

- At "is anyone in danger right now?" a clear no in the person's own words ("lol no", "no i
  was exaggerating") is the "just angry" button; a hedged one ("not really") is asked about
  again, gently, neither taken for danger nor met with the same card.
- In the quiet day after danger, "thank you, I'm ok now, I called my sister" gets a short warm
  answer that still says where help is, not the whole block again; anything else still does.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.content import catalogue
from bot.domain import crisis, safety, safety_flow
from bot.domain.flow import Context, Person, TextInput
from bot.domain.safety_flow import HEDGED, NOT_SURE, SAFE, SAFETY, Answered

C = catalogue("en")
NOW = datetime(2026, 3, 1, 19, 30, tzinfo=UTC)
ANGER, SELF, THEM = safety.ABOUT_ANGER, safety.ABOUT_SELF, safety.ABOUT_THEM


@pytest.mark.parametrize(
    "text",
    [
        "no, nobody is in danger, just annoyed",
        "no i was exaggerating",
        "lol no",
        "of course not",
        "Of course not!",
        "nah just venting",
        "no no, figure of speech",
        "nobody lol",
        "no im just annoyed",
        "i was exaggerating",
    ],
)
def test_a_clear_no_in_own_words_is_the_just_angry_button(text: str):
    assert safety_flow.typed_answer(text, ANGER, C) == SAFE


@pytest.mark.parametrize(
    "text", ["not really", "no not really", "probably not", "i don't think so", "i dont think so"]
)
def test_a_hedged_no_to_is_anyone_in_danger_is_asked_about_again(text: str):
    assert safety_flow.typed_answer(text, ANGER, C) == HEDGED


@pytest.mark.parametrize(
    ("about", "text", "meant"),
    [
        (ANGER, "not sure", NOT_SURE),  # unsure whether anyone is in danger: help
        (ANGER, "i don't know", NOT_SURE),
        (ANGER, "yes", NOT_SURE),
        (SELF, "not really", NOT_SURE),  # "are you safe?" "not really": not safe
        (SELF, "no i was exaggerating", None),  # "are you safe?" "no ...": never safe
        (SELF, "of course not", None),
        (THEM, "not really", NOT_SURE),
        (ANGER, "no but he scares me", None),  # words of their own: never "just angry"
        (ANGER, "no, but i'm not sure", None),
        (ANGER, "lol", None),
        (ANGER, "no he would hurt me", None),
        (ANGER, "no one is safe", None),  # danger said with a no in it
        (ANGER, "nobody is safe here", None),
    ],
)
def test_what_is_not_a_clear_no_to_that_question_is_not_taken_for_one(
    about: str, text: str, meant: str | None
):
    assert safety_flow.typed_answer(text, about, C) == meant


def check_started(text: str = "I could kill him, he ate my leftovers again"):
    ctx = Context(Person(7, "Ana", "Ana", "Europe/Berlin", "en"), NOW, C)
    outcome = SAFETY.start(ctx, text, None, ANGER)
    assert outcome.state is not None
    return ctx, outcome


def test_a_hedge_is_asked_about_again_in_words_that_show_it_was_read():
    ctx, started = check_started()
    assert started.state is not None
    (card,) = started.replies
    again = SAFETY.handle(started.state, TextInput("not really"), ctx)
    assert again.state == started.state and not again.effects  # nothing answered yet
    (asked,) = again.replies
    assert asked.text != card.text and "?" in asked.text
    assert asked.buttons == card.buttons  # the same two answers, one tap away
    # An answer that means nothing to the check is asked as before.
    (plain,) = SAFETY.handle(started.state, TextInput("what do you mean"), ctx).replies
    assert plain.text == card.text


def test_a_clear_no_is_answered_as_the_button_is():
    ctx, started = check_started()
    assert started.state is not None
    outcome = SAFETY.handle(started.state, TextInput("lol no"), ctx)
    assert outcome.effects == (Answered(SAFE),)


def full_block() -> str:
    return crisis.after_danger_reply(C, "Europe/Berlin", "Ana").text


@pytest.mark.parametrize(
    "said",
    [
        "thank you. I'm ok now, I called my sister",
        "I called my mum",
        "im ok now and i talked to a friend",
        "i'm with my brother now",
    ],
)
def test_reaching_someone_after_danger_gets_a_short_warm_answer(said: str):
    reply = crisis.after_danger_reply(C, "Europe/Berlin", "Ana", said)
    assert reply.text != full_block() and "emergency number" not in reply.text
    assert "Ana" in reply.text and "/sos" in reply.text  # help is one command away
    assert "reached out" in reply.text
    assert len(reply.text) < 300
    assert all(b.url for row in reply.buttons for b in row)  # nothing starts a moment


@pytest.mark.parametrize(
    ("said", "answer"),
    [
        ("thank you", "safety.after_danger_thanks"),
        ("thanks!!", "safety.after_danger_thanks"),
        ("I'm ok now", "safety.after_danger_okay"),
        ("thanks, im feeling better", "safety.after_danger_okay"),
    ],
)
def test_thanks_or_being_ok_after_danger_gets_its_own_short_answer(said: str, answer: str):
    reply = crisis.after_danger_reply(C, "Europe/Berlin", "Ana", said)
    assert reply.text == C.text(answer, name="Ana")
    assert "/sos" in reply.text


@pytest.mark.parametrize(
    "said",
    [
        "thanks but i still don't know what to do",
        "i'm not ok",
        "I called him",  # perhaps the very person they fear: nothing to be glad of here
        "i called my sister and she said i'm overreacting",
        "should i leave him?",
        "",
    ],
)
def test_anything_else_after_danger_gets_care_and_help_again(said: str):
    assert crisis.after_danger_reply(C, "Europe/Berlin", "Ana", said).text == full_block()


def test_care_after_danger_claims_nothing_was_told():
    """The quiet day follows /sos too, where nothing was told."""
    assert "told" not in full_block()
    assert "/moment" in full_block()


def test_the_words_read_here_are_content():
    from bot.content import Catalogue

    def without(key: str, word: str) -> Catalogue:
        listed = [str(w) for w in C.raw(key)]
        assert word in listed, (key, word)
        return Catalogue("en", {key: [w for w in listed if w != word]}, C)

    no_venting = without("safety.typed_clear_no", "just venting")
    assert safety_flow.typed_answer("nah just venting", ANGER, no_venting) is None
    no_sister = without("safety.after_reached_who", "my sister")
    assert crisis.after_words("I called my sister", no_sister) is None
    assert crisis.after_words("I called my sister", C) == "safety.after_danger_reached"
