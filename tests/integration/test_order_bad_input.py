"""Bad CreateOrder input answers with its code and details, and reserves or writes nothing."""

from __future__ import annotations

import uuid

import grpc
import pytest

from crm.v2 import order_service_pb2 as pb
from crm.v2 import product_service_pb2 as ppb
from tests.integration.conftest_catalog import money
from tests.integration.conftest_orders import (
    an_address,
    an_order,
    details,
    event_types,
    level,
    stocked_product,
)

BAD_INPUT = [
    ("zero quantity", lambda p: an_order((p, 0)), {"order.items[0].quantity"}),
    ("negative quantity", lambda p: an_order((p, -3)), {"order.items[0].quantity"}),
    ("duplicate lines", lambda p: an_order((p, 1), (p, 2)), {"order.items[1].product_id"}),
    ("malformed email", lambda p: an_order((p, 1), customer_email="not-an-email"), {"order.customer_email"}),
    (
        "address without lines or country",
        lambda p: an_order((p, 1), billing_address=an_address(region_code="USA", address_lines=[])),
        {"order.billing_address.region_code", "order.billing_address.address_lines"},
    ),
    ("no items", lambda p: an_order(), {"order.items"}),
    ("malformed product id", lambda p: an_order(("nope", 1)), {"order.items[0].product_id"}),
    ("negative tax", lambda p: an_order((p, 1), tax=money("-1.00")), {"order.tax"}),
    ("discount above the total", lambda p: an_order((p, 1), discount=money("500.00")), {"order.discount"}),
    (
        "foreign currency tax",
        lambda p: an_order((p, 1), tax=money("1.00", "EUR")),
        {"order.tax.currency_code"},
    ),
    (
        "several problems at once",
        lambda p: an_order((p, 0), customer_email="x", customer_name=""),
        {"order.items[0].quantity", "order.customer_email", "order.customer_name"},
    ),
]


async def assert_nothing_changed(orders, inventory, events, tenant_id, product_id, stock):
    got = await level(inventory, tenant_id, product_id)
    assert (got.inventory_level.available, got.inventory_level.reserved, got.total_movements) == (stock, 0, 1)
    assert (await orders.ListOrders(pb.ListOrdersRequest(tenant_id=tenant_id))).total_size == 0
    assert not [t for t in await event_types(events, tenant_id) if t.startswith(("order.", "inventory."))]


@pytest.mark.parametrize(("case", "build", "fields"), BAD_INPUT, ids=[c[0] for c in BAD_INPUT])
async def test_bad_input_is_invalid_argument_naming_every_field(
    orders, products, inventory, events, tenant_id, case, build, fields
):
    product = await stocked_product(products, tenant_id, 5)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await orders.CreateOrder(pb.CreateOrderRequest(tenant_id=tenant_id, order=build(product.id)))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert set(details(caught.value)[0]) == fields
    await assert_nothing_changed(orders, inventory, events, tenant_id, product.id, 5)


async def test_unknown_and_foreign_products_are_not_found_per_line(
    orders, products, inventory, events, tenant_id
):
    mine = await stocked_product(products, tenant_id, 5)
    foreign = await stocked_product(products, tenant_id + 1, 5)
    order = an_order((mine.id, 1), (str(uuid.uuid4()), 1), (foreign.id, 1))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await orders.CreateOrder(pb.CreateOrderRequest(tenant_id=tenant_id, order=order))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    violations, info = details(caught.value)
    assert set(violations) == {"order.items[1].product_id", "order.items[2].product_id"}
    assert info.reason == "PRODUCT_NOT_FOUND"
    await assert_nothing_changed(orders, inventory, events, tenant_id, mine.id, 5)
    assert (await level(inventory, tenant_id + 1, foreign.id)).inventory_level.available == 5


async def test_a_product_that_is_not_active_cannot_be_ordered(orders, products, inventory, events, tenant_id):
    draft = await stocked_product(products, tenant_id, 5, status=ppb.PRODUCT_STATUS_DRAFT)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await orders.CreateOrder(pb.CreateOrderRequest(tenant_id=tenant_id, order=an_order((draft.id, 1))))
    assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert details(caught.value)[1].reason == "PRODUCT_NOT_ORDERABLE"
    await assert_nothing_changed(orders, inventory, events, tenant_id, draft.id, 5)


async def test_more_than_100_lines_is_resource_exhausted(orders, products, inventory, events, tenant_id):
    product = await stocked_product(products, tenant_id, 5)
    lines = [(str(uuid.uuid4()), 1) for _ in range(101)]
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await orders.CreateOrder(pb.CreateOrderRequest(tenant_id=tenant_id, order=an_order(*lines)))
    assert caught.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
    assert set(details(caught.value)[0]) == {"order.items"}
    await assert_nothing_changed(orders, inventory, events, tenant_id, product.id, 5)
