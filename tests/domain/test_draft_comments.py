"""A comment typed at the draft card ("that sounds like a robot", "too formal", "way too harsh")
was asked about as the person's own version of the repair ("Should I keep these as your own
words?"). A short comment about the draft is read: too long is Shorter, too harsh is Softer,
and "not me" gets a warm word that a draft is only a start, with the draft's buttons again.
Their own version, however short, is still asked about as theirs.

And a "something happened to me" draft with no feeling chosen or typed said "I felt
unsettled", a feeling nobody gave: it now leaves the feeling out, in every style."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from bot.content import catalogue
from bot.domain import repair_flow as rf
from bot.domain.drafts import STYLES, build_draft
from bot.domain.flow import Outcome
from bot.domain.moments import OTHER_PATTERN, TO_ME, Moment
from bot.domain.replies import Reply
from tests.domain.test_repair_flow import Walk, options, to_needs

C = catalogue("en")
NOW = datetime(2026, 3, 1, tzinfo=UTC)


def at_the_draft(style: str | None = None) -> Walk:
    w = to_needs(Walk())
    w.press("now")
    if style is not None:
        w.press(style)
    assert w.step == rf.DRAFT
    return w


def only_reply(outcome: Outcome) -> Reply:
    (reply,) = outcome.replies
    return reply


def asked_as_their_own(reply: Reply) -> bool:
    return reply.text == C.text("moment.own_typed") and options(reply) == [
        "keeptyped",
        "draftagain",
    ]


# ------------------------------------------------------------------ too long: Shorter


@pytest.mark.parametrize(
    "typed",
    [
        "too long",
        "way too long",
        "that's way too long lol",
        "hmm it's a bit long",
        "too wordy",
        "bit wordy tbh",
        "that's an essay",
        "too many words",
        "it's long",
        "Too long!",
        "yeah too long tbh",
        "is it too long?",
    ],
)
def test_a_comment_that_it_is_too_long_is_shorter(typed: str):
    w = at_the_draft()
    reply = only_reply(w.type(typed))
    assert w.step == rf.DRAFT and w.moment.draft_style == "shorter"
    assert w.moment.draft == build_draft(w.moment, C, "shorter")
    assert reply.copyable == w.moment.draft and not reply.edit
    assert not asked_as_their_own(reply) and "typed" not in w.state.data


# ------------------------------------------------------------------ too harsh: Softer


@pytest.mark.parametrize(
    "typed",
    [
        "way too harsh",
        "it's a bit much",
        "that's a bit much",
        "too blunt",
        "sounds too direct",
        "a bit aggressive",
        "that sounds kinda harsh",
        "feels a little cold",
        "too intense tbh",
        "hmm sounds a bit accusing",
        "too strong",
        "ok but it's a bit much",
        "is that too harsh?",
    ],
)
def test_a_comment_that_it_is_too_harsh_is_softer(typed: str):
    w = at_the_draft()
    reply = only_reply(w.type(typed))
    assert w.step == rf.DRAFT and w.moment.draft_style == "softer"
    assert w.moment.draft == build_draft(w.moment, C, "softer")
    assert reply.copyable == w.moment.draft and not reply.edit
    assert not asked_as_their_own(reply) and "typed" not in w.state.data


def test_still_too_long_at_the_shorter_version_says_it_is_already_the_shorter_one():
    w = at_the_draft("shorter")
    draft = w.moment.draft
    reply = only_reply(w.type("still way too long"))
    assert reply.text == C.text("moment.already_shorter") and not reply.edit
    assert w.moment.draft == draft and w.moment.draft_style == "shorter"


def test_still_too_harsh_at_the_softer_version_says_it_is_already_the_softer_one():
    w = at_the_draft("softer")
    draft = w.moment.draft
    reply = only_reply(w.type("hmm still a bit much"))
    assert reply.text == C.text("moment.already_softer")
    assert w.moment.draft == draft and w.moment.draft_style == "softer"


# ------------------------------------------------------------------ not me: a warm word


NOT_ME = [
    "that sounds like a robot",
    "too formal",
    "that's not how I talk",
    "hmm bit cheesy",
    "i would never say that",
    "sounds fake",
    "sounds robotic",
    "kinda stiff",
    "that's cringe",
    "its a bit weird",
    "i don't like it",
    "dont like it tbh",
    "not me at all",
    "that's not really me",
    "sounds like chatgpt lol",
    "ugh so cheesy",
    "too formal and too long",  # two things: the choices, not a guess
    "Too cheesy.",
    "nah too formal",
    "no that's not how i talk lol",
]


@pytest.mark.parametrize("typed", NOT_ME)
def test_a_comment_that_it_is_not_them_gets_a_warm_word_and_the_draft_buttons(typed: str):
    w = at_the_draft()
    card = rf.REPAIR.prompt(w.state, w.ctx)
    draft, style = w.moment.draft, w.moment.draft_style
    reply = only_reply(w.type(typed))
    assert reply.text.startswith(C.text("moment.draft_comment.reply")), reply.text
    assert not asked_as_their_own(reply) and "typed" not in w.state.data
    # The draft card's own buttons again, the draft with them, nothing changed.
    assert reply.buttons == card.buttons and options(reply)
    assert {"softer", "shorter", "own", "use"} <= set(options(reply))
    assert reply.copyable == draft and not reply.edit
    assert w.step == rf.DRAFT and (w.moment.draft, w.moment.draft_style) == (draft, style)


def test_the_warm_word_says_it_is_only_a_start_and_is_short():
    said = C.text("moment.draft_comment.reply")
    assert "start" in said.lower() and len(said) < 300
    assert said != C.text("moment.own_typed")


def test_after_the_warm_word_the_buttons_still_work():
    w = at_the_draft()
    w.type("sounds like a robot")
    w.press("softer")
    assert w.moment.draft_style == "softer"
    assert w.moment.draft == build_draft(w.moment, C, "softer")


# ------------------------------------------------------------------ their own words: asked


@pytest.mark.parametrize(
    "typed",
    [
        "I'm sorry I was short with you, I was stressed",
        "I felt a bit much when you scrolled",
        "you were way too harsh with me",
        "I was too harsh with you earlier",
        "it was weird when you picked up your phone",
        "that felt cold, can we talk?",
        "hey, the way you spoke to me felt harsh and I felt small",
        "sam that was a bit much last night",
        "I don't like it when you're on your phone while I talk",
        "it's not how I talk to you usually, sorry",
        "you sound so fake when you say sorry",
        "can we talk about last night? it was too much for me",
        "it's weird but I miss you",
        "not too long",
        "it's not harsh",
        "not cheesy at all",
        "she's so cold to me",
        "what do you mean",
    ],
)
def test_their_own_words_and_stories_are_still_asked_about_as_theirs(typed: str):
    w = at_the_draft()
    draft = w.moment.draft
    reply = only_reply(w.type(typed))
    assert asked_as_their_own(reply), (typed, reply.text)
    assert w.moment.draft == draft and w.moment.draft_style == "standard"


@pytest.mark.parametrize("typed", ["hmm", "that", "it's a bit", "so yeah", "lol idk"])
def test_words_only_around_a_comment_are_no_comment(typed: str):
    w = at_the_draft()
    draft = w.moment.draft
    reply = only_reply(w.type(typed))
    assert not reply.text.startswith(C.text("moment.draft_comment.reply")), reply.text
    assert w.moment.draft == draft and w.moment.draft_style == "standard"


def test_a_long_run_of_comment_words_is_not_read_as_a_short_comment():
    w = at_the_draft()
    typed = "hmm that sounds like a bit much and kinda cheesy and too long and weird tbh lol"
    reply = only_reply(w.type(typed))
    assert asked_as_their_own(reply), reply.text


# ------------------------------------------------------------------ no feeling, none said


def feeling_words() -> list[str]:
    keys = C.children("feelings")
    assert len(keys) > 10
    words = [C.text(f"feelings.{key}") for key in keys]
    return [*words, C.text("drafts.parts.fallback_feeling"), C.text("drafts.parts.typed_feeling")]


def happened_to_me(
    feelings: tuple[str, ...] = (),
    feelings_text: str | None = None,
    pattern: str = "phone",
    who_name: str | None = "Sam",
) -> Moment:
    return Moment(
        "m",
        NOW,
        direction=TO_ME,
        who="partner",
        who_name=who_name,
        pattern=pattern,
        feelings=feelings,
        feelings_text=feelings_text,
        needs=("attention",),
    )


def reads_as_whole_sentences(draft: str) -> bool:
    if "  " in draft or re.search(r"\s[,.;:?!]|,[.?!]|[.?!],|\.\.", draft):
        return False
    sentences = re.split(r"(?<=[.?!])\s+", draft.strip())
    return draft.rstrip().endswith((".", "?")) and all(
        s[:1].isupper() and len(s.split()) >= 2 for s in sentences
    )


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("pattern", ["phone", "birthday", OTHER_PATTERN])
@pytest.mark.parametrize("typed", [None, "idk", "no idea"])
@pytest.mark.parametrize("who_name", ["Sam", None])
def test_no_feeling_given_a_happened_to_me_draft_names_none(
    style: str, pattern: str, typed: str | None, who_name: str | None
):
    draft = build_draft(
        happened_to_me(feelings_text=typed, pattern=pattern, who_name=who_name), C, style
    )
    for word in feeling_words():
        assert not re.search(rf"\b{re.escape(word)}\b", draft, re.IGNORECASE), (word, draft)
    assert not re.search(r"\bfelt\b", draft), draft
    assert reads_as_whole_sentences(draft), draft
    # What they needed and what they ask are still said.
    assert "attention" in draft, draft
    assert draft.rstrip().endswith("?") or "mean a lot" in draft, draft


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("pattern", ["phone", OTHER_PATTERN])
def test_with_a_feeling_the_happened_to_me_draft_still_says_it(style: str, pattern: str):
    draft = build_draft(happened_to_me(feelings=("lonely",), pattern=pattern), C, style)
    assert re.search(r"\bI felt lonely\b", draft), draft
    assert reads_as_whole_sentences(draft), draft
    typed = build_draft(
        happened_to_me(feelings_text="kind of invisible", pattern=pattern), C, style
    )
    assert "invisible" in typed and re.search(r"\bfelt\b", typed), typed
