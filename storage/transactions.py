"""The transaction of a unit of work, on either backend.

- PostgreSQL: a connection of SQLAlchemy's pool (its ping-when-idle, its overflow and timeout, invalidation of
  a dead connection), used through psycopg itself: statements run on the driver (storage/execution.py) and the
  transaction begins and ends there too. psycopg begins the transaction with the first statement (READ ONLY
  for a reading unit of work) and keeps its prepared statements across transactions that end with COMMIT.
- SQLite: SQLAlchemy's own connection; writers begin IMMEDIATE (storage/database.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, Protocol, cast

import psycopg
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.pool import Pool
from sqlalchemy.util import greenlet_spawn

from storage.execution import PsycopgSql, Sql, SqlAlchemySql, StatementCache


class Transaction(Protocol):
    @property
    def sql(self) -> Sql: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...

    async def release(self, error: BaseException | None) -> None:
        """Give the connection back (discarding it when `error` left it unusable)."""


class Transactions(Protocol):
    async def begin(self, *, read_only: bool) -> Transaction: ...

    async def close(self) -> None: ...


class DriverTransactions:
    """PostgreSQL: units of work on psycopg, with connections from SQLAlchemy's pools (its ping when idle, its
    overflow and timeout, invalidation of a dead connection): reads on autocommit, read-only connections of
    their own (a statement is one round trip), writes in a transaction they open themselves, pipelined
    (storage/execution.PsycopgSql)."""

    def __init__(self, *, reads: Pool, writes: Pool, dialect: Dialect) -> None:
        self._reads = reads
        self._writes = writes
        self._cache = StatementCache(dialect)

    async def begin(self, *, read_only: bool) -> DriverTransaction:
        pooled = await greenlet_spawn((self._reads if read_only else self._writes).connect)
        connection = cast(psycopg.AsyncConnection[Any], pooled.driver_connection)
        if read_only:
            return DriverTransaction(pooled, connection, PsycopgSql(connection, self._cache), own_mode=False)
        try:
            # psycopg would send a BEGIN of its own, in a round trip of its own: the unit of work sends it
            # with its first statement instead.
            await connection.set_autocommit(True)
        except BaseException:
            await greenlet_spawn(pooled.invalidate)
            await greenlet_spawn(pooled.close)
            raise
        sql = PsycopgSql(connection, self._cache, opening=("BEGIN",))
        return DriverTransaction(pooled, connection, sql, own_mode=True)

    async def close(self) -> None:
        return None  # the pools are the engines': disposing the engines closes them


class DriverTransaction:
    def __init__(
        self, pooled: Any, connection: psycopg.AsyncConnection[Any], sql: PsycopgSql, *, own_mode: bool
    ) -> None:
        self._pooled = pooled
        self._connection = connection
        self._own_mode = own_mode  # autocommit was turned on for this transaction: turned off again after
        self.sql = sql

    async def commit(self) -> None:
        await self.sql.commit()

    async def rollback(self) -> None:
        await self.sql.rollback()

    async def release(self, error: BaseException | None) -> None:
        connection = self._connection
        broken = connection.closed or connection.pgconn.status != psycopg.pq.ConnStatus.OK
        if not broken and connection.info.transaction_status != _IDLE:
            broken = True  # a transaction that could not be ended: the connection is not for reuse
        if not broken and self._own_mode:
            try:
                await connection.set_autocommit(False)  # as SQLAlchemy's sessions expect it
            except psycopg.Error:
                broken = True
        if broken:
            await greenlet_spawn(self._pooled.invalidate)
        await greenlet_spawn(self._pooled.close)


_IDLE = psycopg.pq.TransactionStatus.IDLE


class EngineTransactions:
    """SQLite (and anything else): units of work on SQLAlchemy's connection."""

    def __init__(self, reader: AsyncEngine, writer: AsyncEngine) -> None:
        self._reader = reader
        self._writer = writer

    async def begin(self, *, read_only: bool) -> EngineTransaction:
        connection = await (self._reader if read_only else self._writer).connect()
        return EngineTransaction(connection)

    async def close(self) -> None:
        return None


class EngineTransaction:
    def __init__(self, connection: AsyncConnection) -> None:
        self._connection = connection
        self.sql = SqlAlchemySql(connection)

    async def commit(self) -> None:
        await self._connection.commit()

    async def rollback(self) -> None:
        await self._connection.rollback()

    async def release(self, error: BaseException | None) -> None:
        await self._connection.close()


@asynccontextmanager
async def transaction(transactions: Transactions, *, read_only: bool = False) -> AsyncIterator[Sql]:
    """A transaction for code that needs no unit of work (the relay's batches): committed when the block
    ends, rolled back when it raises."""
    opened = await transactions.begin(read_only=read_only)
    error: BaseException | None = None
    try:
        yield opened.sql
        await opened.commit()
    except BaseException as exc:
        error = exc
        await opened.rollback()
        raise
    finally:
        await opened.release(error)
