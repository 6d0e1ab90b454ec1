"""Settings: defaults, validation, and one clear line for a bad value."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.config import DEFAULT_DATABASE_URL, Settings, describe_error

ROOT = Path(__file__).resolve().parents[1]


def settings(**values: str) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[arg-type]


def test_defaults_need_nothing():
    s = settings()
    assert s.telegram_bot_token is None
    assert s.database_url == DEFAULT_DATABASE_URL
    assert s.telegram_api_base_url == "https://api.telegram.org/bot"
    assert s.log_level == "INFO"


def test_plain_database_urls_get_the_async_driver():
    assert settings(database_url="postgres://u@h/db").database_url == "postgresql+asyncpg://u@h/db"
    assert settings(database_url="sqlite:///x.db").database_url == "sqlite+aiosqlite:///x.db"


def test_the_token_is_secret_in_reprs():
    s = settings(telegram_bot_token="123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345678")
    assert "ABCdef" not in repr(s) and "ABCdef" not in str(s.model_dump())


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("log_level", "LOUD"),
        ("database_url", "mysql://x"),
        ("telegram_api_base_url", "ftp://x"),
        ("telegram_bot_token", "not a token"),
    ],
)
def test_a_bad_value_is_described_in_one_line_naming_the_setting(name: str, value: str):
    with pytest.raises(ValidationError) as caught:
        settings(**{name: value})
    line = describe_error(caught.value)
    assert name.upper() in line and "\n" not in line


def test_the_command_line_fails_with_one_line_and_no_traceback(tmp_path: Path):
    env = {**os.environ, "LOG_LEVEL": "loud", "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "LOG_LEVEL" in result.stderr and "Traceback" not in result.stderr


def test_run_without_a_token_says_how_to_get_one(tmp_path: Path):
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path}/x.db"
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "@BotFather" in lines[0] and "console" in lines[0]


def test_settings_come_from_a_dotenv_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / ".env").write_text("LOG_LEVEL=debug\nDATABASE_URL=sqlite:///from-env.db\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("LOG_LEVEL", raising=False)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    s = Settings()
    assert s.log_level == "DEBUG" and s.database_url == "sqlite+aiosqlite:///from-env.db"


def test_env_example_names_every_setting_and_nothing_else():
    example = (ROOT / ".env.example").read_text()
    named = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]+)=", example, re.MULTILINE))
    assert named == {name.upper() for name in Settings.model_fields}
