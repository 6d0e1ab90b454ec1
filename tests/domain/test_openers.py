"""The offer's opening line and the thanks at the path question vary by moment (picked by a
stable hash of its id, never at random), and a story told with clear signs of a lot of feeling
has its offer open by meeting the feeling (bot/domain/openers.py)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.content import catalogue
from bot.domain import openers, safety
from bot.domain import repair_flow as rf
from bot.domain.flow import ButtonInput, Context, Person

C = catalogue("en")
NOW = datetime(2026, 3, 12, 22, 5, tzinfo=UTC)
IDS = [f"m{i}" for i in range(40)]

OPENERS: list[str] = C.raw("moment.offer_openers")
HEAVY: list[str] = C.raw("moment.offer_openers_heavy")
THANKS: list[str] = C.raw("moment.path_thanks")

# From the month's walkthrough: what Maya told, word for word.
RAW = (
    "ugh today was sooo bad 😭😭 we had dinner at his parents and his mum made a coment about "
    "me not wanting kids yet and leo just... said nothing. NOTHING. just kept eating like i "
    "wasnt even there and then in the car he said i was 'being dramatic' when i brought it up. "
    "i feel like im going crazy honestly, like maybe i am too much?? idk 💔"
)
HEAVY_STORIES = [
    RAW,
    "i feel like im going crazy… maybe i am too much?? 😭💔",
    "sorry for the essay lol. i just feel so tired of always being the one who fixes things "
    "😮‍💨 and i hate that i cried in front of his parents. i could honestly scream",
    "I can't do this anymore, he never listens",
    "i cant do this anymore, he never listens",
    "she laughed at me in front of everyone and I was humiliated",
    "why?? why would he say that in front of my mum??",
    "he forgot again!! the third time!!",
    "my best friend didn't come to my party 😢",
    "he broke my heart when he said it",
    "it's all too much, work and him and everything",
    "I'm devastated",
    "no reply from her 💔️",  # the emoji form of the sign
]
EVERYDAY_STORIES = [
    "leo was scrolling his phone the whole time i was telling him about my interview",
    "my friend carla left me on read after i told her about my miscarriage scare. 3 days now",
    "we talked on the drive back from the coast, it was hard but ok 😅 he said he didnt "
    "realise it stung",
    "not yet 😕 he fell asleep on the sofa",
    "always me planning our weekends. asked leo if he had any ideas for sat and he said "
    "'whatever you want' again",
    "I think I hurt leo, I rolled my eyes when he was telling me about his boss",
    "he talks too much at dinner and never asks about my day",
    "is it too much to ask for a thank you?",
    "he said what?? at the party",
    "my phone is broken and he didn't even offer to help",
    "we watched a movie where everyone was crying and he laughed",
    # a laugh beside the signs (a review found these read as heavy)
    "he forgot the milk again lmao 😭",
    "i cried laughing when he tripped over the dog",
    "made me cry happy tears",
    "he ate all the cake 😭😂",
]


def ctx() -> Context:
    return Context(Person(7, "Maya", None, "Europe/Madrid", "en"), NOW, C)


# ------------------------------------------------------------------ the content


def test_there_are_three_to_five_of_each():
    for variants in (OPENERS, HEAVY, THANKS):
        assert 3 <= len(variants) <= 5
        assert len(set(variants)) == len(variants)


@pytest.mark.parametrize("opener", OPENERS + HEAVY)
def test_each_offer_is_short_and_keeps_its_question(opener: str):
    text = C.text("moment.offer", opener=opener)
    assert len(text) < 200
    assert text.startswith(opener) and text.endswith(
        "Want to look at this moment together? It takes about two minutes."
    )


# No "you should", no diagnosis or clinical words, no pushing, no claims about the body.
NOT_OUR_TONE = re.compile(
    r"\b(should|must|need to|have to|trauma|disorder|symptom|anxiety|depress\w*|"
    r"cortisol|oxytocin|calm down|overreact\w*|dramatic|crazy|too much)\b",
    re.I,
)


@pytest.mark.parametrize("line", OPENERS + HEAVY + THANKS)
def test_every_variant_is_warm_brief_and_plain(line: str):
    assert len(line) < 200 and line.strip() == line
    assert line[0].isupper() and line[-1] in ".!"
    assert not NOT_OUR_TONE.search(line), line


@pytest.mark.parametrize("line", HEAVY)
def test_a_heavy_opener_meets_the_feeling_before_anything_is_offered(line: str):
    assert "?" not in line  # no question before the feeling is met
    assert re.search(r"\b(heavy|a lot|hurts|feel|glad you)\b", line, re.I), line


def test_the_heavy_opening_the_brief_asked_for_is_among_them():
    assert "That sounds really heavy. I'm glad you said it." in HEAVY


def test_the_signs_are_read_from_content():
    for key in ("moment.offer_heavy_emoji", "moment.offer_heavy_words"):
        assert C.raw(key)
    assert "going crazy" in C.raw("moment.offer_heavy_phrases")
    source = Path(openers.__file__).read_text()
    assert "going crazy" not in source.split('"""', 2)[2]  # only in the docstring


