"""Slang and imperfect English read as meant: "me" at "Which is it?" is asked again; "ya",
"yh", "yes pls" are a yes; "idk" at the offer is not more of the story; "dont wanna say" who
is no story; "all good fr" at the evening card is all good; "hurt ig" is "hurt"; "I want say
something now" is the button; "ok", "👍" at the draft are "That works"; "forgot" at the
pattern card offers the forgotten patterns."""

from __future__ import annotations

import pytest

from bot.content import catalogue
from bot.domain import pattern_cues, prompts, small_talk
from bot.domain import repair_flow as rf
from bot.domain.flow import ButtonInput, TextInput
from bot.domain.moments import BY_ME, TO_ME
from bot.domain.naming import without_end_fillers
from bot.domain.onboarding import CONFIRM, EVENING, ONBOARDING, ZONE, confirms
from bot.domain.profile import SetTimezone
from tests.domain.test_onboarding import at, ctx
from tests.domain.test_repair_flow import Walk, options, to_feelings, to_needs

C = catalogue("en")

# ------------------------------------------------------------------ 1. the direction


@pytest.mark.parametrize("typed", ["me", "Me.", "i hurt", "me hurt"])
def test_a_bare_me_or_i_hurt_is_asked_again(typed: str):
    assert rf.typed_direction(typed, C) is None
    w = Walk()
    (reply,) = w.type(typed).replies
    assert w.step == rf.DIR and w.moment.direction is None
    assert reply.text == C.text("moment.ask_direction_again")


@pytest.mark.parametrize(
    ("typed", "direction"),
    [("to me", TO_ME), ("he did", TO_ME), ("i got hurt", TO_ME), ("i hurt him", BY_ME)],
)
def test_what_says_which_is_still_read(typed: str, direction: str):
    assert rf.typed_direction(typed, C) == direction


# ------------------------------------------------------------------ 2. yes, typed


@pytest.mark.parametrize("typed", ["ya", "yh", "ye", "yea lets", "yes pls", "sí", "correct"])
def test_slang_yes_is_a_yes(typed: str):
    assert small_talk.yes_or_no(typed, C) == "yes"


@pytest.mark.parametrize("typed", ["ya", "yh", "ye", "yea lets", "yes pls"])
def test_slang_yes_at_the_offer_looks_at_it(typed: str):
    w = Walk()
    w.state = rf.REPAIR.offer(w.ctx, "m1", "he was so dismissive").state  # type: ignore[assignment]
    w.type(typed)
    assert w.step == rf.DIR and w.moment.description == "he was so dismissive"


@pytest.mark.parametrize("typed", ["idk", "i dunno lol", "not sure tbh", "ykwim", "fr"])
def test_idk_or_ykwim_at_the_offer_is_not_more_of_the_story(typed: str):
    w = Walk()
    w.state = rf.REPAIR.offer(w.ctx, "m1", "he was so dismissive").state  # type: ignore[assignment]
    (reply,) = w.type(typed).replies
    assert w.step == rf.OFFER and w.moment.description == "he was so dismissive"
    assert reply.text != C.text("moment.offer_more")
    if typed.startswith(("idk", "i dunno", "not sure")):
        assert reply.text == C.text("moment.offer_unsure")
    assert options(reply) == ["yes", "no"]


def test_more_of_the_story_after_idk_is_still_kept():
    w = Walk()
    w.state = rf.REPAIR.offer(w.ctx, "m1", "he was so dismissive").state  # type: ignore[assignment]
    w.type("idk he just left")
    assert "he just left" in (w.moment.description or "")


@pytest.mark.parametrize("typed", ["ya", "yh", "ye", "ok", "correct", "👍", "👍🏽", "sí", "yes"])
def test_slang_yes_at_the_time_zone_confirmation_is_its_yes(typed: str):
    outcome = ONBOARDING.handle(at(CONFIRM, zone="Europe/London"), TextInput(typed), ctx())
    assert outcome.state is not None and outcome.state.step == EVENING
    assert SetTimezone("Europe/London") in outcome.effects


@pytest.mark.parametrize("typed", ["ok?", "🙁", "paris"])
def test_what_is_no_yes_is_not_taken_for_one(typed: str):
    assert not confirms(typed, C)


@pytest.mark.parametrize("step", [ZONE, CONFIRM])
def test_a_story_at_the_time_zone_is_heard_kindly_for_later(step: str):
    state = at(step, zone="Europe/London") if step == CONFIRM else at(step)
    outcome = ONBOARDING.handle(state, TextInput("ngl he was so dismissive fr"), ctx())
    (reply,) = outcome.replies
    assert reply.text == C.text("onboarding.timezone_story")
    assert "couldn't place" not in reply.text and outcome.effects == ()
    assert outcome.state == state.with_data(story="ngl he was so dismissive fr")  # kept for later


# ------------------------------------------------------------------ 3. who, not said


@pytest.mark.parametrize(
    "typed", ["dont wanna say", "rather not say", "prefer not to say", "none of your business"]
)
def test_not_saying_who_skips_the_name_and_is_no_story(typed: str):
    w = Walk()
    w.press(TO_ME)
    (reply,) = w.type(typed).replies
    assert w.step == rf.PAT
    assert (w.moment.who, w.moment.who_name, w.moment.description) == ("other", None, None)
    assert reply.text.startswith(C.text("moment.who_declined"))


