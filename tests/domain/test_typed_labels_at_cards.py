"""From a tester's walk: a button's own label typed instead of tapped is that button, at every
card (the offer's no, a pattern, "Family" at who); "nah just venting" at the offer is its no;
more told at the offer is not answered word for word the same twice in a row; the next card's
words at the needs are not kept as a need; "done" after a reframe says why the word typed is
not a feeling, rather than "write one" to someone who just did."""

from __future__ import annotations

import pytest

from bot.domain import repair_flow as rf
from bot.domain.moments import BY_ME, OTHER_PATTERN, TO_ME, UNSAFE, SaveMoment
from tests.domain.test_repair_flow import C, Walk, options

TOLD = "He looked at his phone all through dinner."


def at_offer() -> Walk:
    w = Walk()
    w.outcome = rf.REPAIR.offer(w.ctx, "m1", TOLD)
    assert w.outcome.state is not None
    w.state = w.outcome.state
    return w


def at_patterns(direction: str) -> Walk:
    w = Walk()
    for option in (direction, "partner"):
        w.press(option)
    w.type("Sam")
    assert w.step == rf.PAT
    return w


def at_needs(direction: str = TO_ME) -> Walk:
    w = Walk()
    for option in (direction, "partner", "skip", "p.phone", "skip", "4", "t.hurt", "done"):
        w.press(option)
    assert w.step == rf.NEED
    return w


# ------------------------------------------------------------------ 1. the offer


@pytest.mark.parametrize(
    "said",
    [
        "No, I just needed to say it",
        "no i just needed to say it",
        "nah just venting",
        "no i just needed to vent",
        "no thanks just wanted to get it off my chest",
        "Nope, just needed to get it out",
    ],
)
def test_a_no_about_just_saying_it_at_the_offer_is_its_no(said: str):
    w = at_offer()
    (reply,) = w.type(said).replies
    assert reply.text == C.text("moment.offer_declined") and not reply.edit
    assert w.state.data.get(rf.DECLINED)
    assert w.moment.description == TOLD  # nothing of the no kept as the story


@pytest.mark.parametrize("said", ["Yes, let's look", "yes lets look"])
def test_the_yes_label_typed_at_the_offer_is_its_yes(said: str):
    w = at_offer()
    w.type(said)
    assert w.step == rf.DIR and w.moment.description == TOLD


@pytest.mark.parametrize(
    "said",
    [
        "no and then he laughed at me",
        "nah he said it was nothing",
        "no, he was venting at me all night",  # venting, but his: the story goes on
        "nah she just wanted to say she was leaving",
        "no he wanted to tell me off in front of everyone",
    ],
)
def test_a_no_that_goes_on_with_the_story_is_still_the_story(said: str):
    w = at_offer()
    (reply,) = w.type(said).replies
    assert not w.state.data.get(rf.DECLINED)
    assert w.moment.description == f"{TOLD}\n{said}"
    assert options(reply) == ["yes", "no"]


def test_more_told_at_the_offer_is_not_answered_word_for_word_the_same_twice_in_a_row():
    w = at_offer()
    said = [w.type(more).replies[-1].text for more in ("and he laughed", "then he left", "ugh")]
    assert said[0] == C.text("moment.offer_more")
    assert said[0] != said[1] and said[1] != said[2]
    assert w.moment.description == f"{TOLD}\nand he laughed\nthen he left\nugh"
    assert options(w.outcome.replies[-1]) == ["yes", "no"]


# ------------------------------------------------------------------ every card: its labels


@pytest.mark.parametrize(("label", "who"), [("Family", "family"), ("Someone else", "other")])
def test_a_who_label_typed_is_that_button(label: str, who: str):
    w = Walk()
    w.press(TO_ME)
    w.type(label)
    assert (w.step, w.moment.who, w.moment.who_name) == (rf.NAME, who, None)


