"""Intelligence benchmarks on PostgreSQL (figures; run with `make bench`): RecommendCrossSell and
OptimizePricing over a 100,000-product catalog with 1,000,000 order items at 8 concurrent callers (target
p99 < 50 ms each), and a BulkOptimizePricing dry run over 10,000 products (target < 5 s)."""

from __future__ import annotations

import asyncio
import random
import statistics
import time

import grpc
import pytest
from sqlalchemy import text

from crm.v2 import intelligence_service_pb2 as pb
from crm.v2 import intelligence_service_pb2_grpc
from tests.conftest import PostgresDatabases, RunningServer, make_settings, start_server

TENANT = 5151
PRODUCTS = 100_000
ORDERS = 250_000
LINES_PER_ORDER = 4  # 1,000,000 order items
CALLERS = 8
CALLS_PER_CALLER = 150
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
    "ANALYZE",
]


@pytest.fixture
async def bench_server(postgres: PostgresDatabases):
    running = await start_server(make_settings(postgres.new_database("intel_bench")), "postgres")
    yield running
    await running.server.stop(grace=1.0)


def product_id(index: int) -> str:
    return f"00000000-0000-7000-8000-{index:012x}"


async def latencies(call, requests: list) -> list[float]:
    """Seconds of each call, CALLERS at a time."""
    samples: list[float] = []

    async def caller(batch: list) -> None:
        for request in batch:
            started = time.perf_counter()
            await call(request)
            samples.append(time.perf_counter() - started)

    await asyncio.gather(*(caller(requests[i::CALLERS]) for i in range(CALLERS)))
    return samples


def p99(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100)[98] * 1000


async def test_cross_sell_and_pricing_latency_and_bulk_dry_run(bench_server: RunningServer) -> None:
    started = time.perf_counter()
    async with bench_server.server.components.database.engine.begin() as conn:
        for statement in SEED:
            await conn.execute(text(statement))
    seeded = time.perf_counter() - started
    rng = random.Random(7)
    async with grpc.aio.insecure_channel(
        bench_server.target, options=[("grpc.max_receive_message_length", 64 << 20)]
    ) as channel:
        stub = intelligence_service_pb2_grpc.IntelligenceServiceStub(channel)
        kinds = [pb.CROSS_SELL_TYPE_UPSELL, pb.CROSS_SELL_TYPE_CROSS_SELL, pb.CROSS_SELL_TYPE_COMPLEMENT]
        total = CALLERS * CALLS_PER_CALLER
        cross = [
            pb.RecommendCrossSellRequest(
                tenant_id=TENANT, product_id=product_id(rng.randint(1, PRODUCTS)), type=kinds[i % 3], limit=10
            )
            for i in range(total)
        ]
        prices = [
            pb.OptimizePricingRequest(tenant_id=TENANT, product_id=product_id(rng.randint(1, PRODUCTS)))
            for _ in range(total)
        ]
        await latencies(stub.RecommendCrossSell, cross[:40])  # warm up connections and plans
        cross_samples = await latencies(stub.RecommendCrossSell, cross)
        price_samples = await latencies(stub.OptimizePricing, prices)
        answer = await stub.RecommendCrossSell(cross[0])
        bulk_started = time.perf_counter()
        bulk = await stub.BulkOptimizePricing(
            pb.BulkOptimizePricingRequest(tenant_id=TENANT, category="fitness", result_limit=10_000)
        )
        bulk_seconds = time.perf_counter() - bulk_started
    assert bulk.summary.product_count == PRODUCTS // 10 and not bulk.summary.applied
    assert bulk.results and (bulk.results_truncated or len(bulk.results) == PRODUCTS // 10)
    print(
        f"\n[bench] seeded {PRODUCTS:,} products and {ORDERS * LINES_PER_ORDER:,} order items "
        f"in {seeded:.1f} s"
        f"\n[bench] RecommendCrossSell x{total} at {CALLERS} callers: p50 "
        f"{statistics.median(cross_samples) * 1000:.1f} ms, p99 {p99(cross_samples):.1f} ms "
        "(target < 50 ms); "
        f"e.g. {answer.candidate_count} candidates, top co-purchases "
        f"{answer.recommendations[0].co_purchase_count if answer.recommendations else 0}"
        f"\n[bench] OptimizePricing x{total} at {CALLERS} callers: p50 "
        f"{statistics.median(price_samples) * 1000:.1f} ms, p99 {p99(price_samples):.1f} ms (target < 50 ms)"
        f"\n[bench] BulkOptimizePricing dry run over {bulk.summary.product_count:,} products: "
        f"{bulk_seconds:.2f} s (target < 5 s), {len(bulk.results):,} results in the 4 MiB response"
    )
