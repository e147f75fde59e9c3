"""The service's statements never pay for JIT compilation.

PostgreSQL compiles a query to machine code when the planner's cost estimate crosses jit_above_cost
(100,000 by default). A generic plan's estimate knows nothing of the tenant's own row counts, so beside a
large tenant the cross-sell statement of a small one was estimated at 514,000 and compiled every time: 0.75 s
of LLVM for 1.6 ms of execution (the full bench, RecommendCrossSell on the 1,000-row tenant, auto_explain).
Every transaction the service opens therefore sets jit off for itself (SET LOCAL: a pooler's next client on
the same server connection is not affected)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import AbstractContextManager, nullcontext
from typing import Any

import psycopg
import pytest
import pytest_asyncio
from sqlalchemy import text

from domain.tenancy import across_tenants, acting_for
from storage.database import Database, open_database
from tests.conftest import PostgresDatabases
from tests.support.plans import libpq

pytestmark = pytest.mark.postgres

# Its estimate (a billion rows from three series of unknown length) crosses every JIT threshold; it runs
# through 8 to 27 rows.
COSTLY = (
    "EXPLAIN (ANALYZE, FORMAT JSON) SELECT count(*) FROM generate_series(1, 2 + floor(random())::int) a, "
    "generate_series(1, 2 + floor(random())::int) b, generate_series(1, 2 + floor(random())::int) c"
)


def in_scope(scope: str) -> AbstractContextManager[None]:
    if scope == "tenant":
        return acting_for(7)
    return across_tenants() if scope == "all tenants" else nullcontext()


def compiled(plan: Any) -> bool:
    """Whether EXPLAIN ANALYZE's JSON says the query was JIT-compiled."""
    document = json.loads(plan) if isinstance(plan, str) else plan
    jit = document[0].get("JIT")
    return bool(jit and jit.get("Functions"))


@pytest_asyncio.fixture
async def service(postgres: PostgresDatabases) -> AsyncIterator[Database]:
    url = postgres.new_database("jit")
    with psycopg.connect(libpq(postgres.superuser_url(url)), autocommit=True) as admin:
        if not admin.execute("SELECT pg_jit_available()").fetchone()[0]:  # type: ignore[index]
            pytest.skip("this PostgreSQL has no JIT provider (llvmjit): nothing to turn off")
        # The control: outside the service's transactions the same statement is compiled.
        assert compiled(admin.execute(COSTLY).fetchone()[0])  # type: ignore[index]
    database = open_database(url, pool_size=1)
    try:
        yield database
    finally:
        await database.dispose()


@pytest.mark.parametrize("read_only", [True, False], ids=["read", "write"])
@pytest.mark.parametrize("scope", ["tenant", "all tenants", "none"])
async def test_a_unit_of_works_transaction_compiles_nothing(service: Database, read_only: bool, scope: str):
    with in_scope(scope):
        transaction = await service.transactions.begin(read_only=read_only)
        try:
            plan = await transaction.sql.scalar(text(COSTLY))
            await transaction.rollback()
        finally:
            await transaction.release(None)
    assert not compiled(plan)


@pytest.mark.parametrize("scope", ["tenant", "none"])
async def test_a_sessions_transaction_compiles_nothing(service: Database, scope: str):
    """The relay's, the runner's and the figures' transactions begin through SQLAlchemy instead."""
    with in_scope(scope):
        async with service.sessions() as session:
            plan = await session.scalar(text(COSTLY))
    assert not compiled(plan)
