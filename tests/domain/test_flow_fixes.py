"""Fixes in the repair flow: a send card only ever sends to the partner it was shown for, a
moment under way resumes without losing an answer, a "changed my mind" after declining the
offer, and /history labels that tell moments apart. (The direction typed at "Which is it?" is
tested in test_flow_rough_edges.py.)"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from bot.domain import history, prompts
from bot.domain import repair_flow as rf
from bot.domain.couples import SEND_TO, ShareText
from bot.domain.flow import ButtonInput, FlowState, Outcome, Partner, TextInput
from bot.domain.moments import OTHER_PATTERN, PLANNED, TO_ME, Moment
from tests.domain.test_repair_flow import BEN, NOW, C, Walk, ctx, options, saved, to_the_draft

CY = Partner(9, "Cy", True, None)
OTHER_BEN = Partner(10, "Ben", True, None)  # a new partner with the same name


def shared(outcome: Outcome) -> list[ShareText]:
    return [e for e in outcome.effects if isinstance(e, ShareText)]


# ------------------------------------------------------------------ 1. the send card's partner


@pytest.mark.parametrize("now_linked", [CY, OTHER_BEN])
@pytest.mark.parametrize("option", ["private", "group"])
def test_a_send_card_shown_for_one_partner_never_sends_to_the_next(
    now_linked: Partner, option: str
):
    w = to_the_draft("partner", "Ben")
    w.press("send")
    assert w.step == rf.SENDTO
    w.ctx = replace(w.ctx, partner=replace(now_linked, space_chat=-100))  # unlinked, relinked
    outcome = w.press(option)
    assert shared(outcome) == [] and w.step == rf.DRAFT
    (reply,) = outcome.replies
    assert "Nothing was sent: your partner link has changed" in reply.text
    assert reply.copyable == w.moment.draft


def test_the_send_card_drawn_again_after_a_new_link_is_the_draft_not_a_card_for_them():
    w = to_the_draft("partner", "Ben")
    w.press("send")
    w.ctx = replace(w.ctx, partner=CY)
    shown = rf.REPAIR.prompt(w.state, w.ctx)
    assert "private" not in options(shown) and "Cy" not in shown.text
    (again,) = w.type("hello?").replies  # the card again on typed words: not one for Cy
    assert "private" not in options(again)


def test_a_way_of_sending_gone_since_the_card_says_why_and_keeps_the_ways_left():
    w = to_the_draft("partner", "Ben")
    w.ctx = replace(w.ctx, partner=replace(BEN, reachable=True, space_chat=-100))
    w.press("send")
    w.ctx = replace(w.ctx, partner=replace(BEN, reachable=False, space_chat=-100))  # blocked us
    outcome = w.press("private")
    assert shared(outcome) == [] and w.step == rf.SENDTO
    (reply,) = outcome.replies
    assert reply.text.startswith("Ben can't get messages from me right now")
    assert "private" not in options(reply) and "group" in options(reply)
    assert len(shared(w.press("group"))) == 1  # the way left still works


def test_with_no_way_of_sending_left_the_card_is_the_draft_again_with_why():
    w = to_the_draft("partner", "Ben")
    w.ctx = replace(w.ctx, partner=replace(BEN, reachable=False, space_chat=-100))
    w.press("send")
    w.ctx = replace(w.ctx, partner=replace(BEN, reachable=False, space_chat=None))
    outcome = w.press("group")
    assert shared(outcome) == [] and w.step == rf.DRAFT
    (reply,) = outcome.replies
    assert reply.text.startswith("I can't post in your group now")
    assert reply.copyable == w.moment.draft


def test_the_same_partner_linked_again_can_still_be_sent_to():
    w = to_the_draft("partner", "Ben")
    w.press("send")
    w.ctx = replace(w.ctx, partner=replace(BEN, space_chat=None))  # the same person, again
    outcome = w.press("private")
    assert outcome.state is None and len(shared(outcome)) == 1


def at_a_send_card_saved_before_the_partner_was_recorded() -> Walk:
    w = to_the_draft("partner", "Ben")
    w.press("send")
    data = {k: v for k, v in w.state.data.items() if k != SEND_TO}
    assert data != dict(w.state.data)  # the partner was recorded
    w.state = FlowState(w.state.flow, w.state.step, data)
    return w


@pytest.mark.parametrize("option", ["private", "group"])
def test_a_send_card_saved_before_the_fix_asks_again_before_sending(option: str):
    w = at_a_send_card_saved_before_the_partner_was_recorded()
    w.ctx = replace(w.ctx, partner=replace(BEN, space_chat=-100))
    outcome = w.press(option)
    assert shared(outcome) == [] and w.step == rf.SENDTO
    (card,) = outcome.replies
    assert "This is exactly what Ben will see" in card.text and option in options(card)
    assert card.copyable == w.moment.draft
    sent = w.press(option)  # confirmed on a card that now knows who it is for
    assert sent.state is None and len(shared(sent)) == 1


def test_a_send_card_saved_before_the_fix_never_goes_to_someone_else():
    w = at_a_send_card_saved_before_the_partner_was_recorded()
    w.ctx = replace(w.ctx, partner=CY)
    outcome = w.press("private")
    assert shared(outcome) == [] and w.step == rf.DRAFT
    assert "private" not in options(outcome.replies[0])
    assert "send" not in options(outcome.replies[0])  # the draft is for Ben, not Cy


# ------------------------------------------------------------------ 2. resuming the live moment


def test_picking_up_the_moment_under_way_asks_its_current_question_again():
    w = Walk()
    for option in (TO_ME, "friend", "skip", "p.tone"):
        w.press(option)
    w.type("She said 'whatever' and walked off.")
    assert w.step == rf.INT
    # /history reads the moment from the flow state, whose step lags behind the flow.
    moment = rf.moment_of(w.state)
    outcome = rf.REPAIR.resume(moment, w.ctx, live=w.state)
    assert outcome.state is not None and outcome.state.step == rf.INT
    assert "How much" in outcome.replies[-1].text
    w.state = outcome.state
    w.type("4")
    assert (w.moment.intensity, w.moment.observation) == (4, "She said 'whatever' and walked off.")
    assert w.step == rf.FEEL


def test_a_live_flow_of_another_moment_does_not_steer_the_resumed_one():
    w = Walk()
    w.press(TO_ME)
    older = Moment("m0", NOW, direction=TO_ME, who="friend", pattern="sarcasm", step=rf.CAM)
    outcome = rf.REPAIR.resume(older, w.ctx, live=w.state)
    assert outcome.state is not None and outcome.state.step == rf.CAM
    assert rf.moment_of(outcome.state).id == "m0"


# ------------------------------------------------------------------ 3. changing one's mind


def declined(said: str = "he never listens 😤") -> tuple[FlowState, Outcome]:
    offer = rf.REPAIR.offer(ctx(), "m1", said)
    assert offer.state is not None
    outcome = rf.REPAIR.handle(offer.state, ButtonInput("no"), ctx())
    assert outcome.effects == ()  # nothing is stored as a moment on a no
    assert outcome.state is not None, "the declined words are kept for a while"
    return outcome.state, outcome


def test_declining_the_offer_says_so_and_offers_nothing_more():
    _, outcome = declined()
    (reply,) = outcome.replies
    assert reply.text == C.text("moment.offer_declined") and reply.edit and not reply.buttons


def test_cancel_after_declining_has_nothing_left_to_cancel():
    state, _ = declined()
    outcome = rf.REPAIR.cancel(state, ctx())
    assert outcome.state is None and outcome.effects == ()
    (reply,) = outcome.replies
    assert reply.text == C.text("shell.nothing_to_cancel")


@pytest.mark.parametrize(
    "typed",
    [
        "actually yeah lets do it",
        "changed my mind",
        "Actually, I changed my mind",
        "yes",
        "ok let's look",
    ],
)
def test_changing_ones_mind_after_declining_takes_up_what_was_told(typed: str):
    state, _ = declined()
    outcome = rf.REPAIR.handle(state, TextInput(typed), ctx(now=NOW + timedelta(minutes=5)))
    assert outcome.state is not None and outcome.state.step == rf.DIR
    assert rf.moment_of(outcome.state).description == "he never listens 😤"
    assert saved(outcome).description == "he never listens 😤"
    assert not outcome.replies[-1].edit  # typed: a new message, no card to edit


@pytest.mark.parametrize("typed", ["he also forgot my birthday", "thanks", "no"])
def test_anything_else_after_declining_is_read_as_fresh_words(typed: str):
    state, _ = declined()
    outcome = rf.REPAIR.handle(state, TextInput(typed), ctx(now=NOW + timedelta(minutes=5)))
    assert outcome.handback and outcome.state is None


def test_a_change_of_mind_long_after_declining_is_not_taken_as_that_moment():
    state, _ = declined()
    later = ctx(now=NOW + rf.DECLINED_KEPT_FOR + timedelta(minutes=1))
    outcome = rf.REPAIR.handle(state, TextInput("actually yeah lets do it"), later)
    assert outcome.handback and outcome.state is None


def test_the_declined_words_are_not_kept_as_a_moment_when_another_flow_starts():
    state, _ = declined()
    assert rf.REPAIR.abandon(state) == ()


# ------------------------------------------------------------------ 4. /history labels


def told(i: int, **changes: object) -> Moment:
    base = Moment(
        f"m{i}",
        datetime(2026, 3, 2, 18, i, tzinfo=UTC),
        direction=TO_ME,
        who="partner",
        pattern=OTHER_PATTERN,
        description=f"thing number {i}: he forgot to pick me up from the station again",
        status=PLANNED,
    )
    return base.update(**changes)


def labels(moments: list[Moment]) -> list[str]:
    return [b.label for row in history.listing(moments, C, "Europe/Berlin").buttons for b in row]


def test_history_tells_moments_in_their_own_words_apart():
    shown = labels([told(0), told(1), told(2)])
    assert len(set(shown)) == 3
    assert all(label.startswith("2 Mar · thing number") for label in shown), shown
    assert all(label.endswith("· planned") and "…" in label for label in shown)
    assert all(len(label) <= 64 for label in shown)  # fits a button, shown whole


def test_a_rambling_first_message_gives_way_to_what_a_camera_saw():
    rambling = "ok so i dont even know where to start 😭 it was his parents and the dinner and"
    m = told(0, description=rambling, observation="He laughed at my cooking")
    (label,) = labels([m])
    assert "He laughed at my cooking" in label
    card = prompts.follow_up_card(m, 1, C, nudge=False)
    assert '"He laughed at my cooking"' in card.text


def test_a_throwaway_camera_answer_does_not_name_the_moment():
    (label,) = labels([told(0, observation="idk")])
    assert "thing number 0" in label


def test_history_names_who_it_was_with_when_named():
    kai, mum = labels([told(0, who_name="Kai"), told(0, who="family", who_name="Mum")])
    assert "Kai" in kai and "Mum" in mum and kai != mum


def test_history_keeps_the_catalogue_label_for_a_named_pattern():
    (label,) = labels([told(0, pattern="phone", description=None)])
    assert label == "2 Mar · Phone out mid-talk · planned"


def test_history_of_a_moment_told_in_no_words_says_something_else():
    (label,) = labels([told(0, description=None)])
    assert "Something else" in label


def test_dont_send_on_a_send_card_saved_before_the_fix_goes_back_to_the_draft():
    w = at_a_send_card_saved_before_the_partner_was_recorded()
    outcome = w.press("cancel")
    assert shared(outcome) == [] and w.step == rf.DRAFT
