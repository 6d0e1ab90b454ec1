"""Load and faults: many people through the repair flow while Telegram misbehaves and the bot
is killed with -9 and restarted.

    .venv/bin/python scripts/load_faults.py [--people 200] [--kills 2] [--database sqlite|postgres]

The bot runs as its own process (`python -m bot run`) against the HTTP stand-in, which keeps
injecting 429s (retry_after 1), 500s and timeouts. Every person walks the whole flow to "let
it go"; each also has a prompt due during the run. A person waits for the bot's answer before
the next step; when none comes (a fault ate it, or the bot is down) they look at where their
flow stands and go on from there, as a person would. Afterwards it prints: flows finished,
answers missing, moments duplicated, prompts sent twice.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import func, insert, select  # noqa: E402

from bot.sandbox.core import Fault, Sandbox  # noqa: E402
from bot.sandbox.server import SandboxServer  # noqa: E402
from bot.storage.database import Database  # noqa: E402
from bot.storage.migrate import upgrade  # noqa: E402
from bot.storage.models import (  # noqa: E402
    ConversationState,
    MomentRow,
    ProcessedUpdate,
    ScheduledPrompt,
    User,
)
from tests.inprocess.flows import EXPECTED_AFTER_PATH, TO_THE_PATH  # noqa: E402
from tests.postgres import create_scratch, drop_scratch  # noqa: E402

FIRST = 7_000_000
POSTGRES = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
SCRIPT = [
    *TO_THE_PATH,
    ("press", "Let it go", "letgo", ""),
    ("press", "No, it's truly let go", "", ""),
]
STEPS = [s[2] for s in SCRIPT]


class Bot:
    def __init__(self, server: SandboxServer, url: str, folder: Path) -> None:
        assert server.sandbox is not None
        self.env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": server.sandbox.token,
            "TELEGRAM_API_BASE_URL": server.api_base_url,
            "DATABASE_URL": url,
            "TICK_SECONDS": "1",
            "LOG_LEVEL": "WARNING",
            "FLOOD_LIMIT": "0",
            "PYTHONPATH": str(ROOT),
        }
        self.folder = folder
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        log = (self.folder / "bot.log").open("ab")
        command = os.environ.get("LOAD_BOT_COMMAND", "-m bot run").split()
        self.process = subprocess.Popen(
            [sys.executable, *command],
            cwd=self.folder,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> int:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            return self.process.wait(60)
        return 0


async def next_position(db: Database, user_id: int) -> int:
    """The next step of the script, from where the person's flow really stands (what a person
    sees in the chat): the length of the script once the moment is let go."""
    async with db.unit_of_work() as session:
        state = await session.scalar(
            select(ConversationState).where(ConversationState.user_id == user_id)
        )
        moment = await session.scalar(select(MomentRow).where(MomentRow.user_id == user_id))
    if moment is not None and moment.status == "let_go":
        return len(SCRIPT)
    if state is None or state.flow != "moment":
        return 0
    answers = state.data.get("m", {})
    after = {
        "dir": 1,
        "who": 2,
        "whoname": 3,
        "pat": 4,
        "cam": 5,
        "int": 6,
        "path": 11,
        "letgo": 12,
    }
    if state.step == "feel":
        return 8 if "lonely" in answers.get("feelings", []) else 7
    if state.step == "need":
        return 10 if "attention" in answers.get("needs", []) else 9
    return after.get(state.step, 0)


async def committed(db: Database, update_id: int, timeout: float = 120) -> bool:
    """Wait until the bot has committed this update (its id is recorded in the same
    transaction as its effect). Telegram keeps an update until the bot takes it, so it comes
    through kills and faults; polling the table is this script's view, not the bot's."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        async with db.unit_of_work() as session:
            if await session.get(ProcessedUpdate, update_id) is not None:
                return True
        await asyncio.sleep(0.2)
    return False


async def person(
    user_id: int, control: httpx.AsyncClient, db: Database, stats: Counter[str]
) -> None:
    """Answer, wait until the answer is committed, look where the flow stands, go on. Each
    answer is given once; a card that does not show the next question (its edit was lost to
    a fault) is answered with /moment, which shows the question again."""
    position = 0
    deadline = time.monotonic() + 600
    while position < len(SCRIPT) and time.monotonic() < deadline:
        kind, value, _, _ = SCRIPT[position]
        try:
            if kind == "text":
                update = (
                    await control.post("/send", json={"user_id": user_id, "text": value})
                ).json()
            else:
                card = await control.get("/card", params={"chat_id": user_id})
                labels = (
                    [
                        b["text"]
                        for row in card.json()["reply_markup"]["inline_keyboard"]
                        for b in row
                    ]
                    if card.status_code == 200
                    else []
                )
                if value in labels:
                    update = (
                        await control.post(
                            "/press",
                            json={
                                "user_id": user_id,
                                "label": value,
                                "message_id": card.json()["message_id"],
                            },
                        )
                    ).json()
                else:
                    stats["asked where we are"] += 1
                    update = (
                        await control.post("/send", json={"user_id": user_id, "text": "/moment"})
                    ).json()
            if "update_id" not in update:  # the card changed between looking and pressing
                stats["card changed under the finger"] += 1
            elif not await committed(db, update["update_id"]):
                stats["not committed in 2 minutes"] += 1
        except httpx.HTTPError:
            stats["stand-in call failed"] += 1
        position = await next_position(db, user_id)
    stats["finished" if position >= len(SCRIPT) else "gave up"] += 1


