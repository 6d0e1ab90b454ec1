"""A story that clearly names one or two patterns ("my dad forgot my birthday") brings them to
the front of the pattern card, still to be tapped, and the card says so; paging still shows
every pattern once, and a card with no story, or a story naming none, is as before."""

from __future__ import annotations

import pytest

from bot.content import catalogue
from bot.domain import pattern_cues
from bot.domain import repair_flow as rf
from bot.domain.moments import BY_ME, TO_ME
from bot.domain.replies import Reply
from tests.domain.test_repair_flow import Walk, options

C = catalogue("en")
HINT = C.text("moment.pattern_cued")
ALL = [f"p.{k}" for k in C.children("patterns")]


def _at_patterns(story: str | None, direction: str = TO_ME, who: str = "family") -> Walk:
    w = Walk(description=story)
    w.press(direction)
    w.press(who)
    w.press("skip")
    assert w.step == rf.PAT
    return w


def _card(story: str | None, direction: str = TO_ME, who: str = "family") -> Reply:
    w = _at_patterns(story, direction, who)
    return rf.REPAIR.prompt(w.state, w.ctx)


def _patterns(reply: Reply) -> list[str]:
    return [o for o in options(reply) if o.startswith("p.")]


def _all_pages(w: Walk) -> list[list[str]]:
    """The patterns of each page, from the first round the "More..." button, back to the
    first."""
    pages = [_patterns(rf.REPAIR.prompt(w.state, w.ctx))]
    while True:
        nav = next(o for o in options(rf.REPAIR.prompt(w.state, w.ctx)) if o.startswith("pg."))
        outcome = w.press(nav)
        assert outcome.replies[0].edit and w.step == rf.PAT
        if nav == "pg.0":
            return pages
        pages.append(_patterns(outcome.replies[0]))


def test_a_forgotten_birthday_comes_first_for_a_story_about_one():
    reply = _card("my dad forgot my birthday")
    assert _patterns(reply)[0] == "p.birthday"
    assert reply.text.startswith('You told me: "my dad forgot my birthday".')
    assert reply.text.endswith(HINT)


def test_it_is_a_suggestion_nothing_is_chosen_until_tapped():
    w = _at_patterns("my dad forgot my bday AGAIN!!")
    assert w.moment.pattern is None
    assert _patterns(rf.REPAIR.prompt(w.state, w.ctx))[0] == "p.birthday"
    w.press("p.birthday")
    assert w.step == rf.CAM and w.moment.pattern == "birthday"


def test_the_other_way_round_too_and_a_possessive_still_counts():
    reply = _card("I forgot my sister's birthday", BY_ME)
    assert _patterns(reply)[0] == "p.birthday"
    assert reply.buttons[0][0].label == C.text("patterns.birthday.label_by_me")
    assert reply.text.endswith(HINT)


def test_two_patterns_named_come_first_in_catalogue_order():
    # Told the other way round: the catalogue's order, not the story's, breaks the tie.
    reply = _card("she made fun of me at dinner and then interrupted me", who="friend")
    assert _patterns(reply)[:2] == ["p.interrupted", "p.joke"]
    assert reply.text.endswith(HINT)


def test_the_one_named_more_often_comes_first():
    story = "she rolled her eyes and sighed when I put my phone down"  # eye roll twice
    assert pattern_cues.suggested(story, C) == ["eye_roll", "phone"]


def test_of_three_only_those_named_more_than_the_third_come_first():
    story = "he made fun of me, joked about it, interrupted me, then went on his phone"
    assert pattern_cues.suggested(story, C) == ["joke"]


def test_a_longer_cue_wins_over_a_shorter_one_inside_it():
    # "texting me back" is about a reply, not a phone out mid-talk.
    assert pattern_cues.suggested("she never got round to texting me back", C) == ["unreplied"]


@pytest.mark.parametrize(
    "story",
    [
        "my dad forgot my birthday",
        "she interrupted me at dinner and then made fun of me",
        "he was on his phone the whole time I was telling him about my day",
    ],
)
@pytest.mark.parametrize("direction", [TO_ME, BY_ME])
def test_every_pattern_is_on_exactly_one_page_and_the_pages_cycle(story: str, direction: str):
    plain = _all_pages(_at_patterns(None, direction))
    pages = _all_pages(_at_patterns(story, direction))
    assert len(pages) == len(plain)
    assert [len(p) for p in pages] == [len(p) for p in plain]
    flat = [k for page in pages for k in page]
    assert sorted(flat) == sorted(ALL) and len(set(flat)) == len(flat)


def test_the_hint_is_only_on_the_first_page():
    w = _at_patterns("my dad forgot my birthday")
    outcome = w.press("pg.1")
    assert HINT not in outcome.replies[0].text
    outcome = w.press("pg.0")
    assert outcome.replies[0].text.endswith(HINT)


@pytest.mark.parametrize(
    "story",
    [
        "my dad phoned and we argued about money",  # "phoned" is not "phone": whole words
        "we had a weird evening and I can't stop thinking about it",
        # Three patterns as strongly as each other: not clear, so nothing is moved.
        "he interrupted me, made fun of me and then went on his phone",
    ],
)
def test_a_story_naming_no_pattern_clearly_leaves_the_card_as_it_was(story: str):
    reply = _card(story)
    assert _patterns(reply) == _patterns(_card(None))
    assert HINT not in reply.text
    assert reply.text.startswith("You told me:")


def test_no_story_leaves_the_card_as_it_was():
    assert pattern_cues.suggested(None, C) == []
    assert pattern_cues.suggested("", C) == []
    reply = _card(None)
    assert reply.text == C.text("moment.ask_pattern")
    assert _patterns(reply)[:5] == [
        f"p.{k}" for k in rf.RepairFlow.ordered_patterns(_at_patterns(None).moment, C)[:5]
    ]


@pytest.mark.parametrize(
    ("story", "key"),
    [
        ("he was scrolling instagram while I talked", "phone"),
        ("she made a sarcastic comment about my cooking", "sarcasm"),
        ("I cooked all week and didn't get a thank you", "no_thanks"),
        ("I'm always the one who reaches out", "initiating"),
        ("he rolled his eyes when I said it", "eye_roll"),
        ("my boss kept cutting me off in the meeting", "interrupted"),
        ("she snapped at me and said whatever", "tone"),
        ("he never asked how my appointment went", "follow_up"),
        ("she was zoned out all evening", "distracted"),
        ("he made a joke about me in front of everyone", "joke"),
        ("she's been giving me the silent treatment", "silence"),
        ("I sent him something personal and he never replied", "unreplied"),
        ("my sister forgot our anniversary", "birthday"),
        ("I stayed late on the project and nobody acknowledged it", "effort"),
    ],
)
def test_each_pattern_is_found_by_its_own_words(story: str, key: str):
    assert pattern_cues.suggested(story, C)[0] == key


def test_a_message_never_answered_names_the_unreplied_pattern():
    story = "my friend never answered when I told her I was struggling"
    assert pattern_cues.suggested(story, C) == ["unreplied"]
