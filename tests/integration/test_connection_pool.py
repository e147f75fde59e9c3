"""The request pool on PostgreSQL is a fixed set of connections: a burst of units of work beyond its size
waits for a pooled connection instead of opening one of its own.

SQLAlchemy's overflow connections are closed as soon as they are returned while the pool is full, so under a
steady load above the pool's size every few calls paid for a new PostgreSQL backend (a fork, authentication,
a cold catalog cache, and statements prepared again) and threw it away: 160-197 new sessions for ~1,500
CreateOrders at 64 callers with WORKERS=2 (pg_stat_database.sessions), with PostgreSQL's CPU per order
doubled."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import psycopg
import pytest
import pytest_asyncio
from sqlalchemy import event, text
from sqlalchemy.util import greenlet_spawn

from storage.database import Database, open_database
from storage.tenant_walls import TENANT_SETTING
from tests.conftest import PostgresDatabases

pytestmark = pytest.mark.postgres

POOL_SIZE = 2
BURST = 12


@pytest_asyncio.fixture
async def database(postgres: PostgresDatabases) -> AsyncIterator[Database]:
    database = open_database(postgres.new_database("pool"), pool_size=POOL_SIZE)
    try:
        yield database
    finally:
        await database.dispose()


async def one_unit_of_work(database: Database, read_only: bool) -> Any:
    transaction = await database.transactions.begin(read_only=read_only)
    error: BaseException | None = None
    try:
        value = await transaction.sql.scalar(text("SELECT 1"))
        await transaction.commit()
        return value
    except BaseException as exc:
        error = exc
        raise
    finally:
        await transaction.release(error)


@pytest.mark.parametrize("read_only", [True, False], ids=["reads", "writes"])
async def test_a_burst_beyond_the_pool_waits_for_its_connections_and_opens_none(
    database: Database, read_only: bool
):
    opened: list[object] = []
    event.listen(database.engine.sync_engine, "connect", lambda connection, record: opened.append(connection))

    for _ in range(3):
        results = await asyncio.gather(*(one_unit_of_work(database, read_only) for _ in range(BURST)))
        assert results == [1] * BURST

    assert len(opened) == POOL_SIZE
    assert database.pool_status()["overflow"] == 0


async def test_a_connection_given_back_inside_a_transaction_carries_nothing_into_its_next_use(
    database: Database,
):
    """Whatever hands the pool a connection with its transaction still open (the unit of work discards
    such a connection itself), the next user finds it idle, without the tenant that transaction set."""
    pool = database.engine.sync_engine.pool
    pooled = await greenlet_spawn(pool.connect)
    driver = pooled.driver_connection
    await driver.execute("BEGIN")
    await driver.execute("SELECT set_config(%s, '7', true)", (TENANT_SETTING,))
    await greenlet_spawn(pooled.close)

    again = await greenlet_spawn(pool.connect)
    try:
        assert again.driver_connection is driver
        assert driver.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
        setting = await (
            await driver.execute("SELECT current_setting(%s, true)", (TENANT_SETTING,))
        ).fetchone()
        assert setting in ((None,), ("",))
    finally:
        await greenlet_spawn(again.close)
