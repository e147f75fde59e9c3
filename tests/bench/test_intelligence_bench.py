"""Intelligence benchmarks on PostgreSQL (figures; run with `make bench`): RecommendCrossSell and
OptimizePricing over a 100,000-product catalog with 1,000,000 order items at 8 concurrent callers (target
p99 < 50 ms each), and a BulkOptimizePricing dry run over 10,000 products (target < 5 s).

The server runs in its own process and the callers in another (tests/bench/grpc_load.py)."""

from __future__ import annotations

import os
import random
import time
from collections.abc import Iterator

import grpc
import pytest
from sqlalchemy import text

from crm.v2 import intelligence_service_pb2 as pb
from crm.v2 import intelligence_service_pb2_grpc
from storage.database import open_database
from tests.bench.grpc_load import run_load, server_process
from tests.conftest import PostgresDatabases
from tests.support.postgres import superuser_url_for

TENANT = 5151
PRODUCTS = 100_000
ORDERS = 250_000
LINES_PER_ORDER = 4  # 1,000,000 order items
CALLERS = 8
CALLS = 2400
# Each caller on its own connection, as separate client replicas would be.
CONNECTIONS = CALLERS
# One server process unless CRM_BENCH_WORKERS says otherwise: the latency of a single process under the
# load, with a core left for PostgreSQL and the load generator.
WORKERS = int(os.environ.get("CRM_BENCH_WORKERS", "1"))
CATEGORIES = ",".join(
    f"'{c}'"
    for c in (
        "fitness",
        "health",
        "electronics",
        "beauty",
        "kitchen",
        "home_garden",
        "pet_supplies",
        "toys_games",
        "fashion",
        "office",
    )
)
PRICE = "round(5 + (g * 7919 % 20000) / 100.0, 2)"

SEED = [
    f"""INSERT INTO products (id, tenant_id, sku, asin, title, description, category, status, currency,
        source_price, recommended_price, selling_price, dropship_score, classification, profit_margin,
        score_factors, analyzed_at, weight_grams, image_urls, tags, version, created_at, updated_at)
    SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, {TENANT}, 'B-' || g, '',
        'Bench product ' || g, '', (ARRAY[{CATEGORIES}])[1 + g % 10], 'active', 'USD',
        round({PRICE} * 0.6, 2), {PRICE}, {PRICE}, 40 + g % 50,
        (ARRAY['hero','good','moderate','poor'])[1 + g % 4],
        0.4, '[]', now(), 0, '[]', '[]', 1, now(), now()
    FROM generate_series(1, {PRODUCTS}) AS g""",
    f"""INSERT INTO inventory_levels (product_id, tenant_id, available, reserved, backordered, reorder_point,
        reorder_quantity, max_stock, version, updated_at)
    SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, {TENANT}, g % 50,
        0, 0, 5, 0, 0, 1, now()
    FROM generate_series(1, {PRODUCTS}) AS g""",
    f"""INSERT INTO orders (id, tenant_id, order_number, customer_email, customer_name, billing_address,
        shipping_address, currency, subtotal, tax, shipping, discount, total, status, financial_status,
        risk_level, risk_score, verification_required, fraud_action, fraud_factors, analyzed_at, notes,
        tracking_number, carrier, cancel_reason, version, created_at, updated_at)
    SELECT ('00000000-0000-7000-9000-' || lpad(to_hex(o), 12, '0'))::uuid, {TENANT}, 'ORD-B-' || o,
        'c' || (o % 5000) || '@example.com', 'C', '{{}}', '{{}}', 'USD', 10, 0, 0, 0, 10, 'delivered', 'paid',
        'low', 0.1, false, 'standard_processing', '[]', now(), '', '', '', '', 1,
        now() - (o % 80) * interval '1 day', now()
    FROM generate_series(1, {ORDERS}) AS o""",
    f"""INSERT INTO order_items (id, tenant_id, order_id, line_no, product_id, sku, title, quantity,
        unit_price, total_price, backordered, counts_as_sale, created_at)
    SELECT gen_random_uuid(), {TENANT}, ('00000000-0000-7000-9000-' || lpad(to_hex(o), 12, '0'))::uuid, l,
        ('00000000-0000-7000-8000-' || lpad(to_hex(1 + (o * 7 + l * 10000) % {PRODUCTS}), 12, '0'))::uuid,
        'B', 'B', 1 + (o + l) % 3, 10, 10, false, true, now() - (o % 80) * interval '1 day'
    FROM generate_series(1, {ORDERS}) AS o, generate_series(1, {LINES_PER_ORDER}) AS l""",
]
# Measured on settled tables, as a catalog of this size would be: without it autovacuum works through the
# million fresh rows during the measurement and first reads set hint bits.
SETTLE = "VACUUM (ANALYZE)"
# Enough calls that every pooled connection has run each statement past psycopg's prepare threshold.
WARM_UP_CALLS = 200


