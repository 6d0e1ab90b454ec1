"""Bad input at the steps of the repair flow that test_moments.py's walk along TO_THE_PATH
does not reach: the offer, "I think I hurt someone" all along, "Something else", the words
and reframe views, whose feeling it is, more of what happened at the 1 to 5 question, the
draft's sub-cards, their own words, the send card, the time questions and the let-go check.

The requirement: at every step a sticker, a photo, a voice note, a location, a 4096-character
text, a button from another flow and forged callback data each get a clear answer (a message
or a toast, never silence, never the error apology) and leave the state unchanged. Each case
walks there once and sends every bad input in turn: none changes the state, so each meets the
same step.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pytest

from bot.domain.repair_flow import KEPT_IN_PART
from bot.sandbox.core import BotAction
from tests.harness import Harness
from tests.inprocess.flows import LATER, LET_GO, TO_A_DRAFT_FOR_BEN, TO_THE_PATH, Script
from tests.inprocess.test_moments import BAD_INPUTS, moments_of, state_of

ANA, BEN = 621, 622
STORY = "He looked at his phone the whole time I talked about my mum."

# "I think I hurt someone", from the direction to the let-go check.
BY_ME: Script = [
    ("text", "/moment", "dir", "Which is it?"),
    ("press", "I think I hurt someone", "who", "Who do you think you hurt?"),
    ("press", "My partner", "whoname", "What's their name?"),
    ("text", "Sam", "pat", "What do you think you did?"),
    ("press", "My sarcasm stung", "cam", "what would it have seen you do?"),
    ("text", "I said 'nice of you to show up' when she came home late.", "int", "How much"),
    ("press", "4", "feel", "How might they have felt?"),
    ("text", "guilty", "whose", "Is that how you feel, or how you think they felt?"),
    ("press", "How they felt", "feel", "Chosen so far: guilty"),
    ("press", "Done", "need", "What might they have needed?"),
    ("press", "Respect", "need", "Chosen so far: Respect"),
    ("press", "Done", "path", "What would you like to do with it?"),
    ("press", "Let it go", "letgo", "might they still be carrying it?"),
]
# Told first, then "Yes, let's look": the direction and the pattern quote the story.
TOLD: Script = [
    ("text", STORY, "offer", "Want to look at this moment together?"),
    ("press", "Yes, let's look", "dir", "what you told me"),
    ("press", "Something happened to me", "who", "Who was it with?"),
    ("press", "My partner", "whoname", "What's their name?"),
    ("text", "Sam", "pat", "You told me:"),
]
# With no time zone known (never sent /start), a typed time asks where they are first.
NO_ZONE_TO_THE_PATH: Script = [
    *TOLD,
    ("press", "Phone out mid-talk", "cam", "If a camera had been there"),
    ("press", "Skip", "int", "How much is it"),
    *TO_THE_PATH[6:],
]
TO_THE_DRAFT: Script = [
    *TO_THE_PATH,
    ("press", "Say something now", "draft", "Here's a way you could say it"),
]


@dataclass(frozen=True)
class Place:
    """A step (or a view inside one) to send bad input at, and how a person gets there."""

    script: Script
    who: str = "onboarded"  # "onboarded", "linked" (with Ben), or "no_zone"
    words_only: bool = False  # a question answered only in words: its card has no buttons


PLACES: dict[str, Place] = {
    "offer": Place(TOLD[:1]),
    "dir after the offer": Place(TOLD[:2]),
    "pat with the story told": Place(TOLD),
    "desc": Place(
        [*TO_THE_PATH[:4], ("press", "Something else", "desc", "In a sentence or two")],
        words_only=True,
    ),
    "int, add to what happened?": Place(
        [
            *TO_THE_PATH[:6],
            ("text", "Then he walked out of the room without a word.", "int", "Add this to"),
        ]
    ),
    "words": Place(
        [*TO_THE_PATH[:7], ("press", "Words that come to mind", "words", "Tap one and we'll")]
    ),
    "reframe": Place([*TO_THE_PATH[:7], ("text", "ignored", "reframe", "Underneath it")]),
    "draft, keep typed words?": Place(
        [*TO_THE_DRAFT, ("text", "I'd rather tell him myself", "draft", "Should I keep these")]
    ),
    "own": Place(
        [*TO_THE_DRAFT, ("press", "I'll write my own", "own", "Write it the way")],
        words_only=True,
    ),
    "own, ready to send": Place(
        [
            *TO_A_DRAFT_FOR_BEN,
            ("press", "I'll write my own", "own", "Write it the way"),
            ("text", "Can we talk tonight? I missed you.", "own", "Here it is, in your words"),
        ],
        who="linked",
    ),
    "sendto": Place(
        [*TO_A_DRAFT_FOR_BEN, ("press", "Send this to Ben", "sendto", "exactly what Ben will see")],
        who="linked",
    ),
    "when": Place(LATER[:-1]),
    "whenat": Place(
        [*LATER[:-1], ("press", "I'll type a time", "whenat", "When? For example")],
        words_only=True,
    ),
    "whenzone, a typed time": Place(
        [
            *NO_ZONE_TO_THE_PATH,
            ("press", "Talk about it later", "when", "When would be a better time?"),
            ("press", "I'll type a time", "whenat", "When? For example"),
            ("text", "20:00", "whenzone", "Which city are you in?"),
        ],
        who="no_zone",
        words_only=True,
    ),
    "whenzone, tomorrow evening": Place(
        [
            *NO_ZONE_TO_THE_PATH,
            ("press", "Talk about it later", "when", "When would be a better time?"),
            ("press", "Tomorrow evening", "whenzone", "Which city are you in?"),
        ],
        who="no_zone",
        words_only=True,
    ),
    "letgo": Place(LET_GO[:-1]),
}
# Every step of "I think I hurt someone" after the direction, walked to the first time.
for _n, (_, _, _step, _) in enumerate(BY_ME[1:], 2):
    PLACES.setdefault(f"by me: {_step}", Place(BY_ME[:_n]))

# What each bad input must be answered with: words that say what happened to it.
ANSWERS = {
    "sticker": "I can only read text",
    "photo": "I can only read text",
    "voice": "I can only read text",
    "location": "I can only read text",
    "long": "more than I can keep",
    "other_flow": "expired",
    "forged": "one of the buttons",
}
# At a question answered only in words, a press (forged: its card has no buttons) is asked
# for words, never for "one of the buttons" that are not there.
TYPED_ONLY = "Please type your answer"


async def walk(h: Harness, user_id: int, script: Script) -> None:
    """Each step in turn, checking the step the flow is at and the words of each answer."""
    for kind, value, step, words in script:
        actions = await (h.text(user_id, value) if kind == "text" else h.press(user_id, value))
        state = await state_of(h, user_id)
        said = " ".join(h.texts(actions))
        assert (state.step if state else "") == step, (value, step, said)
        assert words in said, (value, words, said)


async def bad(h: Harness, kind: str, stale_card: int) -> list[BotAction]:
    if kind == "long":
        return await h.text(ANA, "x" * 4096)
    if kind == "other_flow":  # a stale card of the onboarding flow
        data = "onboard:confirm:3:yes"
        return await h.press(ANA, data=data, message_id=stale_card, forge=True)
    if kind == "forged":  # the current card's flow, step and version, an option it never had
        state = await state_of(h, ANA)
        assert state is not None
        data = f"moment:{state.step}:{state.version:x}:p.nope"
        return await h.press(ANA, data=data, forge=True)
    return await h.media(ANA, kind)


@pytest.mark.parametrize("place", list(PLACES))
async def test_bad_input_gets_an_answer_and_changes_nothing(
    harness: Harness, place: str, caplog: pytest.LogCaptureFixture
):
    h, where = harness, PLACES[place]
    stale_card: int | None = None  # a card of another flow: the onboarding confirmation
    if where.who == "no_zone":
        h.person(ANA, "Ana")
    else:
        await h.onboard(ANA, "Ana")
        stale_card = h.last_card(ANA).message_id
    if where.who == "linked":
        await h.onboard(BEN, "Ben")
        await h.link(ANA, BEN, "Ana")
    await walk(h, ANA, where.script)
    if stale_card is None:  # never set up: the first card of all (the offer) is pressed
        bot = h.sandbox.bot["id"]
        stale_card = min(
            m for (c, m), msg in h.sandbox.messages.items() if c == ANA and msg["from"]["id"] == bot
        )
    before = await state_of(h, ANA)
    assert before is not None and before.step == where.script[-1][2]
    rows_before = [(r.id, r.updated_at) for r in await moments_of(h, ANA)]
    problems: list[str] = []
    with caplog.at_level(logging.ERROR):
        for kind in BAD_INPUTS:
            if kind == "long" and before.step in KEPT_IN_PART:
                continue  # an answer about the moment is kept in part (test_moments.py)
            caplog.clear()
            expected = TYPED_ONLY if kind == "forged" and where.words_only else ANSWERS[kind]
            actions = await bad(h, kind, stale_card)
            answer = " ".join(h.texts(actions) + [t or "" for t in h.toasts(actions)])
            after = await state_of(h, ANA)
            if not answer.strip():
                problems.append(f"{kind}: no answer")
            if expected not in answer or "went wrong" in answer:
                problems.append(f"{kind}: answered {answer!r}")
            if caplog.records:
                problems.append(f"{kind}: logged {[r.getMessage() for r in caplog.records]}")
            if after is None or (after.flow, after.step, after.data) != (
                before.flow,
                before.step,
                before.data,
            ):
                problems.append(f"{kind}: state {after and (after.step, after.data)}")
                before = after or before  # later inputs are judged from where it went
    rows_after = [(r.id, r.updated_at) for r in await moments_of(h, ANA)]
    assert rows_after == rows_before
    assert not problems, (place, before.step, problems)
