"""Both partners confirm their round answer at the same moment (two updates handled at once by
the Application): the round is posted, once, with both. Each answer is recorded while the
space's row is locked (PostgreSQL: SELECT ... FOR UPDATE; SQLite takes one writer at a time),
so the second to be recorded sees the first. Meant for MEND_TEST_DB=postgres, where the two
turns really run at once; on SQLite it passes as the writes are serialised."""

from __future__ import annotations

import asyncio
import contextlib

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage import couples as couple_store
from tests.harness import Harness
from tests.inprocess.test_couples import ANA, BEN, said
from tests.inprocess.test_round_confirm import round_out

HERS = "How you listened on Tuesday"
HIS = "The soup when I was ill"


async def test_both_confirming_at_once_posts_the_round_once(
    h: Harness, monkeypatch: pytest.MonkeyPatch
):
    group, _ = await round_out(h)
    await h.press(ANA, "Write mine")
    await h.text(ANA, HERS)
    await h.press(BEN, "Write mine")
    await h.text(BEN, HIS)
    # Each turn, once it has read the round's answers, waits (a while) for the other to have
    # read them too: without a lock both would read none, and each say "Kept".
    real = couple_store.answers_to_round
    read, both = [0], asyncio.Event()

    async def answers_read_together(session: AsyncSession, round_key: str) -> dict[int, str]:
        answers = await real(session, round_key)
        read[0] += 1
        if read[0] >= 2:
            both.set()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(both.wait(), 0.5)
        return answers

    monkeypatch.setattr(couple_store, "answers_to_round", answers_read_together)
    await asyncio.gather(
        h.press(ANA, "Yes, that's my thanks"), h.press(BEN, "Yes, that's my thanks")
    )
    posted = [t for t in said(h.sandbox.actions, group) if "This week's thanks" in t]
    assert len(posted) == 1
    assert f"Ana: {HERS}" in posted[0] and f"Ben: {HIS}" in posted[0]
