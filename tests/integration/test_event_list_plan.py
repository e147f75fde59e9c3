"""A tenant's event list reads that tenant's events only, however the outbox's rows of all tenants lie.

The outbox is ordered by `seq` (its primary key, shared by every tenant). Asked for a large tenant's newest
events, PostgreSQL judged walking the primary key backwards and filtering by tenant as cheap as walking the
tenant's own index: the tenant holds most rows, so a match was "expected" every row or two. But the newest
rows of the outbox were another tenant's, and every one of them was read and thrown away first: in the
bench, ListEvents on the 1M-event tenant cost 9 ms of PostgreSQL per call against 1 ms on the small one,
after the small one's writes had put tens of thousands of events above the large one's. The page is now
ordered by (tenant, seq), which only the tenant's index gives."""

from __future__ import annotations

import psycopg

from storage.migrations import upgrade_to_head
from storage.outbox.repository import EVENT_LIST
from tests.conftest import PostgresDatabases
from tests.support.plans import explain, libpq, plan_nodes

LARGE, SMALL = 5150, 5151


def test_a_large_tenants_newest_events_skip_no_other_tenants_rows(postgres: PostgresDatabases):
    url = postgres.new_database("events")
    upgrade_to_head(postgres.migration_url(url))
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
    first_page = EVENT_LIST.filter(tenant={"tenant_ids": [LARGE]})
    (plan,) = explain(
        url,
        LARGE,
        EVENT_LIST.page(first_page.names, after=False),
        {**first_page.params, "page_limit": 21},
        analyze=True,
    )
    skipped = sum(node.get("Rows Removed by Filter", 0) for node in plan_nodes(plan))
    scans = [node.get("Index Name") for node in plan_nodes(plan) if "Index Name" in node]
    assert skipped == 0, (skipped, scans)
    assert plan["Actual Rows"] == 21  # the page and one more
