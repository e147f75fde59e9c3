"""Purchase order <-> protobuf, and the purchasing events' registrations."""

from __future__ import annotations

from crm.v2 import events_pb2
from crm.v2 import purchase_order_service_pb2 as pb
from domain import supply_events as ev
from domain.purchasing import PurchaseOrder, PurchaseOrderKind, PurchaseOrderStatus
from server.edge.convert import EnumMapping, money_to_proto, to_timestamp
from server.events.registration import EventRegistration

KIND = EnumMapping(pb.PurchaseOrderKind, PurchaseOrderKind, "PURCHASE_ORDER_KIND")

STATUS = EnumMapping(pb.PurchaseOrderStatus, PurchaseOrderStatus, "PURCHASE_ORDER_STATUS")


def purchase_order_to_proto(po: PurchaseOrder) -> pb.PurchaseOrder:
    return pb.PurchaseOrder(
        id=str(po.id),
        tenant_id=po.tenant_id,
        kind=KIND.to_proto(po.kind),
        status=STATUS.to_proto(po.status),
        supplier_id=str(po.supplier_id),
        order_id=str(po.order_id or ""),
        lines=[
            pb.PurchaseOrderLine(
                product_id=str(line.product_id),
                offer_id=str(line.offer_id or ""),
                sku=line.sku,
                supplier_sku=line.supplier_sku,
                quantity=line.quantity,
                received_quantity=line.received_quantity,
                unit_cost=money_to_proto(line.unit_cost),
                shipping_cost=money_to_proto(line.shipping_cost),
                line_total=money_to_proto(line.line_total),
                order_id=str(line.order_id or ""),
            )
            for line in po.lines
        ],
        currency_code=po.currency,
        subtotal=money_to_proto(po.subtotal),
        shipping_total=money_to_proto(po.shipping_total),
        total=money_to_proto(po.total),
        supplier_order_id=po.supplier_order_id,
        carrier=po.carrier,
        tracking_numbers=list(po.tracking_numbers),
        notes=po.notes,
        cancel_reason=po.cancel_reason,
        create_time=to_timestamp(po.created_at),
        update_time=to_timestamp(po.updated_at),
        submit_time=to_timestamp(po.submitted_at),
        ship_time=to_timestamp(po.shipped_at),
        receive_time=to_timestamp(po.received_at),
    )


REGISTRATIONS: tuple[EventRegistration, ...] = (
    (
        ev.PurchaseOrderCreated,
        events_pb2.PurchaseOrderCreated,
        lambda e: events_pb2.PurchaseOrderCreated(
            tenant_id=e.tenant_id, purchase_order=purchase_order_to_proto(e.purchase_order)
        ),
    ),
    (
        ev.PurchaseOrderSubmitted,
        events_pb2.PurchaseOrderSubmitted,
        lambda e: events_pb2.PurchaseOrderSubmitted(
            tenant_id=e.tenant_id, purchase_order=purchase_order_to_proto(e.purchase_order)
        ),
    ),
    (
        ev.PurchaseOrderShipped,
        events_pb2.PurchaseOrderShipped,
        lambda e: events_pb2.PurchaseOrderShipped(
            tenant_id=e.tenant_id,
            purchase_order=purchase_order_to_proto(e.purchase_order),
            order_shipped=e.order_shipped,
        ),
    ),
    (
        ev.PurchaseOrderReceived,
        events_pb2.PurchaseOrderReceived,
        lambda e: events_pb2.PurchaseOrderReceived(
            tenant_id=e.tenant_id, purchase_order=purchase_order_to_proto(e.purchase_order)
        ),
    ),
    (
        ev.PurchaseOrderCancelled,
        events_pb2.PurchaseOrderCancelled,
        lambda e: events_pb2.PurchaseOrderCancelled(
            tenant_id=e.tenant_id,
            purchase_order=purchase_order_to_proto(e.purchase_order),
            previous_status=STATUS.to_proto(e.previous_status),
        ),
    ),
    (
        ev.PurchaseOrderUpdated,
        events_pb2.PurchaseOrderUpdated,
        lambda e: events_pb2.PurchaseOrderUpdated(
            tenant_id=e.tenant_id,
            purchase_order=purchase_order_to_proto(e.purchase_order),
            changed_fields=list(e.changed_fields),
            previous_status=STATUS.to_proto(e.previous_status),
        ),
    ),
)
