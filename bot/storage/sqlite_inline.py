"""aiosqlite's connection, run in the event loop's own thread.

aiosqlite gives every connection a worker thread and hands it each call through a queue: one
thread round trip per cursor, execute, fetch and close, about four per statement. On this
project's reference machine that costs 0.15 to 0.2 ms a trip, several times what SQLite needs
to run our small statements (a few microseconds each, from the page cache). A turn of the
repair flow makes six or seven statements, so the trips, not SQLite, dominated handling time
(measured with scripts/bench_flow.py: p50 8.9 ms per update through aiosqlite's thread; see
the README for the figures after this change).

So for SQLite we keep aiosqlite's API (SQLAlchemy's aiosqlite dialect drives it unchanged) but
execute each call inline. The cost is that a statement blocks the loop while it runs; that is
microseconds, because all writes in this process are already serialised (one connection, one
lock, BEGIN IMMEDIATE) and nothing else in the process waits on SQLite's file lock. Another
process holding the lock (a `migrate` run) would stall the loop for up to the busy timeout:
one bot process per SQLite file is the supported setup; PostgreSQL is the way to scale out.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Generator
from typing import Any

import aiosqlite


class _InlineQueue:
    """Stands in for the worker thread's queue, which SQLAlchemy's adapter also feeds
    directly (to set the isolation level): runs the call now and settles its future."""

    def put_nowait(self, item: tuple[asyncio.Future[Any] | None, Callable[[], Any]]) -> None:
        future, function = item
        try:
            result = function()
        except BaseException as error:  # handed to whoever awaits the future
            if future is not None and not future.done():
                future.set_exception(error)
            return
        if future is not None and not future.done():
            future.set_result(result)


class InlineConnection(aiosqlite.Connection):
    def __init__(self, connector: Callable[[], sqlite3.Connection]) -> None:
        super().__init__(connector, iter_chunk_size=64)
        self._tx = _InlineQueue()  # type: ignore[assignment]

    async def _execute(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        if self._connection is None:
            raise ValueError("Connection closed")
        return fn(*args, **kwargs)

    def __await__(self) -> Generator[Any, None, InlineConnection]:
        return self._open().__await__()

    async def _open(self) -> InlineConnection:
        if self._connection is None:
            self._connection = self._connector()
        return self

    def stop(self) -> None:
        self._running = False
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    async def close(self) -> None:
        self.stop()


def inline_creator(path: str, timeout: float) -> Callable[[], InlineConnection]:
    """An `async_creator` for SQLAlchemy's create_async_engine."""

    async def create() -> InlineConnection:
        def connect() -> sqlite3.Connection:
            return sqlite3.connect(
                path, timeout=timeout, isolation_level=None, check_same_thread=False
            )

        return await InlineConnection(connect)

    return create  # type: ignore[return-value]
