"""Effects on the person's own record: name, time zone, scheduling settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SetPreferredName:
    name: str


@dataclass(frozen=True)
class SetTimezone:
    zone: str


@dataclass(frozen=True)
class FinishSetup:
    """Setup is over without a time zone (they chose not to give one): what they told during
    it is offered now, as after any setup."""


@dataclass(frozen=True)
class SetPrefs:
    """Change scheduling settings (names as in `schedule.Prefs` and the users table; times as
    "HH:MM")."""

    changes: dict[str, Any]
