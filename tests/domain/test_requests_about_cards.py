"""Requests to Mend typed at its own cards and after its lists: a stop said many ways ("stop
asking me this", "turn this off", "leave me alone") is a stop; a typed "yes, delete
everything" is pointed to the button (erasing is never done on words); questions about using
Mend (the time zone, what a moment is, where thanks are kept, encryption) get their own
answers; words picking from the /history list are pointed to its buttons. Stories that use
the same words stay stories. And the evening card's lukewarm answers ("meh", "idk") and
put-offs ("ask me tomorrow") are read as what they are."""

from __future__ import annotations

import pytest

from bot.content import catalogue
from bot.domain import prompts, small_talk

C = catalogue("en")


@pytest.mark.parametrize(
    ("said", "asked"),
    [
        ("stop asking me this", small_talk.STOP),
        ("Stop asking me this!", small_talk.STOP),
        ("turn this off", small_talk.STOP),
        ("please turn these off", small_talk.STOP),
        ("don't ask me every night", small_talk.STOP),
        ("dont ask me this every night", small_talk.STOP),
        ("I don't want these", small_talk.STOP),
        ("leave me alone", small_talk.STOP),
        ("just leave me alone please", small_talk.STOP),
        ("yes delete everything", small_talk.CONFIRM_DELETE),
        ("Yes, delete it all", small_talk.CONFIRM_DELETE),
        ("yes please erase all my data", small_talk.CONFIRM_DELETE),
        ("confirm delete", small_talk.CONFIRM_DELETE),
        ("why do you ask every night?", small_talk.EVENING),
        ("why do you keep messaging me every evening", small_talk.EVENING),
        ("what is the evening check-in?", small_talk.EVENING),
        ("how do I change my time zone?", small_talk.SETTINGS),
        ("change my timezone", small_talk.SETTINGS),
        ("how can I change the check-in time", small_talk.SETTINGS),
        ("what's a moment?", small_talk.WHAT_MOMENT),
        ("what counts as a moment", small_talk.WHAT_MOMENT),
        ("where can I see the nice moments I saved?", small_talk.SAVED),
        ("where are my thanks notes?", small_talk.SAVED),
        ("the first one", small_talk.LIST),
        ("open the one about Sam", small_talk.LIST),
        ("delete all of them", small_talk.LIST),
        ("is this encrypted?", small_talk.ENCRYPTED),
        ("is my data encrypted", small_talk.ENCRYPTED),
    ],
)
def test_requests_to_mend(said: str, asked: str):
    assert small_talk.request(said, C) == asked


@pytest.mark.parametrize(
    "said",
    [
        "he won't stop asking me for money",
        "stop asking me for money",
        "she told me to leave her alone",
        "he said leave me alone and walked off",
        "I don't want this anymore",
        "he asked me to turn this off",
        "the first one hurt the most",
        "yes he deleted everything",
        "why do you ask",
        "what's a moment of silence to him",
    ],
)
def test_stories_with_the_same_words_are_no_request(said: str):
    assert small_talk.request(said, C) is None


def test_encryption_in_a_flow_is_asked_of_mend():
    # In a flow it is still a question to Mend, never an answer: the privacy aside, and it
    # comes before the question reads it.
    assert small_talk.aside("is this encrypted?", C) == small_talk.PRIVACY
    assert small_talk.before_a_flow("is it encrypted?", C) == small_talk.ENCRYPTED


@pytest.mark.parametrize(
    ("kind", "must"),
    [
        (small_talk.CONFIRM_DELETE, ('"Delete everything"', "/delete")),
        (small_talk.EVENING, ("/settings", '"Evening check-in off"', '"Change its time"')),
        (small_talk.SETTINGS, ("/settings", '"Time zone"')),
        (small_talk.WHAT_MOMENT, ("moment",)),
        (small_talk.SAVED, ("/thanks", "/export", "/history")),
        (small_talk.LIST, ("/history", '"Delete"', "/delete")),
        (small_talk.ENCRYPTED, ("encrypt", "/privacy")),
    ],
)
def test_each_answer_says_where_to_go(kind: str, must: tuple[str, ...]):
    text = small_talk.request_reply(small_talk.REQUEST_REPLIES[kind], C, "Ana")
    assert all(m in text for m in must), text
    assert len(text) < 400
    assert "Want to look" not in text


@pytest.mark.parametrize("said", ["meh", "so-so", "idk", "fine I guess", "Meh.", "ok i guess"])
def test_a_lukewarm_evening_is_not_glad(said: str):
    assert prompts.typed_choice(said, prompts.EVENING_CARD, prompts.EVENING_CHOICES, C) == (
        "all_good"
    )
    assert prompts.so_so(said, C)


@pytest.mark.parametrize("said", ["good", "all good", "it was fine", "nothing much"])
def test_a_plain_good_evening_is_glad(said: str):
    assert prompts.typed_choice(said, prompts.EVENING_CARD, prompts.EVENING_CHOICES, C) == (
        "all_good"
    )
    assert not prompts.so_so(said, C)


@pytest.mark.parametrize(
    ("said", "choice"),
    [
        ("ask me tomorrow", "not_tonight"),
        ("can we do this tomorrow", "not_tonight"),
        ("can we do this tomorrow?", "not_tonight"),
        ("could you ask me another time please", "not_tonight"),
        ("can we do this later?", "snooze"),
        ("ask me again in an hour", "snooze"),
    ],
)
def test_a_put_off_at_the_evening_card(said: str, choice: str):
    assert prompts.typed_choice(said, prompts.EVENING_CARD, prompts.EVENING_CHOICES, C) == choice


def test_a_put_off_is_no_follow_up_answer():
    # "Did you get to talk about ...?" has no "not tonight": the words answer no such card.
    assert (
        prompts.typed_choice(
            "can we do this tomorrow?", prompts.FOLLOW_UP_CARD, prompts.PLANNED_CHOICES, C
        )
        is None
    )
