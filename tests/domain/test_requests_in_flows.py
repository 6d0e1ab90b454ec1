"""Requests about Mend, told from the person's own words: in a flow only a request to delete
data or about privacy that names Mend or their data explicitly ("my data", "what I write")
comes before the flow's question; a stop never does ("Please stop texting me" may be what they
want to say to him). Words of distress ("I want to get rid of everything") are no request to
delete anything. And the recogniser knows nothing of schedules: which stop answer fits is the
caller's to choose."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot.content import catalogue
from bot.domain import small_talk

C = catalogue("en")

DISTRESS = [
    "i want to get rid of everything",
    "i want to destroy everything",
    "i wanna erase me",
    "I just want to wipe it all",
    "clear everything",
    "get rid of me",
    "destroy all of this",
    "I want to erase everything",
    "i want to wipe me",
    "clear it all",
]


@pytest.mark.parametrize("said", DISTRESS)
def test_words_of_distress_are_no_request_to_delete(said: str):
    assert small_talk.request(said, C) is None


@pytest.mark.parametrize("said", DISTRESS)
def test_words_of_distress_are_no_small_talk_either_so_a_moment_is_offered(said: str):
    assert small_talk.kind(said, C) is None


@pytest.mark.parametrize(
    "said",
    [
        "wipe my data",
        "clear my history",
        "get rid of my account",
        "please erase all my data",
        "destroy my data",
        "delete my account",
        "delete everything",
        "I want to delete everything",
        "can you delete everything I wrote?",
        "erase what I wrote",
        "forget me",
        "delete",
    ],
)
def test_a_request_with_a_data_word_is_still_one(said: str):
    assert small_talk.request(said, C) == small_talk.DELETE


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("how do i delete my data", small_talk.DELETE),
        ("delete my account", small_talk.DELETE),
        ("please erase all my data", small_talk.DELETE),
        ("can you delete everything I wrote?", small_talk.DELETE),
        ("is my data private?", small_talk.PRIVACY),
        ("who can see what I write?", small_talk.PRIVACY),
        ("do you read my messages", small_talk.PRIVACY),
        ("is this chat private?", small_talk.PRIVACY),
        ("what do you do with my data?", small_talk.PRIVACY),
        ("unsubscribe", small_talk.STOP),
        ("no more reminders please", small_talk.STOP),
        ("turn off the evening check-in", small_talk.STOP),
        ("how do I stop the reminders?", small_talk.STOP),
    ],
)
def test_a_request_naming_mend_or_their_data_comes_before_a_flow(said: str, asked: str):
    assert small_talk.before_a_flow(said, C) == asked


@pytest.mark.parametrize(
    "said",
    [
        "stop messaging me",
        "Please stop texting me",
        "stop texting me",
        "I need you to stop texting me",
        "Can you please stop messaging me",
        "turn them off",
        "stop",
        "please stop",
        "is this private",
        "who can see this",
        "is it secure",
        "delete it",
        "delete this",
        "delete this moment",
        "forget me",
        "delete",
        "delete everything",
        "he told me to stop talking",
    ],
)
def test_a_stop_or_a_request_about_plain_me_this_or_it_is_the_flows_to_read(said: str):
    assert small_talk.before_a_flow(said, C) is None


@pytest.mark.parametrize(
    "said", ["I need you to stop texting me", "Can you please stop messaging me"]
)
def test_asked_outside_a_flow_those_are_stop_requests(said: str):
    assert small_talk.request(said, C) == small_talk.STOP


def test_the_recogniser_does_not_depend_on_schedules():
    source = Path(small_talk.__file__).read_text(encoding="utf-8")
    imported: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            # "from bot.domain import schedule" imports bot.domain.schedule too
            imported |= {node.module, *(f"{node.module}.{a.name}" for a in node.names)}
    assert "bot.domain.schedule" not in imported and "bot.domain.clock" not in imported


@pytest.mark.parametrize(
    "key", ["shell.stop_reply", "shell.stop_reply_evening_off", "shell.stop_reply_paused"]
)
def test_each_stop_answer_is_filled_in_with_the_settings_words(key: str):
    said = small_talk.request_reply(key, C, "Ana")
    assert "Ana" in said and "{" not in said
