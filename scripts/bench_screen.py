"""Benchmark: what the safety screen costs, on every free text before any flow logic.

Prints the time per message over the labelled set (tests/domain/safety_cases.py), for an
ordinary message of Telegram's longest (4,096 characters), and the worst of a few inputs
written to make patterns scan far (one word repeated to 4,096 characters, no full stop).

    .venv/bin/python scripts/bench_screen.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.domain.safety import screen
from tests.domain import safety_cases

LONGEST = 4096
REPEATED = ["i ", "my ", "said ", "the gun ", "sleep ", "not ending it ", "sex ", "balcony "]


def per_call(text: str, times: int) -> float:
    started = time.perf_counter()
    for _ in range(times):
        screen(text)
    return (time.perf_counter() - started) / times


def main() -> None:
    texts = safety_cases.DANGER + safety_cases.CONCERN + safety_cases.NONE
    started = time.perf_counter()
    for text in texts:
        screen(text)
    typical = (time.perf_counter() - started) / len(texts)
    ordinary = ("he was on his phone again and I felt ignored. " * 100)[:LONGEST]
    long = per_call(ordinary, 10)
    worst, worst_word = max(
        (per_call((word * (LONGEST // len(word) + 1))[:LONGEST], 3), word) for word in REPEATED
    )
    print(f"labelled set, {len(texts)} messages: {typical * 1e3:.2f} ms a message")
    print(f"an ordinary message of {LONGEST} characters: {long * 1e3:.1f} ms")
    print(f"worst repeated word to {LONGEST} characters ({worst_word!r}): {worst * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
