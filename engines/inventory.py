"""The inventory optimiser (SPEC section 4): sales velocity and its deviation, safety stock, reorder point,
economic order quantity, seasonal factor, max stock, days of cover and the predicted stockout date.

    safety stock   = z x sigma x sqrt(L)                 (rounded up to whole units)
    reorder point  = velocity x seasonal x L + safety stock
    EOQ            = sqrt(2 x D x S / H), D = velocity x 365 x seasonal, H = holding rate x unit cost
    max stock      = reorder point + EOQ

sigma is the population standard deviation of the daily units over the history window (days without
sales count as 0). Defaults live in `OptimizerPolicy`; the answer echoes every input used.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from types import MappingProxyType

# Rounding up whole units must not turn 24.000000001 (float noise) into 25.
_EPSILON = 1e-9

# Category -> demand factor per month (January first). Categories not listed are flat (1.0).
DEFAULT_SEASONALITY: Mapping[str, tuple[float, ...]] = MappingProxyType(
    {
        "electronics": (0.9, 0.85, 0.9, 0.9, 0.95, 0.95, 0.95, 1.0, 1.0, 1.05, 1.35, 1.5),
        "fitness": (1.5, 1.3, 1.15, 1.05, 1.0, 0.95, 0.9, 0.9, 0.95, 0.95, 0.9, 0.85),
        "toys_games": (0.7, 0.7, 0.8, 0.85, 0.85, 0.9, 0.9, 0.95, 1.0, 1.1, 1.5, 1.9),
        "sports_outdoors": (0.8, 0.85, 1.0, 1.15, 1.25, 1.3, 1.3, 1.2, 1.0, 0.9, 0.8, 0.8),
        "home_garden": (0.8, 0.85, 1.1, 1.3, 1.35, 1.2, 1.1, 1.0, 0.95, 0.9, 0.9, 0.9),
        "fashion": (0.9, 0.85, 0.95, 1.0, 1.0, 1.0, 0.95, 1.0, 1.05, 1.05, 1.15, 1.25),
        "beauty": (0.95, 1.05, 1.0, 1.0, 1.05, 1.0, 0.95, 0.95, 0.95, 1.0, 1.1, 1.2),
    }
)


@dataclass(frozen=True, slots=True)
class OptimizerPolicy:
    history_days: int = 90
    lead_time_days: int = 14
    service_level: float = 0.95
    order_cost: Decimal = Decimal("25")
    holding_cost_rate: float = 0.25
    seasonality: Mapping[str, tuple[float, ...]] = field(default_factory=lambda: DEFAULT_SEASONALITY)


@dataclass(frozen=True, slots=True)
class OptimizerInput:
    """Everything one optimisation needs; `daily_units` has one entry per day of the window."""

    daily_units: tuple[float, ...]
    lead_time_days: int
    service_level: float
    order_cost: Decimal
    holding_cost_rate: float
    unit_cost: Decimal
    category: str
    today: date
    available: int
    # Units on open replenishment orders and units owed on backorders: the stock position is
    # available + on_order - backordered.
    on_order: int = 0
    backordered: int = 0


@dataclass(frozen=True, slots=True)
class Optimisation:
    velocity: float
    velocity_std_dev: float
    seasonal_factor: float
    z_score: float
    annual_demand: float
    holding_cost: Decimal
    safety_stock: int
    reorder_point: int
    economic_order_quantity: int
    max_stock: int
    days_of_cover: float
    stockout_date: date | None
    recommended_order_quantity: int
    units_sold: float
    inputs: OptimizerInput


def z_score(service_level: float) -> float:
    """The standard normal quantile of the service level, to 3 decimals (0.95 -> 1.645)."""
    return round(statistics.NormalDist().inv_cdf(service_level), 3)


def seasonal_factor(seasonality: Mapping[str, tuple[float, ...]], category: str, month: int) -> float:
    months = seasonality.get(category)
    return months[month - 1] if months else 1.0


def units_up(value: float) -> int:
    """Whole units, rounded up (a fraction of a unit still has to be stocked)."""
    return max(0, math.ceil(value - _EPSILON))


def safety_stock(z: float, sigma: float, lead_time_days: int) -> int:
    return units_up(z * sigma * math.sqrt(lead_time_days))


def reorder_point(velocity: float, lead_time_days: int, safety: int) -> int:
    return units_up(velocity * lead_time_days + safety)


def economic_order_quantity(annual_demand: float, order_cost: Decimal, holding_cost: Decimal) -> int:
    if annual_demand <= 0 or holding_cost <= 0:
        return 0
    return units_up(math.sqrt(2 * annual_demand * float(order_cost) / float(holding_cost)))


def daily_series(sales: Mapping[date, float], first: date, last: date) -> tuple[float, ...]:
    """One value per day from `first` to `last` inclusive; days without sales are 0."""
    days = (last - first).days + 1
    return tuple(float(sales.get(first + timedelta(days=i), 0.0)) for i in range(max(0, days)))


def optimise(inp: OptimizerInput, policy: OptimizerPolicy) -> Optimisation:
    """Stock parameters for one product from its daily sales."""
    units = inp.daily_units
    velocity = statistics.fmean(units) if units else 0.0
    sigma = statistics.pstdev(units) if len(units) > 1 else 0.0
    season = seasonal_factor(policy.seasonality, inp.category, inp.today.month)
    z = z_score(inp.service_level)
    seasonal_velocity = velocity * season
    annual = seasonal_velocity * 365
    holding = holding_cost(inp.holding_cost_rate, inp.unit_cost)
    safety = safety_stock(z, sigma, inp.lead_time_days)
    rop = reorder_point(seasonal_velocity, inp.lead_time_days, safety)
    eoq = economic_order_quantity(annual, inp.order_cost, holding)
    cover, stockout = cover_of(inp.available, seasonal_velocity, inp.today)
    return Optimisation(
        velocity=round(velocity, 4),
        velocity_std_dev=round(sigma, 4),
        seasonal_factor=season,
        z_score=z,
        annual_demand=round(annual, 2),
        holding_cost=holding,
        safety_stock=safety,
        reorder_point=rop,
        economic_order_quantity=eoq,
        max_stock=rop + eoq,
        days_of_cover=cover,
        stockout_date=stockout,
        recommended_order_quantity=eoq if inp.available + inp.on_order - inp.backordered <= rop else 0,
        units_sold=round(sum(units), 4),
        inputs=inp,
    )


def cover_of(available: int, daily_velocity: float, today: date) -> tuple[float, date | None]:
    """Days the available units last, and the day they run out; (-1, None) without demand. A stock that
    outlasts the calendar (year 9999) has no run-out day."""
    if daily_velocity <= 0:
        return -1.0, None
    days = available / daily_velocity
    if days >= (date.max - today).days:
        return round(days, 2), None
    return round(days, 2), today + timedelta(days=math.floor(days))


def reorder_quantity(
    *,
    economic_quantity: int,
    minimum: int,
    available: int,
    backordered: int,
    reorder_at: int,
    on_order: int = 0,
) -> int:
    """Units to order now. The stock position is what is available plus what is on order, less what is owed
    on backorders: above the reorder point nothing is to be ordered (the shortage is already on order).
    Otherwise the EOQ, raised to the level's minimum, to the units owed that are not on order, and to what
    brings the position back above the reorder point."""
    position = available + on_order - backordered
    if position > reorder_at:
        return 0
    shortfall = reorder_at + 1 - position
    owed = backordered - on_order
    return max(economic_quantity, minimum, shortfall, owed, 1)


def holding_cost(rate: float, unit_cost: Decimal) -> Decimal:
    """H: the yearly cost of holding one unit."""
    return (Decimal(str(rate)) * unit_cost).quantize(Decimal("0.0001"))
