"""Benchmark: scheduling for a million people, beside python-telegram-bot's JobQueue.

    .venv/bin/python scripts/bench_schedule.py [--people 1000000] [--jobqueue 100000]
                                               [--send 3000] [--skip-postgres]

Prints, on SQLite and on PostgreSQL with `--people` users each with a pending evening prompt
(random zones and evening times): the bot's start time (process start to ready, migrations
check included) and its idle resident memory, and one tick's claim query time; then the same
start time and memory for a bare Application whose JobQueue holds one `run_daily` per person
for `--jobqueue` people; then the send rate when `--send` prompts fall due at once under a
30-a-second limit, as a share of the limit (the stand-in enforcing Telegram's limit and
counting any message over it). Each figure comes from a fresh process.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

STARTED = time.perf_counter()  # as early as possible: start time counts imports
NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
ZONES = [
    "Europe/Berlin",
    "America/New_York",
    "Asia/Kolkata",
    "Australia/Sydney",
    "America/Santiago",
    "Asia/Kathmandu",
    "Pacific/Chatham",
    "Europe/London",
    "America/Los_Angeles",
    "Asia/Tokyo",
    "Africa/Lagos",
    "America/Sao_Paulo",
]


def rss_mb() -> float:
    with open("/proc/self/status") as status:  # noqa: PTH123
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def rows(people: int) -> Any:
    rng = random.Random(7)
    for n in range(people):
        user_id = 10_000_000 + n
        zone = rng.choice(ZONES)
        hour, minute = rng.randint(18, 22), rng.choice([0, 15, 30, 45])
        due = NOW + timedelta(minutes=rng.randint(-30, 24 * 60))
        yield user_id, zone, f"{hour:02d}:{minute:02d}", due


def populate_sqlite(path: str, people: int) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    stamp = NOW.replace(tzinfo=None).isoformat(sep=" ")
    with connection:
        connection.executemany(
            "INSERT INTO users (id, first_name, timezone, evening_on, evening_at, quiet_start,"
            " quiet_end, follow_up_hours, nudges_on, created_at, updated_at)"
            " VALUES (?, 'P', ?, 1, ?, '22:30', '08:00', 3, 1, ?, ?)",
            ((u, z, e, stamp, stamp) for u, z, e, _ in rows(people)),
        )
        connection.executemany(
            "INSERT INTO scheduled_prompts (key, kind, user_id, chat_id, due_at, status,"
            " attempts, created_at, updated_at) VALUES (?, 'evening', ?, ?, ?, 'pending', 0, ?, ?)",
            (
                (
                    f"evening:{u}:{d.date()}",
                    u,
                    u,
                    d.replace(tzinfo=None).isoformat(sep=" "),
                    stamp,
                    stamp,
                )
                for u, _, _, d in rows(people)
            ),
        )
    connection.execute("ANALYZE")
    connection.close()


async def populate_postgres(url: str, people: int) -> None:
    import asyncpg
    from sqlalchemy.engine import make_url

    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    connection = await asyncpg.connect(dsn)
    try:
        await connection.copy_records_to_table(
            "users",
            columns=[
                "id",
                "first_name",
                "timezone",
                "evening_on",
                "evening_at",
                "quiet_start",
                "quiet_end",
                "follow_up_hours",
                "nudges_on",
                "created_at",
                "updated_at",
            ],
            records=(
                (u, "P", z, True, e, "22:30", "08:00", 3, True, NOW, NOW)
                for u, z, e, _ in rows(people)
            ),
        )
        await connection.copy_records_to_table(
            "scheduled_prompts",
            columns=[
                "key",
                "kind",
                "user_id",
                "chat_id",
                "due_at",
                "status",
                "attempts",
                "created_at",
                "updated_at",
            ],
            records=(
                (f"evening:{u}:{d.date()}", "evening", u, u, d, "pending", 0, NOW, NOW)
                for u, _, _, d in rows(people)
            ),
        )
        await connection.execute("ANALYZE")
    finally:
        await connection.close()


# ----------------------------------------------------------------------- measured in a child


async def child_start(url: str) -> dict[str, float]:
    """Start the bot as `python -m bot run` would (migrations check, Application, getMe,
    post_init with its recovery query) on the in-process stand-in; report when it is ready."""
    from bot.app import build_application
    from bot.config import Settings
    from bot.sandbox.core import Sandbox
    from bot.sandbox.request import SandboxRequest
    from bot.storage.migrate import upgrade

    await asyncio.to_thread(upgrade, url)
    sandbox = Sandbox()
    settings = Settings(_env_file=None, database_url=url)
    app = build_application(settings, request=SandboxRequest(sandbox), token=sandbox.token)
    await app.initialize()
    assert app.post_init is not None
    await app.post_init(app)
    await app.start()  # job queue with the tick
    ready = time.perf_counter() - STARTED
    await asyncio.sleep(1)  # idle
    memory = rss_mb()
    await app.stop()
    await app.shutdown()
    return {"start_s": ready, "rss_mb": memory}


async def child_claim(url: str) -> dict[str, float]:
    """One tick's claim: the due rows out of a million, claimed (rolled back after)."""
    from bot.scheduling import store
    from bot.storage.database import Database

    db = Database(url)
    timings = []
    for _ in range(5):
        async with db.engine.connect() as connection:
            from sqlalchemy.ext.asyncio import AsyncSession

            session = AsyncSession(bind=connection)
            transaction = await connection.begin()
            started = time.perf_counter()
            claimed = await store.claim(session, NOW, 200)
            timings.append(time.perf_counter() - started)
            await transaction.rollback()
            await session.close()
    await db.dispose()
    return {"claim_ms": 1000 * sorted(timings)[len(timings) // 2], "claimed": len(claimed)}


async def child_jobqueue(people: int) -> dict[str, float]:
    from datetime import time as clock

    from telegram.ext import Application

    from bot.sandbox.core import Sandbox
    from bot.sandbox.request import SandboxRequest

    sandbox = Sandbox()
    app = (
        Application.builder()
        .token(sandbox.token)
        .request(SandboxRequest(sandbox))
        .get_updates_request(SandboxRequest(sandbox))
        .build()
    )

    async def evening(context: Any) -> None:
        return None

    await app.initialize()
    assert app.job_queue is not None
    rng = random.Random(7)
    from zoneinfo import ZoneInfo

    for n in range(people):
        at = clock(
            rng.randint(18, 22), rng.choice([0, 15, 30, 45]), tzinfo=ZoneInfo(rng.choice(ZONES))
        )
        app.job_queue.run_daily(evening, at, chat_id=n, name=f"evening:{n}")
    await app.start()
    ready = time.perf_counter() - STARTED
    await asyncio.sleep(1)
    memory = rss_mb()
    await app.stop()
    await app.shutdown()
    return {"start_s": ready, "rss_mb": memory}


async def child_send(count: int, url: str) -> dict[str, float]:
    """`count` prompts due at once; the stand-in enforces 30 a second and counts excess."""
    from telegram.ext import ExtBot

    from bot.sandbox.core import FloodLimits, Sandbox
    from bot.sandbox.request import SandboxRequest
    from bot.scheduling.dispatcher import Dispatcher
    from bot.scheduling.ratelimit import MendRateLimiter
    from bot.storage.database import Database

    sandbox = Sandbox(limits=FloodLimits(overall_per_second=30))
    db = Database(url)
    from sqlalchemy import insert

    from bot.storage.models import ScheduledPrompt, User

    async with db.unit_of_work() as session:
        await session.execute(
            insert(User),
            [
                {
                    "id": 50_000_000 + n,
                    "first_name": "P",
                    "timezone": "Europe/Berlin",
                    "created_at": NOW,
                    "updated_at": NOW,
                }
                for n in range(count)
            ],
        )
        await session.execute(
            insert(ScheduledPrompt),
            [
                {
                    "key": f"snooze:s{n}",
                    "kind": "snooze",
                    "user_id": 50_000_000 + n,
                    "chat_id": 50_000_000 + n,
                    "due_at": NOW,
                    "status": "pending",
                    "attempts": 0,
                    "created_at": NOW,
                    "updated_at": NOW,
                }
                for n in range(count)
            ],
        )
    for n in range(count):
        sandbox.add_user(50_000_000 + n, "P")
    bot = ExtBot(
        sandbox.token, request=SandboxRequest(sandbox), rate_limiter=MendRateLimiter(per_second=30)
    )
    await bot.initialize()
    dispatcher = Dispatcher(db, bot, lambda: NOW, batch=200)
    started = time.perf_counter()
    sent = 0
    while sent < count:
        report = await dispatcher.tick()
        sent += report.counts["sent"]
        if not report:
            break
    elapsed = time.perf_counter() - started
    stamps = sorted(a.at for a in sandbox.actions if a.method == "sendMessage")
    worst = max(
        sum(1 for t in stamps[i : i + 40] if t - stamps[i] < 1.0) for i in range(len(stamps))
    )
    await bot.shutdown()
    await db.dispose()
    return {
        "sent": sent,
        "seconds": elapsed,
        "rate": sent / elapsed,
        "over_limit": sandbox.flood_refusals,
        "max_in_any_second": worst,
    }


def run_child(*args: str) -> dict[str, float]:
    output = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "LOG_LEVEL": "WARNING"},
    ).stdout
    return dict(json.loads(output.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--jobqueue", type=int, default=100_000)
    parser.add_argument("--send", type=int, default=3_000)
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument(
        "--postgres-url", default="postgresql+asyncpg://postgres@127.0.0.1:5432/test"
    )
    parser.add_argument("--child", nargs="+")
    args = parser.parse_args()
    if args.child:
        what, *rest = args.child
        result = asyncio.run(
            {
                "start": lambda: child_start(rest[0]),
                "claim": lambda: child_claim(rest[0]),
                "jobqueue": lambda: child_jobqueue(int(rest[0])),
                "send": lambda: child_send(int(rest[0]), rest[1]),
            }[what]()
        )
        print(json.dumps(result))
        return

    from bot.storage.migrate import upgrade
    from tests.postgres import create_scratch, drop_scratch  # here: not in the timed children

    with tempfile.TemporaryDirectory() as folder:
        targets = [("SQLite", f"sqlite+aiosqlite:///{folder}/bench.db")]
        if not args.skip_postgres:
            scratch = asyncio.run(create_scratch(args.postgres_url, "mend_bench"))
            targets.append(("PostgreSQL", scratch))
        print(f"{args.people:,} people, each with a pending evening prompt")
        print(f"{'':<28} {'start s':>8} {'idle MB':>8} {'claim ms':>9}")
        try:
            for name, url in targets:
                upgrade(url)
                began = time.perf_counter()
                if name == "SQLite":
                    populate_sqlite(url.partition(":///")[2], args.people)
                else:
                    asyncio.run(populate_postgres(url, args.people))
                filled = time.perf_counter() - began
                start = run_child("start", url)
                claim = run_child("claim", url)
                print(
                    f"{'Mend, ' + name:<28} {start['start_s']:>8.2f} {start['rss_mb']:>8.0f} "
                    f"{claim['claim_ms']:>9.2f}   (filled in {filled:.0f} s)"
                )
        finally:  # the million-row database is not left on the server
            if not args.skip_postgres:
                asyncio.run(drop_scratch(args.postgres_url, scratch))
        jobs = run_child("jobqueue", str(args.jobqueue))
        print(
            f"{f'JobQueue, {args.jobqueue:,} run_daily':<28} {jobs['start_s']:>8.2f} "
            f"{jobs['rss_mb']:>8.0f} {'-':>9}"
        )
        send_url = f"sqlite+aiosqlite:///{folder}/send.db"
        upgrade(send_url)
        send = run_child("send", str(args.send), send_url)
        print(
            f"\n{int(send['sent']):,} prompts due at once, limit 30/s: "
            f"{send['rate']:.2f}/s = {100 * send['rate'] / 30:.1f}% of the limit; "
            f"at most {int(send['max_in_any_second'])} in any one second; "
            f"{int(send['over_limit'])} refused by the stand-in as over the limit"
        )


if __name__ == "__main__":
    main()
