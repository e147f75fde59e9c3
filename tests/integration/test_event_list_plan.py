"""A tenant's event list reads that tenant's events only, however the outbox's rows of all tenants lie.

The outbox is ordered by `seq` (its primary key, shared by every tenant). Asked for a large tenant's newest
events, PostgreSQL judged walking the primary key backwards and filtering by tenant as cheap as walking the
tenant's own index: the tenant holds most rows, so a match was "expected" every row or two. But the newest
rows of the outbox were another tenant's, and every one of them was read and thrown away first: in the
bench, ListEvents on the 1M-event tenant cost 9 ms of PostgreSQL per call against 1 ms on the small one,
after the small one's writes had put tens of thousands of events above the large one's. The page is now
ordered by (tenant, seq), which only the tenant's index gives."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import psycopg
from sqlalchemy.dialects.postgresql import psycopg as postgres_dialect

from domain.event_log import EventCriteria
from domain.paging import PageRequest
from storage.execution import StatementCache, parameters
from storage.migrations import upgrade_to_head
from storage.outbox.repository import page_statement
from tests.conftest import PostgresDatabases

LARGE, SMALL = 5150, 5151


def libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def nodes(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield plan
    for child in plan.get("Plans", []):
        yield from nodes(child)


def test_a_large_tenants_newest_events_skip_no_other_tenants_rows(postgres: PostgresDatabases):
    url = postgres.new_database("events")
    asyncio.run(asyncio.to_thread(upgrade_to_head, postgres.migration_url(url)))
    with psycopg.connect(libpq(postgres.superuser_url(url)), autocommit=True) as admin:
        for tenant, count in ((LARGE, 60_000), (SMALL, 20_000)):  # the small tenant's events are the newest
            admin.execute(
                """
                INSERT INTO outbox (id, tenant_id, aggregate_type, aggregate_id, event_type, payload,
                  occurred_at, published_at, attempts)
                SELECT gen_random_uuid(), %s, 'lead', g::text, 'lead.created', '{}', now(), now(), 0
                FROM generate_series(1, %s) g
                """,
                (tenant, count),
            )
        admin.execute("VACUUM ANALYZE outbox")
    stmt = page_statement(LARGE, EventCriteria(), PageRequest(size=20))
    prepared, carried = StatementCache(postgres_dialect.dialect()).prepare(stmt, ())
    with psycopg.connect(libpq(url), autocommit=True) as service, service.transaction():
        service.execute("SELECT set_config('crm.tenant_id', %s, true)", (str(LARGE),))
        (document,) = service.execute(
            "EXPLAIN (ANALYZE, FORMAT JSON) " + prepared.sql, parameters(prepared, carried, {})
        ).fetchone()  # type: ignore[misc]
    plan = (json.loads(document) if isinstance(document, str) else document)[0]["Plan"]
    skipped = sum(node.get("Rows Removed by Filter", 0) for node in nodes(plan))
    scans = [node.get("Index Name") for node in nodes(plan) if "Index Name" in node]
    assert skipped == 0, (skipped, scans)
    assert plan["Actual Rows"] == 21  # the page and one more
