"""Slang and everyday answers, end to end: "ya" at "Is that right?" and at the offer to look,
"👍" at the draft, "all good fr" at the evening card, a story at the time zone question."""

from __future__ import annotations

from datetime import timedelta

from tests.harness import Harness

JESS = 7301


async def _set_up(h: Harness, uid: int = JESS) -> None:
    h.person(uid, "jess", language_code="en")
    for said in ("/start", "jess", "London"):
        await h.text(uid, said)
    await h.press(uid, "Yes, that's right")
    await h.press(uid, "Yes, at 21:00")


async def test_ya_at_the_time_zone_confirmation_goes_on(harness: Harness):
    h = harness
    h.person(JESS, "jess", language_code="en")
    for said in ("/start", "jess", "London"):
        await h.text(JESS, said)
    (reply,) = h.texts(await h.text(JESS, "ya"))
    assert "couldn't place" not in reply and "evening" in reply


async def test_a_story_at_the_time_zone_question_is_kept_for_later(harness: Harness):
    h = harness
    h.person(JESS, "jess", language_code="en")
    for said in ("/start", "jess"):
        await h.text(JESS, said)
    (reply,) = h.texts(await h.text(JESS, "ngl he was so dismissive fr"))
    assert "once we're set up" in reply and "couldn't place" not in reply


async def test_slang_yes_at_the_offer_then_thumbs_up_at_the_draft(harness: Harness):
    h = harness
    await _set_up(h)
    await h.text(JESS, "ngl he was so dismissive fr")
    (reply,) = h.texts(await h.text(JESS, "yh"))
    assert "Which is it?" in reply and "part of it too" not in reply
    await h.press(JESS, "Something happened to me")
    await h.press(JESS, "My partner")
    await h.press(JESS, "Skip")
    await h.press(JESS, "Phone out mid-talk")
    await h.press(JESS, "Skip")
    await h.press(JESS, "4")
    noted, _card = h.texts(await h.text(JESS, "hurt ig"))
    assert noted == "I've added: hurt."
    await h.press(JESS, "Done")
    await h.press(JESS, "To be heard")
    await h.press(JESS, "Done")
    await h.text(JESS, "say smth now i guess")
    replies = h.texts(await h.text(JESS, "👍"))
    assert not any("No rush" in r or "your own words" in r for r in replies)


async def test_all_good_fr_at_the_evening_card_is_all_good(harness: Harness):
    h = harness
    await _set_up(h)
    h.clock.advance(timedelta(hours=2))
    await h.tick()
    (reply,) = h.texts(await h.text(JESS, "all good fr"))
    assert reply.startswith("Glad to hear it")