async def faults(sandbox: Sandbox, stop: asyncio.Event) -> None:
    """Keep Telegram misbehaving: a 429, a 5xx or a timeout every second."""
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        kind = random.choice(["retry_after", "server_error", "timeout", "bad_gateway"])
        fault = Fault(
            kind,
            method=random.choice(["sendMessage", "editMessageText", None]),
            retry_after=1,
            delay=2.0,
        )
        if sum(f.times > 0 for f in sandbox.faults) < 3:  # a steady trickle, not a backlog
            loop.call_soon_threadsafe(sandbox.faults.append, fault)  # the stand-in's loop
        await asyncio.sleep(1.0)


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--kills", type=int, default=2)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="mend-load-"))
    if args.database == "sqlite":
        url = f"sqlite+aiosqlite:///{folder}/load.db"
    else:
        url = await create_scratch(POSTGRES, "mend_load")
    await asyncio.to_thread(upgrade, url)
    ids = [FIRST + n for n in range(args.people)]
    db = Database(url)
    now = datetime.now(UTC)
    async with db.unit_of_work() as session:
        await session.execute(
            insert(User),
            [
                {
                    "id": i,
                    "first_name": f"P{i}",
                    "timezone": "UTC",
                    "onboarded_at": now,
                    "started_at": now,
                    "nudges_on": False,
                    "created_at": now,
                    "updated_at": now,
                }
                for i in ids
            ],
        )
        await session.execute(
            insert(ScheduledPrompt),
            [
                {
                    "key": f"snooze:load:{i}",
                    "kind": "snooze",
                    "user_id": i,
                    "chat_id": i,
                    "due_at": now,
                    "status": "pending",
                    "attempts": 0,
                    "created_at": now,
                    "updated_at": now,
                }
                for i in ids
            ],
        )

    sandbox = Sandbox()
    server = SandboxServer(sandbox).start()
    for i in ids:
        sandbox.add_user(i, f"P{i}")
    bot = Bot(server, url, folder)
    bot.start()
    stats: Counter[str] = Counter()
    stop = asyncio.Event()
    started = time.monotonic()
    async with httpx.AsyncClient(base_url=f"{server.url}/sandbox", timeout=30) as control:
        chaos = asyncio.create_task(faults(sandbox, stop))

        async def killer() -> None:
            for n in range(args.kills):
                await asyncio.sleep(12 + 8 * n)  # kill -9 twelve seconds in, then every eight
                bot.kill()
                stats["kill -9"] += 1
                bot.start()

        killing = asyncio.create_task(killer())
        await asyncio.gather(*(person(i, control, db, stats) for i in ids))
        await killing
        stop.set()
        await chaos
        await asyncio.sleep(3)  # let the last ticks send what is due
    bot.stop()
    elapsed = time.monotonic() - started

    async with db.unit_of_work() as session:
        moments = list(await session.scalars(select(MomentRow)))
        per_person = Counter(m.user_id for m in moments)
        sent = await session.scalar(
            select(func.count())
            .select_from(ScheduledPrompt)
            .where(ScheduledPrompt.status == "sent")
        )
        statuses = dict(
            (
                await session.execute(
                    select(ScheduledPrompt.status, func.count()).group_by(ScheduledPrompt.status)
                )
            ).all()
        )
    await db.dispose()
    missing = 0
    for moment in moments:
        for field, expected in EXPECTED_AFTER_PATH.items():
            if moment.status == "let_go" and getattr(moment, field) != expected:
                missing += 1
                print(
                    f"  {moment.user_id}: {field} is {getattr(moment, field)!r}, "
                    f"expected {expected!r}"
                )
    prompts_per_chat = Counter(  # evening cards: the messages with its buttons
        a.chat_id
        for a in sandbox.actions
        if a.method == "sendMessage"
        and any(b.get("callback_data", "").startswith("menu:ev.") for b in a.buttons())
    )
    server.stop()
    if args.database == "postgres":
        await drop_scratch(POSTGRES, url)
    print(
        f"{args.people} people, {args.kills} kill -9 and restarts, a fault every second, "
        f"{elapsed:.0f} s, {args.database}"
    )
    print(f"flows finished (let go):      {sum(m.status == 'let_go' for m in moments)}")
    print(f"people who gave up:           {stats['gave up']}")
    print(f"answers missing or wrong:     {missing}")
    print(f"moments duplicated:           {sum(c - 1 for c in per_person.values() if c > 1)}")
    print(f"prompts sent (rows):          {sent} {statuses}")
    print(f"prompts delivered (chats):    {len(prompts_per_chat)}")
    print(f"prompts delivered twice:      {sum(1 for c in prompts_per_chat.values() if c > 1)}")
    print(f"updates not committed in 2 min: {stats['not committed in 2 minutes']}")
    print(f"asked where we are (/moment): {stats['asked where we are']}")
    print(f"kills:                        {stats['kill -9']}")


if __name__ == "__main__":
    asyncio.run(main())
