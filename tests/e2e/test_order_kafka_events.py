"""Order and inventory events reach a real Kafka broker: names, topics, keys, order and payloads."""

from __future__ import annotations

import uuid

import grpc
import pytest
from google.protobuf import json_format

from crm.v2 import events_pb2, order_service_pb2_grpc, product_service_pb2_grpc
from crm.v2 import order_service_pb2 as pb
from crm.v2 import product_service_pb2 as ppb
from tests.conftest import PostgresDatabases, make_settings, start_server
from tests.integration.conftest_orders import an_order, stocked_product
from tests.support.consume import read_topic


@pytest.fixture
def topic_prefix() -> str:
    return f"crmtest{uuid.uuid4().hex[:8]}."


async def test_order_and_inventory_events_are_published_keyed_by_aggregate(
    postgres: PostgresDatabases, kafka, topic_prefix
):
    tenant_id = 7401
    running = await start_server(
        make_settings(
            postgres.new_database(), KAFKA_BOOTSTRAP_SERVERS=kafka, KAFKA_TOPIC_PREFIX=topic_prefix
        ),
        "postgres",
    )
    try:
        async with grpc.aio.insecure_channel(running.target) as channel:
            products = product_service_pb2_grpc.ProductServiceStub(channel)
            orders = order_service_pb2_grpc.OrderServiceStub(channel)
            product: ppb.Product = await stocked_product(products, tenant_id, 11)
            order = await orders.CreateOrder(
                pb.CreateOrderRequest(
                    tenant_id=tenant_id, order=an_order((product.id, 2)), request_id="e2e-o"
                )
            )
            with pytest.raises(grpc.aio.AioRpcError):
                await orders.CreateOrder(
                    pb.CreateOrderRequest(tenant_id=tenant_id, order=an_order((product.id, 50)))
                )
            await orders.CancelOrder(
                pb.CancelOrderRequest(tenant_id=tenant_id, order_id=order.id, reason="test")
            )
            order_records = await read_topic(
                kafka,
                f"{topic_prefix}orders",
                until=lambda rs: any(r.headers.get("ce_type") == "order.cancelled" for r in rs),
                timeout=60,
            )
            stock_records = await read_topic(
                kafka,
                f"{topic_prefix}inventory",
                until=lambda rs: any(r.headers.get("ce_type") == "inventory.insufficient" for r in rs),
                timeout=60,
            )
    finally:
        await running.server.stop(grace=1.0)

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
