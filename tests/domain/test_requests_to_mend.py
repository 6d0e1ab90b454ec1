"""Requests about Mend itself, told from a moment: to stop its messages, to delete what it
keeps, or whether what is written here is private. Only a whole message addressed to Mend is
one; words about what someone else did ("he told me to stop talking") are a moment."""

from __future__ import annotations

import pytest

from bot.content import catalogue
from bot.domain import small_talk

C = catalogue("en")


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("stop", small_talk.STOP),
        ("Stop.", small_talk.STOP),
        ("stop messaging me", small_talk.STOP),
        ("Stop messaging me!", small_talk.STOP),
        ("please stop asking me every night", small_talk.STOP),
        ("Please stop sending me messages", small_talk.STOP),
        ("unsubscribe", small_talk.STOP),
        ("Unsubscribe me", small_talk.STOP),
        ("no more reminders please", small_talk.STOP),
        ("turn off the evening check-in", small_talk.STOP),
        ("can you stop the check-ins", small_talk.STOP),
        ("how do I stop the reminders?", small_talk.STOP),
        ("don't message me anymore", small_talk.STOP),
        ("how do i delete my data", small_talk.DELETE),
        ("how do I delete my data?", small_talk.DELETE),
        ("delete my account", small_talk.DELETE),
        ("I want to delete everything", small_talk.DELETE),
        ("please erase all my data", small_talk.DELETE),
        ("forget me", small_talk.DELETE),
        ("can you delete everything I wrote?", small_talk.DELETE),
        ("is this private?", small_talk.PRIVACY),
        ("Is this private", small_talk.PRIVACY),
        ("who can see what I write?", small_talk.PRIVACY),
        ("who can see this", small_talk.PRIVACY),
        ("do you share my messages?", small_talk.PRIVACY),
        ("do you read my messages", small_talk.PRIVACY),
        ("can my partner see this?", small_talk.PRIVACY),
        ("is it confidential", small_talk.PRIVACY),
        ("what do you do with my data?", small_talk.PRIVACY),
    ],
)
def test_a_request_about_mend_is_recognised(said: str, asked: str):
    assert small_talk.request(said, C) == asked


@pytest.mark.parametrize(
    "said",
    [
        "he told me to stop talking",
        "I wanted him to stop",
        "she deleted my messages",
        "he reads my private messages",
        "I said stop",
        "he won't stop messaging me",
        "she asked me to delete my messages",
        "I told him to stop asking me every night",
        "my sister keeps asking who can see my messages",
        "he checks who can see what I write",
        "I just want to forget everything",
        "stop talking to me like that",
        "he never stops",
        "is this private enough to tell you something about my husband?",
        "he asked if this is private",
        "",
        "👍",
    ],
)
def test_words_about_someone_else_are_no_request(said: str):
    assert small_talk.request(said, C) is None


@pytest.mark.parametrize("said", ["stop", "unsubscribe", "is this private?", "forget me"])
def test_a_request_is_not_small_talk_either(said: str):
    """Each is answered as a request, never as a hello or an "ok"."""
    assert small_talk.kind(said, C) is None


def test_every_request_has_an_answer_in_the_content():
    for request in (small_talk.STOP, small_talk.DELETE, small_talk.PRIVACY):
        assert C.has(small_talk.REQUEST_REPLIES[request])


@pytest.mark.parametrize("said", ["stop", "Stop it", "stop this", "please stop", "stop asking"])
def test_a_bare_stop_in_a_flow_is_the_flows_own(said: str):
    """In a moment, "stop" stops the moment (as /cancel): it is no request there."""
    assert small_talk.request(said, C) == small_talk.STOP
    assert small_talk.request(said, C, bare_stop=False) is None


@pytest.mark.parametrize("said", ["I need to stop", "how do I stop", "I want to stop"])
def test_a_bare_stop_after_i_want_to_is_no_request(said: str):
    assert small_talk.request(said, C) is None


def test_the_stop_answers_name_the_settings_buttons_as_they_show():
    """Which one fits (a pause, the check-in off) is the handler's to choose: see
    tests/inprocess/test_requests_to_mend.py."""
    on = small_talk.request_reply(small_talk.REQUEST_REPLIES[small_talk.STOP], C, "Ana")
    assert '"Evening check-in off"' in on and '"Pause until I resume"' in on
    off = small_talk.request_reply(small_talk.STOP_REPLY_EVENING_OFF, C, "Ana")
    assert "Evening check-in off" not in off and '"Pause until I resume"' in off
    held = small_talk.request_reply(small_talk.STOP_REPLY_PAUSED, C, "Ana")
    assert "paused" in held and "/resume" in held and "Pause until I resume" not in held
