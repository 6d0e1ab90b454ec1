"""Settings, read from the environment and `.env` with pydantic-settings.

Every setting is validated at start; `describe_error` turns a validation failure into one line
that names the setting, so a typo never surfaces as a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./data/mend.db"
TELEGRAM_API_BASE_URL = "https://api.telegram.org/bot"

_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "sqlite+aiosqlite": "sqlite+aiosqlite",
    "postgres": "postgresql+asyncpg",
    "postgresql": "postgresql+asyncpg",
    "postgresql+asyncpg": "postgresql+asyncpg",
}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        case_sensitive=False,
    )

    telegram_bot_token: SecretStr | None = Field(
        default=None,
        description="Bot token from @BotFather. Not needed for `python -m bot console`.",
    )
    telegram_api_base_url: str = Field(
        default=TELEGRAM_API_BASE_URL,
        description="Bot API base URL; the token is appended. Point it at a self-hosted "
        "Bot API server or the local stand-in.",
    )
    database_url: str = Field(
        default=DEFAULT_DATABASE_URL,
        description="SQLAlchemy URL: sqlite+aiosqlite:///path or postgresql+asyncpg://...",
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        default="INFO", description="DEBUG, INFO, WARNING or ERROR."
    )
    log_format: Literal["text", "json"] = Field(
        default="text", description="`text` for people, `json` for one object per line."
    )
    send_rate_per_second: float = Field(
        default=30,
        gt=0,
        le=1000,
        description="Messages a second the bot sends at most, all chats together (Telegram: 30).",
    )
    tick_seconds: float = Field(
        default=20, ge=1, le=300, description="How often due prompts are looked for."
    )
    stale_after_hours: float = Field(
        default=3, gt=0, le=48, description="A prompt later than this is skipped, not sent."
    )
    flood_limit: int = Field(
        default=20,
        ge=0,
        le=1000,
        description="Updates one person may send in 10 seconds before 'slow down' (0: off).",
    )
    webhook_url: str | None = Field(
        default=None,
        description="Public HTTPS URL Telegram posts updates to; set it for webhook mode.",
    )
    webhook_secret: SecretStr | None = Field(
        default=None,
        description="Checked against X-Telegram-Bot-Api-Secret-Token on every webhook call.",
    )
    webhook_listen: str = Field(default="0.0.0.0", description="Address the web server binds.")
    webhook_port: int = Field(default=8080, ge=1, le=65535, description="Its port.")
    health_port: int | None = Field(
        default=None,
        ge=1,
        le=65535,
        description="Serve /healthz on this port too (webhook mode also serves it on "
        "WEBHOOK_PORT).",
    )
    encryption_keys: SecretStr | None = Field(
        default=None,
        description="Comma-separated Fernet keys: free text is stored encrypted with the "
        "first; any of them decrypts (rotation: put the new one first, run rotate-keys).",
    )
    retention_months: int | None = Field(
        default=None,
        ge=1,
        le=120,
        description="If set, moments older than this many months are deleted (daily).",
    )
    group_rate_per_minute: int = Field(
        default=20,
        gt=0,
        le=600,
        description="Messages a minute to one group at most (Telegram: 20).",
    )

    @field_validator("telegram_bot_token", mode="before")
    @classmethod
    def _token_shape(cls, value: object) -> object:
        if value in (None, ""):
            return None
        text = str(value).strip()
        bot_id, _, secret = text.partition(":")
        if not (bot_id.isdigit() and secret and all(c.isalnum() or c in "_-" for c in secret)):
            raise ValueError("expected the form 123456:ABC-def from @BotFather")
        return text

    @field_validator("encryption_keys", mode="before")
    @classmethod
    def _keys_shape(cls, value: object) -> object:
        if value in (None, ""):
            return None
        from bot.storage.crypto import parse_keys

        parse_keys(str(value))  # raises ValueError with the reason
        return value

    @field_validator("webhook_secret", mode="before")
    @classmethod
    def _secret_shape(cls, value: object) -> object:
        if value in (None, ""):
            return None
        text = str(value)
        if not (1 <= len(text) <= 256 and all(c.isalnum() or c in "_-" for c in text)):
            raise ValueError("1-256 characters of A-Z, a-z, 0-9, _ and - (Telegram's rule)")
        return text

    @model_validator(mode="after")
    def _webhook_needs_secret(self) -> Settings:
        if self.webhook_url and self.webhook_secret is None:
            raise ValueError("WEBHOOK_SECRET is required with WEBHOOK_URL")
        # Telegram calls only HTTPS; plain HTTP is allowed on this machine, for local tests.
        local = ("https://", "http://127.0.0.1", "http://localhost")
        if self.webhook_url and not self.webhook_url.startswith(local):
            raise ValueError("WEBHOOK_URL must be https:// (Telegram calls only HTTPS)")
        return self

    @field_validator("telegram_api_base_url")
    @classmethod
    def _base_url_shape(cls, value: str) -> str:
        value = value.strip()
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value

    @field_validator("database_url")
    @classmethod
    def _database_url_shape(cls, value: str) -> str:
        value = value.strip()
        scheme, sep, rest = value.partition("://")
        if not sep or scheme not in _DRIVERS:
            raise ValueError(
                "use sqlite+aiosqlite:///path/to/file.db or postgresql+asyncpg://user@host/db"
            )
        return f"{_DRIVERS[scheme]}://{rest}"

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.upper() if isinstance(value, str) else value

    @field_validator("log_format", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def sqlite_path(self) -> Path | None:
        """The database file for a file-backed SQLite URL, else None."""
        if not self.is_sqlite:
            return None
        path = self.database_url.partition(":///")[2].split("?", 1)[0]
        if not path or path == ":memory:":
            return None
        return Path(path)

    def token(self) -> str:
        if self.telegram_bot_token is None:
            raise RuntimeError("TELEGRAM_BOT_TOKEN is not set")
        return self.telegram_bot_token.get_secret_value()


def describe_error(error: ValidationError) -> str:
    """One line naming the first bad setting, e.g. `LOG_LEVEL: must be one of ...`."""
    first = error.errors()[0]
    message = str(first["msg"]).removeprefix("Value error, ")
    if not first["loc"]:  # a rule across settings: the message names them
        return f"Invalid settings: {message}"
    return f"Invalid setting {str(first['loc'][0]).upper()}: {message}"
