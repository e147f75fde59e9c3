"""The database of the two supported backends: SQLite (embedded default) and PostgreSQL (psycopg 3).

On PostgreSQL every transaction begins with the tenant scope of the task that opens it (domain/tenancy.py),
sent with the BEGIN, so that row-level security (storage/tenant_walls.py) sees the tenant the call was
authorised for. Units of work run their statements on psycopg itself (storage/transactions.py,
storage/execution.py); SQLAlchemy's engine keeps the pool and serves sessions (SQLite, migrations, tests)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.pool import QueuePool

from domain.tenancy import AllTenants, TenantScope, current_scope
from storage.tenant_walls import ALL_TENANTS_SETTING, TENANT_SETTING
from storage.transactions import TRANSACTION_SETTINGS, DriverTransactions, EngineTransactions, Transactions

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
    """

    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    write_sessions: async_sessionmaker[AsyncSession]
    # the transactions of the units of work (storage/transactions.py)
    transactions: Transactions

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
        await self.engine.dispose()

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
    url: str,
    *,
    pool_size: int = 10,
    overflow: int = 0,
    ping_idle_seconds: float = PING_IDLE_SECONDS,
    echo: bool = False,
    prepared_statements: bool = True,
) -> Database:
    """Build the engine for `url`; nothing connects until first use. On PostgreSQL the pool keeps
    `pool_size` connections and opens up to `overflow` more for a burst, each closed again as soon as it is
    returned to a full pool: a load above the pool's size then pays a new server backend every few calls
    (fork, authentication, cold caches, statements prepared again), so a pool that serves calls waits for one
    of its own connections instead (tests/integration/test_connection_pool.py). `prepared_statements=False`
    keeps psycopg from preparing statements on the server (PgBouncer in transaction mode before 1.21)."""
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
        engine = create_async_engine(
            url,
            echo=echo,
            hide_parameters=True,
            pool_size=pool_size,
            max_overflow=overflow,
            pool_timeout=10,
            connect_args={} if prepared_statements else {"prepare_threshold": None},
        )
        _ping_when_idle(engine, ping_idle_seconds)
        _begin_in_tenant_scope(engine)
        writer = engine
        # Reads run in READ ONLY transactions: PostgreSQL refuses a write that slips into one, which
        # makes it safe for a reading unit of work to end with COMMIT (see storage/uow.py).
        reader = engine.execution_options(postgresql_readonly=True)
        transactions = DriverTransactions(engine.sync_engine.pool, engine.dialect)
    return Database(
        engine,
        async_sessionmaker(reader, expire_on_commit=False, autoflush=False),
        async_sessionmaker(writer, expire_on_commit=False, autoflush=False),
        transactions,
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


def begin_statement(scope: TenantScope, *, read_only: bool) -> str:
    """BEGIN, the service's transaction settings and the tenant scope in one simple-protocol query (one round
    trip).

    SET LOCAL is set_config(name, value, true): it ends with the transaction, so a pooled connection never
    carries a tenant into the next one. Without a scope no tenant is set and no tenant row is visible."""
    begin = "BEGIN READ ONLY" if read_only else "BEGIN"
    settings = "".join(f"; SET LOCAL {name} = '{value}'" for name, value in TRANSACTION_SETTINGS)
    if isinstance(scope, AllTenants):
        return f"{begin}{settings}; SET LOCAL {ALL_TENANTS_SETTING} = 'on'"
    if scope is None:
        return f"{begin}{settings}"
    return f"{begin}{settings}; SET LOCAL {TENANT_SETTING} = '{int(scope):d}'"


def _begin_in_tenant_scope(engine: AsyncEngine) -> None:
    """SQLAlchemy, not psycopg, begins PostgreSQL transactions: psycopg would send its own BEGIN, and the
    tenant would then cost a round trip of its own (issue 15 counts them)."""

    @event.listens_for(engine.sync_engine, "connect")
    def _driver_begins_nothing(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        # From the first statement on, a checkout's ping included: it must not open a transaction.
        dbapi_connection.autocommit = True

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn):  # type: ignore[no-untyped-def]
        options = conn.get_execution_options()
        if options.get("isolation_level") == "AUTOCOMMIT":
            return  # e.g. the relay's leadership connection: no transaction at all
        dbapi_connection = conn.connection.dbapi_connection
        # Set on every BEGIN: SQLAlchemy turns autocommit off again when it resets an isolation level.
        if not dbapi_connection.autocommit:
            dbapi_connection.autocommit = True
        read_only = bool(options.get("postgresql_readonly", False))
        # Through SQLAlchemy, not the driver's cursor: a dead connection must surface as the DBAPIError
        # that invalidates it and that the unit of work turns into UNAVAILABLE.
        conn.exec_driver_sql(begin_statement(current_scope(), read_only=read_only))


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
