"""Checking and rotating the encryption of stored free text (see bot/storage/crypto.py)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import JSON, Column, Table, Text, bindparam, cast, select, type_coerce
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage import crypto
from bot.storage.models import Base


def encrypted_columns() -> list[tuple[Table, Column[Any]]]:
    found = []
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, (crypto.EncryptedText, crypto.EncryptedJSON)):
                found.append((table, column))
    return found


async def sample(session: AsyncSession) -> str | None:
    """One stored encrypted value, raw, if there is any. Only a value that starts as an
    encrypted one counts: a person's text that merely contains the prefix is not one."""
    for _table, column in encrypted_columns():
        raw = cast(column, Text)
        encrypted = (
            json.dumps({crypto.JSON_KEY: crypto.PREFIX})[:-2] + "%"
            if isinstance(column.type, crypto.EncryptedJSON)
            else crypto.PREFIX + "%"
        )
        value = await session.scalar(select(raw).where(raw.like(encrypted)).limit(1))
        if value is not None:
            return str(value)
    return None


async def check_readable(session: AsyncSession) -> None:
    """Raise crypto.MissingKey if there is encrypted data the configured keys cannot read."""
    stored = await sample(session)
    if stored is None:
        return
    token = stored[stored.index(crypto.PREFIX) :].split('"')[0]
    crypto.decrypt(token)


ROTATE_CHUNK = 1_000


def _rotated(value: Any, is_json: bool) -> Any:
    if not is_json:
        return crypto.rotate(str(value))
    token = value.get(crypto.JSON_KEY) if crypto.is_encrypted_json(value) else None
    plain = json.dumps(value, ensure_ascii=False)
    return {crypto.JSON_KEY: crypto.rotate(token) if token else crypto.encrypt(plain)}


async def rotate_all(session: AsyncSession) -> int:
    """Re-encrypt every stored value with the first key (plain values get encrypted too).

    Rows are read and written back a chunk at a time, each chunk one executemany, so that a
    large table neither sits in memory whole nor costs a round trip per row."""
    changed = 0
    for table, column in encrypted_columns():
        (primary,) = table.primary_key.columns  # keyset paging below needs a single key
        is_json = isinstance(column.type, crypto.EncryptedJSON)
        plain_type = JSON if is_json else Text
        # Read and written as stored: the column's own type would decrypt or encrypt once more.
        raw = type_coerce(column, plain_type)
        write = (
            table.update()
            .where(primary == bindparam("_key", type_=primary.type))
            .values({column.key: bindparam("_value", type_=plain_type)})
        )
        after: Any = None
        while True:
            query = select(primary, raw).where(column.is_not(None)).order_by(primary)
            if after is not None:
                query = query.where(primary > after)
            rows = (await session.execute(query.limit(ROTATE_CHUNK))).all()
            if not rows:
                break
            await session.execute(
                write, [{"_key": key, "_value": _rotated(value, is_json)} for key, value in rows]
            )
            changed += len(rows)
            after = rows[-1][0]
    return changed
