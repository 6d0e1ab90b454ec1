"""An update python-telegram-bot cannot parse (a shape a newer or older Bot API sends) costs
that one update only: the poller goes on, everyone else in the batch is answered, Telegram is
told the bad one is taken (or it would come back forever), and what the person wrote never
reaches a log."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.telegram.poller import Poller
from tests.harness import Harness

ANA, BEN = 801, 802
PRIVATE = "myverysecretwords"


def _unparseable_poll(h: Harness, user_id: int) -> dict[str, object]:
    """A poll without fields python-telegram-bot 22 requires: `Update.de_json` raises."""
    s = h.sandbox
    message = {
        "message_id": s._next_message_id(user_id),
        "from": s.users[user_id],
        "chat": s.chats[user_id].obj,
        "date": int(s.clock()),
        "poll": {
            "id": "1",
            "question": f"{PRIVATE}?",
            "options": [{"text": PRIVATE, "voter_count": 0}],
            "total_voter_count": 0,
            "is_closed": False,
            "is_anonymous": True,
            "type": "regular",
            "allows_multiple_answers": False,
        },
    }
    return s._push("message", message)


@pytest.mark.parametrize("bad_is_last", [False, True])
async def test_one_unparseable_update_costs_only_itself(
    harness: Harness, caplog: pytest.LogCaptureFixture, bad_is_last: bool
) -> None:
    h = harness
    h.person(ANA, "Ana")
    h.person(BEN, "Ben")
    caplog.set_level(logging.INFO)
    h.sandbox.send_text(ANA, "/start")
    if bad_is_last:
        h.sandbox.send_text(BEN, "/start")
        bad = _unparseable_poll(h, ANA)
    else:
        bad = _unparseable_poll(h, ANA)
        h.sandbox.send_text(BEN, "/start")
    await h.app.start()
    # Both waiters are there before anything is handled: the two chats are answered at once.
    waiting = [
        asyncio.ensure_future(h.sandbox.next_in_chat(who, ("sendMessage",), 10))
        for who in (ANA, BEN)
    ]
    await asyncio.sleep(0)
    stop = asyncio.Event()
    polling = asyncio.create_task(Poller(h.app, timeout=1).run(stop))
    try:
        ana, ben = await asyncio.gather(*waiting)
        assert not polling.done(), "the poller is still taking updates"
    finally:
        stop.set()
        await asyncio.wait_for(polling, 10)  # raises whatever killed it
        await h.app.stop()
    assert ana is not None and ben is not None, "everyone else in the batch was answered"
    assert h.sandbox.pending_updates() == [], "the bad update was confirmed, not sent again"
    said = [r for r in caplog.records if str(bad["update_id"]) in r.getMessage()]
    assert said, "the skipped update is logged by its id"
    assert any("TypeError" in r.getMessage() for r in said), "with the kind of error"
    for record in caplog.records:
        assert PRIVATE not in record.getMessage(), f"{record.name} logged what Ana wrote"
        assert PRIVATE not in caplog.text
