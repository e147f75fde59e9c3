"""CreateOrder throughput on PostgreSQL (figures, not pass/fail): 2-line orders from 32 concurrent
callers, with pgbench's tpcb-like TPS measured on the same server in the same run as the yardstick.
Run with `make bench`.

The server runs in its own process (as in production) so the load generator does not share its CPU
budget; the load comes from ghz (Go) when it is installed (~/go/bin/ghz), else from a Python grpc.aio
client in another process. Target on the 2-core machine: >= 250 orders/s with p99 < 50 ms.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest
from google.protobuf import descriptor_pb2, json_format

from crm.v2 import order_service_pb2 as pb
from crm.v2 import product_service_pb2 as ppb
from crm.v2 import product_service_pb2_grpc
from tests.conftest import PostgresDatabases
from tests.integration.conftest_catalog import a_product, money
from tests.integration.conftest_orders import an_address
from tests.support.ports import free_port, wait_for_port
from tests.support.postgres import find_postgres_bin_dir

TENANT = 4343
PRODUCTS = 200
CONCURRENCY = 32
SECONDS = 10
# A fixed count, not a duration: ghz reports the calls still in flight when a duration ends as failed.
ORDERS = 2000
DISTINCT_REQUESTS = 2000
GHZ = shutil.which("ghz") or str(Path.home() / "go" / "bin" / "ghz")
GHZ_INSTALLED = Path(GHZ).exists()
# One server process per core, as deployed (CRM_BENCH_WORKERS=1 measures a single process).
WORKERS = int(os.environ.get("CRM_BENCH_WORKERS", os.cpu_count() or 1))
CONNECTIONS = 8


@pytest.fixture
def served(postgres: PostgresDatabases) -> Iterator[str]:
    url = postgres.new_database("orders_bench")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("KAFKA_BOOTSTRAP_SERVERS", "POSTGRES_HOST")}
    env.update(
        DATABASE_URL=url,
        PORT=str(port),
        HOST="127.0.0.1",
        LOG_LEVEL="WARNING",
        DB_POOL_SIZE="16",
        WORKERS=str(WORKERS),
    )
    process = subprocess.Popen([sys.executable, "-m", "server.main"], env=env)
    try:
        wait_for_port("127.0.0.1", port, timeout=60)
        yield f"127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(30)


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


def requests(product_ids: list[str]) -> list[dict]:
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
        out.append(
            json_format.MessageToDict(
                pb.CreateOrderRequest(tenant_id=TENANT, order=order), preserving_proto_field_name=True
            )
        )
    return out


def protoset() -> str:
    """The contract as a FileDescriptorSet built from the generated modules (ghz needs no reflection)."""
    files: dict[str, descriptor_pb2.FileDescriptorProto] = {}

    def add(fd) -> None:  # type: ignore[no-untyped-def]
        if fd.name in files:
            return
        for dependency in fd.dependencies:
            add(dependency)
        proto = descriptor_pb2.FileDescriptorProto()
        fd.CopyToProto(proto)
        files[fd.name] = proto

    add(pb.DESCRIPTOR)
    path = Path(tempfile.mkdtemp()) / "crm.protoset"
    path.write_bytes(descriptor_pb2.FileDescriptorSet(file=list(files.values())).SerializeToString())
    return str(path)


def run_ghz(target: str, data: list[dict]) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(data, f)
    common = [GHZ, "--insecure", "--protoset", protoset(), "--call", "crm.v2.OrderService.CreateOrder"]
    common += ["--data-file", f.name]
    warm = subprocess.run([*common, "-c", "4", "-n", "200", target], capture_output=True, text=True)
    assert warm.returncode == 0, warm.stdout + warm.stderr
    out = subprocess.run(
        # Several connections, as several client replicas would open: SO_REUSEPORT balances the server
        # processes per connection, so one connection would load a single worker.
        [
            *common,
            "-c",
            str(CONCURRENCY),
            "--connections",
            str(CONNECTIONS),
            "-n",
            str(ORDERS),
            "--format",
            "json",
            target,
        ],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    report = json.loads(out.stdout)
    latency = {d["percentage"]: d["latency"] / 1e6 for d in report["latencyDistribution"]}
    codes = report.get("statusCodeDistribution", {})
    errors = sum(v for k, v in codes.items() if k != "OK")
    return {
        "rps": report["rps"],
        "p50": latency[50],
        "p99": latency[99],
        "errors": errors,
        "codes": codes,
        "tool": "ghz",
    }


def run_python_load(target: str, data: list[dict]) -> dict[str, float]:
    script = Path(__file__).with_name("order_load.py")
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(data, f)
    out = subprocess.run(
        [sys.executable, str(script), target, f.name, str(CONCURRENCY), str(SECONDS)],
        capture_output=True,
        text=True,
        check=True,
    )
    return {**json.loads(out.stdout), "tool": "python grpc.aio (separate process)"}


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
        [pgbench, "-c", str(CONCURRENCY), "-j", "2", "-T", str(SECONDS), "-b", "tpcb-like", name],
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
    data = requests(product_ids)
    figures = run_ghz(served, data) if GHZ_INSTALLED else run_python_load(served, data)
    tps = pgbench_tps(postgres)
    print(
        f"\n[bench] CreateOrder (2 lines, {CONCURRENCY} callers, {ORDERS} orders, {WORKERS} processes, "
        f"load from {figures['tool']}): "
        f"{figures['rps']:.0f} orders/s, p50 {figures['p50']:.1f} ms, p99 {figures['p99']:.1f} ms, "
        f"errors {figures['errors']:.0f} (target >= 250 orders/s, p99 < 50 ms)"
        f"\n[bench] pgbench tpcb-like -c {CONCURRENCY} -j 2 -T {SECONDS} on the same server: {tps:.0f} TPS; "
        f"orders/s per pgbench TPS: {figures['rps'] / tps:.2f}"
    )
    assert figures["errors"] == 0
