"""CreateOrder throughput on PostgreSQL (figures, not pass/fail): 2-line orders from 32 concurrent
callers, with pgbench's tpcb-like TPS measured on the same server in the same run as the yardstick.
Run with `make bench`.

The server runs in its own processes and the load comes from another (tests/bench/grpc_load.py). Target
on the 2-core machine: >= 250 orders/s with p99 < 50 ms.
"""

from __future__ import annotations

import asyncio
import os
import random
import subprocess
import uuid
from collections.abc import Iterator

import grpc
import pytest

from crm.v2 import order_service_pb2 as pb
from crm.v2 import product_service_pb2 as ppb
from crm.v2 import product_service_pb2_grpc
from tests.bench.grpc_load import run_load, server_process
from tests.conftest import PostgresDatabases
from tests.integration.conftest_catalog import a_product, money
from tests.integration.conftest_orders import an_address
from tests.support.postgres import find_postgres_bin_dir

TENANT = 4343
PRODUCTS = 200
CONCURRENCY = 32
PGBENCH_SECONDS = 10
ORDERS = 2000
DISTINCT_REQUESTS = 2000
# One server process per core, as deployed (CRM_BENCH_WORKERS=1 measures a single process).
WORKERS = int(os.environ.get("CRM_BENCH_WORKERS", os.cpu_count() or 1))
CONNECTIONS = 8


@pytest.fixture
def served(postgres: PostgresDatabases) -> Iterator[str]:
    with server_process(postgres.new_database("orders_bench"), workers=WORKERS) as target:
        yield target


async def seed(target: str) -> list[str]:
    async with grpc.aio.insecure_channel(target) as channel:
        stub = product_service_pb2_grpc.ProductServiceStub(channel)
        created = await asyncio.gather(
            *(
                stub.CreateProduct(
                    ppb.CreateProductRequest(
                        tenant_id=TENANT,
                        product=a_product(
                            status=ppb.PRODUCT_STATUS_ACTIVE,
                            initial_stock=1_000_000,
                            category="office",
                            pricing=ppb.ProductPricing(
                                source_price=money("10.00"), current_selling_price=money("19.99")
                            ),
                        ),
                    )
                )
                for _ in range(PRODUCTS)
            )
        )
    return [p.id for p in created]


def requests(product_ids: list[str]) -> list[pb.CreateOrderRequest]:
    """Distinct 2-line orders over random product pairs and customers (ghz round-robins through them)."""
    rng = random.Random(7)
    out = []
    for n in range(DISTINCT_REQUESTS):
        first, second = rng.sample(product_ids, 2)
        order = pb.Order(
            customer_email=f"bench.{n}.{uuid.uuid4().hex[:6]}@example.com",
            customer_name="Bench Buyer",
            billing_address=an_address(),
            items=[pb.OrderItem(product_id=first, quantity=1), pb.OrderItem(product_id=second, quantity=2)],
        )
        out.append(pb.CreateOrderRequest(tenant_id=TENANT, order=order))
    return out


def pgbench_tps(postgres: PostgresDatabases) -> float:
    bin_dir = find_postgres_bin_dir()
    if postgres.server is None or bin_dir is None:
        pytest.skip("pgbench needs the private PostgreSQL server of the test session")
    server = postgres.server
    url = postgres.new_database("pgbench")
    name = url.rsplit("/", 1)[-1]
    env = {**os.environ, "PGHOST": server.host, "PGPORT": str(server.port), "PGUSER": "postgres"}
    pgbench = str(bin_dir / "pgbench")
    subprocess.run([pgbench, "-i", "-q", "-s", "10", name], env=env, capture_output=True, check=True)
    out = subprocess.run(
        [pgbench, "-c", str(CONCURRENCY), "-j", "2", "-T", str(PGBENCH_SECONDS), "-b", "tpcb-like", name],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    line = next(x for x in out.stdout.splitlines() if x.startswith("tps ="))
    return float(line.split("=")[1].split()[0])


async def test_create_order_throughput_with_pgbench_yardstick(
    served: str, postgres: PostgresDatabases
) -> None:
    product_ids = await seed(served)
    figures = run_load(
        served,
        "crm.v2.OrderService.CreateOrder",
        requests(product_ids),
        concurrency=CONCURRENCY,
        total=ORDERS,
        connections=CONNECTIONS,
        warm_up=200,
    )
    tps = pgbench_tps(postgres)
    print(
        f"\n[bench] CreateOrder (2 lines, {CONCURRENCY} callers, {ORDERS} orders, {WORKERS} processes, "
        f"load from {figures['tool']}): "
        f"{figures['rps']:.0f} orders/s, p50 {figures['p50']:.1f} ms, p99 {figures['p99']:.1f} ms, "
        f"errors {figures['errors']:.0f} (target >= 250 orders/s, p99 < 50 ms)"
        f"\n[bench] pgbench tpcb-like -c {CONCURRENCY} -j 2 -T {PGBENCH_SECONDS} on the same server: "
        f"{tps:.0f} TPS; "
        f"orders/s per pgbench TPS: {figures['rps'] / tps:.2f}"
    )
    assert figures["errors"] == 0
