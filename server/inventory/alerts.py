"""Alerts and reorder recommendations of an inventory level, from the optimiser's rules; shared by the
order and inventory use cases."""

from __future__ import annotations

from datetime import date

from domain.inventory import (
    SEVERITY,
    Alert,
    AlertType,
    LevelView,
    ReorderRecommendation,
    StockLevel,
)
from domain.money import Money, to_cents
from engines.inventory import (
    OptimizerPolicy,
    cover_of,
    economic_order_quantity,
    reorder_quantity,
    seasonal_factor,
)
from engines.inventory import (
    holding_cost as holding_cost_of,
)


def _seasonal_velocity(level: StockLevel, policy: OptimizerPolicy, today: date) -> float:
    return level.daily_velocity * seasonal_factor(policy.seasonality, level.category, today.month)


def reorder_units(level: StockLevel, policy: OptimizerPolicy, today: date) -> int:
    """The optimiser's order quantity for this level, raised to the level's minimum and to what brings
    stock back above the reorder point; 0 for a DROPSHIP product (its supplier ships its orders)."""
    if level.dropship:
        return 0
    velocity = _seasonal_velocity(level, policy, today)
    holding = holding_cost_of(policy.holding_cost_rate, level.unit_cost.amount)
    eoq = economic_order_quantity(velocity * 365, policy.order_cost, holding)
    return reorder_quantity(
        economic_quantity=eoq,
        minimum=level.reorder_quantity,
        available=level.available,
        backordered=level.backordered,
        reorder_at=level.reorder_point,
        on_order=level.on_order,
    )


def cost_of(units: int, level: StockLevel) -> Money:
    return Money(to_cents(level.unit_cost.amount * units), level.unit_cost.currency)


def recommendation(level: StockLevel, policy: OptimizerPolicy, today: date) -> ReorderRecommendation:
    units = reorder_units(level, policy, today)
    lead_time = level.lead_time_days or policy.lead_time_days
    _, stockout = cover_of(level.available, _seasonal_velocity(level, policy, today), today)
    return ReorderRecommendation(
        quantity=units,
        estimated_cost=cost_of(units, level),
        lead_time_days=lead_time,
        stockout_date=stockout,
        reason=(
            f"{level.available} available, {level.on_order} on order and {level.backordered} owed against "
            f"the reorder point {level.reorder_point}; order {units} units ({lead_time} days lead time)"
        ),
    )


def needs_reorder(level: StockLevel) -> bool:
    """The stock position (available + on order - owed on backorders) is at or below the reorder point."""
    return level.available + level.on_order - level.backordered <= level.reorder_point


def alerts_of(level: StockLevel, policy: OptimizerPolicy, today: date) -> tuple[Alert, ...]:
    """The level's current alerts, most severe first."""
    kinds = []
    if level.available == 0:
        kinds.append(AlertType.OUT_OF_STOCK)
    elif level.available <= level.reorder_point:
        kinds.append(AlertType.LOW_STOCK)
    if level.backordered > 0:
        kinds.append(AlertType.BACKORDERED)
    if level.max_stock > 0 and level.on_hand > level.max_stock:
        kinds.append(AlertType.OVERSTOCK)
    velocity = _seasonal_velocity(level, policy, today)
    cover = 0.0 if level.available == 0 else cover_of(level.available, velocity, today)[0]
    units = reorder_units(level, policy, today) if kinds and needs_reorder(level) else 0
    alerts = [_alert(level, kind, units, cover) for kind in kinds]
    return tuple(sorted(alerts, key=lambda a: -a.severity))


def _alert(level: StockLevel, kind: AlertType, units: int, cover: float) -> Alert:
    reorders = kind is not AlertType.OVERSTOCK and units > 0
    return Alert(
        product_id=level.product_id,
        sku=level.sku,
        title=level.title,
        type=kind,
        severity=SEVERITY[kind],
        message=_message(level, kind),
        available=level.available,
        reserved=level.reserved,
        reorder_point=level.reorder_point,
        recommended_order_quantity=units if reorders else 0,
        estimated_reorder_cost=cost_of(units, level) if reorders else None,
        days_of_cover=cover,
    )


def _message(level: StockLevel, kind: AlertType) -> str:
    if kind is AlertType.OUT_OF_STOCK:
        return f"out of stock, reorder point {level.reorder_point}"
    if kind is AlertType.LOW_STOCK:
        return f"{level.available} units left, reorder point {level.reorder_point}"
    if kind is AlertType.BACKORDERED:
        return f"{level.backordered} units backordered on open orders"
    return f"{level.on_hand} units on hand, above the maximum {level.max_stock}"


def view_of(level: StockLevel, policy: OptimizerPolicy, today: date) -> LevelView:
    return LevelView(level, alerts_of(level, policy, today))
