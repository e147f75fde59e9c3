"""What a purchase order's status change produces: its event, the received quantities of a receipt, and
(for the last dropship purchase order of a customer order to ship) the customer order SHIPPED with the
purchase orders' tracking numbers."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import replace

from domain.events import DomainEvent
from domain.orders import OrderStatus
from domain.purchasing import PurchaseOrder, PurchaseOrderStatus
from domain.supply_errors import OverReceipt
from domain.supply_events import (
    PurchaseOrderCancelled,
    PurchaseOrderCreated,
    PurchaseOrderReceived,
    PurchaseOrderShipped,
    PurchaseOrderSubmitted,
    PurchaseOrderUpdated,
)
from server.orders.lifecycle import OrderLifecycle
from server.purchasing.ports import PurchasingUnitOfWork

P = PurchaseOrderStatus

# What a customer order's tracking number and carrier may hold (order columns of 100 characters).
ORDER_TEXT_MAX = 100

# Dropship purchase orders that have left the supplier.
SHIPPED_STATUSES = frozenset({P.SHIPPED, P.RECEIVED})


def received(po: PurchaseOrder, quantities: Mapping[uuid.UUID, int]) -> PurchaseOrder:
    """The purchase order with what arrived: the quantities given by product, every other line whole.
    More than ordered is OverReceipt."""
    lines = []
    for line in po.lines:
        arrived = quantities.get(line.product_id, line.quantity)
        if arrived > line.quantity:
            raise OverReceipt(line.sku, line.quantity, arrived)
        lines.append(replace(line, received_quantity=arrived))
    return replace(po, lines=tuple(lines))


async def ship_customer_order(
    uow: PurchasingUnitOfWork, orders: OrderLifecycle, shipped: PurchaseOrder, *, actor: str
) -> bool:
    """Ship the customer order when this was the last of its dropship purchase orders to ship and they
    cover every line of it; True when it did. A held, cancelled or already shipped order is left alone."""
    if shipped.order_id is None:
        return False
    order = await uow.orders.get(shipped.tenant_id, shipped.order_id, for_update=True)
    if order is None or order.status not in (OrderStatus.CONFIRMED, OrderStatus.PROCESSING):
        return False
    siblings = [
        po for po in await uow.purchase_orders.of_order(order.tenant_id, order.id) if po.id != shipped.id
    ]
    dropship = sorted([shipped, *siblings], key=lambda po: po.id)  # creation order
    if any(po.status not in SHIPPED_STATUSES for po in siblings):
        return False
    covered = {line.product_id for po in dropship for line in po.lines}
    if any(line.product_id not in covered for line in order.lines):
        return False  # the warehouse ships the stocked lines and the order itself
    reason = f"dropship purchase orders shipped ({len(dropship)})"
    if order.status is OrderStatus.CONFIRMED:
        order = await orders.transition_within(
            uow, order, {"status": OrderStatus.PROCESSING}, reason=reason, actor=actor
        )
    changes: dict[str, object] = {
        "status": OrderStatus.SHIPPED,
        "tracking_number": _joined(n for po in dropship for n in po.tracking_numbers),
        "carrier": _joined(po.carrier for po in dropship if po.carrier),
    }
    await orders.transition_within(uow, order, changes, reason=reason, actor=actor)
    return True


def _joined(values: object) -> str:
    """Distinct values, comma-separated, cut to what the order's column holds."""
    distinct = list(dict.fromkeys(values))  # type: ignore[call-overload]
    text = ", ".join(distinct)
    return text if len(text) <= ORDER_TEXT_MAX else text[: ORDER_TEXT_MAX - 1] + "…"


def status_event(
    before: PurchaseOrder,
    after: PurchaseOrder,
    *,
    order_shipped: bool,
    changed: tuple[str, ...] = (),
    created: bool = False,
) -> DomainEvent:
    """The one event of a purchase order's change."""
    tenant_id = after.tenant_id
    if created:
        return PurchaseOrderCreated(tenant_id=tenant_id, purchase_order=after)
    if after.status is not before.status:
        if after.status is P.SUBMITTED:
            return PurchaseOrderSubmitted(tenant_id=tenant_id, purchase_order=after)
        if after.status is P.SHIPPED:
            return PurchaseOrderShipped(
                tenant_id=tenant_id, purchase_order=after, order_shipped=order_shipped
            )
        if after.status is P.RECEIVED:
            return PurchaseOrderReceived(tenant_id=tenant_id, purchase_order=after)
        if after.status is P.CANCELLED:
            return PurchaseOrderCancelled(
                tenant_id=tenant_id, purchase_order=after, previous_status=before.status
            )
    return PurchaseOrderUpdated(
        tenant_id=tenant_id, purchase_order=after, changed_fields=changed, previous_status=before.status
    )
