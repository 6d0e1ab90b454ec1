"""A command written as a photo's caption, and albums. "/sos" under a photo (a screenshot of
threats, say) is help now, exactly as /sos sent alone; another command there is pointed to
being sent on its own, never read as a story. An album (one media_group_id) is answered once,
not once for each photo in it."""

from __future__ import annotations

from bot.sandbox.core import BotAction
from tests.harness import Harness
from tests.inprocess.flows import TO_THE_PATH

ANA, BEN = 921, 922


def sent(actions: list[BotAction]) -> list[str]:
    return [a.text or "" for a in actions if a.method == "sendMessage"]


async def test_sos_as_a_caption_is_exactly_sos_sent_alone(h: Harness):
    """Ben sends /sos as a message, Ana under a photo, both at the same question of a moment:
    each is answered as the other, then and at their next words."""
    answers = {}
    for who, name in ((BEN, "Ben"), (ANA, "Ana")):
        await h.onboard(who, name)
        await h.walk(who, TO_THE_PATH[:5])  # mid-moment, at the camera question
        if who == BEN:
            sos = await h.text(who, "/sos")
        else:
            sos = await h.feed(h.sandbox.send_media(who, "photo", caption="/sos"))
        after = await h.text(who, "He looked at his phone while I talked.")
        answers[who] = [t.replace(name, "X") for t in (*sent(sos), "--", *sent(after))]
    assert answers[ANA] == answers[BEN]
    assert not any("read the words you sent" in t for t in answers[ANA])


async def test_another_command_as_a_caption_is_not_read_as_a_story(h: Harness):
    await h.onboard(ANA, "Ana")
    actions = await h.feed(h.sandbox.send_media(ANA, "photo", caption="/help me with this"))
    (said,) = sent(actions)
    assert said.count("/help") == 1  # pointed to sending it alone
    assert "look at this moment" not in said


async def test_an_album_with_a_story_is_answered_once(h: Harness):
    await h.onboard(ANA, "Ana")
    story = "This is the note he left me after the fight, I felt dismissed"
    first = await h.feed(h.sandbox.send_media(ANA, "photo", caption=story, album="a1"))
    assert any("look at this moment" in t for t in sent(first))
    for _ in range(4):
        assert sent(await h.feed(h.sandbox.send_media(ANA, "photo", album="a1"))) == []
    # Another album, or a photo on its own, is answered again.
    assert sent(await h.feed(h.sandbox.send_media(ANA, "photo", album="a2")))
    assert sent(await h.feed(h.sandbox.send_media(ANA, "photo")))


async def test_danger_after_a_command_in_a_caption_gets_the_screens_answer(h: Harness):
    """The words after a command under a photo are screened as the same words sent alone."""
    await h.onboard(BEN, "Ben")
    alone = sent(await h.text(BEN, "he said he will kill me tonight"))
    await h.onboard(ANA, "Ana")
    caption = "/moment he said he will kill me tonight"
    said = sent(await h.feed(h.sandbox.send_media(ANA, "photo", caption=caption)))
    assert said == [t.replace("Ben", "Ana") for t in alone]
    assert not any("on their own" in t for t in said)


async def test_a_forwarded_photos_caption_is_not_kept_as_their_words(h: Harness):
    await h.onboard(ANA, "Ana")
    caption = "you never listen to me, you only care about your phone"
    update = h.sandbox.send_media(ANA, "photo", caption=caption, forwarded_from="Ben")
    (said,) = sent(await h.feed(update))
    assert "forwarded" in said and "look at this moment" not in said
