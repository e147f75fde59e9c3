"""OrderService.CreateOrder/GetOrder/ListOrders through a real gRPC channel, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
import uuid
from decimal import Decimal

import grpc
import pytest
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from crm.v2 import inventory_service_pb2 as ipb
from crm.v2 import order_service_pb2 as pb
from tests.integration.conftest_catalog import as_decimal, money
from tests.integration.conftest_orders import (
    an_address,
    an_order,
    details,
    event_types,
    level,
    place,
    stocked_product,
)


async def order_count(orders, tenant_id: int) -> int:
    return (await orders.ListOrders(pb.ListOrdersRequest(tenant_id=tenant_id))).total_size


async def test_an_order_takes_catalog_prices_computes_totals_and_reserves_stock(
    orders, products, inventory, events, tenant_id
):
    mug = await stocked_product(products, tenant_id, 30, "12.50")
    lamp = await stocked_product(products, tenant_id, 30, "40.00")
    order = await place(
        orders,
        tenant_id,
        (mug.id, 2),
        (lamp.id, 1),
        order={"tax": money("5.00"), "shipping": money("4.99"), "discount": money("10.00")},
    )

    assert re.fullmatch(r"ORD-\d{8}-\d{4}", order.order_number)
    assert [(i.sku, as_decimal(i.unit_price), as_decimal(i.total_price)) for i in order.items] == [
        (mug.sku, Decimal("12.50"), Decimal("25")),
        (lamp.sku, Decimal("40"), Decimal("40")),
    ]
    assert (as_decimal(order.subtotal), as_decimal(order.total)) == (Decimal("65"), Decimal("64.99"))
    assert order.status == pb.ORDER_STATUS_PENDING
    assert order.financial_status == pb.FINANCIAL_STATUS_PENDING
    assert order.fraud_analysis.risk_level == pb.RISK_LEVEL_LOW
    assert [f.name for f in order.fraud_analysis.factors] == ["customer_history"]  # a first order
    assert [(h.from_status, h.to_status, h.reason) for h in order.status_history] == [
        (pb.ORDER_STATUS_UNSPECIFIED, pb.ORDER_STATUS_PENDING, "created")
    ]
    stock = await level(inventory, tenant_id, mug.id)
    assert (stock.inventory_level.available, stock.inventory_level.reserved) == (28, 2)
    assert stock.movements[0].order_id == order.id and stock.movements[0].reserved_delta == 2
    assert await orders.GetOrder(pb.GetOrderRequest(tenant_id=tenant_id, order_id=order.id)) == order
    assert (await event_types(events, tenant_id))[-2:] == ["order.created", "order.processing_started"]


async def test_order_numbers_count_up_per_tenant_and_day(orders, products, tenant_id):
    product = await stocked_product(products, tenant_id, 10)
    first = await place(orders, tenant_id, (product.id, 1))
    second = await place(orders, tenant_id, (product.id, 1))
    assert first.order_number[:13] == second.order_number[:13]
    assert int(second.order_number[-4:]) == int(first.order_number[-4:]) + 1


async def test_an_order_refused_for_its_stock_takes_no_order_number(orders, products, tenant_id):
    product = await stocked_product(products, tenant_id, 1)
    first = await place(orders, tenant_id, (product.id, 1))
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await place(orders, tenant_id, (product.id, 5))
    assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION

    backordered = await orders.CreateOrder(
        pb.CreateOrderRequest(tenant_id=tenant_id, order=an_order((product.id, 2)), allow_backorder=True)
    )
    assert int(backordered.order_number[-4:]) == int(first.order_number[-4:]) + 1


async def test_the_same_request_id_returns_the_first_order_and_reserves_once(
    orders, products, inventory, tenant_id
):
    product = await stocked_product(products, tenant_id, 10)
    request = pb.CreateOrderRequest(
        tenant_id=tenant_id, order=an_order((product.id, 2)), request_id="checkout-7"
    )
    first = await orders.CreateOrder(request)
    again = await orders.CreateOrder(request)
    assert again == first and first.request_id == "checkout-7"
    assert (await level(inventory, tenant_id, product.id)).inventory_level.available == 8
    assert await order_count(orders, tenant_id) == 1


async def test_short_stock_fails_the_whole_order_and_changes_nothing_but_the_event(
    orders, products, inventory, events, tenant_id
):
    plenty = await stocked_product(products, tenant_id, 50)
    scarce = await stocked_product(products, tenant_id, 1)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await place(orders, tenant_id, (plenty.id, 3), (scarce.id, 2))
    assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    _, info = details(caught.value)
    assert info.reason == "INSUFFICIENT_INVENTORY"
    assert info.metadata["product_ids"] == scarce.id
    assert info.metadata["items[1]"] == "requested 2, available 1"
    assert "items[1]" in caught.value.details()
    status = rpc_status.from_call(caught.value)
    failure = error_details_pb2.PreconditionFailure()
    assert any(d.Unpack(failure) for d in status.details if d.Is(failure.DESCRIPTOR))
    assert [(v.type, v.subject) for v in failure.violations] == [("STOCK", "items[1]")]
    for product, stock in ((plenty, 50), (scarce, 1)):
        got = await level(inventory, tenant_id, product.id)
        assert (got.inventory_level.available, got.inventory_level.reserved, got.total_movements) == (
            stock,
            0,
            1,
        )
    assert await order_count(orders, tenant_id) == 0
    assert (await event_types(events, tenant_id))[-1] == "inventory.insufficient"
    assert "order.created" not in await event_types(events, tenant_id)


async def test_allow_backorder_accepts_short_lines_without_reserving_them(
    orders, products, inventory, tenant_id
):
    plenty = await stocked_product(products, tenant_id, 50)
    scarce = await stocked_product(products, tenant_id, 1)
    order = await place(orders, tenant_id, (plenty.id, 3), (scarce.id, 2), allow_backorder=True)
    assert [i.backordered for i in order.items] == [False, True]
    short = (await level(inventory, tenant_id, scarce.id)).inventory_level
    assert (short.available, short.reserved, short.backordered) == (1, 0, 2)
    assert ipb.INVENTORY_ALERT_TYPE_BACKORDERED in [alert.type for alert in short.alerts]


async def test_reaching_the_reorder_point_emits_low_and_reorder_once(orders, products, events, tenant_id):
    product = await stocked_product(products, tenant_id, 12)  # default reorder point 10
    await place(orders, tenant_id, (product.id, 1))  # 11 left: above the point
    await place(orders, tenant_id, (product.id, 1))  # 10 left: reaches it
    await place(orders, tenant_id, (product.id, 1))  # 9 left: already below, no repeat
    types = await event_types(events, tenant_id)
    assert types.count("inventory.low") == 1 and types.count("inventory.reorder_recommended") == 1


async def test_a_high_risk_order_starts_on_hold_and_processing_starts_when_released(
    orders, products, events, tenant_id
):
    product = await stocked_product(products, tenant_id, 100, "30.00")
    order = await place(
        orders,
        tenant_id,
        (product.id, 60),
        order={
            "customer_email": f"x{uuid.uuid4().hex[:6]}@mailinator.com",
            "shipping_address": an_address(region_code="FR", postal_code="75001"),
        },
    )
    analysis = order.fraud_analysis
    assert order.status == pb.ORDER_STATUS_ON_HOLD
    assert (
        analysis.risk_level in (pb.RISK_LEVEL_HIGH, pb.RISK_LEVEL_CRITICAL) and analysis.verification_required
    )
    assert sum(f.contribution for f in analysis.factors) == pytest.approx(analysis.risk_score * 100, abs=0.02)
    assert order.status_history[0].reason == "fraud_hold"
    assert "order.processing_started" not in await event_types(events, tenant_id)


async def test_orders_of_another_tenant_are_not_found(orders, products, tenant_id):
    product = await stocked_product(products, tenant_id, 5)
    order = await place(orders, tenant_id, (product.id, 1))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await orders.GetOrder(pb.GetOrderRequest(tenant_id=tenant_id + 1, order_id=order.id))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND


async def test_list_filters_and_pages_newest_first(orders, products, tenant_id):
    product = await stocked_product(products, tenant_id, 50)
    email = f"repeat.{uuid.uuid4().hex[:6]}@example.com"
    created = [
        await place(orders, tenant_id, (product.id, 1), order={"customer_email": email}) for _ in range(3)
    ]
    await place(orders, tenant_id, (product.id, 1))
    first = await orders.ListOrders(
        pb.ListOrdersRequest(tenant_id=tenant_id, customer_email=email.upper(), page_size=2)
    )
    second = await orders.ListOrders(
        pb.ListOrdersRequest(
            tenant_id=tenant_id, customer_email=email, page_size=2, page_token=first.next_page_token
        )
    )
    assert [o.id for o in (*first.orders, *second.orders)] == [o.id for o in reversed(created)]
    assert first.total_size == 3 and second.next_page_token == ""
    # The third order of one email within an hour trips the velocity signal.
    medium = await orders.ListOrders(
        pb.ListOrdersRequest(tenant_id=tenant_id, risk_level=pb.RISK_LEVEL_MEDIUM)
    )
    assert [o.id for o in medium.orders] == [created[2].id]
    assert "order_velocity" in [f.name for f in medium.orders[0].fraud_analysis.factors]
    later = await orders.ListOrders(
        pb.ListOrdersRequest(tenant_id=tenant_id, start_time=created[-1].create_time)
    )
    assert later.total_size == 2
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await orders.ListOrders(
            pb.ListOrdersRequest(tenant_id=tenant_id, page_token=first.next_page_token, risk_level=1)
        )
    assert details(caught.value)[0].keys() == {"page_token"}


async def test_an_order_keeps_every_field_of_its_addresses(orders, products, tenant_id):
    """Its addresses are google.type.PostalAddress in full, as a contact's is: none of what the caller sent
    is dropped, and the shipping address defaults to the billing one."""
    product = await stocked_product(products, tenant_id, 5)
    billing = an_address(
        language_code="ja",
        sorting_code="CEDEX 7",
        sublocality="Minato",
        administrative_area="Tokyo",
        recipients=["Grace Hopper"],
        organization="Navy",
    )
    placed = await place(orders, tenant_id, (product.id, 1), order={"billing_address": billing})
    read = await orders.GetOrder(pb.GetOrderRequest(tenant_id=tenant_id, order_id=placed.id))
    assert placed.billing_address == read.billing_address == billing
    assert read.shipping_address == billing
