"""The transaction of a unit of work, on either backend.

- PostgreSQL: a connection of SQLAlchemy's pool (its ping-when-idle, its overflow and timeout, invalidation of
  a dead connection), used through psycopg itself: statements run on the driver (storage/execution.py) and the
  transaction begins and ends there too. psycopg begins the transaction with the first statement (READ ONLY
  for a reading unit of work) and keeps its prepared statements across transactions that end with COMMIT.
- SQLite: SQLAlchemy's own connection; writers begin IMMEDIATE (storage/database.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any, Protocol, cast

import psycopg
from sqlalchemy import Executable
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.pool import Pool
from sqlalchemy.util import greenlet_spawn

from domain.tenancy import AllTenants, TenantScope, current_scope
from storage.execution import PsycopgSql, Rows, Sql, SqlAlchemySql, StatementCache
from storage.tenant_walls import ALL_TENANTS_SETTING, TENANT_SETTING


class Transaction(Protocol):
    @property
    def sql(self) -> Sql: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...

    async def release(self, error: BaseException | None) -> None:
        """Give the connection back (discarding it when `error` left it unusable)."""


class Transactions(Protocol):
    async def begin(self, *, read_only: bool) -> Transaction: ...

    async def run_alone(self, statement: Executable, params: Mapping[str, Any]) -> Rows:
        """`statement` in a write transaction of its own, committed before this returns."""
        ...

    async def close(self) -> None: ...


class DriverTransactions:
    """PostgreSQL: units of work on psycopg, with connections from SQLAlchemy's pool (its ping when idle, its
    overflow and timeout, invalidation of a dead connection), in autocommit mode (storage/database.py): the
    unit of work sends its own BEGIN, with the settings of the tenant scope it begins in
    (storage/execution.PsycopgSql)."""

    def __init__(self, pool: Pool, dialect: Dialect) -> None:
        self._pool = pool
        self._cache = StatementCache(dialect)

    async def begin(self, *, read_only: bool) -> DriverTransaction:
        pooled = await greenlet_spawn(self._pool.connect)
        connection = cast(psycopg.AsyncConnection[Any], pooled.driver_connection)
        sql = PsycopgSql(
            connection,
            self._cache,
            read_only=read_only,
            opening=scope_settings(current_scope(), read_only=read_only),
        )
        return DriverTransaction(pooled, connection, sql)

    async def run_alone(self, statement: Executable, params: Mapping[str, Any]) -> Rows:
        """One round trip: what the statement locks is held while the server runs it, and no longer."""
        opened = await self.begin(read_only=False)
        error: BaseException | None = None
        try:
            return await opened.sql.execute_committed(statement, params)
        except BaseException as exc:
            error = exc
            raise
        finally:
            await opened.release(error)

    async def close(self) -> None:
        return None  # the pool is the engine's: disposing the engine closes it


# Every transaction of the service runs without JIT compilation: its statements are short, and a generic
# plan's estimate, blind to the tenant's own size, crossed jit_above_cost beside a large tenant and compiled a
# 1.6 ms statement for 0.75 s on every call (tests/integration/test_no_jit.py).
TRANSACTION_SETTINGS: tuple[tuple[str, str], ...] = (("jit", "off"),)


def scope_settings(scope: TenantScope, *, read_only: bool = False) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The statement that opens a transaction: the service's transaction settings, READ ONLY for a read, and
    its tenant scope, all transaction-local, so a pooled connection never carries a tenant into the next
    transaction. No scope, no tenant row visible."""
    settings = list(TRANSACTION_SETTINGS)
    if read_only:
        settings.append(("transaction_read_only", "on"))
    if isinstance(scope, AllTenants):
        settings.append((ALL_TENANTS_SETTING, "on"))
    elif scope is not None:
        settings.append((TENANT_SETTING, str(int(scope))))
    statement = "SELECT " + ", ".join("set_config(%s, %s, true)" for _ in settings)
    return ((statement, tuple(value for setting in settings for value in setting)),)


class DriverTransaction:
    def __init__(self, pooled: Any, connection: psycopg.AsyncConnection[Any], sql: PsycopgSql) -> None:
        self._pooled = pooled
        self._connection = connection
        self.sql = sql

    async def commit(self) -> None:
        await self.sql.commit()

    async def rollback(self) -> None:
        await self.sql.rollback()

    async def release(self, error: BaseException | None) -> None:
        connection = self._connection
        broken = connection.closed or connection.pgconn.status != psycopg.pq.ConnStatus.OK
        if broken or connection.info.transaction_status != _IDLE:
            # the server dropped it, or its transaction could not be ended: not for reuse
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

    async def run_alone(self, statement: Executable, params: Mapping[str, Any]) -> Rows:
        async with transaction(self) as sql:
            return await sql.execute(statement, params)

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
