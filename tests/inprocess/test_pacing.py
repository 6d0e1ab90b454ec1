"""The bot's own pace (bot/scheduling/ratelimit.py), which keeps Telegram's flood limits on our
side. The in-process harness paces chats at a millisecond when its stand-in enforces no limits
(tests/harness.py), so the pace itself is checked here: the limiter's waits are recorded
instead of slept, which makes the test exact and instant."""

from __future__ import annotations

import asyncio

import pytest

from bot.scheduling.ratelimit import PROMPT, MendRateLimiter

GROUP, OTHER_GROUP, PERSON = -100_1, -100_2, 1201


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every wait the limiter asks for, in seconds; none is slept, so the clock stands still
    and each wait is measured from the same moment."""
    asked: list[float] = []

    async def record(seconds: float) -> None:
        asked.append(seconds)

    monkeypatch.setattr(asyncio, "sleep", record)
    return asked


async def send(limiter: MendRateLimiter, chat_id: int, *, prompt: bool = False) -> None:
    async def telegram() -> bool:
        return True

    args = PROMPT if prompt else None
    await limiter.process_request(telegram, (), {}, "sendMessage", {"chat_id": chat_id}, args)


async def test_messages_to_one_group_are_spaced_by_the_group_limit(waits: list[float]):
    limiter = MendRateLimiter(per_second=30, group_per_minute=20)
    for _ in range(3):
        await send(limiter, GROUP)
    group_waits = sorted(w for w in waits if w > 1)
    # 20 a minute is one every 3 s, paced 1% slower: the 2nd waits one interval, the 3rd two.
    assert group_waits == pytest.approx([3.03, 6.06], abs=0.05)


async def test_another_group_is_not_held_up_by_the_first(waits: list[float]):
    limiter = MendRateLimiter(per_second=30, group_per_minute=20)
    await send(limiter, GROUP)
    await send(limiter, GROUP)
    waits.clear()
    await send(limiter, OTHER_GROUP)
    assert all(w < 0.1 for w in waits)  # only the overall pace of 30 a second


async def test_prompts_to_one_person_are_a_second_apart_but_replies_are_not(waits: list[float]):
    limiter = MendRateLimiter(per_second=30, private_gap=1.0)
    for _ in range(3):
        await send(limiter, PERSON)  # replies: Telegram lets a private chat burst
    assert all(w < 0.2 for w in waits)
    waits.clear()
    for _ in range(2):
        await send(limiter, PERSON + 1, prompt=True)
    assert max(waits) == pytest.approx(1.01, abs=0.05)


async def test_no_second_passes_more_than_30_messages(waits: list[float]):
    limiter = MendRateLimiter(per_second=30)
    await asyncio.gather(*(send(limiter, PERSON + n) for n in range(61)))
    # The 31st message waits just over a second, the 61st just over two: never a burst.
    assert max(waits) == pytest.approx(60 * 1.01 / 30, abs=0.05)
    assert sum(w < 1.0 for w in waits) <= 30
