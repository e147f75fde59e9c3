"""Inventory use cases: levels with their alerts, the movement ledger, manual changes, the optimiser and
the alert summary."""

from __future__ import annotations

import builtins
import json
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from domain.clock import utcnow
from domain.errors import FieldViolation, InvalidArgument, NotFound
from domain.inventory import (
    MAX_STOCK,
    Alert,
    AlertFilter,
    AlertPage,
    AlertSummary,
    AlertType,
    InventoryChange,
    InventoryUpdate,
    LevelFilter,
    LevelView,
    Movement,
    OptimizeRequest,
    OptimizeResult,
    Shift,
    StockLevel,
    window_start,
)
from domain.order_errors import InsufficientInventory, ShortLine
from domain.order_events import InventoryAdjusted
from domain.paging import Page, PageRequest
from engines.inventory import OptimizerPolicy
from server.inventory.alerts import needs_reorder, recommendation, view_of
from server.inventory.optimizer import applied_settings, optimize_level
from server.inventory.ports import InventoryUnitOfWork, UnitOfWorkFactory
from server.inventory.stock import apply_shift, emit_reorder_events

ALERT_FILTERS: dict[AlertFilter, Callable[[Alert], bool]] = {
    AlertFilter.LOW_STOCK: lambda a: a.type is AlertType.LOW_STOCK,
    AlertFilter.OUT_OF_STOCK: lambda a: a.type is AlertType.OUT_OF_STOCK,
    AlertFilter.OVERSTOCK: lambda a: a.type is AlertType.OVERSTOCK,
    AlertFilter.BACKORDERED: lambda a: a.type is AlertType.BACKORDERED,
    AlertFilter.REORDER: lambda a: a.recommended_order_quantity > 0,
}


