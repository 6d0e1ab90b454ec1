""" "This is too much" typed at a question that it cannot answer (which is it, who, the path,
the draft, when) is someone overwhelmed, not an answer nor a remark on the draft: a word of
care, the place kept, and the question again. Where it can be the answer (how it felt, what
happened), it is read as the answer."""

from __future__ import annotations

import pytest

from bot.content import catalogue
from bot.domain import repair_flow as rf
from tests.domain.test_repair_flow import Walk, to_needs
from tests.domain.test_typed_at_the_end import at_the_draft, only_reply

C = catalogue("en")
CARE = C.text("moment.small_talk_again.overwhelmed")

OVERWHELMED = [
    "this is too much",
    "too much",
    "it's all too much",
    "honestly this is too much right now",
    "ugh i can't do this right now",
    "i'm overwhelmed",
    "I need a break",
    "sorry, it's a lot",
]


def cared_for(reply_text: str, question: str) -> bool:
    return reply_text.startswith(CARE) and reply_text.endswith(question)


@pytest.mark.parametrize("typed", OVERWHELMED)
def test_at_the_draft_it_is_care_not_a_softer_draft_nor_their_own_words(typed: str):
    w = at_the_draft()
    before = (w.moment, w.step)
    question = rf.REPAIR.prompt(w.state, w.ctx).text
    reply = only_reply(w.type(typed))
    assert cared_for(reply.text, question), reply.text
    assert (w.moment, w.step) == before
    assert "typed" not in w.state.data


@pytest.mark.parametrize("typed", OVERWHELMED)
def test_at_the_path_it_is_care_and_the_choices_again(typed: str):
    w = to_needs(Walk())
    assert w.step == rf.PATH
    question = rf.REPAIR.prompt(w.state, w.ctx)
    reply = only_reply(w.type(typed))
    assert cared_for(reply.text, question.text), reply.text
    assert reply.buttons == question.buttons
    assert w.step == rf.PATH and w.moment.path is None


def test_the_care_says_nothing_is_lost_and_how_to_stop():
    assert "/cancel" in CARE and len(CARE) < 300


@pytest.mark.parametrize(
    "typed",
    [
        "too much to explain, he just left",
        "it's too much when he does that",
        "he said this is too much for him",
        "not too much",
    ],
)
def test_words_that_go_on_are_not_read_as_overwhelm(typed: str):
    w = to_needs(Walk())
    reply_texts = [r.text for r in w.type(typed).replies]
    assert not any(t.startswith(CARE) for t in reply_texts), reply_texts


def test_at_how_it_felt_it_is_their_feeling():
    w = Walk()
    w.press("to_me")
    w.press("partner")
    w.type("Sam")
    w.press("p.phone")
    w.type("He picked up his phone while I talked about my mother.")
    w.press("4")
    assert w.step == rf.FEEL
    outcome = w.type("it's all too much")
    assert not any(r.text.startswith(CARE) for r in outcome.replies)


@pytest.mark.parametrize("typed", ["i can't tonight", "i cant today", "I can't right now"])
def test_a_time_that_does_not_suit_is_not_overwhelm(typed: str):
    w = to_needs(Walk())
    w.press("later")
    assert w.step == rf.WHEN
    reply_texts = [r.text for r in w.type(typed).replies]
    assert not any(t.startswith(CARE) for t in reply_texts), reply_texts
