"""Every command gets an answer where it was sent: in the couple's group, the private-chat
commands say where they work and unknown ones are named; in private, /pair says where it
works; /help in each place lists what works there."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.sandbox.core import BotAction
from bot.storage.models import PartnerLink
from tests.harness import Harness

ANA, BEN = 821, 822


async def link(h: Harness) -> None:
    await h.onboard(ANA, "Ana")
    await h.onboard(BEN, "Ben")
    await h.link(ANA, BEN, "Ana")


async def group_of_two(h: Harness) -> int:
    group = h.sandbox.create_group("Us", [ANA, BEN], by=ANA)
    for update in h.sandbox.pending_updates():
        await h.feed(update)
    return group


def in_chat(actions: list[BotAction], chat_id: int) -> list[BotAction]:
    return [a for a in actions if a.chat_id == chat_id and a.method == "sendMessage"]


@pytest.mark.parametrize("command", ["invite", "unlink", "delete", "export", "privacy"])
async def test_a_private_chat_command_in_the_group_says_where_it_works(h: Harness, command: str):
    await link(h)
    group = await group_of_two(h)
    actions = await h.text(ANA, f"/{command}", chat_id=group)
    (reply,) = in_chat(actions, group)
    assert reply.text == (
        f"Let's do that in our private chat: tap below, then send /{command} there."
    )
    (button,) = reply.buttons()
    assert button["url"] == "https://t.me/MendSandboxBot?start=hi"
    assert not [a for a in actions if a.chat_id != group]  # nothing done privately either


async def test_invite_in_the_group_makes_no_invite_link(h: Harness):
    await h.onboard(ANA, "Ana")
    group = await group_of_two(h)
    await h.text(ANA, "/invite", chat_id=group)
    async with h.db.unit_of_work() as session:
        assert await session.scalar(select(func.count()).select_from(PartnerLink)) == 0
    assert "?start=l_" not in "\n".join(a.text or "" for a in h.sandbox.actions)


async def test_unknown_commands_and_cancel_are_answered_in_the_group(h: Harness):
    await h.onboard(ANA, "Ana")
    group = await group_of_two(h)
    (unknown,) = in_chat(await h.text(ANA, "/foo", chat_id=group), group)
    assert unknown.text == "I don't know /foo. Send /help to see what I can do."
    (named,) = in_chat(await h.text(ANA, "/foo@MendSandboxBot", chat_id=group), group)
    assert named.text == unknown.text
    # Another bot's command is that bot's to answer.
    assert in_chat(await h.text(ANA, "/foo@SomeOtherBot", chat_id=group), group) == []
    (cancel,) = in_chat(await h.text(ANA, "/cancel", chat_id=group), group)
    assert cancel.text is not None and "nothing to cancel" in cancel.text
    (back,) = in_chat(await h.text(ANA, "/back", chat_id=group), group)
    assert back.text is not None and "nothing to go back to" in back.text


async def test_help_in_the_group_lists_what_works_there(h: Harness):
    await h.onboard(ANA, "Ana")
    group = await group_of_two(h)
    (reply,) = in_chat(await h.text(ANA, "/help", chat_id=group), group)
    assert reply.text is not None
    for command in ("/pair", "/settings", "/repair", "/thanks", "/sos"):
        assert command in reply.text
    for private in ("/moment", "/invite", "/delete"):
        assert private not in reply.text
    assert [b["text"] for b in reply.buttons()] == ["Open a private chat"]


async def test_pair_sent_privately_says_it_works_in_the_group(h: Harness):
    await h.onboard(ANA, "Ana")
    (alone,) = h.texts(await h.text(ANA, "/pair"))
    assert alone.startswith("You're not linked with anyone yet. Send /invite")
    await h.onboard(BEN, "Ben")
    await h.link(ANA, BEN, "Ana")
    (linked,) = h.texts(await h.text(BEN, "/pair"))
    assert linked == (
        "/pair works in your shared group: add me to a group with your partner and send "
        "/pair there."
    )


async def test_help_in_private_mentions_pair_and_repair(h: Harness):
    await h.onboard(ANA, "Ana")
    (reply,) = h.texts(await h.text(ANA, "/help"))
    assert "/pair" in reply and "/repair" in reply and "/invite" in reply