class InventoryUseCases:
    def __init__(self, uow: UnitOfWorkFactory, policy: OptimizerPolicy) -> None:
        self._uow = uow
        self.policy = policy

    def _sales_since(self, now: datetime) -> datetime:
        return window_start(now, self.policy.history_days)

    async def level(self, uow: InventoryUnitOfWork, tenant_id: int, product_id: uuid.UUID) -> StockLevel:
        levels = await uow.inventory.levels(
            tenant_id,
            [product_id],
            sales_since=self._sales_since(utcnow()),
            window_days=self.policy.history_days,
        )
        if product_id not in levels:
            raise NotFound("product", str(product_id))
        return levels[product_id]

    async def list(self, *, tenant_id: int, criteria: LevelFilter, page: PageRequest) -> Page[LevelView]:
        now = utcnow()
        async with self._uow(read_only=True) as uow:
            levels = await uow.inventory.list(
                tenant_id,
                criteria,
                page,
                sales_since=self._sales_since(now),
                window_days=self.policy.history_days,
            )
        return levels.with_items([view_of(level, self.policy, now.date()) for level in levels.items])

    async def get(
        self, *, tenant_id: int, product_id: uuid.UUID, movement_limit: int
    ) -> tuple[LevelView, builtins.list[Movement], int]:
        async with self._uow(read_only=True) as uow:
            level, movements, total = await uow.inventory.level_with_movements(
                tenant_id,
                product_id,
                movement_limit,
                sales_since=self._sales_since(utcnow()),
                window_days=self.policy.history_days,
            )
        if level is None:
            raise NotFound("product", str(product_id))
        return view_of(level, self.policy, utcnow().date()), movements, total

    async def update(
        self, *, tenant_id: int, product_id: uuid.UUID, change: InventoryChange
    ) -> InventoryUpdate:
        """Change settings and/or the available units (one ledger row); reaching the reorder point emits
        `inventory.low` and `inventory.reorder_recommended`."""
        now = utcnow()
        async with self._uow() as uow:
            before = await uow.inventory.lock(tenant_id, product_id)
            if before is None:
                raise NotFound("product", str(product_id))
            settings = {
                name: getattr(change, name)
                for name in ("reorder_point", "reorder_quantity", "max_stock")
                if getattr(change, name) is not None
            }
            if settings:
                await uow.inventory.set_settings(
                    tenant_id=tenant_id, product_id=product_id, values=settings, at=now
                )
            movement = await self._move(uow, before, change, now)
            after = await self.level(uow, tenant_id, product_id)
            if before.available > before.reorder_point and needs_reorder(after):
                await emit_reorder_events(
                    uow,
                    tenant_id=tenant_id,
                    product_ids=[product_id],
                    policy=self.policy,
                    now=now,
                    order_id=None,
                )
            # The answer is computed before the commit, so that nothing can fail once the change is stored.
            today = now.date()
            advice = recommendation(after, self.policy, today) if needs_reorder(after) else None
            answer = InventoryUpdate(view_of(after, self.policy, today), movement, advice)
            await uow.commit()
        return answer

    async def _move(
        self, uow: InventoryUnitOfWork, level: StockLevel, change: InventoryChange, now: datetime
    ) -> Movement | None:
        if change.set_available is not None:
            delta = change.set_available - level.available
        else:
            delta = change.adjust_by or 0
        if delta == 0:
            return None
        on_hand = level.available + delta + level.reserved
        if on_hand > MAX_STOCK:  # every count stays an int32 of the contract, reserved units included
            field = "set_available" if change.set_available is not None else "adjust_by"
            problem = f"would make {on_hand} units on hand; at most {MAX_STOCK}"
            raise InvalidArgument([FieldViolation(field, problem)])
        shift = Shift(level.product_id, change.movement_type, available=delta)
        after, movement = await apply_shift(
            uow,
            shift,
            tenant_id=level.tenant_id,
            at=now,
            reason=change.reason,
            actor=change.actor,
            order_id=None,
        )
        if after is None or movement is None:
            short = ShortLine(0, str(level.product_id), level.sku, -delta, level.available)
            raise InsufficientInventory(
                [short], message=f"cannot remove {-delta} units of {level.sku}: {level.available} available"
            )
        await uow.inventory.record([movement], tenant_id=level.tenant_id)
        uow.emit(InventoryAdjusted(tenant_id=level.tenant_id, sku=level.sku, movement=movement))
        return movement

    async def optimize(
        self, *, tenant_id: int, product_id: uuid.UUID, request: OptimizeRequest
    ) -> OptimizeResult:
        """The optimiser's answer for one product; with `apply`, its parameters written to the level."""
        async with self._uow(read_only=not request.apply) as uow:
            level = await self.level(uow, tenant_id, product_id)
            result = await optimize_level(uow, level, request, self.policy, utcnow())
            if request.apply:
                await uow.inventory.set_settings(
                    tenant_id=tenant_id, product_id=product_id, values=applied_settings(result), at=utcnow()
                )
                level = await self.level(uow, tenant_id, product_id)
                await uow.commit()
        return replace(result, view=view_of(level, self.policy, utcnow().date()), applied=request.apply)

    async def alerts(
        self, *, tenant_id: int, alert_filter: AlertFilter | None, page: PageRequest
    ) -> AlertPage:
        """The tenant's alerts, most severe first then by sku; the summary covers all of them."""
        now = utcnow()
        async with self._uow(read_only=True) as uow:
            levels = await uow.inventory.alerting(
                tenant_id, sales_since=self._sales_since(now), window_days=self.policy.history_days
            )
        alerts = [a for level in levels for a in view_of(level, self.policy, now.date()).alerts]
        summary = _summary(alerts)
        matching = [a for a in alerts if alert_filter is None or ALERT_FILTERS[alert_filter](a)]
        matching.sort(key=alert_key)
        if page.after is not None:
            after = json.loads(page.after)
            matching = [a for a in matching if list(alert_key(a)) > after]
        items = matching[: page.size]
        next_after = json.dumps(list(alert_key(items[-1]))) if len(matching) > page.size else None
        total = sum(1 for a in alerts if alert_filter is None or ALERT_FILTERS[alert_filter](a))
        return AlertPage(tuple(items), next_after, total, summary)


def alert_key(alert: Alert) -> tuple[int, str, str]:
    return (-int(alert.severity), alert.sku, alert.type.value)


def _summary(alerts: list[Alert]) -> AlertSummary:
    costs: dict[str, Decimal] = defaultdict(Decimal)
    reorders = 0
    costed: set[uuid.UUID] = set()
    for alert in alerts:
        if alert.recommended_order_quantity > 0 and alert.estimated_reorder_cost is not None:
            reorders += 1
            # Out of stock and backordered alerts of one product recommend the same purchase: count it once.
            if alert.product_id not in costed:
                costed.add(alert.product_id)
                costs[alert.estimated_reorder_cost.currency] += alert.estimated_reorder_cost.amount
    return AlertSummary(
        total=len(alerts),
        by_severity=dict(Counter(a.severity for a in alerts)),
        by_type=dict(Counter(a.type for a in alerts)),
        reorder_count=reorders,
        reorder_costs=dict(costs),
    )
