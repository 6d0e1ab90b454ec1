"""End-to-end: `python -m bot run` as a separate process, talking HTTP to the stand-in."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from bot.sandbox.core import Sandbox
from bot.sandbox.server import SandboxServer

ROOT = Path(__file__).resolve().parents[2]
Action = dict[str, Any]


class Control:
    """The stand-in's control API: act as people, and watch what the bot does."""

    def __init__(self, server: SandboxServer) -> None:
        self.client = httpx.Client(base_url=f"{server.url}/sandbox", timeout=60)

    def _post(self, path: str, **body: Any) -> Any:
        answer = self.client.post(path, json=body)
        answer.raise_for_status()
        return answer.json()

    def user(self, user_id: int, first_name: str) -> None:
        self._post("/users", id=user_id, first_name=first_name)

    def send(self, user_id: int, text: str, chat_id: int | None = None) -> Any:
        return self._post("/send", user_id=user_id, text=text, chat_id=chat_id)

    def media(self, user_id: int, kind: str) -> Any:
        return self._post("/media", user_id=user_id, kind=kind)

    def press(
        self,
        user_id: int,
        message_id: int,
        label: str | None = None,
        chat_id: int | None = None,
        data: str | None = None,
        forge: bool = False,
    ) -> Any:
        return self._post(
            "/press",
            user_id=user_id,
            message_id=message_id,
            label=label,
            chat_id=chat_id,
            data=data,
            forge=forge,
        )

    def last_seq(self) -> int:
        return int(self.client.get("/state").json()["last_seq"])

    def state(self) -> Any:
        return self.client.get("/state").json()

    def actions(self, since: int = 0, chat_id: int | None = None) -> list[Action]:
        params: dict[str, Any] = {"since": since}
        if chat_id is not None:
            params["chat_id"] = chat_id
        return list(self.client.get("/actions", params=params).json())

    def wait_for(
        self, predicate: Callable[[Action], bool], since: int, timeout: float = 30
    ) -> Action:
        """The first action after `since` that satisfies `predicate` (long-polls, no sleeps)."""
        seen = since
        while True:
            answer = self.client.get("/wait", params={"since": seen, "timeout": timeout})
            if answer.status_code == 408:
                raise AssertionError(
                    f"no matching action after {since} within {timeout}s: {self.actions(since)}"
                )
            action = answer.json()
            if predicate(action):
                return action  # type: ignore[no-any-return]
            seen = action["seq"]

    def reply_containing(self, words: str, since: int, timeout: float = 30) -> Action:
        return self.wait_for(lambda a: words in (a.get("text") or ""), since, timeout)

    def card(self, chat_id: int) -> dict[str, Any]:
        answer = self.client.get("/card", params={"chat_id": chat_id})
        answer.raise_for_status()
        return dict(answer.json())

    def press_label(self, user_id: int, label: str) -> Any:
        """Press the button labelled `label` on the newest card in the person's chat."""
        return self.press(user_id, self.card(user_id)["message_id"], label)

    def act(self, user_id: int, kind: str, value: str, expect: str) -> Action:
        """Type or tap, then wait for the bot's answer that contains `expect`."""
        since = self.last_seq()
        if kind == "text":
            self.send(user_id, value)
        else:
            self.press_label(user_id, value)
        return self.reply_containing(expect, since)


class BotProcess:
    def __init__(self, server: SandboxServer, db_url: str, workdir: Path) -> None:
        assert server.sandbox is not None
        self.env = {
            **os.environ,
            "TELEGRAM_BOT_TOKEN": server.sandbox.token,
            "TELEGRAM_API_BASE_URL": server.api_base_url,
            "DATABASE_URL": db_url,
            "LOG_LEVEL": "DEBUG",
            "PYTHONPATH": str(ROOT),
        }
        self.workdir = workdir
        self.log_path = workdir / "bot.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self, control: Control) -> None:
        since = control.last_seq()
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            cwd=self.workdir,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.starts += 1
        # Ready once it has registered its commands (post_init, just before polling).
        control.wait_for(lambda a: a["method"] == "setMyCommands", since, timeout=60)

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> int:
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else 0
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise

    def logs(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with SandboxServer(Sandbox()) as s:
        yield s


@pytest.fixture
def control(server: SandboxServer) -> Iterator[Control]:
    c = Control(server)
    yield c
    c.client.close()


@pytest.fixture
def bot_process(server: SandboxServer, db_url: str, tmp_path: Path) -> Iterator[BotProcess]:
    process = BotProcess(server, db_url, tmp_path)
    yield process
    process.stop()
