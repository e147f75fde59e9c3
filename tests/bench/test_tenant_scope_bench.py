"""What the second wall costs a GetLead-like read (figures, not pass/fail), side by side on one PostgreSQL:

- before: the schema and engine before 0010 (no row-level security; psycopg sends its own BEGIN);
- now: 0010's row-level security, the tenant sent with the BEGIN in one round trip (storage/database.py);
- a round trip more: the same, but set_config in a statement of its own after psycopg's BEGIN (what the
  one-round-trip BEGIN avoids);
- now, bypassed: the superuser on the 0010 schema (row-level security does not apply to it), to tell the
  cost of the policy from the cost of setting the tenant.

Each read is one read-only unit of work fetching a lead by tenant and id (BEGIN, SELECT, COMMIT), as
GetLead's use case does, without gRPC. The variants take turns call by call; the figure is the median.
Run with `make bench` or alone: pytest -q -s tests/bench/test_tenant_scope_bench.py."""

from __future__ import annotations

import random
import statistics
import time
import uuid
from collections.abc import Callable

import pytest
from alembic import command
from sqlalchemy import event, insert
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from domain.event_log import EncodedEvent
from domain.tenancy import acting_for, current_scope
from storage.database import Database, async_url, open_database
from storage.leads.tables import LeadRow
from storage.migrations import alembic_config, upgrade_to_head
from storage.uow import SqlAlchemyUnitOfWork
from tests.conftest import PostgresDatabases
from tests.integration.test_row_level_security import a_lead_row

TENANT = 4242
LEADS = 1_000
CALLS = 3_000
WARM_UP = 200
BEFORE_THE_WALLS = "0009_request_fingerprints"


def engine_before_the_walls(url: str, *, set_config_apart: bool = False) -> Database:
    """The engine as it was before 0010: psycopg begins its own transactions; optionally the tenant in a
    statement of its own once the transaction has begun (a round trip more)."""
    engine = create_async_engine(async_url(url), hide_parameters=True, pool_size=1, max_overflow=0)
    if set_config_apart:

        @event.listens_for(engine.sync_engine, "begin")
        def _tenant_apart(conn):  # type: ignore[no-untyped-def]
            scope = current_scope()
            conn.exec_driver_sql(f"SELECT set_config('crm.tenant_id', '{int(scope):d}', true)")  # type: ignore[arg-type]

    reader = engine.execution_options(postgresql_readonly=True)
    return Database(
        engine,
        async_sessionmaker(reader, expire_on_commit=False, autoflush=False),
        async_sessionmaker(engine, expire_on_commit=False, autoflush=False),
    )


async def seed(database: Database) -> list[uuid.UUID]:
    rows = [a_lead_row(TENANT) for _ in range(LEADS)]
    with acting_for(TENANT):
        async with database.write_sessions() as session, session.begin():
            await session.execute(insert(LeadRow), rows)
    return [row["id"] for row in rows]


async def read_one(database: Database, lead_id: uuid.UUID) -> tuple[float, float]:
    """Microseconds of one read-only unit of work that fetches one lead: (elapsed, this process's CPU)."""
    with acting_for(TENANT):
        started, cpu = time.perf_counter(), time.process_time()
        async with SqlAlchemyUnitOfWork(
            database.sessions, serialize=lambda event: EncodedEvent(str(event), b""), read_only=True
        ) as uow:
            lead = await uow.leads.get(TENANT, lead_id)
        elapsed, cpu = (time.perf_counter() - started) * 1e6, (time.process_time() - cpu) * 1e6
    assert lead is not None
    return elapsed, cpu


@pytest.mark.timeout(1800)
async def test_the_cost_of_the_tenant_setting_per_read(postgres: PostgresDatabases) -> None:
    old_url, new_url = postgres.new_database("before_walls"), postgres.new_database("walls")
    command.upgrade(alembic_config(postgres.migration_url(old_url)), BEFORE_THE_WALLS)
    upgrade_to_head(postgres.migration_url(new_url))
    variants: dict[str, Callable[[], Database]] = {
        "before (no RLS, psycopg BEGIN)": lambda: engine_before_the_walls(old_url),
        "now (RLS, tenant with the BEGIN)": lambda: open_database(new_url, pool_size=1),
        "a round trip more (RLS, set_config apart)": lambda: engine_before_the_walls(
            new_url, set_config_apart=True
        ),
        "now, bypassed (superuser, RLS not applied)": lambda: open_database(
            postgres.superuser_url(new_url), pool_size=1
        ),
    }
    databases = {name: make() for name, make in variants.items()}
    try:
        ids = {name: await seed(db) for name, db in databases.items() if "superuser" not in name}
        ids["now, bypassed (superuser, RLS not applied)"] = ids["now (RLS, tenant with the BEGIN)"]
        pick = random.Random(1).choice
        for name, db in databases.items():  # warm: past psycopg's prepare threshold, plans cached
            for _ in range(WARM_UP):
                await read_one(db, pick(ids[name]))
        # One call of each variant in turn, the order rotating, so that the machine's load (shared, noisy)
        # falls on all of them alike; the median per call is robust to the rest.
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in databases}
        names = list(databases)
        for turn in range(CALLS):
            for name in names[turn % len(names) :] + names[: turn % len(names)]:
                samples[name].append(await read_one(databases[name], pick(ids[name])))
    finally:
        for db in databases.values():
            await db.dispose()
    before = statistics.median(elapsed for elapsed, _ in samples["before (no RLS, psycopg BEGIN)"])
    print(f"\n[bench] a GetLead-like read (read-only unit of work, one lead by id), {CALLS} calls each:")
    for name, values in samples.items():
        elapsed = [e for e, _ in values]
        median, p90 = statistics.median(elapsed), statistics.quantiles(elapsed, n=10)[-1]
        cpu = statistics.mean(c for _, c in values)
        print(
            f"[bench]   {name:45s} median {median:6.0f} us ({median - before:+5.0f} us, "
            f"x{median / before:.3f})  p90 {p90:6.0f} us  client CPU {cpu:5.0f} us"
        )
