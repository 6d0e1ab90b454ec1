"""Two people and a group, with the bot as its own process against the HTTP stand-in (in group
privacy mode): linking, a blind check-in revealed and one never answered, a repair bid
answered "later" with its reminder, and a weekly thanks round.

The bot runs on the real clock, so instead of waiting for 21:00 the test moves a scheduled
row's due time to now in the database; the bot's tick (every second here) does the rest."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from bot.sandbox.core import Sandbox
from bot.sandbox.server import SandboxServer
from bot.storage.database import Database
from bot.storage.models import ScheduledPrompt, User
from tests.e2e.conftest import BotProcess, Control

pytestmark = pytest.mark.e2e
ANA, BEN = 5101, 5102


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with SandboxServer(Sandbox(privacy_mode=True)) as s:
        yield s


@pytest.fixture
def bot_process(server: SandboxServer, db_url: str, tmp_path: Path) -> Iterator[BotProcess]:
    process = BotProcess(server, db_url, tmp_path)
    process.env["TICK_SECONDS"] = "1"
    process.env["GROUP_RATE_PER_MINUTE"] = "600"  # the group pace is tested in-process
    yield process
    process.stop()


def due_now(db_url: str, kind: str) -> int:
    """Bring the pending prompts of `kind` forward to now, as if their time had come."""

    async def run() -> int:
        db = Database(db_url)
        try:
            async with db.unit_of_work() as session:
                result = await session.execute(
                    update(ScheduledPrompt)
                    .where(ScheduledPrompt.kind == kind, ScheduledPrompt.status == "pending")
                    .values(due_at=datetime.now(UTC))
                )
                return int(result.rowcount)  # type: ignore[attr-defined]
        finally:
            await db.dispose()

    return asyncio.run(run())


def quiet_hours_away_from_now(db_url: str, *people: int) -> None:
    """Put the people's quiet hours (22:30 to 08:00 by default, and they are in UTC) half a day
    from now: the bot runs on the real clock, and a round asked in quiet hours rightly waits."""
    now = datetime.now(UTC)
    start, end = ((now + timedelta(hours=h)).strftime("%H:%M") for h in (10, 14))

    async def run() -> None:
        db = Database(db_url)
        try:
            async with db.unit_of_work() as session:
                await session.execute(
                    update(User).where(User.id.in_(people)).values(quiet_start=start, quiet_end=end)
                )
        finally:
            await db.dispose()

    asyncio.run(run())


def said_to(chat_id: int, words: str) -> Callable[[dict[str, Any]], bool]:
    return lambda action: action["chat_id"] == chat_id and words in str(action["text"])


def onboard(control: Control, user_id: int, name: str) -> None:
    control.user(user_id, name)
    control.act(user_id, "text", "/start", "what should I call you")
    control.act(user_id, "text", name, "time zone")
    control.act(user_id, "text", "UTC", "Is that right?")
    control.act(user_id, "press", "Yes, that's right", "check-in each evening")
    control.act(user_id, "press", "No thanks", "All set")


def in_group(
    control: Control, group: int, user_id: int, kind: str, value: str, expect: str
) -> dict[str, object]:
    since = control.last_seq()
    if kind == "text":
        control.send(user_id, value, chat_id=group)
    else:
        card = control.card(group)
        control.press(user_id, card["message_id"], value, chat_id=group)
    return control.reply_containing(expect, since)


def test_two_people_and_their_group(bot_process: BotProcess, control: Control, db_url: str):
    bot_process.start(control)
    onboard(control, ANA, "Ana")
    onboard(control, BEN, "Ben")
    quiet_hours_away_from_now(db_url, ANA, BEN)

    invite = control.act(ANA, "text", "/invite", "invite link")
    token = re.search(r"start=(l_[\w-]+)", str(invite["text"]))
    assert token is not None
    control.act(BEN, "text", f"/start {token.group(1)}", "invited you")
    since = control.last_seq()
    control.press_label(BEN, "Link with Ana")
    control.reply_containing("You're now linked with Ben", since)

    since = control.last_seq()
    group = control._post("/groups", title="Us", members=[ANA, BEN], by=ANA)["chat_id"]
    control.reply_containing("Pair this group", since)
    in_group(control, group, ANA, "press", "Pair this group", "Waiting for Ben")
    in_group(control, group, BEN, "text", "/pair", "This is now Ana and Ben's space")

    # A check-in both answer: revealed together.
    in_group(control, group, ANA, "text", "/settings", "Shared settings")
    in_group(control, group, ANA, "press", "Turn the check-in on (21:00)", "Daily check-in: on")
    since = control.last_seq()
    assert due_now(db_url, "checkin") == 1
    card = control.reply_containing("How connected did you feel today", since)
    in_group(control, group, ANA, "press", "4", "Ana: answered ✓")
    revealed = in_group(control, group, BEN, "press", "3", "Ana: 4 · Ben: 3")
    assert "one apart" in str(revealed["text"])

    # The next one, which Ben never answers: it closes without showing Ana's answer.
    since = control.last_seq()
    assert due_now(db_url, "checkin") == 1
    second = control.reply_containing("How connected did you feel today", since)
    assert second["message_id"] != card["message_id"]
    in_group(control, group, ANA, "press", "5", "Ana: answered ✓")
    since = control.last_seq()
    assert due_now(db_url, "checkin_close") >= 1
    control.reply_containing("This check-in closed before you'd both answered", since)
    group_text = "\n".join(str(a["text"]) for a in control.actions(chat_id=group))
    assert "Ana: 5" not in group_text

    # A repair bid, answered "later" ("Later tonight", or "Tomorrow evening" when the real
    # clock says it is too late tonight), and its reminder to both.
    in_group(control, group, ANA, "text", "/repair", "Ana would like to reconnect")
    since = control.last_seq()
    card = control.card(group)
    later = card["reply_markup"]["inline_keyboard"][1][0]["text"]
    assert later in ("Later tonight", "Tomorrow evening")
    control.press(BEN, card["message_id"], later, chat_id=group)
    control.wait_for(lambda a: a["chat_id"] == ANA and "remind you both" in str(a["text"]), since)
    since = control.last_seq()
    assert due_now(db_url, "bid_later") == 2
    for person in (ANA, BEN):
        control.wait_for(said_to(person, "planned to find a moment to reconnect"), since)

    # The weekly thanks round: posted once both have answered.
    in_group(control, group, ANA, "text", "/settings", "Shared settings")
    in_group(
        control, group, ANA, "press", "Turn the weekly thanks round on", "Weekly thanks round: on"
    )
    since = control.last_seq()
    assert due_now(db_url, "weekly") == 1
    for person in (ANA, BEN):
        control.wait_for(said_to(person, "Weekly thanks round"), since)
    control.act(ANA, "press", "Write mine", "this week")
    control.act(ANA, "text", "How you listened on Tuesday", "Is this your thanks")
    control.act(ANA, "press", "Yes, that's my thanks", "when Ben has answered")
    control.act(BEN, "press", "Write mine", "this week")
    control.act(BEN, "text", "The soup when I was ill", "Is this your thanks")
    since = control.last_seq()
    control.press_label(BEN, "Yes, that's my thanks")
    posted = control.wait_for(
        lambda a: a["chat_id"] == group and "This week's thanks" in str(a["text"]), since
    )
    assert "Ana: How you listened on Tuesday" in str(posted["text"])
    assert "Ben: The soup when I was ill" in str(posted["text"])
