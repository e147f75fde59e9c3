"""Catalog benchmarks on PostgreSQL (figures, not pass/fail): BulkUpdateProducts of 10,000 products, and
ListProducts at page 500 against page 1. Run with `make bench`."""

from __future__ import annotations

import statistics
import time

import grpc
import pytest

from crm.v2 import product_service_pb2 as pb
from crm.v2 import product_service_pb2_grpc
from tests.conftest import PostgresDatabases, RunningServer, make_settings, serving
from tests.integration.conftest_catalog import seed_products

SEEDED = 12_000
BULK = 10_000
PAGE_SIZE = 20
DEEP_PAGE = 500
REPEATS = 40
TENANT = 4242


@pytest.fixture
async def bench_server(postgres: PostgresDatabases):
    async with serving(make_settings(postgres.new_database("bench")), "postgres") as running:
        yield running


async def timed(call) -> tuple[float, object]:
    started = time.perf_counter()
    result = await call()
    return time.perf_counter() - started, result


async def test_bulk_update_of_10000_products_and_deep_pages(bench_server: RunningServer) -> None:
    ids = await seed_products(bench_server.server.components.database, TENANT, SEEDED)
    async with grpc.aio.insecure_channel(
        bench_server.target, options=[("grpc.max_receive_message_length", 64 << 20)]
    ) as channel:
        products = product_service_pb2_grpc.ProductServiceStub(channel)
        # Pages first: the bulk update leaves dead index entries behind until autovacuum runs.
        tokens = [""]
        for _ in range(DEEP_PAGE - 1):
            page = await products.ListProducts(
                pb.ListProductsRequest(
                    tenant_id=TENANT, page_size=PAGE_SIZE, page_token=tokens[-1], show_discontinued=True
                )
            )
            tokens.append(page.next_page_token)

        async def page_seconds(token: str) -> float:
            request = pb.ListProductsRequest(
                tenant_id=TENANT, page_size=PAGE_SIZE, page_token=token, show_discontinued=True
            )
            seconds, response = await timed(lambda: products.ListProducts(request))
            assert len(response.products) == PAGE_SIZE
            return seconds

        # Interleaved, so that load from elsewhere on the machine hits both pages alike.
        first_samples, deep_samples = [], []
        for _ in range(REPEATS):
            first_samples.append(await page_seconds(tokens[0]))
            deep_samples.append(await page_seconds(tokens[DEEP_PAGE - 1]))
        first, deep = statistics.median(first_samples), statistics.median(deep_samples)

        targets = [str(i) for i in ids[:BULK]]

        async def bulk(changes: pb.ProductChanges):
            return await products.BulkUpdateProducts(
                pb.BulkUpdateProductsRequest(tenant_id=TENANT, product_ids=targets, changes=changes)
            )

        status_seconds, status = await timed(
            lambda: bulk(pb.ProductChanges(status=pb.PRODUCT_STATUS_INACTIVE))
        )
        price_seconds, price = await timed(
            lambda: bulk(pb.ProductChanges(price_change=pb.PriceChange(percent=10)))
        )
        assert status.updated_count == price.updated_count == BULK

    print(
        f"\n[bench] BulkUpdateProducts {BULK:,} ids on PostgreSQL: status change {status_seconds:.3f} s, "
        f"price change +10% with re-scoring {price_seconds:.3f} s (target < 2 s)"
        f"\n[bench] ListProducts page_size {PAGE_SIZE} over {SEEDED:,} products (median of {REPEATS}): "
        f"page 1 {first * 1000:.2f} ms, page {DEEP_PAGE} {deep * 1000:.2f} ms, "
        f"ratio {deep / first:.2f}x (target <= 1.5x)"
    )
