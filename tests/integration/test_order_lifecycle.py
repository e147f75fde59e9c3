"""UpdateOrder and CancelOrder: the lifecycle of SPEC section 4, its stock effects, history and events."""

from __future__ import annotations

import grpc
import pytest
from google.protobuf import field_mask_pb2

from crm.v2 import inventory_service_pb2 as ipb
from crm.v2 import order_service_pb2 as pb
from tests.integration.conftest_orders import (
    an_address,
    details,
    event_types,
    level,
    place,
    stocked_product,
)


async def move_to(orders, tenant_id: int, order_id: str, status: int, reason: str = "") -> pb.Order:
    return await orders.UpdateOrder(
        pb.UpdateOrderRequest(
            tenant_id=tenant_id,
            order=pb.Order(id=order_id, status=status),
            update_mask=field_mask_pb2.FieldMask(paths=["status"]),
            reason=reason,
        )
    )


async def test_the_happy_path_ships_reservations_and_keeps_the_history(
    orders, products, inventory, events, tenant_id
):
    product = await stocked_product(products, tenant_id, 20)
    order = await place(orders, tenant_id, (product.id, 3))
    for status in (pb.ORDER_STATUS_CONFIRMED, pb.ORDER_STATUS_PROCESSING, pb.ORDER_STATUS_SHIPPED):
        order = await move_to(orders, tenant_id, order.id, status, reason="warehouse")
    stock = await level(inventory, tenant_id, product.id)
    assert (stock.inventory_level.available, stock.inventory_level.reserved) == (17, 0)
    assert stock.movements[0].type == ipb.MOVEMENT_TYPE_SHIPMENT and stock.movements[0].reserved_delta == -3
    order = await move_to(orders, tenant_id, order.id, pb.ORDER_STATUS_DELIVERED)
    await orders.UpdateOrder(
        pb.UpdateOrderRequest(
            tenant_id=tenant_id,
            order=pb.Order(id=order.id, financial_status=pb.FINANCIAL_STATUS_PAID),
            update_mask=field_mask_pb2.FieldMask(paths=["financial_status"]),
        )
    )
    order = await move_to(orders, tenant_id, order.id, pb.ORDER_STATUS_REFUNDED)
    assert [h.to_status for h in order.status_history] == [1, 2, 3, 4, 5, 7]
    assert order.status_history[1].reason == "warehouse"
    assert order.financial_status == pb.FINANCIAL_STATUS_REFUNDED  # the refund follows the payment
    assert (await event_types(events, tenant_id)).count("order.status_changed") == 6


async def test_an_illegal_transition_is_refused_and_changes_nothing(orders, products, inventory, tenant_id):
    product = await stocked_product(products, tenant_id, 20)
    order = await place(orders, tenant_id, (product.id, 2))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await move_to(orders, tenant_id, order.id, pb.ORDER_STATUS_SHIPPED)
    assert caught.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    _, info = details(caught.value)
    assert info.reason == "ILLEGAL_STATUS_TRANSITION"
    assert dict(info.metadata) == {"field": "status", "from": "pending", "to": "shipped"}
    assert await orders.GetOrder(pb.GetOrderRequest(tenant_id=tenant_id, order_id=order.id)) == order
    assert (await level(inventory, tenant_id, product.id)).inventory_level.reserved == 2


async def test_an_illegal_financial_change_is_refused(orders, products, tenant_id):
    product = await stocked_product(products, tenant_id, 20)
    order = await place(orders, tenant_id, (product.id, 1))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await orders.UpdateOrder(
            pb.UpdateOrderRequest(
                tenant_id=tenant_id,
                order=pb.Order(id=order.id, financial_status=pb.FINANCIAL_STATUS_REFUNDED),
                update_mask=field_mask_pb2.FieldMask(paths=["financial_status"]),
            )
        )
    assert details(caught.value)[1].metadata["field"] == "financial_status"


