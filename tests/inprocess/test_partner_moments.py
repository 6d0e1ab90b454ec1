"""A moment when the person is linked with a partner, through the real Application: only a
moment with the partner is offered to them, the name question knows the partner's name, and
their own words can be sent as a draft can, after a card that shows them exactly."""

from __future__ import annotations

from datetime import timedelta

from bot.sandbox.core import BotAction
from tests.harness import Harness
from tests.inprocess.flows import Script

ANA, BEN = 811, 812


async def link(h: Harness) -> None:
    await h.onboard(ANA, "Ana")
    await h.onboard(BEN, "Ben")
    await h.link(ANA, BEN, "Ana")


def labels(action: BotAction) -> list[str]:
    return [b["text"] for b in action.buttons()]


def after_who(who: str) -> Script:
    """From the pattern to "Say something now", the moment with `who` already told."""
    return [
        ("press", "Phone out mid-talk", "cam", ""),
        ("text", "They looked at their phone while I talked.", "int", ""),
        ("press", "3", "feel", ""),
        ("press", "lonely", "feel", ""),
        ("press", "Done", "need", ""),
        ("press", "Attention", "need", ""),
        ("press", "Done", "path", ""),
        ("press", "Say something now", "draft", ""),
    ]


async def test_a_moment_with_a_friend_is_never_offered_to_the_partner(h: Harness):
    await link(h)
    await h.walk(ANA, [("text", "/moment", "", ""), ("press", "Something happened to me", "", "")])
    await h.press(ANA, "A friend")
    await h.text(ANA, "Sam")
    await h.walk(ANA, after_who("friend"))
    card = h.last_card(ANA)
    assert card.text is not None and "Hey Sam" in card.text
    assert not [label for label in labels(card) if "Ben" in label]
    await h.press(ANA, "I'll write my own")
    actions = await h.text(ANA, "Sam, can we talk?")
    assert any("Recorded:" in t for t in h.texts(actions))  # kept; nothing offered
    assert "Sam" not in "\n".join(a.text or "" for a in h.sandbox.actions if a.chat_id == BEN)


async def test_my_partner_is_named_in_one_tap_and_the_draft_is_for_them(h: Harness):
    await link(h)
    await h.walk(ANA, [("text", "/moment", "", ""), ("press", "Something happened to me", "", "")])
    (ask,) = [a for a in await h.press(ANA, "My partner") if a.method == "editMessageText"]
    assert ask.text is not None and "What's their name?" in ask.text
    assert labels(ask) == ["Ben", "Skip"]
    await h.press(ANA, "Ben")
    await h.walk(ANA, after_who("partner"))
    card = h.last_card(ANA)
    assert card.text is not None and "Hey Ben" in card.text
    assert labels(card)[0] == "Send this to Ben"


async def test_my_own_words_reach_the_partner_only_after_confirming_them(h: Harness):
    await link(h)
    await h.walk(ANA, [("text", "/moment", "", ""), ("press", "Something happened to me", "", "")])
    await h.press(ANA, "My partner")
    await h.press(ANA, "Ben")
    await h.walk(ANA, after_who("partner"))
    await h.press(ANA, "I'll write my own")
    words = "Ben, when you looked at your phone I felt alone. Phones away at dinner?"
    actions = await h.text(ANA, words)
    (ready,) = [a for a in actions if a.chat_id == ANA and a.method == "sendMessage"]
    assert words in (ready.params["text"] or "")
    assert labels(ready) == ["Send this to Ben", "That works"]
    assert not [a for a in actions if a.chat_id == BEN]
    pressed = await h.press(ANA, "Send this to Ben")
    (confirm,) = [a for a in pressed if a.method == "editMessageText"]
    assert confirm.text is not None and "This is exactly what Ben will see" in confirm.text
    assert words in confirm.params["text"]
    actions = await h.press(ANA, "Send privately")
    (to_ben,) = [a for a in actions if a.chat_id == BEN]
    assert to_ben.text is not None and "Ana sent you this through Mend:" in to_ben.text
    assert words in to_ben.params["text"]  # exactly what Ana saw
    assert any("Recorded:" in t for t in h.texts([a for a in actions if a.chat_id == ANA]))


async def test_a_moment_picked_up_from_its_nudge_still_knows_the_partner(h: Harness):
    await link(h)
    await h.walk(ANA, [("text", "/moment", "", ""), ("press", "Something happened to me", "", "")])
    await h.press(ANA, "My partner")
    await h.press(ANA, "Skip")
    await h.press(ANA, "Phone out mid-talk")  # something told: a moment worth keeping
    await h.text(ANA, "/back")
    await h.text(ANA, "/back")
    await h.text(ANA, "/cancel")  # left at the name question
    h.clock.advance(timedelta(days=1, hours=1))
    await h.tick()  # the nudge: "Pick it up again"
    await h.press(ANA, "Pick it up again")
    assert "Ben" in labels(h.last_card(ANA))  # the name question offers the partner's name
