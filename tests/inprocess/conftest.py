"""Fixtures for the in-process tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.sandbox.core import Sandbox
from tests.harness import FakeClock, Harness, start_harness


@pytest.fixture
async def h(db_url: str, clock: FakeClock) -> AsyncIterator[Harness]:
    """The harness with the stand-in in Telegram's group privacy mode, as groups run: the bot
    sees commands, button presses and service messages in a group, nothing else."""
    sandbox = Sandbox(first_update_id=9_000, clock=lambda: clock.now.timestamp(), privacy_mode=True)
    async with start_harness(db_url, clock, sandbox) as harness:
        yield harness
