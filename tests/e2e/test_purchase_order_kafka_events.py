"""Purchase-order events reach a real Kafka broker on their own topic family (`<prefix>purchasing`), keyed
by purchase order id, in lifecycle order, with the purchase order in proto3 JSON."""

from __future__ import annotations

from google.protobuf import field_mask_pb2, json_format

from crm.v2 import (
    events_pb2,
    order_service_pb2_grpc,
    product_service_pb2_grpc,
    purchase_order_service_pb2_grpc,
    supplier_service_pb2_grpc,
    supply_service_pb2_grpc,
)
from crm.v2 import order_service_pb2 as pb
from crm.v2 import purchase_order_service_pb2 as popb
from tests.e2e.conftest import PublishingServer
from tests.integration.conftest_orders import an_order
from tests.integration.conftest_supply import dropship_product


async def test_a_dropship_purchase_order_publishes_created_submitted_shipped_and_received(
    publishing_server: PublishingServer,
):
    tenant_id = 7413
    channel = publishing_server.channel
    products = product_service_pb2_grpc.ProductServiceStub(channel)
    suppliers = supplier_service_pb2_grpc.SupplierServiceStub(channel)
    supply = supply_service_pb2_grpc.SupplyServiceStub(channel)
    orders = order_service_pb2_grpc.OrderServiceStub(channel)
    purchasing = purchase_order_service_pb2_grpc.PurchaseOrderServiceStub(channel)
    product, offer = await dropship_product(products, suppliers, supply, tenant_id)
    order = await orders.CreateOrder(
        pb.CreateOrderRequest(tenant_id=tenant_id, order=an_order((product.id, 2)))
    )
    await orders.UpdateOrder(
        pb.UpdateOrderRequest(
            tenant_id=tenant_id,
            order=pb.Order(id=order.id, status=pb.ORDER_STATUS_CONFIRMED),
            update_mask=field_mask_pb2.FieldMask(paths=["status"]),
        )
    )
    (po,) = (
        await purchasing.ListPurchaseOrders(
            popb.ListPurchaseOrdersRequest(tenant_id=tenant_id, order_id=order.id)
        )
    ).purchase_orders
    for status, extra in (
        (popb.PURCHASE_ORDER_STATUS_SUBMITTED, {}),
        (popb.PURCHASE_ORDER_STATUS_ACCEPTED, {}),
        (popb.PURCHASE_ORDER_STATUS_SHIPPED, {"tracking_numbers": ["TRK-77"], "carrier": "DHL"}),
        (popb.PURCHASE_ORDER_STATUS_RECEIVED, {}),
    ):
        await purchasing.UpdatePurchaseOrder(
            popb.UpdatePurchaseOrderRequest(
                tenant_id=tenant_id,
                purchase_order=popb.PurchaseOrder(id=po.id, status=status, **extra),
                update_mask=field_mask_pb2.FieldMask(paths=["status", *extra]),
            )
        )
    records = await publishing_server.read(
        "purchasing", until=lambda rs: any(r.headers.get("ce_type") == "purchase_order.received" for r in rs)
    )
    assert {r.key for r in records} == {po.id}
    assert [r.headers["ce_type"] for r in records] == [
        "purchase_order.created",
        "purchase_order.submitted",
        "purchase_order.updated",
        "purchase_order.shipped",
        "purchase_order.received",
    ]
    created = json_format.Parse(records[0].value, events_pb2.PurchaseOrderCreated())
    assert created.tenant_id == tenant_id and created.purchase_order.order_id == order.id
    assert [(line.product_id, line.quantity, line.offer_id) for line in created.purchase_order.lines] == [
        (product.id, 2, offer.id)
    ]
    shipped = json_format.Parse(records[3].value, events_pb2.PurchaseOrderShipped())
    assert shipped.order_shipped and list(shipped.purchase_order.tracking_numbers) == ["TRK-77"]
    order_records = await publishing_server.read(
        "orders",
        until=lambda rs: sum(r.headers.get("ce_type") == "order.status_changed" for r in rs) >= 3,
    )
    changes = [
        json_format.Parse(r.value, events_pb2.OrderStatusChanged()).to_status
        for r in order_records
        if r.headers["ce_type"] == "order.status_changed"
    ]
    assert changes == [pb.ORDER_STATUS_CONFIRMED, pb.ORDER_STATUS_PROCESSING, pb.ORDER_STATUS_SHIPPED]
