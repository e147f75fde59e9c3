"""Order and inventory events -> events.proto messages."""

from __future__ import annotations

from crm.v2 import events_pb2
from domain import order_events as ev
from server.events.registration import EventRegistration
from server.rpc.convert import money_to_proto
from server.rpc.inventory_mapping import movement_to_proto, recommendation_to_proto
from server.rpc.order_mapping import FINANCIAL_STATUS, RISK_LEVEL, STATUS, order_to_proto


def _processing_started(e: ev.OrderProcessingStarted) -> events_pb2.OrderProcessingStarted:
    o = e.order
    return events_pb2.OrderProcessingStarted(
        tenant_id=e.tenant_id,
        order_id=str(o.id),
        order_number=o.order_number,
        status=STATUS.to_proto(o.status),
        risk_level=RISK_LEVEL.to_proto(o.fraud.risk_level),
        total=money_to_proto(o.total),
        item_count=len(o.lines),
    )


def _status_changed(e: ev.OrderStatusChanged) -> events_pb2.OrderStatusChanged:
    return events_pb2.OrderStatusChanged(
        tenant_id=e.tenant_id,
        order_id=str(e.order_id),
        order_number=e.order_number,
        from_status=STATUS.to_proto(e.from_status),
        to_status=STATUS.to_proto(e.to_status),
        from_financial_status=FINANCIAL_STATUS.to_proto(e.from_financial_status),
        to_financial_status=FINANCIAL_STATUS.to_proto(e.to_financial_status),
        reason=e.reason,
        changed_by=e.changed_by,
    )


def _cancelled(e: ev.OrderCancelled) -> events_pb2.OrderCancelled:
    return events_pb2.OrderCancelled(
        tenant_id=e.tenant_id,
        order_id=str(e.order_id),
        order_number=e.order_number,
        previous_status=STATUS.to_proto(e.previous_status),
        reason=e.reason,
        released_lines=[
            events_pb2.OrderCancelled.ReleasedLine(
                product_id=str(line.product_id), sku=line.sku, quantity=line.quantity
            )
            for line in e.released
        ],
    )


def _insufficient(e: ev.InventoryInsufficient) -> events_pb2.InventoryInsufficient:
    return events_pb2.InventoryInsufficient(
        tenant_id=e.tenant_id,
        lines=[
            events_pb2.InventoryInsufficient.ShortLine(
                item_index=line.item_index,
                product_id=line.product_id,
                sku=line.sku,
                requested=line.requested,
                available=line.available,
            )
            for line in e.lines
        ],
        order_id=str(e.order_id or ""),
        backordered=e.backordered,
        request_id=e.request_id,
        customer_email=e.customer_email,
    )


REGISTRATIONS: tuple[EventRegistration, ...] = (
    (
        ev.OrderCreated,
        events_pb2.OrderCreated,
        lambda e: events_pb2.OrderCreated(
            tenant_id=e.tenant_id, order=order_to_proto(e.order), has_backorders=e.order.has_backorders
        ),
    ),
    (ev.OrderProcessingStarted, events_pb2.OrderProcessingStarted, _processing_started),
    (ev.OrderStatusChanged, events_pb2.OrderStatusChanged, _status_changed),
    (ev.OrderCancelled, events_pb2.OrderCancelled, _cancelled),
    (
        ev.InventoryLow,
        events_pb2.InventoryLow,
        lambda e: events_pb2.InventoryLow(
            tenant_id=e.tenant_id,
            product_id=str(e.product_id),
            sku=e.sku,
            available=e.available,
            reserved=e.reserved,
            reorder_point=e.reorder_point,
            order_id=str(e.order_id or ""),
        ),
    ),
    (ev.InventoryInsufficient, events_pb2.InventoryInsufficient, _insufficient),
    (
        ev.InventoryReorderRecommended,
        events_pb2.InventoryReorderRecommended,
        lambda e: events_pb2.InventoryReorderRecommended(
            tenant_id=e.tenant_id,
            product_id=str(e.product_id),
            sku=e.sku,
            available=e.available,
            reorder_point=e.reorder_point,
            recommendation=recommendation_to_proto(e.recommendation),
            supplier_id=str(e.supplier_id or ""),
        ),
    ),
    (
        ev.InventoryAdjusted,
        events_pb2.InventoryAdjusted,
        lambda e: events_pb2.InventoryAdjusted(
            tenant_id=e.tenant_id,
            product_id=str(e.movement.product_id),
            sku=e.sku,
            movement=movement_to_proto(e.movement),
        ),
    ),
)
