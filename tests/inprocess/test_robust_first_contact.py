"""Someone Mend has never seen presses "Pair this group" in a group while sending /start in
private: the two updates come from two chats, so they run side by side, and both make the
person's row. Neither may fail (tests/storage/test_robust_first_contact.py forces the race on
PostgreSQL; here it runs as it comes, on the test database)."""

from __future__ import annotations

import asyncio

from telegram import Update
from telegram.ext import ContextTypes

from tests.harness import Harness
from tests.inprocess.test_couples import ANA, BEN, flush


async def test_a_first_contact_in_two_chats_at_once_answers_both(h: Harness) -> None:
    errors: list[BaseException] = []

    async def record(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        errors.append(context.error or RuntimeError("unknown"))

    h.app.add_error_handler(record)
    await h.onboard(ANA, "Ana")
    h.person(BEN, "Ben")
    group = h.sandbox.create_group("Us", [ANA, BEN], by=ANA)
    await flush(h)
    card = h.last_card(group)
    assert card.message_id is not None
    for attempt in range(5):
        newcomer = h.person(BEN + 100 + attempt, f"B{attempt}")
        h.sandbox.chats[group].members.add(newcomer)
        pressed = h.sandbox.press(newcomer, card.message_id, chat_id=group, label="Pair this group")
        started = h.sandbox.send_text(newcomer, "/start")
        updates = [
            Update.de_json(h.sandbox.take_update(u["update_id"]), h.app.bot)
            for u in (pressed, started)
        ]
        since = h.sandbox.last_seq()
        await asyncio.gather(
            *(h.app.update_processor.process_update(u, h.app.process_update(u)) for u in updates)
        )
        assert errors == [], f"attempt {attempt}"
        greeted = h.texts(h.sandbox.sent(newcomer, since=since))
        assert greeted, "their /start was answered"
