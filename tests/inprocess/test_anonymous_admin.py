"""An admin who stays anonymous posts as the group: Telegram names GroupAnonymousBot as the
sender, so Mend cannot tell which partner it is. A couple's command sent that way says so,
and how to post as themselves, rather than only that it is for the two of them."""

from __future__ import annotations

from tests.harness import Harness
from tests.inprocess.test_couples import ANA, paired_group


async def test_a_couple_command_sent_as_the_group_says_how_to_send_it_as_yourself(h: Harness):
    group = await paired_group(h)
    for command in ("/repair", "/thanks for cooking tonight"):
        update = h.sandbox.send_text(ANA, command, chat_id=group, anonymous=True)
        said = " ".join(a.text or "" for a in await h.feed(update))
        assert "posting as the group" in said and "Remain anonymous" in said
    # Ana herself is answered as ever.
    said = " ".join(a.text or "" for a in await h.text(ANA, "/repair", chat_id=group))
    assert "posting as the group" not in said and "would like to reconnect" in said
