"""One person's updates in order; a busy person never holds up anyone else."""

from __future__ import annotations

import asyncio

from telegram import Update

from bot.sandbox.core import Sandbox
from bot.telegram.concurrency import PerChatUpdateProcessor


def updates(sandbox: Sandbox, user_id: int, n: int) -> list[Update]:
    sandbox.add_user(user_id, "P")
    return [Update.de_json(sandbox.send_text(user_id, f"m{i}"), None) for i in range(n)]


async def test_a_busy_chat_does_not_starve_another():
    sandbox = Sandbox(first_update_id=1)
    processor = PerChatUpdateProcessor(2)
    release = asyncio.Event()
    order: list[str] = []

    async def slow(name: str) -> None:
        await release.wait()
        order.append(name)

    async def quick(name: str) -> None:
        order.append(name)

    busy = [processor.process_update(u, slow(f"a{i}"))
            for i, u in enumerate(updates(sandbox, 1, 5))]  # fmt: skip
    (other,) = updates(sandbox, 2, 1)
    tasks = [asyncio.create_task(t) for t in busy]
    await asyncio.sleep(0)
    await asyncio.wait_for(processor.process_update(other, quick("b")), 1)  # not held up
    assert order == ["b"]
    release.set()
    await asyncio.gather(*tasks)
    assert order == ["b", "a0", "a1", "a2", "a3", "a4"]  # one chat's updates in order
