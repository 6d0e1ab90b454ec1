"""A partner who has blocked Mend: never offered as reachable, and never reported as reached."""

from __future__ import annotations

from bot.storage.models import User
from bot.telegram.services import services_of
from bot.telegram.turn import Outgoing, deliver
from tests.harness import Harness
from tests.inprocess.flows import TO_A_DRAFT_FOR_BEN
from tests.inprocess.test_couples import ANA, BEN, flush, paired_group, said


async def blocked(h: Harness, user_id: int) -> bool:
    async with h.db.unit_of_work() as session:
        user = await session.get(User, user_id)
        assert user is not None
        return user.blocked_at is not None


async def to_the_send_question(h: Harness) -> list[str]:
    await h.walk(ANA, TO_A_DRAFT_FOR_BEN)
    await h.press(ANA, "Send this to Ben")
    return [b["text"] for b in h.last_card(ANA).buttons()]


async def test_a_word_in_the_group_does_not_undo_a_private_block(h: Harness):
    group = await paired_group(h)
    h.sandbox.block(BEN)
    await flush(h)
    await h.text(BEN, "/thanks for dinner", chat_id=group)
    assert await blocked(h, BEN)
    assert await to_the_send_question(h) == ["Post in our group", "Don't send"]


async def test_a_private_send_refused_is_said_and_the_text_handed_back(h: Harness):
    await paired_group(h)
    h.sandbox.blocked_by.add(BEN)  # blocked, and the news of it never reached the bot
    assert "Send privately" in await to_the_send_question(h)
    actions = await h.press(ANA, "Send privately")
    assert not [a for a in actions if a.chat_id == BEN]
    told = said(actions, ANA)
    refused = [t for t in told if "Ben didn't get this" in t]
    assert len(refused) == 1 and "lonely" in refused[0]  # the draft, to send herself
    assert not any(t.startswith("Sent to") for t in told)  # and never told it arrived
    # The confirmation card keeps its words and loses its buttons.
    assert [a.method for a in actions if a.chat_id == ANA].count("editMessageReplyMarkup") == 1
    assert await blocked(h, BEN)
    # Next time she is not offered what cannot arrive.
    await h.text(ANA, "/cancel")
    assert await to_the_send_question(h) == ["Post in our group", "Don't send"]


async def test_a_refusal_is_asked_once_not_again_after_a_pause(h: Harness):
    """python-telegram-bot's BadRequest is a NetworkError; a refusal ("message is not
    modified") must not be taken for a lost request and sent again half a second later."""
    await h.onboard(ANA, "Ana")
    card = await h.app.bot.send_message(ANA, "The same words")
    edits = h.sandbox.calls["editMessageText"]
    same = Outgoing("edit", ANA, "The same words", message_id=card.message_id)
    await deliver(h.app.bot, [same], services_of(h.app))
    assert h.sandbox.calls["editMessageText"] == edits + 1
