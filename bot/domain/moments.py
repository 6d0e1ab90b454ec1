"""A moment: one small rupture, as the person noticed, named and chose to repair it."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any

TO_ME, BY_ME = "to_me", "by_me"
DIRECTIONS = (TO_ME, BY_ME)
WHO = ("partner", "friend", "family", "colleague", "other")
OTHER_PATTERN = "other"

# Paths
NOW, LATER, LET_GO, UNSAFE = "now", "later", "let_go", "unsafe"

# Statuses
OPEN = "open"  # a flow is on it right now
UNFINISHED = "unfinished"  # left before the end (/cancel): can be picked up again
DRAFTED = "drafted"  # a repair is ready to say
PLANNED = "planned"  # to be talked about later, at plan_due_at
REPAIRED = "repaired"
LET_GO = "let_go"
SET_ASIDE = "set_aside"  # it did not feel safe to raise
RESUMABLE = (OPEN, UNFINISHED)

NAME_LIMIT = 64
TEXT_LIMIT = 1000  # one answer typed in the flow
ENTRY_LIMIT = 4096  # the message that started it all (Telegram's own limit)


@dataclass(frozen=True)
class Moment:
    id: str
    created_at: datetime
    direction: str | None = None
    who: str | None = None
    who_name: str | None = None
    pattern: str | None = None  # a catalogue key, or OTHER_PATTERN
    description: str | None = None
    observation: str | None = None
    intensity: int | None = None
    feelings: tuple[str, ...] = ()
    feelings_text: str | None = None
    needs: tuple[str, ...] = ()
    needs_text: str | None = None
    path: str | None = None
    draft: str | None = None
    draft_style: str | None = None
    plan_due_at: datetime | None = None
    # Whether the plan is a span from when it was made ("In a few hours", "in 3 hours"): a
    # real instant, which a change of time zone leaves where it is. Otherwise it is a clock
    # time they chose ("tonight at 8"), which keeps its wall clock in a new zone.
    plan_from_now: bool = False
    status: str = OPEN
    step: str | None = None  # where the flow was when last saved, to resume there
    outcome: str | None = None  # how the talk went (a follow-up's answer): went_well, hard
    resolved_at: datetime | None = None  # when it was repaired or let go

    def update(self, **changes: Any) -> Moment:
        return replace(self, **changes)

    def to_data(self) -> dict[str, Any]:
        """JSON-ready, for the flow state. (Every field is a str, an int, a tuple of str or a
        datetime, so no deep copy is needed: `asdict` made one, on every answer.)"""
        data = {name: getattr(self, name) for name in _FIELDS}
        for key in _TIMES:
            if data[key] is not None:
                data[key] = data[key].isoformat()
        data["feelings"] = list(self.feelings)
        data["needs"] = list(self.needs)
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Moment:
        values = {k: v for k, v in data.items() if k in _FIELDS}
        for key in _TIMES:
            if isinstance(values.get(key), str):
                values[key] = datetime.fromisoformat(values[key])
        values["feelings"] = tuple(values.get("feelings") or ())
        values["needs"] = tuple(values.get("needs") or ())
        return cls(**values)


_FIELDS = tuple(f.name for f in fields(Moment))
_TIMES = ("created_at", "plan_due_at", "resolved_at")


def has_content(m: Moment) -> bool:
    """Whether anything of the moment itself was told: what happened (a pattern, or their own
    words), what a camera saw, how it felt, what they needed, or words to say. A direction, who
    it was and a name alone are only the first taps of a moment, not one worth keeping."""
    pattern = m.pattern is not None and m.pattern != OTHER_PATTERN
    told = (m.description, m.observation, m.feelings_text, m.needs_text, m.draft)
    return pattern or bool(m.feelings or m.needs) or any(t and t.strip() for t in told)


@dataclass(frozen=True)
class SaveMoment:
    """Effect: store this moment as it now stands (insert or update by id)."""

    moment: Moment


@dataclass(frozen=True)
class RestoreMoment:
    """Effect: put a moment picked up again back as it was before (`moment`), only if it is
    still in progress (OPEN or UNFINISHED). Settled meanwhile (a follow-up answered, marked in
    /history) or deleted, it stays so: what happened since is newer than the old record, and a
    deleted moment is never made again."""

    moment: Moment


@dataclass(frozen=True)
class DeleteMoment:
    moment_id: str
    # When it began: an evening answer given in that same instant ("A moment hurt") began it,
    # and goes with it (None: nothing to look for).
    begun: datetime | None = None