@pytest.fixture
def database_url(postgres: PostgresDatabases) -> str:
    return postgres.new_database("intel_bench")


@pytest.fixture
def served(database_url: str) -> Iterator[str]:
    with server_process(database_url, workers=WORKERS) as target:
        yield target


async def seed(database_url: str) -> float:
    """Seconds to load and settle the catalog and its order history (after the server migrated)."""
    started = time.perf_counter()
    # Seeded by the superuser: row-level security would hold the service's role to one tenant at a time.
    database = open_database(superuser_url_for(database_url) or database_url)
    try:
        async with database.engine.begin() as conn:
            for statement in SEED:
                await conn.execute(text(statement))
        async with database.engine.connect() as conn:
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text(SETTLE))
    finally:
        await database.dispose()
    return time.perf_counter() - started


def product_id(index: int) -> str:
    return f"00000000-0000-7000-8000-{index:012x}"


async def test_cross_sell_and_pricing_latency_and_bulk_dry_run(served: str, database_url: str) -> None:
    seeded = await seed(database_url)
    rng = random.Random(7)
    kinds = [pb.CROSS_SELL_TYPE_UPSELL, pb.CROSS_SELL_TYPE_CROSS_SELL, pb.CROSS_SELL_TYPE_COMPLEMENT]
    cross = [
        pb.RecommendCrossSellRequest(
            tenant_id=TENANT, product_id=product_id(rng.randint(1, PRODUCTS)), type=kinds[i % 3], limit=10
        )
        for i in range(CALLS)
    ]
    prices = [
        pb.OptimizePricingRequest(tenant_id=TENANT, product_id=product_id(rng.randint(1, PRODUCTS)))
        for _ in range(CALLS)
    ]
    load = {"concurrency": CALLERS, "total": CALLS, "connections": CONNECTIONS, "warm_up": WARM_UP_CALLS}
    cross_figures = run_load(served, "crm.v2.IntelligenceService.RecommendCrossSell", cross, **load)
    price_figures = run_load(served, "crm.v2.IntelligenceService.OptimizePricing", prices, **load)
    async with grpc.aio.insecure_channel(
        served, options=[("grpc.max_receive_message_length", 64 << 20)]
    ) as channel:
        stub = intelligence_service_pb2_grpc.IntelligenceServiceStub(channel)
        answer = await stub.RecommendCrossSell(cross[0])
        bulk_started = time.perf_counter()
        bulk = await stub.BulkOptimizePricing(
            pb.BulkOptimizePricingRequest(tenant_id=TENANT, category="fitness", result_limit=10_000)
        )
        bulk_seconds = time.perf_counter() - bulk_started
    assert cross_figures["errors"] == 0 and price_figures["errors"] == 0
    assert bulk.summary.product_count == PRODUCTS // 10 and not bulk.summary.applied
    assert bulk.results and (bulk.results_truncated or len(bulk.results) == PRODUCTS // 10)
    print(
        f"\n[bench] seeded {PRODUCTS:,} products and {ORDERS * LINES_PER_ORDER:,} order items "
        f"and vacuumed in {seeded:.1f} s; {WORKERS} server process(es), load from {cross_figures['tool']}"
        f"\n[bench] RecommendCrossSell x{CALLS} at {CALLERS} callers: {cross_figures['rps']:.0f}/s, "
        f"p50 {cross_figures['p50']:.1f} ms, p99 {cross_figures['p99']:.1f} ms (target < 50 ms); "
        f"e.g. {answer.candidate_count} candidates weighed, top co-purchases "
        f"{answer.recommendations[0].co_purchase_count if answer.recommendations else 0}"
        f"\n[bench] OptimizePricing x{CALLS} at {CALLERS} callers: {price_figures['rps']:.0f}/s, "
        f"p50 {price_figures['p50']:.1f} ms, p99 {price_figures['p99']:.1f} ms (target < 50 ms)"
        f"\n[bench] BulkOptimizePricing dry run over {bulk.summary.product_count:,} products: "
        f"{bulk_seconds:.2f} s (target < 5 s), {len(bulk.results):,} results in the 4 MiB response"
    )
