"""Benchmark: many people through the whole repair flow at once, beside a bare echo bot.

Three bots, one after another: a bare echo bot, Mend, and "Mend's calls only" (the API calls
Mend made for each update, replayed by a bot with no flow and no database: what Mend's traffic
costs in python-telegram-bot and the stand-in). Each polls the Telegram stand-in with Mend's
Poller (in-process, so no network time is measured). Every simulated person sends an update,
waits for the bot's answer, and sends the next (a person cannot tap a button before it
arrives); all people do this at once.

- updates/s: all updates over the wall time of the run.
- handling p50/p99: time inside `Application.process_update`, from the update reaching the
  handlers to its replies having been sent (the "bot-side handling" of DESIGN.md).
- answer p99: from the update entering Telegram's queue to the bot's answer, polling and
  queueing included.

All share the same rate limiter, lifted far above Telegram's 30 messages a second: at
the real limit all would measure the limit, not the bot.

    .venv/bin/python scripts/bench_flow.py [--people 200] [--database sqlite|postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select
from telegram import InlineKeyboardMarkup, Update
from telegram.ext import (
    AIORateLimiter,
    Application,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.app import build_application, concurrency
from bot.config import Settings
from bot.sandbox.core import BotAction, Sandbox
from bot.sandbox.request import SandboxRequest
from bot.storage.database import Database
from bot.storage.migrate import upgrade
from bot.storage.models import MomentRow, User
from bot.telegram.poller import Poller
from tests.inprocess.flows import SAY_IT_NOW
from tests.postgres import create_scratch, drop_scratch

FIRST_USER = 1_000_000
ANSWERS = ("sendMessage", "editMessageText")
App = Application[Any, Any, Any, Any, Any, Any]


def limiter() -> AIORateLimiter:
    return AIORateLimiter(
        overall_max_rate=1_000_000,
        overall_time_period=1,
        group_max_rate=1_000_000,
        group_time_period=1,
    )


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class Run:
    """Drives simulated people against one running bot and keeps the timings."""

    def __init__(self, app: App, sandbox: Sandbox, watch: int | None = None) -> None:
        self.app = app
        self.sandbox = sandbox
        self.handling: list[float] = []
        self.answers: list[float] = []
        # What the bot sent for each update of person `watch`, in order (their chat's updates
        # are handled one at a time, so nothing of theirs interleaves).
        self.watched: list[list[BotAction]] = []
        original = app.process_update

        async def timed(update: object) -> None:
            sent_before = len(sandbox.actions)
            started = time.perf_counter()
            try:
                await original(update)
            finally:
                self.handling.append(time.perf_counter() - started)
            chat = update.effective_chat if isinstance(update, Update) else None
            if watch is not None and chat is not None and chat.id == watch:
                ours = [a for a in sandbox.actions[sent_before:] if a.chat_id == watch]
                self.watched.append(ours)

        app.process_update = timed  # type: ignore[method-assign]

    async def send(self, user_id: int, push: Callable[[], object]) -> BotAction:
        started = time.perf_counter()
        waiting = asyncio.ensure_future(self.sandbox.next_in_chat(user_id, ANSWERS, 30))
        await asyncio.sleep(0)  # the waiter is registered before the update exists
        push()
        answer = await waiting
        if answer is None:
            raise SystemExit(f"no answer for person {user_id} within 30 s")
        self.answers.append(time.perf_counter() - started)
        return answer

    async def go(self, people: int, person: Callable[[int], Awaitable[None]]) -> float:
        async with self.app:
            await self.app.start()
            stop = asyncio.Event()
            polling = asyncio.create_task(Poller(self.app, timeout=1).run(stop))
            started = time.perf_counter()
            await asyncio.gather(*(person(FIRST_USER + i) for i in range(people)))
            elapsed = time.perf_counter() - started
            stop.set()
            await polling
            await self.app.stop()
        return elapsed


def bare_app(people: int) -> tuple[Sandbox, App]:
    """A python-telegram-bot application with nothing of Mend in it, and its stand-in."""
    sandbox = Sandbox()
    for i in range(people):
        sandbox.add_user(FIRST_USER + i, f"P{i}")
    app = (
        Application.builder()
        .token(sandbox.token)
        .request(SandboxRequest(sandbox))
        .get_updates_request(SandboxRequest(sandbox, read_timeout=30))
        .rate_limiter(limiter())
        .updater(None)  # every bot here takes updates through the same Poller
        .build()
    )
    return sandbox, app


async def say_it_now(run: Run, user_id: int) -> None:
    """One person through the whole repair flow to "say something now"."""
    sandbox = run.sandbox

    def act(kind: str, value: str, card: dict[str, Any] | None) -> object:
        if kind == "text":
            return sandbox.send_text(user_id, value)
        assert card is not None, f"no card for {user_id} at {value!r}"
        return sandbox.press(user_id, card["message_id"], label=value)

    for kind, value, _, _ in SAY_IT_NOW:
        card = sandbox.last_card(user_id) if kind == "press" else None
        await run.send(user_id, partial(act, kind, value, card))


async def bench_echo(people: int, per_person: int) -> tuple[Run, float]:
    sandbox, app = bare_app(people)

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None and update.effective_message.text
        await update.effective_message.reply_text(update.effective_message.text)

    app.add_handler(MessageHandler(filters.TEXT, echo))
    run = Run(app, sandbox)

    async def person(user_id: int) -> None:
        for n in range(per_person):
            await run.send(user_id, partial(sandbox.send_text, user_id, f"echo {n}"))

    return run, await run.go(people, person)


async def bench_mend(people: int, database_url: str) -> tuple[Run, float]:
    sandbox = Sandbox()
    db = Database(database_url)
    async with db.unit_of_work() as session:  # onboarded people: the repair flow is timed
        for i in range(people):
            session.add(
                User(
                    id=FIRST_USER + i,
                    first_name=f"P{i}",
                    preferred_name=f"P{i}",
                    timezone="Europe/Berlin",
                    onboarded_at=datetime.now(UTC),
                )
            )
    for i in range(people):
        sandbox.add_user(FIRST_USER + i, f"P{i}")
    settings = Settings(_env_file=None, database_url=database_url, telegram_bot_token=sandbox.token)
    app = build_application(
        settings,
        request=SandboxRequest(sandbox),
        updates_request=SandboxRequest(sandbox, read_timeout=30),
        token=sandbox.token,
        database=db,
    )
    app.bot._rate_limiter = limiter()  # the same lifted limits as the echo bot
    run = Run(app, sandbox, watch=FIRST_USER)
    elapsed = await run.go(people, partial(say_it_now, run))
    db = Database(database_url)
    async with db.unit_of_work() as session:
        done = await session.scalar(
            select(func.count()).select_from(MomentRow).where(MomentRow.status == "drafted")
        )
    await db.dispose()
    if done != people:
        raise SystemExit(f"only {done} of {people} flows finished")
    return run, elapsed


async def bench_mirror(people: int, replies: list[list[BotAction]]) -> tuple[Run, float]:
    """python-telegram-bot answering each update with exactly the calls Mend made for it (the
    same texts and keyboards, taken from Mend's run), with no flow, no database, no safety
    screen: the cost of Mend's traffic through python-telegram-bot and the stand-in alone."""
    sandbox, app = bare_app(people)
    markups = [
        [InlineKeyboardMarkup.de_json(a.reply_markup, app.bot) if a.reply_markup else None
         for a in calls]
        for calls in replies
    ]  # fmt: skip
    answered: Counter[int] = Counter()

    async def mirror(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_user is not None
        user = update.effective_user.id
        n = answered[user]
        answered[user] += 1
        query = update.callback_query
        bot = context.bot
        for call, markup in zip(replies[n], markups[n], strict=True):
            text, parse_mode = str(call.params.get("text", "")), call.params.get("parse_mode")
            if call.method == "answerCallbackQuery":
                assert query is not None
                await bot.answer_callback_query(query.id, text=call.text)
            elif call.method == "editMessageText":
                assert query is not None and query.message is not None
                await bot.edit_message_text(
                    text, user, query.message.message_id, parse_mode=parse_mode,
                    reply_markup=markup,
                )  # fmt: skip
            elif call.method == "sendMessage":
                await bot.send_message(user, text, parse_mode=parse_mode, reply_markup=markup)
            elif call.method == "editMessageReplyMarkup":  # Mend retires the pressed card
                assert query is not None and query.message is not None
                await bot.edit_message_reply_markup(
                    user, query.message.message_id, reply_markup=markup
                )
            else:
                raise SystemExit(f"the mirror bot does not know {call.method}")

    app.add_handler(TypeHandler(Update, mirror))
    run = Run(app, sandbox)
    return run, await run.go(people, partial(say_it_now, run))


def report(name: str, run: Run, elapsed: float) -> None:
    print(
        f"{name:<18} {len(run.handling):>7} {elapsed:>8.2f} {rate((run, elapsed)):>10.0f} "
        f"{percentile(run.handling, 0.50) * 1000:>9.2f} "
        f"{percentile(run.handling, 0.99) * 1000:>9.2f} "
        f"{percentile(run.answers, 0.99) * 1000:>10.1f}"
    )


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="run the three bots this many times, in turn, and print the median round",
    )
    parser.add_argument(
        "--postgres-url", default="postgresql+asyncpg://postgres@127.0.0.1:5432/test"
    )
    args = parser.parse_args()
    urls: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        try:
            for n in range(max(1, args.rounds)):  # each round's Mend starts from an empty database
                if args.database == "sqlite":
                    urls.append(f"sqlite+aiosqlite:///{folder}/bench{n}.db")
                else:
                    urls.append(await create_scratch(args.postgres_url, "mend_bench"))
            await run_all(args.people, urls, args.database)
        finally:
            if args.database == "postgres":
                for url in urls:
                    await drop_scratch(args.postgres_url, url)


Measured = tuple[Run, float]


def rate(measured: Measured) -> float:
    run, elapsed = measured
    return len(run.handling) / elapsed


async def run_all(people: int, urls: list[str], database: str) -> None:
    settings = Settings(_env_file=None, database_url=urls[0])
    print(
        f"{people} people at once, {len(SAY_IT_NOW)} updates each, {database}; "
        f"Mend handles up to {concurrency(settings)} updates at once, the echo bot 1 "
        f"(python-telegram-bot's default)"
    )
    # A shared machine's speed drifts from one run to the next by a fifth or more, so the
    # bots take turns, round after round, and the round with the median ratio is shown.
    rounds: list[tuple[Measured, Measured, Measured]] = []
    for url in urls:
        await asyncio.to_thread(upgrade, url)
        echo = await bench_echo(people, len(SAY_IT_NOW))
        mend = await bench_mend(people, url)
        mirror = await bench_mirror(people, mend[0].watched)
        rounds.append((echo, mend, mirror))
    ratios = [rate(mend) / rate(echo) for echo, mend, _ in rounds]
    median = sorted(range(len(rounds)), key=ratios.__getitem__)[len(rounds) // 2]
    echo, mend, mirror = rounds[median]
    print(
        f"{'bot':<18} {'updates':>7} {'seconds':>8} {'updates/s':>10} "
        f"{'handle p50':>9} {'handle p99':>9} {'answer p99':>10}   (ms)"
    )
    report("bare echo bot", *echo)
    report("Mend repair flow", *mend)
    report("Mend's calls only", *mirror)
    print(
        f"ratio (Mend / echo updates per second): {ratios[median]:.2f}"
        f" (round {median + 1} of {len(rounds)}; all rounds: "
        + ", ".join(f"{r:.2f}" for r in ratios)
        + ")"
    )
    print(
        f"ceiling: with no flow and no database, Mend's calls alone would be at "
        f"{rate(mirror) / rate(echo):.2f} of the echo bot"
    )
    print(
        f"CPU per update: echo {1000 / rate(echo):.2f} ms, Mend's calls alone "
        f"{1000 / rate(mirror):.2f} ms, Mend {1000 / rate(mend):.2f} ms "
        f"(its own work: {1000 / rate(mend) - 1000 / rate(mirror):.2f} ms)"
    )


if __name__ == "__main__":
    asyncio.run(main())