# ------------------------------------------------------------------ picking


def test_the_same_moment_always_gets_the_same_words():
    for moment_id in IDS:
        first = openers.pick(OPENERS, moment_id, "offer")
        assert all(openers.pick(OPENERS, moment_id, "offer") == first for _ in range(3))


def test_a_month_of_moments_meets_every_variant():
    """Nine offers and six thanks in a month were all the same line: across moments, each
    variant comes, and no one line is most of them."""
    for options, salt in ((OPENERS, "offer"), (HEAVY, "offer"), (THANKS, "thanks")):
        picked = [openers.pick(options, moment_id, salt) for moment_id in IDS]
        assert set(picked) == set(options)
        assert max(picked.count(o) for o in options) <= len(IDS) // 2


def test_nine_moments_of_a_month_do_not_all_open_alike():
    month = [f"moment-{day:02d}" for day in range(1, 10)]
    assert len({openers.offer_text(m, "he ignored me", C) for m in month}) >= 3
    assert len({openers.needs_thanks(m, C) for m in month}) >= 3


def test_the_pick_is_fixed_not_random():
    """Pinned, so a change that made it depend on the process (Python's own hash()) shows."""
    picked = [openers.pick(["a", "b", "c", "d"], f"m{i}") for i in range(8)]
    assert picked == ["b", "d", "b", "d", "a", "a", "c", "c"]
    assert openers.pick(["only"], "anything") == "only"
    with pytest.raises(ValueError):
        openers.pick([], "m1")


def test_the_offer_and_the_thanks_do_not_move_in_step():
    same = [
        OPENERS.index(openers.pick(OPENERS, m, "offer")) == THANKS.index(openers.needs_thanks(m, C))
        for m in IDS
    ]
    assert not all(same)


# ------------------------------------------------------------------ reading the feeling


@pytest.mark.parametrize("told", HEAVY_STORIES)
def test_clear_signs_of_a_lot_of_feeling_are_heard(told: str):
    assert openers.sounds_heavy(told, C)


@pytest.mark.parametrize("told", EVERYDAY_STORIES)
def test_an_everyday_story_is_not_made_heavier_than_it_is(told: str):
    assert not openers.sounds_heavy(told, C)


@pytest.mark.parametrize("told", HEAVY_STORIES)
def test_the_heavy_stories_are_not_danger(told: str):
    """The safety screen reads every message before the offer: these get past it as stories."""
    assert safety.screen(told).level == safety.Level.NONE


@pytest.mark.parametrize("moment_id", IDS[:8])
def test_a_heavy_story_gets_a_validating_first_line(moment_id: str):
    text = openers.offer_text(moment_id, RAW, C)
    assert text in {C.text("moment.offer", opener=o) for o in HEAVY}
    assert not any(text.startswith(o) for o in OPENERS)


@pytest.mark.parametrize("moment_id", IDS[:8])
def test_an_everyday_story_gets_an_everyday_opener(moment_id: str):
    text = openers.offer_text(moment_id, EVERYDAY_STORIES[0], C)
    assert text in {C.text("moment.offer", opener=o) for o in OPENERS}


# ------------------------------------------------------------------ in the flow


def test_the_offer_card_opens_with_the_feeling_met_and_keeps_its_buttons():
    outcome = rf.REPAIR.offer(ctx(), "m9", RAW)
    (card,) = outcome.replies
    assert card.text == openers.offer_text("m9", RAW, C)
    assert any(card.text.startswith(o) for o in HEAVY)
    assert [[b.option for b in row] for row in card.buttons] == [["yes"], ["no"]]
    assert [b.label for row in card.buttons for b in row] == [
        C.text("moment.offer_yes"),
        C.text("moment.offer_no"),
    ]
    everyday = rf.REPAIR.offer(ctx(), "m9", EVERYDAY_STORIES[0]).replies[0]
    assert everyday.buttons == card.buttons
    assert any(everyday.text.startswith(o) for o in OPENERS)


def test_saying_yes_to_a_heavy_offer_goes_on_as_before():
    offer = rf.REPAIR.offer(ctx(), "m9", RAW)
    assert offer.state is not None
    yes = rf.REPAIR.handle(offer.state, ButtonInput("yes"), ctx())
    assert yes.state is not None and yes.state.step == rf.DIR
    assert yes.replies[0].text == C.text("moment.ask_direction_told")


def test_the_offer_asked_again_reads_as_it_did():
    offer = rf.REPAIR.offer(ctx(), "m9", RAW)
    assert offer.state is not None
    assert rf.REPAIR.prompt(offer.state, ctx()).text == offer.replies[0].text
