"""A message to the partner (or the couple's group) that Telegram fails for any reason, not
only a refusal (403), is never reported as sent: its author is told, with the words to send
themself. Nothing is sent twice, and a failure of a message to the person themself is not
taken for one to the partner."""

from __future__ import annotations

from typing import Any

import pytest
from telegram.error import BadRequest, Forbidden, NetworkError, TimedOut

from bot.sandbox.core import Fault
from bot.storage.models import User
from bot.telegram.services import services_of
from bot.telegram.turn import Outgoing, deliver
from tests.harness import Harness
from tests.inprocess.test_couples import ANA, BEN, paired_group, said
from tests.inprocess.test_round_confirm import round_out

THANKS = "for cooking dinner Ben"


async def blocked(h: Harness, user_id: int) -> bool:
    async with h.db.unit_of_work() as session:
        user = await session.get(User, user_id)
        assert user is not None
        return user.blocked_at is not None


def sends_to(h: Harness, chat_id: int) -> int:
    return len([a for a in h.sandbox.actions if a.chat_id == chat_id])


@pytest.mark.parametrize("kind", ["server_error", "bad_gateway"])
async def test_a_private_thanks_telegram_fails_is_handed_back_not_said_sent(h: Harness, kind: str):
    await paired_group(h)
    await h.text(ANA, f"/thanks {THANKS}")
    before = sends_to(h, BEN)
    tried = h.sandbox.calls["sendMessage"]
    # Failed, and failed again when tried once more after a network error.
    h.sandbox.faults.append(Fault(kind, method="sendMessage", chat_id=BEN, times=2))
    actions = await h.press(ANA, "Send privately")
    told = said(actions, ANA)
    assert not any(t.startswith("Sent to") for t in told)
    (back,) = [t for t in told if "Ben didn't get this" in t]
    assert THANKS in back and "Telegram couldn't deliver it" in back  # no one cause named
    assert sends_to(h, BEN) == before  # nothing reached him
    assert not await blocked(h, BEN)  # a failure is not a block
    # Tried twice (the one retry), and her words handed back once.
    assert h.sandbox.calls["sendMessage"] - tried == 3


async def test_a_private_thanks_that_went_through_on_the_retry_is_said_sent(h: Harness):
    await paired_group(h)
    await h.text(ANA, f"/thanks {THANKS}")
    h.sandbox.faults.append(Fault("server_error", method="sendMessage", chat_id=BEN, times=1))
    actions = await h.press(ANA, "Send privately")
    assert said(actions, ANA) == ["Sent to Ben."]
    assert len([t for t in said(actions, BEN) if "appreciates you" in t]) == 1  # once


async def test_a_thanks_to_the_group_telegram_fails_is_handed_back_not_said_posted(h: Harness):
    group = await paired_group(h)
    await h.text(ANA, f"/thanks {THANKS}")
    h.sandbox.faults.append(Fault("server_error", method="sendMessage", chat_id=group, times=2))
    actions = await h.press(ANA, "Post in our group")
    told = said(actions, ANA)
    assert not any(t.startswith("Posted") for t in told)
    (back,) = [t for t in told if "I couldn't post this in your group" in t]
    assert THANKS in back
    assert said(actions, group) == []


async def test_a_round_reveal_telegram_fails_is_not_said_posted(h: Harness):
    group, _ = await round_out(h)
    await h.press(ANA, "Write mine")
    await h.text(ANA, "How you listened on Tuesday")
    await h.press(ANA, "Yes, that's my thanks")
    await h.press(BEN, "Write mine")
    await h.text(BEN, "The soup when I was ill")
    h.sandbox.faults.append(Fault("server_error", method="sendMessage", chat_id=group, times=2))
    actions = await h.press(BEN, "Yes, that's my thanks")
    told = said(actions, BEN)
    assert not any("Posted in your group" in t for t in told)
    assert any("I couldn't post this week's thanks round" in t and "soup" in t for t in told)


