"""The name question, answered as a tester did: "help" is no name, confusion or how they are
is no story, someone else is asked about later, and "call me X" is X wherever it comes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.content import catalogue
from bot.domain.flow import Context, FlowState, Person, TextInput
from bot.domain.onboarding import NAME, ONBOARDING, ZONE, story_told
from bot.domain.profile import SetPreferredName

NOW = datetime(2026, 3, 1, 19, 30, tzinfo=UTC)
ASKED = FlowState("onboard", NAME, {"trail": []})


def ctx() -> Context:
    return Context(Person(7, "Ana", None, None, "en"), NOW, catalogue("en"))


@pytest.mark.parametrize(
    "text",
    [
        "help",
        "Help!",
        "what?",
        "huh",
        "help me",
        "I'm not sure",
        "what do you mean",
        "who are you?",
    ],
)
def test_help_or_confusion_explains_the_question_and_asks_again(text: str):
    outcome = ONBOARDING.handle(ASKED, TextInput(text), ctx())
    assert outcome.state == ASKED and outcome.effects == () and story_told(outcome.state) is None
    (reply,) = outcome.replies
    assert "call you" in reply.text and "Nice to meet you" not in reply.text
    assert "once we're set up" not in reply.text
    assert reply.buttons and reply.buttons[0][0].option == "first"  # the Telegram name, a tap


@pytest.mark.parametrize("text", ["im fine", "I'm tired", "I'm good", "im ok"])
def test_how_they_are_is_neither_a_name_nor_a_story(text: str):
    outcome = ONBOARDING.handle(ASKED, TextInput(text), ctx())
    assert outcome.state == ASKED and outcome.effects == () and story_told(outcome.state) is None
    (reply,) = outcome.replies
    assert "call you" in reply.text and "once we're set up" not in reply.text


@pytest.mark.parametrize("text", ["the wife", "my husband", "my boyfriend"])
def test_someone_else_named_is_not_a_story_nor_their_name(text: str):
    outcome = ONBOARDING.handle(ASKED, TextInput(text), ctx())
    assert outcome.state == ASKED and outcome.effects == () and story_told(outcome.state) is None
    (reply,) = outcome.replies
    assert "call you" in reply.text and "Nice to meet you" not in reply.text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I'm Ana but call me Annie", "Annie"),
        ("my name is Robert, but call me Bob", "Bob"),
        ("Just call me A.", "A."),
        ("call me J", "J"),
    ],
)
def test_call_me_gives_the_name_wherever_it_comes(text: str, name: str):
    outcome = ONBOARDING.handle(ASKED, TextInput(text), ctx())
    assert outcome.state is not None and outcome.state.step == ZONE
    assert outcome.effects == (SetPreferredName(name),)


@pytest.mark.parametrize("text", ["call me whatever", "call me anything", "whatever you like"])
def test_call_me_anything_is_their_telegram_name(text: str):
    outcome = ONBOARDING.handle(ASKED, TextInput(text), ctx())
    assert outcome.state is not None and outcome.state.step == ZONE
    assert outcome.effects == (SetPreferredName("Ana"),)


def test_a_real_story_is_still_kept_for_after_setup():
    story = "my husband ignored me at dinner again"
    outcome = ONBOARDING.handle(ASKED, TextInput(story), ctx())
    assert outcome.state is not None and story_told(outcome.state) == story
    assert "once we're set up" in outcome.replies[0].text
