"""The unit of work on PostgreSQL: a read runs READ ONLY, so a stray write is refused and stores nothing; it
sends its scope and its statements and nothing else; repeated reads run from prepared statements; a failure
inside a pipelined read or write leaves the connection as it found it; an UPDATE sent ahead that fails still
fails its unit of work."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import psycopg
import pytest
from psycopg.errors import DivisionByZero, ReadOnlySqlTransaction
from sqlalchemy import BigInteger, Column, Integer, MetaData, Table, Uuid, insert, select, text

from domain.errors import UniqueViolation
from domain.event_log import EncodedEvent
from domain.tenancy import acting_for
from storage.database import Database, open_database
from storage.rows import update_row
from storage.tenant_walls import TENANT_SETTING
from storage.uow import SqlAlchemyUnitOfWork
from tests.conftest import PostgresDatabases

# psycopg prepares a statement the sixth time a connection runs it (prepare_threshold = 5).
PREPARE_THRESHOLD = 5


@pytest.fixture
async def database(postgres: PostgresDatabases) -> AsyncIterator[Database]:
    url = postgres.new_database("uow")
    owner = open_database(postgres.migration_url(url), pool_size=1)  # the service may not create tables
    async with owner.write_sessions() as session, session.begin():
        await session.execute(text("CREATE TABLE probe (n integer)"))
        await session.execute(text("CREATE UNIQUE INDEX probe_n ON probe (n)"))
        await session.execute(
            text(
                "CREATE TABLE probe_rows"
                " (tenant_id bigint, id uuid, n integer UNIQUE, PRIMARY KEY (tenant_id, id))"
            )
        )
    await owner.dispose()
    # One connection, so every unit of work below runs on the same one.
    db = open_database(url, pool_size=1)
    yield db
    await db.dispose()


def reading(db: Database) -> SqlAlchemyUnitOfWork:
    return SqlAlchemyUnitOfWork(
        db.transactions, serialize=lambda event: EncodedEvent("", b""), read_only=True
    )


async def test_a_write_inside_a_reading_unit_of_work_is_refused_and_stores_nothing(database):
    with pytest.raises(ReadOnlySqlTransaction, match="read-only transaction"):
        async with reading(database) as uow:
            await uow.sql.execute(text("INSERT INTO probe VALUES (1)"))

    async with reading(database) as uow:
        assert await uow.sql.scalar(text("SELECT count(*) FROM probe")) == 0


async def test_repeated_reads_run_from_a_prepared_statement(database):
    count = text("SELECT count(*) FROM probe WHERE n > :n")
    for _ in range(PREPARE_THRESHOLD + 1):
        async with reading(database) as uow:
            await uow.sql.scalar(count, {"n": 0})

    async with reading(database) as uow:
        prepared = (await uow.sql.execute(text("SELECT statement FROM pg_prepared_statements"))).scalars()
        assert any("FROM probe WHERE n >" in statement for statement in prepared)


async def test_a_read_sends_its_scope_and_its_statements_and_nothing_else(database, monkeypatch):
    """No BEGIN and no COMMIT: the statements of one pipeline are one transaction on the server until its
    Sync, so the scope's transaction-local settings hold for them and end with them, at no extra statement's
    cost."""
    async with reading(database) as uow:  # the pool's first connection asks the server about itself
        await uow.sql.scalar(text("SELECT 1"))
    sent: list[str] = []
    execute = psycopg.AsyncCursor.execute

    async def recorded(self, query, params=None, **kw):  # type: ignore[no-untyped-def]
        sent.append(str(query))
        return await execute(self, query, params, **kw)

    monkeypatch.setattr(psycopg.AsyncCursor, "execute", recorded)
    settings = text(
        "SELECT current_setting('transaction_read_only') AS read_only, current_setting('jit') AS jit,"
        f" current_setting('{TENANT_SETTING}', true) AS tenant"
    )
    with acting_for(7):
        async with reading(database) as uow:
            within = (await uow.sql.execute(settings)).one()

    assert tuple(within) == ("on", "off", "7")  # read only, no JIT, the tenant's rows
    assert len(sent) == 2, sent
    assert not any(statement.upper().startswith(("BEGIN", "COMMIT")) for statement in sent), sent
    async with reading(database) as uow:  # on the same connection, in no tenant's scope
        after = (await uow.sql.execute(settings)).one()
    assert after[2] in (None, "")


async def test_a_failure_inside_a_pipelined_read_leaves_no_statement_believed_prepared(database):
    """The statements of a read after the one that fails never ran, not even the PREPARE of one used often
    enough to be prepared then; they run as usual in the next read on the same connection."""
    count = text("SELECT count(*) FROM probe WHERE n > :n")
    for _ in range(PREPARE_THRESHOLD):
        async with reading(database) as uow:
            await uow.sql.scalar(count, {"n": 0})

    with pytest.raises(DivisionByZero):
        async with reading(database) as uow:
            await uow.sql.execute_all([(text("SELECT 1 / :zero"), {"zero": 0}), (count, {"n": 0})])

    async with reading(database) as uow:
        assert await uow.sql.scalar(count, {"n": 0}) == 0
        assert await uow.sql.scalar(count, {"n": 0}) == 0


def writing(db: Database) -> SqlAlchemyUnitOfWork:
    return SqlAlchemyUnitOfWork(db.transactions, serialize=lambda event: EncodedEvent("", b""))


async def test_a_failure_inside_a_pipelined_write_leaves_no_statement_believed_prepared(database):
    """An INSERT sent ahead fails; the statements behind it in the pipeline never ran, not even the PREPARE
    of one used often enough to be prepared then. The connection must not believe them prepared after."""
    insert = text("INSERT INTO probe (n) VALUES (:n)")
    many = text("INSERT INTO probe (n) SELECT :n")  # executemany prepares a statement on its first use
    for n in range(PREPARE_THRESHOLD):
        async with writing(database) as uow:
            await uow.sql.execute(insert, {"n": n})
            await uow.commit()

    with pytest.raises(UniqueViolation):
        async with writing(database) as uow:
            await uow.sql.send(insert, {"n": 0})  # a duplicate: fails ahead of the next statement
            await uow.sql.send(insert, {"n": 100})  # the first use prepared: its PREPARE is skipped
            await uow.sql.execute(many, [{"n": 102}, {"n": 103}])  # prepared at once: skipped too
            await uow.commit()

    async with writing(database) as uow:
        await uow.sql.execute(insert, {"n": 101})
        await uow.sql.execute(many, [{"n": 104}, {"n": 105}])
        await uow.commit()
    async with reading(database) as uow:
        assert await uow.sql.scalar(text("SELECT count(*) FROM probe")) == PREPARE_THRESHOLD + 3


PROBE_ROWS = Table(
    "probe_rows", MetaData(), Column("tenant_id", BigInteger), Column("id", Uuid), Column("n", Integer)
)


async def test_an_update_sent_ahead_that_breaks_a_unique_key_still_fails_its_unit_of_work(database):
    """`update_row` does not wait for its UPDATE (nobody reads its outcome): one that breaks a unique key
    fails the unit of work at its next wait, as UniqueViolation, and changes nothing."""
    first, second = uuid.uuid4(), uuid.uuid4()
    async with writing(database) as uow:
        await uow.sql.execute(
            insert(PROBE_ROWS),
            [{"tenant_id": 1, "id": first, "n": 1}, {"tenant_id": 1, "id": second, "n": 2}],
        )
        await uow.commit()

    with pytest.raises(UniqueViolation):
        async with writing(database) as uow:
            await update_row(uow.sql, PROBE_ROWS, values={"tenant_id": 1, "id": second, "n": 1})
            await uow.commit()

    async with reading(database) as uow:
        rows = (await uow.sql.execute(select(PROBE_ROWS.c.id, PROBE_ROWS.c.n))).all()
        assert sorted((row.n, row.id) for row in rows) == [(1, first), (2, second)]
