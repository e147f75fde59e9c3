"""What the dropship loop costs a confirmation (figures, not pass/fail): UpdateOrder to CONFIRMED of
2-line orders whose lines are DROPSHIP products of two suppliers (two purchase orders created in the same
transaction) against the same orders of STOCKED products, one caller at a time, on PostgreSQL, the server
in its own process. Run with `make bench`."""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator

import grpc
import pytest
from google.protobuf import field_mask_pb2

from crm.v2 import order_service_pb2 as pb
from crm.v2 import (
    order_service_pb2_grpc,
    product_service_pb2_grpc,
    supplier_service_pb2_grpc,
    supply_service_pb2_grpc,
)
from crm.v2 import product_service_pb2 as ppb
from tests.bench.grpc_load import server_process
from tests.conftest import PostgresDatabases
from tests.integration.conftest_orders import an_order
from tests.integration.conftest_supply import new_offer, new_product, new_supplier

TENANT = 4713
ORDERS = 150


@pytest.fixture
def served(postgres: PostgresDatabases) -> Iterator[str]:
    with server_process(postgres.new_database("supply_bench"), workers=1) as target:
        yield target


async def confirm_latencies(orders, product_ids: list[str]) -> list[float]:
    placed = [
        await orders.CreateOrder(
            pb.CreateOrderRequest(tenant_id=TENANT, order=an_order((product_ids[0], 1), (product_ids[1], 1)))
        )
        for _ in range(ORDERS)
    ]
    latencies = []
    for order in placed:
        started = time.perf_counter()
        await orders.UpdateOrder(
            pb.UpdateOrderRequest(
                tenant_id=TENANT,
                order=pb.Order(id=order.id, status=pb.ORDER_STATUS_CONFIRMED),
                update_mask=field_mask_pb2.FieldMask(paths=["status"]),
            )
        )
        latencies.append((time.perf_counter() - started) * 1000)
    return latencies


def summary(name: str, ms: list[float]) -> str:
    ordered = sorted(ms)
    p99 = ordered[int(len(ordered) * 0.99) - 1]
    return f"{name}: p50 {statistics.median(ms):.2f} ms, p99 {p99:.2f} ms over {len(ms)} confirmations"


async def test_confirming_dropship_orders_against_stocked_ones(served: str) -> None:
    async with grpc.aio.insecure_channel(served) as channel:
        products = product_service_pb2_grpc.ProductServiceStub(channel)
        suppliers = supplier_service_pb2_grpc.SupplierServiceStub(channel)
        supply = supply_service_pb2_grpc.SupplyServiceStub(channel)
        orders = order_service_pb2_grpc.OrderServiceStub(channel)
        stocked = [
            (await new_product(products, TENANT, selling="40.00", initial_stock=100_000)).id for _ in range(2)
        ]
        dropship = []
        for _ in range(2):
            supplier = await new_supplier(suppliers, TENANT)
            product = await new_product(
                products,
                TENANT,
                selling="40.00",
                initial_stock=100_000,
                fulfilment_mode=ppb.FULFILMENT_MODE_DROPSHIP,
            )
            await new_offer(supply, TENANT, product.id, supplier.id)
            dropship.append(product.id)
        baseline = await confirm_latencies(orders, stocked)
        routed = await confirm_latencies(orders, dropship)
    ratio = statistics.median(routed) / statistics.median(baseline)
    print(
        f"\n{summary('stocked', baseline)}\n{summary('dropship, 2 suppliers', routed)}\nratio p50 {ratio:.2f}"
    )
