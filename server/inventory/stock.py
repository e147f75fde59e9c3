"""Stock effects the order and inventory use cases share: moving units with a ledger row, and the events
of a level reaching its reorder point."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from domain.catalog import MovementType
from domain.ids import new_id
from domain.inventory import LevelAfter, Movement, window_start
from domain.order_events import InventoryLow, InventoryReorderRecommended
from engines.inventory import OptimizerPolicy
from server.inventory.alerts import recommendation
from server.inventory.ports import StockUnitOfWork


@dataclass(frozen=True, slots=True)
class Shift:
    """One stock movement to apply: deltas of available / reserved / backordered / on-order units."""

    product_id: uuid.UUID
    # None: only the backorder or on-order counts move, which the ledger does not track
    type: MovementType | None
    available: int = 0
    reserved: int = 0
    backordered: int = 0
    on_order: int = 0


async def apply_shift(
    uow: StockUnitOfWork,
    shift: Shift,
    *,
    tenant_id: int,
    at: datetime,
    reason: str,
    actor: str,
    order_id: uuid.UUID | None,
) -> tuple[LevelAfter | None, Movement | None]:
    """Apply one conditional UPDATE; (None, None) when it would take a count below zero."""
    after = await uow.inventory.move(
        tenant_id=tenant_id,
        product_id=shift.product_id,
        available_delta=shift.available,
        reserved_delta=shift.reserved,
        backordered_delta=shift.backordered,
        on_order_delta=shift.on_order,
        at=at,
    )
    if after is None or shift.type is None:
        return after, None
    movement = Movement(
        id=new_id(),
        product_id=shift.product_id,
        type=shift.type,
        available_delta=shift.available,
        reserved_delta=shift.reserved,
        available_after=after.available,
        reserved_after=after.reserved,
        reason=reason,
        order_id=order_id,
        actor=actor,
        created_at=at,
    )
    return after, movement


def crossed_reorder_point(before_available: int, after: LevelAfter) -> bool:
    """True when this change took available from above the reorder point to at or below it."""
    return before_available > after.reorder_point >= after.available


async def emit_reorder_events(
    uow: StockUnitOfWork,
    *,
    tenant_id: int,
    product_ids: list[uuid.UUID],
    policy: OptimizerPolicy,
    now: datetime,
    order_id: uuid.UUID | None,
) -> None:
    """`inventory.low` and `inventory.reorder_recommended` (the optimiser's quantity) for each product
    that reached its reorder point in this transaction; one query for all of them. No recommendation when
    the units on order already cover the shortage."""
    if not product_ids:
        return
    levels = await uow.inventory.levels(
        tenant_id,
        sorted(product_ids),
        sales_since=window_start(now, policy.history_days),
        window_days=policy.history_days,
    )
    today: date = now.date()
    for product_id in product_ids:
        level = levels[product_id]
        uow.emit(
            InventoryLow(
                tenant_id=tenant_id,
                product_id=product_id,
                sku=level.sku,
                available=level.available,
                reserved=level.reserved,
                reorder_point=level.reorder_point,
                order_id=order_id,
            )
        )
        advice = recommendation(level, policy, today)
        if advice.quantity == 0:
            continue  # the shortage is already on order: it is not recommended twice
        uow.emit(
            InventoryReorderRecommended(
                tenant_id=tenant_id,
                product_id=product_id,
                sku=level.sku,
                available=level.available,
                reorder_point=level.reorder_point,
                recommendation=advice,
                supplier_id=level.supplier_id,
            )
        )
