"""One partner check for every send card (a repair's draft and a /thanks): after an unlink or
a relink it sends nothing and both say so in the same words; a card kept from before cards
recorded their partner is asked again the same way. And one rule for words typed in place of
a button (small_talk.named)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.content import Catalogue
from bot.domain import couples, small_talk
from bot.domain import repair_flow as rf
from bot.domain.flow import ButtonInput, FlowState, Outcome, Partner
from bot.domain.replies import Reply
from tests.domain.test_couple_fixes import ana, offered_to_ben
from tests.domain.test_repair_flow import BEN, C, to_the_draft

CY = Partner(9, "Cy", True, -7)
LINKED_TO_BEN = replace(BEN, space_chat=-5)


def shared(outcome: Outcome) -> list[couples.ShareText]:
    return [e for e in outcome.effects if isinstance(e, couples.ShareText)]


def first_part(reply: Reply) -> str:
    """The words a refusal opens with, before the card shown after them."""
    return reply.text.split("\n\n")[0]


def repair_press(option: str, now: Partner | None, *, legacy: bool = False) -> Outcome:
    """`option` pressed on a repair draft's send card shown while linked with Ben."""
    w = to_the_draft("partner", "Ben")
    w.ctx = replace(w.ctx, partner=LINKED_TO_BEN)
    w.press("send")
    assert w.step == rf.SENDTO
    if legacy:  # saved before cards recorded whom they were for
        data = {k: v for k, v in w.state.data.items() if k != couples.SEND_TO}
        w.state = FlowState(w.state.flow, w.state.step, data)
    w.ctx = replace(w.ctx, partner=now)
    return w.press(option)


def thanks_press(option: str, now: Partner | None, *, legacy: bool = False) -> Outcome:
    """`option` pressed on a /thanks send card shown while linked with Ben."""
    state = offered_to_ben()
    if legacy:
        state = FlowState(state.flow, state.step, {"text": state.data["text"]})
    return couples.THANKS.handle(state, ButtonInput(option), ana(now))


@pytest.mark.parametrize("option", couples.SENDING)
@pytest.mark.parametrize(
    ("now", "key"), [(CY, "send.link_changed"), (None, "send.link_ended")], ids=["relink", "unlink"]
)
def test_both_send_cards_refuse_a_changed_link_in_the_same_words(
    option: str, now: Partner | None, key: str
):
    repair, thanks = repair_press(option, now), thanks_press(option, now)
    assert shared(repair) == [] and shared(thanks) == []
    said = {first_part(repair.replies[0]), first_part(thanks.replies[0])}
    assert said == {C.text(key)}
    for outcome in (repair, thanks):  # nothing offered to the new partner either
        assert all(option not in rf_options(r) for r in outcome.replies)
        assert all("Cy" not in r.text for r in outcome.replies)


@pytest.mark.parametrize("option", couples.SENDING)
def test_both_send_cards_kept_from_before_ask_again_in_the_same_words(option: str):
    repair = repair_press(option, LINKED_TO_BEN, legacy=True)
    thanks = thanks_press(option, LINKED_TO_BEN, legacy=True)
    assert shared(repair) == [] and shared(thanks) == []
    said = {first_part(repair.replies[0]), first_part(thanks.replies[0])}
    assert said == {C.text(couples.CHECK_AGAIN)}
    for outcome in (repair, thanks):  # the card again, naming Ben, ready to send
        (card,) = outcome.replies
        assert "Ben" in card.text and option in rf_options(card)


def test_a_card_check_sends_only_to_the_partner_it_was_shown_for():
    assert couples.card_check(BEN.user_id, BEN) is None
    assert couples.card_check(BEN.user_id, CY) == couples.LINK_CHANGED
    assert couples.card_check(BEN.user_id, None) == couples.LINK_ENDED
    assert couples.card_check(None, CY) == couples.CHECK_AGAIN
    assert couples.card_check(None, None) == couples.LINK_ENDED


def rf_options(reply: Reply) -> list[str]:
    return [b.option for row in reply.buttons for b in row]


# ------------------------------------------------------------------ small_talk.named

WORDS = Catalogue(
    "xx",
    {
        "later.typed": ["not now", "some other time"],
        "ignore": ["it", "about"],
    },
    None,
)
LATER = small_talk.Named("later", ("Talk about it later",), ("later.typed",))
NOW_ = small_talk.Named("now", ("Talk now!",), ("now.typed",))  # no list: only its label


def test_a_button_is_named_by_its_whole_label_or_a_listed_phrase():
    assert small_talk.named("talk about it LATER.", [LATER, NOW_], WORDS) == ["later"]
    assert small_talk.named("Not now 🙂", [LATER, NOW_], WORDS) == ["later"]
    assert small_talk.named("talk now", [LATER, NOW_], WORDS) == ["now"]
    assert small_talk.named("later", [LATER, NOW_], WORDS) == []  # part of a label: not whole
    assert small_talk.named("👍", [LATER, NOW_], WORDS) == []
    both = small_talk.Named("both", ("Not now",))
    assert small_talk.named("not now", [both, LATER], WORDS) == ["both", "later"]  # in order


def test_with_in_label_words_within_a_label_name_it_but_filler_alone_does_not():
    ignore = WORDS.raw("ignore")
    assert small_talk.named("later", [LATER, NOW_], WORDS, in_label=ignore) == ["later"]
    assert small_talk.named("talk", [LATER, NOW_], WORDS, in_label=ignore) == ["later", "now"]
    assert small_talk.named("about it", [LATER, NOW_], WORDS, in_label=ignore) == []
    assert small_talk.named("later today", [LATER], WORDS, in_label=ignore) == []
    assert small_talk.named("some other time", [LATER], WORDS, in_label=ignore) == ["later"]


def test_a_card_shown_for_someone_who_erased_everything_never_sends_to_anyone():
    data = {"m": {"who_name": "Ben"}, couples.SEND_TO: BEN.user_id, "held": {"to": BEN.user_id}}
    forgotten = couples.forget_card_target(data, BEN.user_id)
    assert forgotten["m"] == data["m"]  # the person's own words stay
    assert BEN.user_id not in (forgotten[couples.SEND_TO], forgotten["held"]["to"])
    assert couples.forget_card_target(data, CY.user_id) == data  # another's card: untouched
    for partner in (BEN, CY, LINKED_TO_BEN):
        assert couples.card_check(forgotten[couples.SEND_TO], partner) is not None
