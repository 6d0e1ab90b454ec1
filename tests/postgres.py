"""Scratch PostgreSQL databases: one per test session, and one per benchmark or load run."""

from __future__ import annotations

import uuid

import asyncpg
from sqlalchemy.engine import make_url


def asyncpg_dsn(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


async def admin(url: str, sql: str) -> None:
    connection = await asyncpg.connect(asyncpg_dsn(url), timeout=5)
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


async def create_scratch(server_url: str, prefix: str) -> str:
    """A new, empty database on the server of `server_url`; returns its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    await admin(server_url, f'CREATE DATABASE "{name}"')
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


async def drop_scratch(server_url: str, url: str) -> None:
    name = make_url(url).database
    await admin(server_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