def test_dont_wanna_say_at_the_name_gives_no_name():
    w = Walk()
    w.press(TO_ME)
    w.press("partner")
    w.type("dont wanna say")
    assert w.step == rf.PAT and w.moment.who_name is None


# ------------------------------------------------------------------ 4. the evening card


@pytest.mark.parametrize(
    "typed", ["all good fr", "nothing rly", "is ok", "today was not so bad", "all good"]
)
def test_everyday_words_at_the_evening_card_are_all_good(typed: str):
    choice = prompts.typed_choice(typed, prompts.EVENING_CARD, prompts.EVENING_CHOICES, C)
    assert choice == "all_good"


# ------------------------------------------------------------------ 5. fillers in feelings


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("hurt ig", "hurt"),
        ("tbh just tired lol", "just tired"),
        ("so lonely, i guess", "so lonely"),
        ("kinda sad fr", "sad"),
        ("idk", "idk"),  # all of it: what they said
        ("ignored", "ignored"),
    ],
)
def test_fillers_at_the_ends_are_left_out(typed: str, kept: str):
    assert without_end_fillers(typed, C) == kept


def test_hurt_ig_is_the_feeling_hurt_not_their_own_words():
    w = to_feelings()
    w.type("hurt ig")
    assert w.moment.feelings == ("hurt",) and w.moment.feelings_text is None


def test_a_need_with_a_filler_keeps_the_need_without_it():
    w = to_feelings()
    w.press("t.hurt")
    w.press("done")
    assert w.step == rf.NEED
    w.type("a hug and some quiet tbh")
    assert w.moment.needs_text == "a hug and some quiet"


# ------------------------------------------------------------------ 6. the path and the draft


@pytest.mark.parametrize(
    "typed", ["I want say something now", "say smth now i guess", "i wanna say something now"]
)
def test_the_path_in_everyday_words_is_the_button(typed: str):
    w = to_needs(Walk())
    w.type(typed)
    assert (w.step, w.moment.path) == (rf.DRAFT, "now")


def _at_the_draft() -> Walk:
    w = to_needs(Walk())
    w.press("now")
    assert w.step == rf.DRAFT
    return w


@pytest.mark.parametrize(
    "typed", ["ok", "fine", "👍", "perfect", "is good, thank you", "ok thanks", "good 👍"]
)
def test_a_plain_approval_at_the_draft_is_that_works(typed: str):
    w = _at_the_draft()
    outcome = w.type(typed)
    assert outcome.state is None or outcome.state.step != rf.DRAFT
    saved = [e.moment for e in outcome.effects if hasattr(e, "moment")]
    assert saved and saved[-1].status == "drafted"


@pytest.mark.parametrize("typed", ["😔", "❤️‍🩹", "😭😭"])
def test_emoji_at_the_draft_are_never_their_own_words(typed: str):
    w = _at_the_draft()
    (reply,) = w.type(typed).replies
    assert w.step == rf.DRAFT and "typed" not in w.state.data
    assert reply.text != C.text("moment.own_typed")


def test_their_own_words_at_the_draft_are_still_asked_about():
    w = _at_the_draft()
    (reply,) = w.type("I was hurt when you picked up your phone").replies
    assert reply.text == C.text("moment.own_typed")


# ------------------------------------------------------------------ 7. "forgot" at the pattern card


@pytest.mark.parametrize("typed", ["forgot", "he forgets", "forgotten", "she forgot again"])
def test_forgot_at_the_pattern_card_offers_the_forgotten_patterns(typed: str):
    assert pattern_cues.typed_at_the_card(typed, C) == ["follow_up", "birthday"]
    w = Walk(description="he said he'd pick up my mum")
    w.press(TO_ME)
    w.press("partner")
    w.press("skip")
    (reply,) = w.type(typed).replies
    assert w.step == rf.PAT and w.moment.pattern is None
    assert options(reply)[:2] == ["p.follow_up", "p.birthday"]
    assert reply.text == C.text("moment.pattern_typed_cued")
    w.press("p.birthday")
    assert w.step == rf.CAM and w.moment.pattern == "birthday"
    assert rf.TYPED_CUED not in w.state.data or not w.state.data[rf.TYPED_CUED]


def test_forgot_typed_twice_is_their_own_words():
    w = Walk()
    w.press(TO_ME)
    w.press("partner")
    w.press("skip")
    w.type("forgot")
    w.type("forgot")
    assert w.moment.pattern == "other" and w.moment.description == "forgot"


def test_a_story_with_forgets_to_ask_names_the_follow_up():
    assert pattern_cues.suggested("he always forgets to ask about my day", C) == ["follow_up"]


def test_the_button_still_works_after_typed_words_at_the_card():
    w = Walk()
    w.press(TO_ME)
    w.press("partner")
    w.press("skip")
    w.type("forgot")
    w(ButtonInput("else"))
    assert w.step == rf.DESC
