"""Stock effects the order and inventory use cases share: moving units with a ledger row, and the events
of a level reaching its reorder point."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime

from domain.ids import new_id
from domain.inventory import LevelAfter, Movement, Shift, window_start
from domain.order_events import InventoryLow, InventoryReorderRecommended
from engines.inventory import OptimizerPolicy
from server.inventory.alerts import recommendation
from server.inventory.ports import StockUnitOfWork


async def apply_shifts(
    uow: StockUnitOfWork,
    shifts: Sequence[Shift],
    *,
    tenant_id: int,
    at: datetime,
    reason: str,
    actor: str,
    order_id: uuid.UUID | None,
) -> list[tuple[LevelAfter | None, Movement | None]]:
    """Apply each shift as one conditional UPDATE, all in one round trip and in the order given (callers
    give them in product-id order, so two of them lock the same levels in the same order); (None, None) for
    a shift that would take a count below zero, which changes nothing."""
    afters = await uow.inventory.move(tenant_id=tenant_id, shifts=shifts, at=at)
    return [
        (after, None if after is None else _movement(shift, after, at, reason, actor, order_id))
        for shift, after in zip(shifts, afters, strict=True)
    ]


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
    """`apply_shifts` of one shift."""
    (applied,) = await apply_shifts(
        uow, [shift], tenant_id=tenant_id, at=at, reason=reason, actor=actor, order_id=order_id
    )
    return applied


def _movement(
    shift: Shift, after: LevelAfter, at: datetime, reason: str, actor: str, order_id: uuid.UUID | None
) -> Movement | None:
    """The ledger row of a shift applied; None for one the ledger does not track."""
    if shift.type is None:
        return None
    return Movement(
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
