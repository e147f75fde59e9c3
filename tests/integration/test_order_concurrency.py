"""Concurrent CreateOrder calls never oversell, keep the ledger equal to the levels, number orders
uniquely, and lock multi-line orders in one order (no deadlock), on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio

import grpc

from crm.v2 import order_service_pb2 as pb
from tests.integration.conftest_orders import (
    an_order,
    details,
    level,
    stocked_product,
)

CALLERS = 200
STOCK = 50


async def outcome(call) -> pb.Order | grpc.aio.AioRpcError:
    try:
        return await call
    except grpc.aio.AioRpcError as error:
        return error


def ledger_matches(response) -> bool:
    got = response.inventory_level
    moves = response.movements
    return (
        sum(m.available_delta for m in moves) == got.available
        and sum(m.reserved_delta for m in moves) == got.reserved
    )


async def test_200_concurrent_orders_against_50_units_sell_exactly_50(orders, products, inventory, tenant_id):
    product = await stocked_product(products, tenant_id, STOCK)
    calls = [
        orders.CreateOrder(
            pb.CreateOrderRequest(tenant_id=tenant_id, order=an_order((product.id, 1))), timeout=60
        )
        for _ in range(CALLERS)
    ]
    results = await asyncio.gather(*(outcome(c) for c in calls))
    created = [r for r in results if isinstance(r, pb.Order)]
    refused = [r for r in results if isinstance(r, grpc.aio.AioRpcError)]
    assert len(created) == STOCK
    assert {r.code() for r in refused} == {grpc.StatusCode.FAILED_PRECONDITION}
    assert {details(r)[1].reason for r in refused} == {"INSUFFICIENT_INVENTORY"}
    assert len({o.order_number for o in created}) == STOCK
    stock = await level(inventory, tenant_id, product.id, limit=500)
    assert (stock.inventory_level.available, stock.inventory_level.reserved) == (0, STOCK)
    assert stock.total_movements == STOCK + 1 and ledger_matches(stock)
    assert min(m.available_after for m in stock.movements) == 0


async def test_orders_naming_two_products_in_opposite_orders_do_not_deadlock(
    orders, products, inventory, tenant_id
):
    first = await stocked_product(products, tenant_id, 1000)
    second = await stocked_product(products, tenant_id, 1000)
    lines = [((first.id, 1), (second.id, 2)), ((second.id, 2), (first.id, 1))]
    calls = [
        orders.CreateOrder(
            pb.CreateOrderRequest(tenant_id=tenant_id, order=an_order(*lines[i % 2])), timeout=60
        )
        for i in range(60)
    ]
    results = await asyncio.gather(*(outcome(c) for c in calls))
    assert all(isinstance(r, pb.Order) for r in results), {
        r.code() for r in results if not isinstance(r, pb.Order)
    }
    for product, each in ((first, 1), (second, 2)):
        stock = await level(inventory, tenant_id, product.id, limit=500)
        assert stock.inventory_level.reserved == 60 * each and ledger_matches(stock)


async def test_concurrent_repeats_of_one_request_id_create_one_order(orders, products, inventory, tenant_id):
    product = await stocked_product(products, tenant_id, 100)
    request = pb.CreateOrderRequest(
        tenant_id=tenant_id, order=an_order((product.id, 2)), request_id="burst-1"
    )
    results = await asyncio.gather(*(orders.CreateOrder(request) for _ in range(10)))
    assert len({o.id for o in results}) == 1
    assert (await level(inventory, tenant_id, product.id)).inventory_level.reserved == 2
