"""The name used last time, on a moment picked up again: resuming at "What's their name?" shows
the card as arriving there does, with the name given last time as one tap; and the shell is
told so by the flow's one rule (`needs_last_names` of the step it resumes at), which holds for
every step a moment can be picked up at."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.content import catalogue
from bot.domain import repair_flow as rf
from bot.domain.flow import Context, FlowState, Partner, Person
from bot.domain.moments import OTHER_PATTERN, TO_ME, UNFINISHED, Moment, SaveMoment
from bot.domain.schedule import Prefs
from tests.domain.test_repair_flow import Walk, options

C = catalogue("en")
NOW = datetime(2026, 3, 1, 16, 30, tzinfo=UTC)
LAST = {"partner": "Leo", "friend": "Carla"}


def ctx_with(last: dict[str, str], partner: Partner | None = None) -> Context:
    person = Person(7, "Ana", "Annie", "Europe/Berlin", "en")
    return Context(person, NOW, C, Prefs(zone="Europe/Berlin"), partner=partner, last_names=last)


def left_at_the_name(who: str = "partner") -> tuple[Moment, Walk]:
    """A moment told first ("He was on his phone..."), at "What's their name?" for `who`,
    with the names given last time known; the moment as stored then, left unfinished."""
    w = Walk(ctx_with(LAST), description="He was on his phone all through dinner.")
    w.press(TO_ME)
    w.press(who)
    assert w.step == rf.NAME
    return left(w), w


def left(w: Walk) -> Moment:
    """The moment as stored when the person leaves it where `w` is (/cancel)."""
    (kept,) = rf.REPAIR.abandon(w.state)
    assert isinstance(kept, SaveMoment) and kept.moment.status == UNFINISHED
    return kept.moment


@pytest.mark.parametrize(("who", "name"), [("partner", "Leo"), ("friend", "Carla")])
def test_picked_up_at_the_name_the_last_name_is_offered_as_on_arrival(who: str, name: str):
    stored, w = left_at_the_name(who)
    (arrival,) = w.outcome.replies
    assert options(arrival) == [rf.LAST_NAME, "skip"]
    at = rf.REPAIR.resumes_at(stored)
    assert at.step == rf.NAME
    assert rf.REPAIR.needs_last_names(at)  # the shell looks the names up for this card
    outcome = rf.REPAIR.resume(stored, ctx_with(LAST))
    assert outcome.state == at
    intro, card = outcome.replies
    assert intro.text == C.text("moment.resumed")
    assert (card.text, card.buttons) == (arrival.text, arrival.buttons)
    assert card.text == C.text("moment.ask_who_name_last", name=name)
    # And its button is taken, as on arrival.
    w.state, w.ctx = at, ctx_with(LAST)
    w.press(rf.LAST_NAME)
    assert w.step == rf.PAT and w.moment.who_name == name


def test_picked_up_at_the_name_in_the_flow_still_under_way_it_is_offered_too():
    stored, w = left_at_the_name()
    at = rf.REPAIR.resumes_at(stored, live=w.state)
    assert at.step == rf.NAME and rf.REPAIR.needs_last_names(at)
    outcome = rf.REPAIR.resume(stored, ctx_with(LAST), live=w.state)
    assert outcome.state == at
    assert options(outcome.replies[-1]) == [rf.LAST_NAME, "skip"]


def test_with_the_partner_linked_the_resumed_card_is_the_arrival_card():
    partner = Partner(9, "Ben", True, None)
    w = Walk(ctx_with({"partner": "Ben"}, partner), description="He was on his phone.")
    w.press(TO_ME)
    w.press("partner")
    (arrival,) = w.outcome.replies
    stored = left(w)
    card = rf.REPAIR.resume(stored, ctx_with({"partner": "Ben"}, partner)).replies[-1]
    assert (card.text, card.buttons) == (arrival.text, arrival.buttons)
    assert options(card) == [rf.PARTNER, "skip"]  # the linked partner's name, once


def walked_to_the_path() -> Walk:
    w = Walk(ctx_with(LAST))
    w.press(TO_ME)
    w.press("partner")
    w.press(rf.LAST_NAME)
    w.press("p.phone")
    w.type("He picked up his phone while I talked about my mother.")
    w.press("4")
    w.press("t.lonely")
    w.press("done")
    w.press("t.attention")
    w.press("done")
    assert w.step == rf.PATH
    return w


def card_of(state: FlowState, last: dict[str, str]) -> tuple[str, object]:
    reply = rf.REPAIR.prompt(state, ctx_with(last))
    return reply.text, reply.buttons


@pytest.mark.parametrize("step", rf.RESUMABLE_STEPS)
def test_the_rule_says_a_resumed_card_needs_the_names_exactly_when_it_shows_them(step: str):
    """Wherever a moment is picked up, the names are looked up if and only if the card there
    can show one: never missing from "What's their name?", and no query for any other card."""
    w = walked_to_the_path()
    stored = w.moment.update(status=UNFINISHED, step=step)
    if step == rf.DESC:
        stored = stored.update(pattern=OTHER_PATTERN, description="The phone again.")
    for live in (None, replace(w.state, step=step)):
        at = rf.REPAIR.resumes_at(stored, live=live)
        shows = card_of(at, LAST) != card_of(at, {})
        assert rf.REPAIR.needs_last_names(at) == shows, (step, live is not None)