async def test_cancelling_releases_reservations_once(orders, products, inventory, events, tenant_id):
    product = await stocked_product(products, tenant_id, 20)
    order = await place(orders, tenant_id, (product.id, 4))
    request = pb.CancelOrderRequest(tenant_id=tenant_id, order_id=order.id, reason="customer asked")
    cancelled = await orders.CancelOrder(request)
    assert (cancelled.status, cancelled.cancel_reason) == (pb.ORDER_STATUS_CANCELLED, "customer asked")
    assert await orders.CancelOrder(request) == cancelled
    stock = await level(inventory, tenant_id, product.id)
    assert (stock.inventory_level.available, stock.inventory_level.reserved) == (20, 0)
    assert stock.movements[0].type == ipb.MOVEMENT_TYPE_RELEASE
    types = await event_types(events, tenant_id)
    assert types.count("order.cancelled") == 1 and types.count("order.status_changed") == 1


async def test_a_shipped_order_cannot_be_cancelled_or_readdressed(orders, products, tenant_id):
    product = await stocked_product(products, tenant_id, 20)
    order = await place(orders, tenant_id, (product.id, 1))
    for status in (pb.ORDER_STATUS_CONFIRMED, pb.ORDER_STATUS_PROCESSING, pb.ORDER_STATUS_SHIPPED):
        await move_to(orders, tenant_id, order.id, status)
    with pytest.raises(grpc.aio.AioRpcError) as cancel:
        await orders.CancelOrder(pb.CancelOrderRequest(tenant_id=tenant_id, order_id=order.id, reason="late"))
    assert details(cancel.value)[1].reason == "ILLEGAL_STATUS_TRANSITION"
    with pytest.raises(grpc.aio.AioRpcError) as readdress:
        await orders.UpdateOrder(
            pb.UpdateOrderRequest(
                tenant_id=tenant_id,
                order=pb.Order(id=order.id, shipping_address=an_address(address_lines=["2 Elm St"])),
                update_mask=field_mask_pb2.FieldMask(paths=["shipping_address"]),
            )
        )
    assert details(readdress.value)[1].reason == "ADDRESS_LOCKED"


async def test_cancelling_a_backordered_order_clears_its_backorders(orders, products, inventory, tenant_id):
    product = await stocked_product(products, tenant_id, 1)
    order = await place(orders, tenant_id, (product.id, 3), allow_backorder=True)
    await orders.CancelOrder(pb.CancelOrderRequest(tenant_id=tenant_id, order_id=order.id, reason="no stock"))
    got = (await level(inventory, tenant_id, product.id)).inventory_level
    assert (got.available, got.reserved, got.backordered) == (1, 0, 0)


async def test_update_validates_mask_and_values(orders, products, tenant_id):
    product = await stocked_product(products, tenant_id, 5)
    order = await place(orders, tenant_id, (product.id, 1))
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await orders.UpdateOrder(
            pb.UpdateOrderRequest(
                tenant_id=tenant_id,
                order=pb.Order(id=order.id, customer_name="", status=99),
                update_mask=field_mask_pb2.FieldMask(paths=["customer_name", "status", "total"]),
            )
        )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert set(details(caught.value)[0]) == {"order.customer_name", "order.status", "update_mask"}


async def test_releasing_a_held_order_starts_processing(orders, products, events, tenant_id):
    product = await stocked_product(products, tenant_id, 100)
    order = await place(
        orders,
        tenant_id,
        (product.id, 60),
        order={"customer_email": "z@mailinator.com", "shipping_address": an_address(region_code="FR")},
    )
    assert order.status == pb.ORDER_STATUS_ON_HOLD
    released = await move_to(orders, tenant_id, order.id, pb.ORDER_STATUS_CONFIRMED, reason="verified")
    assert released.status_history[-1].from_status == pb.ORDER_STATUS_ON_HOLD
    assert (await event_types(events, tenant_id))[-2:] == ["order.status_changed", "order.processing_started"]
