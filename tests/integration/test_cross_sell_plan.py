"""Under row-level security PostgreSQL takes only leakproof operators as index conditions; numeric's
comparisons are not leakproof, so a price range on the shelf index became a filter over the whole shelf
(0.17 ms to 55 ms for 40,000 products). The shelf scans compare the price in cents (bigint, leakproof): as
the service role, in a tenant's scope, the range stays an index condition. And the shelf index ends with the
id that breaks price ties, so a shelf of many products at one price is read only as far as the few
candidates it gives (the seeded 1M-row tenant, every product of a shelf at one price: 1.7-2.7 s per call,
sorting 25,000 rows per shelf, against 4-8 ms)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import psycopg

from domain.intelligence import CandidateQuery
from storage.intelligence.cross_sell import candidate_parameters, candidate_statement
from storage.migrations import upgrade_to_head
from tests.conftest import PostgresDatabases
from tests.support.plans import explain, libpq, plan_nodes

TENANT = 4242


def seed_shelf(postgres: PostgresDatabases, *, price: str) -> tuple[str, Any]:
    """A database with 4,000 active fitness products of tenant TENANT priced `price` (an SQL expression of
    the series' g), each with stock; returns the service role's URL and one product's id."""
    url = postgres.new_database("shelf")
    upgrade_to_head(postgres.migration_url(url))
    with psycopg.connect(libpq(postgres.superuser_url(url)), autocommit=True) as admin:
        admin.execute(
            f"""
            INSERT INTO products (tenant_id, id, sku, asin, title, description, category, status, currency,
              source_price, recommended_price, selling_price, dropship_score, classification, profit_margin,
              score_factors, analyzed_at, weight_grams, image_urls, tags, version, created_at, updated_at)
            SELECT %s, gen_random_uuid(), 'S' || g, '', 'P' || g, '', 'fitness', 'active', 'USD', 10, 12,
              {price}, 50, (ARRAY['hero', 'good', 'moderate', 'poor'])[1 + g %% 4], 0.3, '[]',
              now(), 0, '[]', '[]', 1, now(), now()
            FROM generate_series(1, 4000) g
            """,
            (TENANT,),
        )
        admin.execute(
            "INSERT INTO inventory_levels (tenant_id, product_id, available, reserved, backordered,"
            " reorder_point, reorder_quantity, max_stock, version, updated_at)"
            " SELECT tenant_id, id, 10, 0, 0, 0, 0, 0, 1, now() FROM products"
        )
        admin.execute("ANALYZE")
        source = admin.execute("SELECT id FROM products LIMIT 1").fetchone()[0]  # type: ignore[index]
    return url, source


def explain_candidates(url: str, source: Any, *, analyze: bool) -> list[Any]:
    """The plan of the cross-sell statement as the service role in TENANT's scope."""
    query = CandidateQuery(
        tenant_id=TENANT,
        source_id=source,
        categories=("fitness",),
        currency="USD",
        min_price=Decimal("500"),
        max_price=Decimal("1500"),
        ideal_price=Decimal("1000"),
        pool=40,
        depth=5,
    )
    statement = candidate_statement(lateral=True, categories=0)
    return explain(url, TENANT, statement, candidate_parameters(query, lateral=True), analyze=analyze)


def test_the_shelf_scans_keep_their_price_range_as_an_index_condition(postgres: PostgresDatabases):
    url, source = seed_shelf(postgres, price="10 + g %% 2000")
    plan = explain_candidates(url, source, analyze=False)

    shelf_conditions = [line for line in plan if "Index Cond" in line and "selling_cents" in line]
    assert len(shelf_conditions) == 2, "\n".join(plan)  # the scans above and below the ideal price
    assert not any("Filter" in line and "selling_cents" in line for line in plan), "\n".join(plan)


def test_a_shelf_of_one_price_is_read_only_as_far_as_its_candidates(postgres: PostgresDatabases):
    """4,000 products at the ideal price, a thousand per classification: each shelf scan reads no more than
    the `depth` (5) candidates it keeps, in the index's order, instead of sorting its thousand."""
    url, source = seed_shelf(postgres, price="1000")
    (plan,) = explain_candidates(url, source, analyze=True)
    shelf_scans = [node for node in plan_nodes(plan) if node.get("Index Name") == "ix_products_tenant_shelf"]
    assert len(shelf_scans) == 2, json.dumps(plan, indent=1)
    read = [node["Actual Rows"] for node in shelf_scans]  # per loop: one loop per classification
    assert all(rows <= 5 for rows in read), read