# ------------------------------------------------------------------ deliver, by itself


class FakeBot:
    """Records sends; `fail` maps a chat to the error each send to it raises."""

    def __init__(self, fail: dict[int, list[Exception]]) -> None:
        self.fail = fail
        self.sent: list[tuple[int, str]] = []

    async def send_message(self, chat_id: int, text: str, **_: Any) -> None:
        errors = self.fail.get(chat_id)
        if errors:
            raise errors.pop(0)
        self.sent.append((chat_id, text))

    async def edit_message_reply_markup(self, **_: Any) -> None:
        self.sent.append((0, "cleared"))


def to_partner(error_chat: int = BEN) -> list[Outgoing]:
    back = Outgoing("send", ANA, "Ben didn't get this: the words")
    return [
        Outgoing("send", error_chat, "the words", if_refused=back),
        Outgoing("send", ANA, "Sent to Ben.", only_if_delivered=True),
    ]


@pytest.mark.parametrize(
    "errors",
    [
        [BadRequest("Chat not found")],
        [TimedOut()],  # may have arrived: not sent again, and not said to have arrived
        [NetworkError("Internal Server Error"), NetworkError("Internal Server Error")],
    ],
)
async def test_any_final_failure_to_the_partner_hands_the_words_back(
    h: Harness, errors: list[Exception]
):
    bot = FakeBot({BEN: list(errors)})
    await deliver(bot, to_partner(), services_of(h.app))  # type: ignore[arg-type]
    assert bot.sent == [(ANA, "Ben didn't get this: the words")]


async def test_a_failure_of_a_message_to_the_person_themself_reports_nothing_of_the_partner(
    h: Harness,
):
    bot = FakeBot({ANA: [BadRequest("Chat not found")]})
    outbox = [
        Outgoing("send", ANA, "a reply to her, lost"),
        Outgoing("send", BEN, "the words", if_refused=Outgoing("send", ANA, "back")),
        Outgoing("send", ANA, "Sent to Ben.", only_if_delivered=True),
    ]
    await deliver(bot, outbox, services_of(h.app))  # type: ignore[arg-type]
    assert bot.sent == [(BEN, "the words"), (ANA, "Sent to Ben.")]


async def test_the_words_handed_back_failing_too_does_not_stop_what_follows(h: Harness):
    bot = FakeBot({BEN: [BadRequest("Chat not found")], ANA: [BadRequest("Chat not found")]})
    outbox = [*to_partner(), Outgoing("send", -5, "a line in the group")]
    await deliver(bot, outbox, services_of(h.app))  # type: ignore[arg-type]
    assert bot.sent == [(-5, "a line in the group")]


async def test_help_that_fails_to_reach_the_person_privately_is_not_moved_into_the_group(
    h: Harness,
):
    """Danger said in the group: its help goes privately, and only a refusal (they blocked
    Mend) brings it to the group instead. A passing failure does not put it where the person
    they fear may read."""
    group = await paired_group(h)
    fault = Fault("server_error", method="sendMessage", chat_id=ANA, times=2)
    h.sandbox.faults.append(fault)
    actions = await h.text(ANA, "/thanks I'm afraid he will hurt me again", chat_id=group)
    assert fault.times == 0  # the help was tried privately, twice, and failed
    assert not any("emergency number" in (a.text or "") for a in actions if a.chat_id == group)


async def test_a_stand_in_for_the_group_is_sent_on_a_refusal_only(h: Harness):
    help_ = Outgoing("send", ANA, "help", if_refused=Outgoing("send", -5, "help, here"))
    failing = FakeBot({ANA: [NetworkError("Internal Server Error")] * 2})
    await deliver(failing, [help_], services_of(h.app))  # type: ignore[arg-type]
    assert failing.sent == []
    refusing = FakeBot({ANA: [Forbidden("bot was blocked by the user")]})
    await deliver(refusing, [help_], services_of(h.app))  # type: ignore[arg-type]
    assert refusing.sent == [(-5, "help, here")]
