"""Order and inventory events reach a real Kafka broker: names, topics, keys, order and payloads."""

from __future__ import annotations

import grpc
import pytest
from google.protobuf import json_format

from crm.v2 import events_pb2, order_service_pb2_grpc, product_service_pb2_grpc
from crm.v2 import order_service_pb2 as pb
from crm.v2 import product_service_pb2 as ppb
from tests.e2e.conftest import PublishingServer
from tests.integration.conftest_orders import an_order, stocked_product


async def test_order_and_inventory_events_are_published_keyed_by_aggregate(
    publishing_server: PublishingServer,
):
    tenant_id = 7401
    products = product_service_pb2_grpc.ProductServiceStub(publishing_server.channel)
    orders = order_service_pb2_grpc.OrderServiceStub(publishing_server.channel)
    product: ppb.Product = await stocked_product(products, tenant_id, 11)
    order = await orders.CreateOrder(
        pb.CreateOrderRequest(tenant_id=tenant_id, order=an_order((product.id, 2)), request_id="e2e-o")
    )
    with pytest.raises(grpc.aio.AioRpcError):
        await orders.CreateOrder(pb.CreateOrderRequest(tenant_id=tenant_id, order=an_order((product.id, 50))))
    await orders.CancelOrder(pb.CancelOrderRequest(tenant_id=tenant_id, order_id=order.id, reason="test"))
    order_records = await publishing_server.read(
        "orders", until=lambda rs: any(r.headers.get("ce_type") == "order.cancelled" for r in rs)
    )
    stock_records = await publishing_server.read(
        "inventory", until=lambda rs: any(r.headers.get("ce_type") == "inventory.insufficient" for r in rs)
    )

    assert {r.key for r in order_records} == {order.id}
    assert [r.headers["ce_type"] for r in order_records] == [
        "order.created",
        "order.processing_started",
        "order.status_changed",
        "order.cancelled",
    ]
    created = json_format.Parse(order_records[0].value, events_pb2.OrderCreated())
    assert created.order == order and created.tenant_id == tenant_id and not created.has_backorders
    cancelled = json_format.Parse(order_records[3].value, events_pb2.OrderCancelled())
    assert [(line.product_id, line.quantity) for line in cancelled.released_lines] == [(product.id, 2)]
    assert {r.key for r in stock_records} == {product.id}
    assert [r.headers["ce_type"] for r in stock_records] == [
        "inventory.low",
        "inventory.reorder_recommended",
        "inventory.insufficient",
    ]
    reorder = json_format.Parse(stock_records[1].value, events_pb2.InventoryReorderRecommended())
    assert reorder.recommendation.recommended_quantity > 0 and reorder.available == 9
    short = json_format.Parse(stock_records[2].value, events_pb2.InventoryInsufficient())
    assert (short.lines[0].requested, short.lines[0].available, short.backordered) == (50, 9, False)
