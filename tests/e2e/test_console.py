"""`python -m bot console`: the README's run command with no token."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]


def console(workdir: Path, typed: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("TELEGRAM_BOT_TOKEN", "DATABASE_URL")}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "bot", "console"],
        input=typed,
        cwd=workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_console_onboards_with_no_token_and_remembers_the_person(tmp_path: Path):
    first = console(tmp_path, "/start\nSam\nBerlin\n1\n1\n/quit\n")
    assert first.returncode == 0, first.stderr
    out = first.stdout
    assert "not therapy" in out
    assert "[1] Call me" in out  # buttons as numbered choices
    assert "Europe/Berlin. Is that right?" in out
    assert "All set, Sam" in out
    assert "Traceback" not in out + first.stderr
    assert (tmp_path / "data" / "mend.db").exists()  # the default SQLite file

    second = console(tmp_path, "/start\n/invite\n")  # end of input leaves too
    assert second.returncode == 0, second.stderr
    assert "you> /invite\n" in second.stdout  # piped lines are echoed: it reads back
    assert "Welcome back, Sam" in second.stdout
    assert "https://t.me/MendSandboxBot?start=l_" in second.stdout  # a link that names the bot


def test_a_whole_conversation_piped_in_at_once_is_answered_to_the_end(tmp_path: Path):
    """Faster than anyone types: the console has no flood guard unless FLOOD_LIMIT is set."""
    hellos = "hi\n" * 30
    done = console(tmp_path, f"/start\nSam\nBerlin\n1\n1\n{hellos}/history\n/quit\n")
    assert done.returncode == 0, done.stderr
    assert "That's a lot at once" not in done.stdout
    assert "No moments yet" in done.stdout  # the last command was answered too
