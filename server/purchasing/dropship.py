"""Dropship purchase orders follow their customer order: confirming it turns its dropship lines (priced while
their product was DROPSHIP) into one DRAFT purchase order per supplier of their chosen offers, in the same
transaction; cancelling it cancels the ones not yet shipped. Called by the order lifecycle on every status
change."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import replace
from datetime import datetime

from domain.clock import utcnow
from domain.ids import new_id
from domain.orders import Order, OrderLine, OrderStatus
from domain.purchasing import (
    ProductSource,
    PurchaseOrder,
    PurchaseOrderKind,
    PurchaseOrderLine,
    PurchaseOrderStatus,
)
from domain.supply_errors import CurrencyMismatch, NoEligibleOffer
from domain.supply_events import PurchaseOrderCancelled, PurchaseOrderCreated
from server.orders.ports import OrderUnitOfWork

# Dropship purchase orders a customer order's cancellation can still stop.
CANCELLABLE = frozenset(
    {PurchaseOrderStatus.DRAFT, PurchaseOrderStatus.SUBMITTED, PurchaseOrderStatus.ACCEPTED}
)


async def follow_order(uow: OrderUnitOfWork, before: Order, after: Order) -> None:
    """What a customer order's status change does to its dropship purchase orders."""
    if after.status is before.status:
        return
    if after.status is OrderStatus.CONFIRMED:
        await _create_dropship_orders(uow, after)
    elif after.status is OrderStatus.CANCELLED:
        await _cancel_open(uow, after)


async def _create_dropship_orders(uow: OrderUnitOfWork, order: Order) -> None:
    """One purchase order per supplier of the order's dropship lines (the lines priced while their product
    was DROPSHIP: they hold no stock of the tenant's); none again for a supplier the order already has one
    with (an order confirmed again after a hold)."""
    dropship = [line for line in order.lines if line.dropship]
    if not dropship:
        return
    sources = await uow.purchase_orders.sources(
        order.tenant_id, sorted({line.product_id for line in dropship}), supplier_id=None
    )
    unrouted = [
        line.sku for line in dropship if (source := sources.get(line.product_id)) is None or not source.offer
    ]
    if unrouted:
        raise NoEligibleOffer(unrouted)
    existing = {po.supplier_id for po in await uow.purchase_orders.of_order(order.tenant_id, order.id)}
    by_supplier: dict[uuid.UUID, list[tuple[OrderLine, ProductSource]]] = defaultdict(list)
    for line in dropship:
        source = sources[line.product_id]
        assert source.offer is not None
        by_supplier[source.offer.supplier_id].append((line, source))
    now = utcnow()
    made = [
        _purchase_order(order, lines, now)
        for supplier_id, lines in by_supplier.items()
        if supplier_id not in existing
    ]
    await uow.purchase_orders.add_many(made)
    for po in made:
        uow.emit(PurchaseOrderCreated(tenant_id=order.tenant_id, purchase_order=po))


def _purchase_order(
    order: Order, lines: list[tuple[OrderLine, ProductSource]], now: datetime
) -> PurchaseOrder:
    first = lines[0][1].offer
    assert first is not None
    po_lines = []
    for line, source in lines:
        offer = source.offer
        assert offer is not None
        if offer.unit_cost.currency != first.unit_cost.currency:
            raise CurrencyMismatch(
                first.unit_cost.currency, offer.unit_cost.currency, f"the offer for {line.sku}"
            )
        po_lines.append(
            PurchaseOrderLine(
                product_id=line.product_id,
                sku=line.sku,
                quantity=line.quantity,
                unit_cost=offer.unit_cost,
                shipping_cost=offer.shipping_cost,
                offer_id=offer.id,
                supplier_sku=offer.supplier_sku,
                order_id=order.id,
            )
        )
    return PurchaseOrder(
        id=new_id(),
        tenant_id=order.tenant_id,
        kind=PurchaseOrderKind.DROPSHIP,
        status=PurchaseOrderStatus.DRAFT,
        supplier_id=first.supplier_id,
        lines=tuple(po_lines),
        currency=first.unit_cost.currency,
        order_id=order.id,
        notes=f"dropship for {order.order_number}",
        created_at=now,
        updated_at=now,
    )


async def _cancel_open(uow: OrderUnitOfWork, order: Order) -> None:
    now = utcnow()
    for po in await uow.purchase_orders.of_order(order.tenant_id, order.id):
        if po.status not in CANCELLABLE:
            continue
        cancelled = replace(
            po,
            status=PurchaseOrderStatus.CANCELLED,
            cancel_reason=f"customer order {order.order_number} cancelled",
            updated_at=now,
            version=po.version + 1,
        )
        await uow.purchase_orders.save(cancelled)
        uow.emit(
            PurchaseOrderCancelled(
                tenant_id=order.tenant_id, purchase_order=cancelled, previous_status=po.status
            )
        )