def test_paging_and_words_labels_typed_are_those_buttons():
    w = at_patterns(TO_ME)
    w.type(C.text("moment.more"))
    assert w.step == rf.PAT and w.state.data.get("page") == 1 and w.moment.pattern is None
    w = Walk()
    for option in (TO_ME, "partner", "skip", "p.phone", "skip", "4"):
        w.press(option)
    w.type(C.text("moment.feelings_words"))
    assert w.step == rf.WORDS


def test_the_type_a_time_label_typed_asks_for_the_time():
    w = at_needs()
    w.press("t.attention")
    w.press("done")
    w.press("later")
    w.type(C.text("moment.when_type"))
    assert w.step == rf.WHEN_AT


# ------------------------------------------------------------------ 2. the patterns


@pytest.mark.parametrize(
    ("direction", "said", "key"),
    [
        (BY_ME, "I forgot to follow up", "follow_up"),  # in the catalogue, not on the card
        (BY_ME, "my sarcasm stung", "sarcasm"),  # on the card
        (BY_ME, "i forgot their birthday!", "birthday"),
        (TO_ME, "a forgotten follow-up", "follow_up"),
        (TO_ME, "Sarcasm that stung", "sarcasm"),
    ],
)
def test_a_pattern_label_typed_chooses_that_pattern(direction: str, said: str, key: str):
    w = at_patterns(direction)
    (reply,) = w.type(said).replies
    assert (w.step, w.moment.pattern) == (rf.CAM, key)
    assert w.moment.description is None  # not kept as their own words for "Something else"
    label = C.text(f"patterns.{key}.label{'_by_me' if direction == BY_ME else ''}")
    assert reply.text.startswith(label) and not reply.edit


def test_own_words_at_the_patterns_are_still_something_else():
    w = at_patterns(BY_ME)
    w.type("I forgot to call her back after her exam")
    assert (w.step, w.moment.pattern) == (rf.CAM, OTHER_PATTERN)


# ------------------------------------------------------------------ 3. the needs


@pytest.mark.parametrize("said", ["say something now", "Talk about it later", "that works"])
def test_the_next_cards_words_at_the_needs_are_done_not_a_need(said: str):
    w = at_needs()
    w.press("t.attention")
    w.type(said)
    assert w.step == rf.PATH
    assert w.moment.needs == ("attention",) and w.moment.needs_text is None


@pytest.mark.parametrize("said", ["say something now", "that works"])
def test_the_next_cards_words_with_no_need_yet_ask_again(said: str):
    w = at_needs()
    (reply,) = w.type(said).replies
    assert w.step == rf.NEED and w.moment.needs == () and w.moment.needs_text is None
    assert reply.text == C.text("moment.needs_needed")


@pytest.mark.parametrize("needs", [(), ("t.attention",)])
def test_it_doesnt_feel_safe_typed_at_the_needs_is_that_path_whatever_the_needs(
    needs: tuple[str, ...],
):
    """Never lost to "pick at least one need", nor asked to be chosen again."""
    w = at_needs()
    for need in needs:
        w.press(need)
    outcome = w.type("It doesn't feel safe to raise")
    assert outcome.state is None  # set aside with care, no coaching
    (saved,) = [e.moment for e in outcome.effects if isinstance(e, SaveMoment)]
    assert saved.path == UNSAFE


# ------------------------------------------------------------------ 4. the reframe


@pytest.mark.parametrize(
    ("direction", "said"), [(BY_ME, "he felt ignored by me"), (TO_ME, "ignored")]
)
def test_done_after_a_reframe_says_why_the_typed_word_is_not_a_feeling(direction: str, said: str):
    w = Walk()
    for option in (direction, "partner", "skip", "p.phone", "skip", "4"):
        w.press(option)
    w.type(said)
    assert w.step == rf.REFRAME
    (reply,) = w.type("done").replies
    assert reply.text != C.text("moment.feelings_needed")
    assert '"Ignored"' in reply.text
    assert "lonely" in [b.label for row in reply.buttons for b in row]
    w.press("t.lonely")
    w.type("done")
    assert w.step == rf.NEED and w.moment.feelings == ("lonely",)
