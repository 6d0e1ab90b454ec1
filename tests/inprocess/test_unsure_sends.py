"""A message to the partner or the group that timed out may have arrived: it is not sent
again, not said to have gone, and not said to have failed. Its author is told Telegram did
not confirm it, with the words, in case."""

from __future__ import annotations

import httpx
import pytest
from telegram.error import BadRequest, TimedOut

from bot.sandbox.core import Fault
from bot.telegram.services import services_of
from bot.telegram.turn import Outgoing, deliver
from tests.harness import Harness
from tests.inprocess.test_couples import ANA, BEN, paired_group, said
from tests.inprocess.test_failed_sends import THANKS, FakeBot


def to_partner() -> list[Outgoing]:
    back = Outgoing("send", ANA, "Ben didn't get this")
    unsure = Outgoing("send", ANA, "not confirmed")
    return [
        Outgoing("send", BEN, "the words", if_refused=back, if_unsure=unsure),
        Outgoing("send", ANA, "Sent to Ben.", only_if_delivered=True),
    ]


@pytest.mark.parametrize(
    ("error", "told"),
    [(TimedOut(), "not confirmed"), (BadRequest("Chat not found"), "Ben didn't get this")],
)
async def test_a_timeout_says_unconfirmed_and_a_failure_says_failed(
    h: Harness, error: Exception, told: str
):
    bot = FakeBot({BEN: [error]})
    await deliver(bot, to_partner(), services_of(h.app))  # type: ignore[arg-type]
    assert bot.sent == [(ANA, told)]


def never_left(cause: Exception) -> TimedOut:
    """A timeout as python-telegram-bot raises it when the request never left."""
    error = TimedOut("timed out")
    error.__cause__ = cause
    return error


@pytest.mark.parametrize(
    "cause", [httpx.PoolTimeout("no connection free"), httpx.ConnectTimeout("no connection")]
)
async def test_a_timeout_before_anything_was_sent_is_tried_again(h: Harness, cause: Exception):
    bot = FakeBot({BEN: [never_left(cause)]})
    await deliver(bot, to_partner(), services_of(h.app))  # type: ignore[arg-type]
    assert bot.sent == [(BEN, "the words"), (ANA, "Sent to Ben.")]


async def test_a_timeout_before_anything_was_sent_twice_is_a_failure(h: Harness):
    errors: list[Exception] = [
        never_left(httpx.PoolTimeout("no connection free")) for _ in range(2)
    ]
    bot = FakeBot({BEN: errors})
    await deliver(bot, to_partner(), services_of(h.app))  # type: ignore[arg-type]
    assert bot.sent == [(ANA, "Ben didn't get this")]


async def test_a_thanks_that_timed_out_is_neither_sent_nor_failed_but_unconfirmed(h: Harness):
    await paired_group(h)
    await h.text(ANA, f"/thanks {THANKS}")
    h.sandbox.faults.append(Fault("timeout", method="sendMessage", chat_id=BEN, delay=0.01))
    tried = h.sandbox.calls["sendMessage"]
    actions = await h.press(ANA, "Send privately")
    told = said(actions, ANA)
    assert not any(t.startswith("Sent to") or "didn't get this" in t for t in told)
    (unsure,) = [t for t in told if "Telegram didn't confirm that this reached Ben" in t]
    assert THANKS in unsure
    # Tried once (a timed-out send is not repeated), and the words handed back once.
    assert h.sandbox.calls["sendMessage"] - tried == 2


async def test_a_group_post_that_timed_out_is_unconfirmed(h: Harness):
    group = await paired_group(h)
    await h.text(ANA, f"/thanks {THANKS}")
    h.sandbox.faults.append(Fault("timeout", method="sendMessage", chat_id=group, delay=0.01))
    told = said(await h.press(ANA, "Post in our group"), ANA)
    assert not any(t.startswith("Posted") for t in told)
    assert any("Telegram didn't confirm that this was posted" in t for t in told)
