"""Queries the shell uses, each taking the unit of work's session."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, insert, inspect, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.orm.util import identity_key

from bot.domain.flow import FlowState
from bot.storage.models import ConversationState, ProcessedUpdate, User

_MARK_PROCESSED = {
    dialect.__name__.rpartition(".")[2]: dialect.insert(ProcessedUpdate)
    .values(update_id=bindparam("update_id"), processed_at=bindparam("now"))
    .on_conflict_do_nothing(index_elements=["update_id"])
    for dialect in (postgresql, sqlite)
}


_INSERT_USER = {
    dialect.__name__.rpartition(".")[2]: dialect.insert(User).on_conflict_do_nothing(
        index_elements=["id"]
    )
    for dialect in (postgresql, sqlite)
}


async def mark_processed(session: AsyncSession, update_id: int, now: datetime) -> bool:
    """Record `update_id` as handled in this transaction. False if it already was: the caller
    must then do nothing, so a redelivered update has no second effect."""
    connection = await session.connection()
    statement = _MARK_PROCESSED[connection.dialect.name]
    result = await connection.execute(statement, {"update_id": update_id, "now": now})
    return bool(result.rowcount)


async def forget_processed_before(session: AsyncSession, cutoff: datetime) -> int:
    """Telegram keeps an update for at most 24 hours, so older ids can never come back."""
    result = await session.execute(
        delete(ProcessedUpdate).where(ProcessedUpdate.processed_at < cutoff)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


PROCESSED_UPDATE_RETENTION = timedelta(days=2)


async def upsert_user(
    session: AsyncSession,
    user_id: int,
    first_name: str,
    language_code: str | None,
    now: datetime,
    user: User | None = None,
    private: bool = True,
) -> User:
    """The person's row, created on first contact and kept in step with their Telegram
    profile. Contact in their private chat means they have not blocked us (any more); a word
    in a group says nothing about that. Pass `user` if it is already loaded."""
    if user is None:
        user = await session.get(User, user_id)
    if user is None:
        # Their first two updates may come at once from two chats (a tap in a group, /start in
        # private), run side by side: on PostgreSQL the second insert waits for the first and
        # then does nothing, and the row the first made is the person (kept in step below).
        connection = await session.connection()
        made = await connection.execute(
            _INSERT_USER[connection.dialect.name],
            {
                "id": user_id,
                "first_name": first_name[:128],
                "language_code": language_code,
                "last_seen_at": now if private else None,
                "created_at": now,
                "updated_at": now,
            },
        )
        user = await session.get(User, user_id)
        if user is None:  # cannot be: the row is ours, or another's that has committed
            raise RuntimeError(f"user {user_id} neither inserted nor found")
        if made.rowcount:
            return user
    if user.first_name != first_name[:128]:
        user.first_name = first_name[:128]
    if language_code and user.language_code != language_code:
        user.language_code = language_code
    if private and user.blocked_at is not None:
        user.blocked_at = None
    if private and (user.last_seen_at is None or now - user.last_seen_at >= SEEN_EVERY):
        user.last_seen_at = now
    return user


# How fresh `User.last_seen_at` is kept: written at most this often, so a flow's every tap
# is not also a write to the person's row. It is read against evenings a day apart.
SEEN_EVERY = timedelta(minutes=10)


# The turn's own statements (see bot/telegram/turn.py) run on every update. They are Core
# statements built once and executed on the session's connection, and the flow state is a plain
# `StateRow`, not an ORM object: timed inside scripts/bench_flow.py, going through the ORM's
# query and flush machinery cost user_and_state 0.85 ms and save_state 0.57 ms per update;
# like this, 0.44 and 0.36.
_USERS = User.__table__
_STATES = ConversationState.__table__
_USER_ATTRS = tuple((attr.key, attr.columns[0]) for attr in inspect(User).column_attrs)
_STATE_COLUMNS = (
    _STATES.c.id,
    _STATES.c.flow,
    _STATES.c.step,
    _STATES.c.data,
    _STATES.c.version,
    _STATES.c.updated_at,
)
_USER_AND_STATE = (
    select(*(column for _, column in _USER_ATTRS), *_STATE_COLUMNS)
    .select_from(
        _USERS.outerjoin(
            _STATES,
            (_STATES.c.user_id == _USERS.c.id) & (_STATES.c.chat_id == bindparam("chat_id")),
        )
    )
    .where(_USERS.c.id == bindparam("user_id"))
)
_STATE_BY_CHAT = select(*_STATE_COLUMNS).where(
    _STATES.c.chat_id == bindparam("chat_id"), _STATES.c.user_id == bindparam("user_id")
)
_EXPECTED_VERSION = (_STATES.c.id == bindparam("state_id")) & (
    _STATES.c.version == bindparam("expected")
)
_NEW_VALUES = {
    "flow": bindparam("flow"),
    "step": bindparam("step"),
    "data": bindparam("data", type_=_STATES.c.data.type),
    "updated_at": bindparam("now", type_=_STATES.c.updated_at.type),
}
_UPDATE_STATE = (
    update(ConversationState)
    .where(_EXPECTED_VERSION)
    .values(version=bindparam("version"), **_NEW_VALUES)
)
_INSERT_STATE = insert(ConversationState).values(
    chat_id=bindparam("chat_id"), user_id=bindparam("user_id"), version=1, **_NEW_VALUES
)
_DELETE_STATE = delete(ConversationState).where(_EXPECTED_VERSION)


@dataclass(frozen=True)
class StateRow:
    """The one flow a person is in, per chat, as stored in `conversation_states`. `version`
    is the card number on its buttons and the compare-and-set guard of every write."""

    id: int
    flow: str
    step: str
    data: Mapping[str, Any]
    version: int
    updated_at: datetime  # its last answer: a flow left for long is not taken up by any text


def _state_of(values: Sequence[Any]) -> StateRow | None:
    state_id, flow, step, data, version, updated_at = values
    if state_id is None:
        return None
    return StateRow(state_id, flow, step, data or {}, version, updated_at)


async def user_and_state(
    session: AsyncSession, user_id: int, chat_id: int
) -> tuple[User | None, StateRow | None]:
    """The person (an ORM object in `session`) and their flow in this chat, in one round
    trip: every turn needs both."""
    connection = await session.connection()
    found = (
        await connection.execute(_USER_AND_STATE, {"user_id": user_id, "chat_id": chat_id})
    ).first()
    if found is None:
        return None, None
    count = len(_USER_ATTRS)
    identity = session.identity_map.get(identity_key(User, user_id))
    if identity is not None:  # already loaded in this session: that object is the person
        return identity, _state_of(found[count:])
    user = User(**{key: found[i] for i, (key, _) in enumerate(_USER_ATTRS)})
    # As if the ORM had loaded it: no pending changes, tracked from here on.
    make_transient_to_detached(user)
    session.add(user)
    return user, _state_of(found[count:])


async def load_state(session: AsyncSession, chat_id: int, user_id: int) -> StateRow | None:
    connection = await session.connection()
    found = (
        await connection.execute(_STATE_BY_CHAT, {"chat_id": chat_id, "user_id": user_id})
    ).first()
    return None if found is None else _state_of(found)


def as_flow_state(row: StateRow) -> FlowState:
    return FlowState(row.flow, row.step, dict(row.data))


async def save_state(
    session: AsyncSession,
    row: StateRow | None,
    chat_id: int,
    user_id: int,
    state: FlowState | None,
    now: datetime,
) -> StateRow | None:
    """Write the flow's new state (None ends it) and return the row as now stored. Raises
    StaleDataError if someone else wrote the row since `row` was read: the caller runs the
    turn again on fresh state."""
    connection = await session.connection()
    if state is None:
        if row is not None:
            result = await connection.execute(
                _DELETE_STATE, {"state_id": row.id, "expected": row.version}
            )
            _expect_one(result.rowcount, row)
        return None
    data = dict(state.data)
    values = {"flow": state.flow, "step": state.step, "data": data, "now": now}
    if row is None:
        inserted = await connection.execute(
            _INSERT_STATE, {"chat_id": chat_id, "user_id": user_id, **values}
        )
        assert inserted.inserted_primary_key is not None
        return StateRow(inserted.inserted_primary_key[0], state.flow, state.step, data, 1, now)
    result = await connection.execute(
        _UPDATE_STATE,
        {"state_id": row.id, "expected": row.version, "version": row.version + 1, **values},
    )
    _expect_one(result.rowcount, row)
    return StateRow(row.id, state.flow, state.step, data, row.version + 1, now)


def _expect_one(rowcount: int, row: StateRow) -> None:
    if rowcount != 1:
        raise StaleDataError(
            f"flow state {row.id} is no longer at version {row.version}: another writer won"
        )
