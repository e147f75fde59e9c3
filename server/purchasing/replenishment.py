"""Building a replenishment purchase order's lines (quantities from the reorder recommendation, costs from
the supplier's offer), and the stock its lifecycle moves: units on order while it is open, RECEIPT ledger
rows when it arrives."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from domain.catalog import FulfilmentMode, MovementType
from domain.errors import Conflict, FailedPrecondition, NotFound
from domain.inventory import Shift, window_start
from domain.money import Money
from domain.purchasing import LineRequest, ProductSource, PurchaseOrder, PurchaseOrderKind, PurchaseOrderLine
from domain.supply_errors import CurrencyMismatch, NotStocked
from engines.inventory import OptimizerPolicy
from server.inventory.alerts import reorder_units
from server.inventory.stock import apply_shifts
from server.purchasing.ports import PurchasingUnitOfWork


async def replenishment_lines(
    uow: PurchasingUnitOfWork,
    *,
    optimizer: OptimizerPolicy,
    tenant_id: int,
    supplier_id: uuid.UUID,
    requests: tuple[LineRequest, ...],
    now: datetime,
) -> tuple[PurchaseOrderLine, ...]:
    """The lines of a replenishment order to `supplier_id`: NOT_FOUND for a product the tenant does not
    have, NotStocked for a DROPSHIP one, one currency for all."""
    ids = [line.product_id for line in requests]
    sources = await uow.purchase_orders.sources(tenant_id, ids, supplier_id=supplier_id)
    for line in requests:
        if line.product_id not in sources:
            raise NotFound("product", str(line.product_id))
    unsized = [r.product_id for r in requests if r.quantity is None]
    wanted = await _recommended(uow, optimizer=optimizer, tenant_id=tenant_id, product_ids=unsized, now=now)
    built = []
    for index, request in enumerate(requests):
        source = sources[request.product_id]
        if source.fulfilment_mode is FulfilmentMode.DROPSHIP:
            raise NotStocked(source.sku)
        built.append(
            _line(source, request=request, recommended=wanted.get(request.product_id, 0), index=index)
        )
    currency = built[0].unit_cost.currency
    for made in built:
        if made.unit_cost.currency != currency:
            raise CurrencyMismatch(currency, made.unit_cost.currency, made.sku)
    return tuple(built)


async def _recommended(
    uow: PurchasingUnitOfWork,
    *,
    optimizer: OptimizerPolicy,
    tenant_id: int,
    product_ids: list[uuid.UUID],
    now: datetime,
) -> dict[uuid.UUID, int]:
    """The reorder recommendation's quantity of each product (net of what is already on order)."""
    if not product_ids:
        return {}
    levels = await uow.inventory.levels(
        tenant_id,
        sorted(product_ids),
        sales_since=window_start(now, optimizer.history_days),
        window_days=optimizer.history_days,
    )
    return {pid: reorder_units(level, optimizer, now.date()) for pid, level in levels.items()}


def _line(source: ProductSource, *, request: LineRequest, recommended: int, index: int) -> PurchaseOrderLine:
    """One line: the quantity asked or recommended (raised to the offer's minimum), the offer's costs."""
    offer = source.offer
    quantity = request.quantity if request.quantity is not None else recommended
    if request.quantity is None and quantity == 0:
        raise FailedPrecondition(
            f"lines[{index}]: nothing to reorder for {source.sku}: its stock position is above the reorder "
            "point (counting what is on order); give a quantity to order anyway",
            reason="NOTHING_TO_REORDER",
            metadata={"sku": source.sku},
        )
    if offer is not None and quantity < offer.min_order_quantity:
        if request.quantity is not None:
            raise FailedPrecondition(
                f"lines[{index}]: {quantity} of {source.sku} is below the offer's minimum order quantity "
                f"{offer.min_order_quantity}",
                reason="BELOW_MIN_ORDER_QUANTITY",
                metadata={"sku": source.sku, "min_order_quantity": str(offer.min_order_quantity)},
            )
        quantity = offer.min_order_quantity
    unit_cost = request.unit_cost or (offer.unit_cost if offer else source.source_price)
    shipping = offer.shipping_cost if offer else Money(Decimal("0.00"), unit_cost.currency)
    return PurchaseOrderLine(
        product_id=source.product_id,
        sku=source.sku,
        quantity=quantity,
        unit_cost=unit_cost,
        shipping_cost=replace(shipping, currency=unit_cost.currency),
        offer_id=offer.id if offer else None,
        supplier_sku=offer.supplier_sku if offer else "",
    )


async def move_on_order(uow: PurchasingUnitOfWork, po: PurchaseOrder, *, sign: int, at: datetime) -> None:
    """A replenishment order's units go on order when it is created and off when it is abandoned."""
    if po.kind is not PurchaseOrderKind.REPLENISHMENT:
        return
    lines = sorted(po.lines, key=lambda item: item.product_id)
    shifts = [Shift(line.product_id, None, on_order=sign * line.quantity) for line in lines]
    applied = await apply_shifts(
        uow, shifts, tenant_id=po.tenant_id, at=at, reason="purchase_order", actor="system", order_id=None
    )
    for line, (after, _) in zip(lines, applied, strict=True):
        if after is None:
            raise Conflict(f"the on-order units of {line.sku} moved concurrently; retry")


async def book_receipt(uow: PurchasingUnitOfWork, po: PurchaseOrder, *, actor: str, at: datetime) -> None:
    """RECEIPT ledger rows of what arrived; every ordered unit leaves on_order (a short delivery closes
    the line)."""
    lines = sorted(po.lines, key=lambda item: item.product_id)
    shifts = [
        Shift(
            line.product_id, MovementType.RECEIPT, available=line.received_quantity, on_order=-line.quantity
        )
        for line in lines
    ]
    applied = await apply_shifts(
        uow,
        shifts,
        tenant_id=po.tenant_id,
        at=at,
        reason=f"purchase order {po.id}",
        actor=actor,
        order_id=None,
    )
    movements = []
    for line, (after, movement) in zip(lines, applied, strict=True):
        if after is None:
            raise Conflict(f"the on-order units of {line.sku} moved concurrently; retry")
        if movement is not None and line.received_quantity > 0:
            movements.append(movement)
    await uow.inventory.record(movements, tenant_id=po.tenant_id)
