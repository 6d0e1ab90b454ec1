"""At "Who was it with?": a relation named as whose something was ("my sisters surgery", "my
sister's surgery", "my mums birthday") is who the story is about, not who it happened with,
so it suggests nothing on its own; the linked partner named as the story's subject ("ben was
on his phone...") is suggested instead."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.content import catalogue
from bot.domain import repair_flow as rf
from bot.domain.flow import Partner
from bot.domain.moments import TO_ME
from bot.domain.replies import Reply
from bot.domain.who import named_relation
from tests.domain.test_repair_flow import Walk, ctx, options

C = catalogue("en")
BEN = (
    "ben was on his phone the whole time i was telling him about my sisters surgery and just "
    "said mhm"
)


@pytest.mark.parametrize(
    "story",
    [
        BEN,
        "he was on his phone the whole time i was telling him about my sisters surgery",
        "he was on his phone while I told him about my sister's surgery",
        "he forgot my mums birthday",
        "she didn't come to my dads funeral",
        "he was rude at my friends party",
        "he laughed about my brother's new job",
        "he skipped my sisters appointment",
    ],
)
def test_whose_something_was_is_not_who_it_was_with(story: str):
    assert named_relation(story, C) is None


@pytest.mark.parametrize(
    ("story", "named"),
    [
        ("my sister snapped at me when I asked about the weekend", ("family", "sister")),
        ("my sisters ganged up on me at dinner", ("family", "sisters")),
        ("my friends ignored me all night", ("friend", "friends")),
        ("my mum's ignoring my calls again", ("family", "mum")),
        ("it was my sisters", ("family", "sisters")),
    ],
)
def test_a_relation_who_did_it_is_still_read(story: str, named: tuple[str, str]):
    assert named_relation(story, C) == named


def _who_card(story: str, partner: Partner | None) -> Reply:
    w = Walk(replace(ctx(), partner=partner), description=story)
    w.press(TO_ME)
    assert w.step == rf.WHO_STEP
    return rf.REPAIR.prompt(w.state, w.ctx)


def test_the_linked_partner_named_first_is_suggested_not_the_sister():
    ben = Partner(user_id=8, name="Ben", reachable=True, space_chat=None)
    reply = _who_card(BEN, ben)
    button = C.text(f"moment.who_{rf.PARTNER}")
    assert reply.text == C.text("moment.ask_who_partner_named", name="Ben", button=button)
    assert options(reply)[0] == rf.PARTNER


def test_with_no_partner_linked_the_sisters_surgery_suggests_nothing():
    reply = _who_card(BEN, None)
    assert reply.text == C.text("moment.ask_who")
