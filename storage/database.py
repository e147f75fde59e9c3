"""The database of the two supported backends: SQLite (embedded default) and PostgreSQL (psycopg 3).

On PostgreSQL the units of work take their connections from a psycopg pool and run their statements on
psycopg itself (storage/execution.py); SQLAlchemy's engine serves the migrations, the background work (relay
leadership, LISTEN) and SQLite.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import QueuePool

from storage.transactions import DriverTransactions, EngineTransactions, Transactions

logger = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 15_000
IMMEDIATE = "IMMEDIATE"
# A pooled connection idle longer than this is pinged before use (see _ping_when_idle).
PING_IDLE_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class Database:
    """The engine and session factories of one database, plus which backend it is.

    `sessions` are for reads; `write_sessions` for transactions that write. On SQLite the latter take
    the write lock at BEGIN (IMMEDIATE), so two writers queue instead of deadlocking on a lock upgrade,
    while readers stay concurrent under WAL. On PostgreSQL the former begin READ ONLY transactions.
    `transactions` opens the transaction of a unit of work (on the driver pool on PostgreSQL).
    """

    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    write_sessions: async_sessionmaker[AsyncSession]
    transactions: Transactions
    # engines besides `engine` that units of work use (PostgreSQL: the readers' own pool)
    extra_engines: tuple[AsyncEngine, ...] = ()

    @property
    def backend(self) -> str:
        return "postgresql" if self.engine.dialect.name == "postgresql" else "sqlite"

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    async def ping(self) -> None:
        async with self.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.transactions.close()
        for engine in (self.engine, *self.extra_engines):
            await engine.dispose()

    def pool_status(self) -> dict[str, int]:
        """The connection pool's size, connections checked out and overflow (for the metrics)."""
        pool = self.engine.sync_engine.pool
        if not isinstance(pool, QueuePool):
            return {}
        return {"size": pool.size(), "checked_out": pool.checkedout(), "overflow": max(0, pool.overflow())}


def async_url(url: str) -> str:
    """The URL with the async driver of its backend (sqlite+aiosqlite, postgresql+psycopg)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.set(drivername="sqlite+aiosqlite").render_as_string(hide_password=False)
    if parsed.get_backend_name() == "postgresql":
        return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    raise ValueError(f"unsupported database backend {parsed.get_backend_name()!r}: use sqlite or postgresql")


def sync_url(url: str) -> str:
    """The URL with a blocking driver, for Alembic (psycopg 3 is both; SQLite uses pysqlite)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.set(drivername="sqlite").render_as_string(hide_password=False)
    return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def open_database(
    url: str, *, pool_size: int = 10, ping_idle_seconds: float = PING_IDLE_SECONDS, echo: bool = False
) -> Database:
    """Build the engine for `url`; nothing connects until first use."""
    url = async_url(url)
    # hide_parameters: statement parameters carry personal data and must never reach the logs.
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_async_engine(
            url,
            echo=echo,
            hide_parameters=True,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000},
        )
        _configure_sqlite(engine)
        reader = engine
        writer = engine.execution_options(sqlite_begin=IMMEDIATE)
        transactions: Transactions = EngineTransactions(reader, writer)
    else:
        pooling = {"pool_size": pool_size, "max_overflow": pool_size, "pool_timeout": 10}
        engine = create_async_engine(url, echo=echo, hide_parameters=True, **pooling)
        # Reads have connections of their own: autocommit, so a read is one round trip (a statement is
        # its own transaction; READ COMMITTED gives every statement its own snapshot either way), and
        # read-only by default, so PostgreSQL refuses a write that slips into a read.
        read_engine = create_async_engine(
            url,
            echo=echo,
            hide_parameters=True,
            isolation_level="AUTOCOMMIT",
            connect_args={"options": "-c default_transaction_read_only=on"},
            **pooling,
        )
        for pooled in (engine, read_engine):
            _ping_when_idle(pooled, ping_idle_seconds)
        writer = engine
        reader = read_engine
        transactions = DriverTransactions(
            reads=read_engine.sync_engine.pool, writes=engine.sync_engine.pool, dialect=engine.dialect
        )
    return Database(
        engine,
        async_sessionmaker(reader, expire_on_commit=False, autoflush=False),
        async_sessionmaker(writer, expire_on_commit=False, autoflush=False),
        transactions,
        extra_engines=(read_engine,) if reader is not engine else (),
    )


def _ping_when_idle(engine: AsyncEngine, idle_seconds: float) -> None:
    """Pessimistic disconnect handling where it pays: a connection idle for longer than `idle_seconds` is
    pinged at checkout and, if the server dropped it (a restart, an idle timeout), replaced before the
    caller sees it. One back in use within the window is not pinged (HikariCP's alive-bypass window):
    pool_pre_ping's ping on every checkout cost 0.2-0.3 ms of CPU per unit of work, a tenth of a cheap
    call. After a restart under load a call may meet a dead connection and answer UNAVAILABLE (which
    clients retry); that disconnect invalidates the whole pool, so later calls get fresh connections."""
    pool = engine.sync_engine.pool

    @event.listens_for(pool, "connect")
    def _connected(_dbapi_connection, record):  # type: ignore[no-untyped-def]
        record.info["released_at"] = time.monotonic()

    @event.listens_for(pool, "checkin")
    def _released(_dbapi_connection, record):  # type: ignore[no-untyped-def]
        if record is not None:
            record.info["released_at"] = time.monotonic()

    @event.listens_for(pool, "checkout")
    def _checked_out(dbapi_connection, record, _proxy):  # type: ignore[no-untyped-def]
        if time.monotonic() - record.info.get("released_at", 0.0) <= idle_seconds:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:
            # The pool discards this connection and checks out another (a fresh one if need be).
            raise DisconnectionError("pooled connection failed its ping") from exc


def _configure_sqlite(engine: AsyncEngine) -> None:
    """WAL for concurrent readers, foreign keys on, and BEGIN IMMEDIATE for writers so that two of them
    queue on the busy timeout instead of failing when both try to upgrade a read lock."""

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        # Let SQLAlchemy, not the driver, decide where transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        immediate = conn.get_execution_options().get("sqlite_begin") == IMMEDIATE
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
