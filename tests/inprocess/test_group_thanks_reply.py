"""/thanks alone in the group asks for the words after the command; a partner's reply to that
message is taken as those words (it was met with silence). Screened as /thanks words are: a
worry is never posted. Someone else's reply, or a reply to another message of Mend's, is not."""

from __future__ import annotations

from tests.harness import Harness
from tests.inprocess.test_couples import BEN, paired_group, said


async def the_hint(h: Harness, group: int) -> int:
    await h.text(BEN, "/thanks", chat_id=group)
    hint = h.sandbox.sent(group)[-1]
    assert hint.text is not None and "/thanks" in hint.text and hint.message_id is not None
    return hint.message_id


async def test_a_reply_to_the_thanks_hint_is_the_thanks(h: Harness):
    group = await paired_group(h)
    hint = await the_hint(h, group)
    update = h.sandbox.send_text(BEN, "for the coffee this morning", chat_id=group, reply_to=hint)
    replies = said(await h.feed(update), group)
    assert replies == ['Ben appreciates you: "for the coffee this morning"']


async def test_a_worrying_reply_to_the_hint_is_not_posted(h: Harness):
    group = await paired_group(h)
    hint = await the_hint(h, group)
    update = h.sandbox.send_text(BEN, "for not hitting me this week", chat_id=group, reply_to=hint)
    actions = await h.feed(update)
    assert not any("appreciates you" in t for t in said(actions, group))


async def test_a_reply_from_someone_outside_the_couple_is_not_a_thanks(h: Harness):
    group = await paired_group(h)
    hint = await the_hint(h, group)
    h.person(777, "Cleo")
    h.sandbox.join_group(group, 777)
    for pending in h.sandbox.pending_updates():
        await h.feed(pending)
    update = h.sandbox.send_text(777, "for the snacks", chat_id=group, reply_to=hint)
    assert not any("appreciates you" in t for t in said(await h.feed(update), group))
