"""What a person guessed, in an apology: a tester who thought she hurt a friend typed "she'd be
hurt i guess, maybe a bit forgotten" and the draft said "I imagine you felt you'd be hurt
maybe"; "he'd feel like i don't care" became "You may have felt you'd feel like I don't care".
Typed "idk" for how they felt, the draft said "I imagine you felt unsettled", a word nobody
chose. And what they deserved read clumsily: "you deserved for me to listen to you", "you
deserved your birthday to matter to me", "you deserved to feel wanted and some warmth".
("You deserved for me to listen" is still said: tests/domain/test_drafts.py and
test_draft_no_doubles.py expect it as it is.)

A guess is said as the feeling guessed (its "she'd be", "he might feel" left out), else shown
beside the draft; no feeling given, no feeling said; what they deserved reads as English."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from bot.content import catalogue
from bot.domain.drafts import MAX_DRAFT, STYLES, build_draft, own_words_note, sayable
from bot.domain.moments import BY_ME, OTHER_PATTERN, TO_ME, Moment

C = catalogue("en")
NOW = datetime(2026, 3, 1, tzinfo=UTC)
FEEL, NEED = "feel", "need"


def apology(
    feelings_text: str | None = None,
    needs_text: str | None = None,
    feelings: tuple[str, ...] = (),
    needs: tuple[str, ...] = ("appreciated",),
    pattern: str = "birthday",
) -> Moment:
    return Moment(
        "m",
        NOW,
        direction=BY_ME,
        who="friend",
        who_name="Priya",
        pattern=pattern,
        feelings=feelings,
        feelings_text=feelings_text,
        needs=needs,
        needs_text=needs_text,
    )


# The words after "you felt" (each by_me frame), up to where "you deserved" begins.
_FELT = re.compile(
    r"(?:imagine you felt|might have felt|may have felt) (.*?)(?:, and|;) you deserved"
)
_DESERVED = re.compile(r"[yY]ou deserved (.*?)\. ")


def felt(draft: str) -> str:
    match = _FELT.search(draft)
    assert match, draft
    return match.group(1)


def deserved(draft: str) -> str:
    match = _DESERVED.search(draft)
    assert match, draft
    return match.group(1)


# ---------------------------------------------------------------- 1. a guess, said as one

GUESSES = [
    ("she'd be hurt i guess, maybe a bit forgotten", ("hurt", "forgotten")),
    ("she'd be hurt i guess, maybe", ("hurt",)),  # as the flow keeps it ("forgotten" looked at)
    ("she'd be hurt", ("hurt",)),
    ("he'd feel like i don't care", ("like I don't care",)),
    ("she might feel forgotten", ("forgotten",)),
    ("probably hurt", ("hurt",)),
    ("she would be upset", ("upset",)),
    ("he'll feel let down", ("let down",)),
    ("they might have been hurt", ("hurt",)),
    ("she must be really sad", ("really sad",)),
    ("he'd probably feel embarrassed", ("embarrassed",)),
]


@pytest.mark.parametrize(("typed", "words"), GUESSES)
@pytest.mark.parametrize("style", STYLES)
def test_a_guessed_feeling_is_said_as_the_feeling_not_as_the_guess(
    typed: str, words: tuple[str, ...], style: str
):
    moment = apology(typed)
    draft = build_draft(moment, C, style)
    said = felt(draft)
    for word in words:
        assert word in said, draft
    # Never the guess itself said to them: "you felt you'd be", "you felt you'd feel", "maybe".
    assert not re.match(r"you(?:'d|'ll)?\s", said), draft
    assert not re.search(r"\b(?:would|might|must|will|maybe|be|feel)\b", said), draft
    assert own_words_note(moment, C) == "", own_words_note(moment, C)


def test_the_testers_guess_reads_as_hurt_and_a_bit_forgotten():
    draft = build_draft(apology("she'd be hurt i guess, maybe a bit forgotten"), C)
    assert "I imagine you felt hurt and a bit forgotten, and you deserved" in draft, draft


@pytest.mark.parametrize(
    "typed", ["she'd be hurt i guess, maybe", "she'd be hurt", "probably hurt", "she might be hurt"]
)
def test_a_guess_of_the_tapped_feeling_is_said_once(typed: str):
    draft = build_draft(apology(typed, feelings=("hurt",)), C)
    assert felt(draft) == C.text("feelings.hurt"), draft


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("she'd be hurt", "hurt"),
        ("he'd feel like i don't care", "like I don't care"),
        ("she might feel forgotten", "forgotten"),
        ("she may be feeling left out", "left out"),
        ("she'd have felt let down", "let down"),
    ],
)
def test_a_guess_is_made_sayable_in_an_apology(typed: str, said: str):
    assert sayable(typed, FEEL, BY_ME, C, "friend") == said


@pytest.mark.parametrize("typed", ["i might be overreacting", "i would be fine"])
def test_happened_to_me_a_guess_about_myself_is_still_not_said_as_a_feeling(typed: str):
    # "I felt overreacting" is not a feeling: the modal leads are for guessing about them.
    said = sayable(typed, FEEL, TO_ME, C, "friend")
    assert not said or not said.startswith(("overreacting", "fine")), said


# ---------------------------------------------------------------- 2. nothing given, nothing said


@pytest.mark.parametrize("typed", ["idk", "i dunno", "no idea", None])
@pytest.mark.parametrize("pattern", ["birthday", OTHER_PATTERN])
@pytest.mark.parametrize("style", STYLES)
def test_no_feeling_given_the_apology_names_none(typed: str | None, pattern: str, style: str):
    draft = build_draft(apology(typed, pattern=pattern), C, style)
    assert C.text("drafts.parts.fallback_feeling") not in draft, draft
    assert not re.search(r"\bfelt\b", draft), draft  # no feeling guessed for them
    # What they deserved is still said, as a sentence of its own.
    assert re.search(r"(?:^|[.?!] )You deserved to feel appreciated\. ", draft), draft
    assert "  " not in draft and ". ." not in draft and ";" not in draft, draft
    assert own_words_note(apology(typed, pattern=pattern), C) == ""


def test_a_feeling_given_is_still_said_in_every_apology_frame():
    for pattern in ("birthday", OTHER_PATTERN):
        for style in STYLES:
            draft = build_draft(apology(feelings=("hurt",), pattern=pattern), C, style)
            assert felt(draft) == C.text("feelings.hurt"), draft


def test_typed_words_that_cannot_be_said_still_give_the_plain_feeling_and_a_note():
    typed = "why would she even care?"
    moment = apology(typed)
    assert felt(build_draft(moment, C)) == C.text("drafts.parts.typed_feeling_by_me")
    assert typed in own_words_note(moment, C)


# ---------------------------------------------------------------- 3. what they deserved


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("her birthday to matter to me", ("your birthday matter to me",)),
        ("he needed to feel wanted i guess, and some warmth", ("some warmth", "to feel wanted")),
        ("to feel wanted, and some warmth", ("some warmth", "to feel wanted")),
        ("to feel wanted and some warmth", ("some warmth", "to feel wanted")),
        ("she needed to feel safe and a bit more heard", ("to feel safe and a bit more heard",)),
        ("to feel heard, and respected", ("to feel heard",)),
    ],
)
@pytest.mark.parametrize("style", STYLES)
def test_what_they_deserved_reads_as_english(typed: str, words: tuple[str, ...], style: str):
    moment = apology(needs_text=typed, feelings=("hurt",), needs=())
    draft = build_draft(moment, C, style)
    said = deserved(draft)
    for word in words:
        assert word in said, draft
    assert not said.startswith("your "), draft  # "you deserved your birthday to matter"
    # A thing never hangs off a "to ..." by a bare "and" ("to feel wanted and some warmth").
    # ("a bit more heard" says how much: it is still part of the "to feel ...".)
    assert not re.search(r"\bto \w+(?: \w+)? and (?:some|a|an)\b(?! bit| little| lot)", said)
    assert len(draft) < MAX_DRAFT
    assert own_words_note(moment, C) == ""


def test_the_testers_needs_read_naturally():
    def said(typed: str) -> str:
        return deserved(build_draft(apology(needs_text=typed, needs=()), C))

    assert said("her birthday to matter to me") == "to have your birthday matter to me"
    assert said("he needed to feel wanted i guess, and some warmth") == (
        "some warmth, and to feel wanted"
    )


@pytest.mark.parametrize(
    "typed", ["some space to breathe", "a chance to explain", "your chance to be heard"]
)
def test_a_thing_with_a_purpose_is_kept_as_a_thing(typed: str):
    said = deserved(build_draft(apology(needs_text=typed, needs=()), C))
    assert "to have" not in said and said.endswith(typed.split()[-1]), said


def test_happened_to_me_needs_still_follow_i_needed_as_before():
    moment = apology(needs_text="for him to listen to me", needs=()).update(direction=TO_ME)
    assert "I needed for you to listen to me" in build_draft(moment, C, "shorter")


def test_a_long_mix_of_needs_stays_under_the_limit():
    typed = "he needed to feel wanted i guess, and some warmth"
    for style in STYLES:
        moment = apology(
            "she'd be hurt i guess, maybe a bit forgotten",
            typed,
            feelings=("hurt", "lonely"),
            needs=("appreciated", "closeness"),
        ).update(who_name="Priya Ramaswamy-Lindqvist")
        assert len(build_draft(moment, C, style)) < MAX_DRAFT


@pytest.mark.parametrize(
    "typed",
    [
        "she might have felt invisible, which is fair",
        "she'd be hurt, like i didn't care",
        "she'd be hurt, i would be too",
    ],
)
def test_a_remark_after_a_comma_keeps_its_comma_never_joined_as_a_feeling(typed: str):
    """Only parts that are feelings on their own are joined with "and" ("hurt and a bit
    forgotten"); "and which is fair" says something nobody said."""
    said = sayable(typed, FEEL, BY_ME, C, "friend")
    assert said is None or (" and which" not in said and " and like" not in said)
    assert said is None or " and I would" not in said


def test_getting_over_it_is_no_feeling():
    assert sayable("he'll get over it", FEEL, BY_ME, C, "friend") != "over it"
