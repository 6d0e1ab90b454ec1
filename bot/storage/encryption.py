"""Checking and rotating the encryption of stored free text (see bot/storage/crypto.py)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import JSON, Column, Table, Text, cast, select, type_coerce
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


async def rotate_all(session: AsyncSession) -> int:
    """Re-encrypt every stored value with the first key (plain values get encrypted too)."""
    changed = 0
    for table, column in encrypted_columns():
        primary = next(iter(table.primary_key.columns))
        is_json = isinstance(column.type, crypto.EncryptedJSON)
        raw = type_coerce(column, JSON if is_json else Text)
        rows = (await session.execute(select(primary, raw).where(column.is_not(None)))).all()
        for key, value in rows:
            if is_json:
                token = value.get(crypto.JSON_KEY) if crypto.is_encrypted_json(value) else None
                plain = json.dumps(value, ensure_ascii=False)
                new: Any = {
                    crypto.JSON_KEY: crypto.rotate(token) if token else crypto.encrypt(plain)
                }
            else:
                new = crypto.rotate(str(value))
            # Written as it is: the column's own type would encrypt it once more.
            stored = type_coerce(new, JSON if is_json else Text)
            await session.execute(table.update().where(primary == key).values({column.key: stored}))
            changed += 1
    return changed
