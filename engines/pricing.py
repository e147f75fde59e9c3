"""Dynamic pricing (SPEC section 4), single and bulk.

    price = source x (1 + DEFAULT_MARGIN) x classification x demand x seasonality x competition

then, in order: the competitor clamp (with competitor prices), MAX_PRICE_CHANGE from the current price, the
margin floor source x (1 + MIN_MARGIN), and an optional .99 ending that breaks neither bound. When the
floor lies beyond the maximum change (a current price far below cost), the floor wins: selling at a loss is
never recommended, and the constraint list says so.
"""

from __future__ import annotations

import enum
import statistics
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from types import MappingProxyType

from engines.classification import Classification
from engines.inventory import DEFAULT_SEASONALITY, seasonal_factor

CENT = Decimal("0.01")
ONE = Decimal(1)


class DemandLevel(enum.StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class PricingConstraint(enum.StrEnum):
    MIN_MARGIN = "min_margin"
    MAX_CHANGE = "max_change"
    COMPETITOR_CLAMP = "competitor_clamp"
    CHARM_ENDING = "charm_ending"


@dataclass(frozen=True, slots=True)
class PricingPolicy:
    default_margin: Decimal = Decimal("0.25")
    min_margin: Decimal = Decimal("0.10")
    max_price_change: Decimal = Decimal("0.20")
    classification_multipliers: Mapping[Classification, Decimal] = field(
        default_factory=lambda: MappingProxyType(
            {
                Classification.HERO: Decimal("1.25"),
                Classification.GOOD: Decimal("1.10"),
                Classification.MODERATE: Decimal("1.00"),
                Classification.POOR: Decimal("0.95"),
            }
        )
    )
    demand_multipliers: Mapping[DemandLevel, Decimal] = field(
        default_factory=lambda: MappingProxyType(
            {
                DemandLevel.LOW: Decimal("0.95"),
                DemandLevel.MEDIUM: Decimal("1.00"),
                DemandLevel.HIGH: Decimal("1.05"),
            }
        )
    )
    # Units per day below which demand is LOW and from which it is HIGH.
    low_demand_below: float = 0.1
    high_demand_from: float = 1.0
    # Monthly demand factors per category; prices follow them damped by `seasonal_elasticity`.
    seasonality: Mapping[str, tuple[float, ...]] = field(default_factory=lambda: DEFAULT_SEASONALITY)
    seasonal_elasticity: float = 0.25
    # Competition: 0 known competitors -> +3 %, `crowded_at` or more -> -3 %, linear between.
    competition_spread: Decimal = Decimal("0.03")
    crowded_at: int = 20
    # Band around the median competitor price; HERO products may sit up to `hero_ceiling` above it.
    competitor_floor: Decimal = Decimal("0.90")
    competitor_ceiling: Decimal = Decimal("1.05")
    hero_ceiling: Decimal = Decimal("1.15")


@dataclass(frozen=True, slots=True)
class PricingInput:
    product_id: uuid.UUID
    source_price: Decimal
    current_price: Decimal
    category: str
    classification: Classification
    month: int
    competitor_count: int | None = None
    demand: DemandLevel | None = None
    # Units sold per day over the history window; None when unknown.
    daily_velocity: float | None = None
    competitor_prices: tuple[Decimal, ...] = ()
    seasonality_factor: float | None = None
    charm_pricing: bool = False


@dataclass(frozen=True, slots=True)
class PricingStep:
    name: str
    multiplier: Decimal
    price_after: Decimal
    explanation: str


@dataclass(frozen=True, slots=True)
class PriceResult:
    product_id: uuid.UUID
    recommended_price: Decimal
    expected_margin: float
    change_percent: float
    demand: DemandLevel
    demand_derived: bool
    steps: tuple[PricingStep, ...]
    constraints: tuple[PricingConstraint, ...]
    confidence: float
    floor_price: Decimal

    @property
    def changed(self) -> bool:
        return self.change_percent != 0.0


def derive_demand(daily_velocity: float | None, policy: PricingPolicy) -> DemandLevel:
    if daily_velocity is None:
        return DemandLevel.MEDIUM
    if daily_velocity < policy.low_demand_below:
        return DemandLevel.LOW
    if daily_velocity >= policy.high_demand_from:
        return DemandLevel.HIGH
    return DemandLevel.MEDIUM


def floor_price(source_price: Decimal, policy: PricingPolicy) -> Decimal:
    """The lowest price that keeps MIN_MARGIN over the source price, rounded up to cents."""
    return (source_price * (ONE + policy.min_margin)).quantize(CENT, rounding=ROUND_CEILING)


def optimise_price(inp: PricingInput, policy: PricingPolicy) -> PriceResult:
    """The recommended price of one product with its factors, constraints and confidence."""
    demand, derived = (
        (inp.demand, False) if inp.demand is not None else (derive_demand(inp.daily_velocity, policy), True)
    )
    steps = _steps(inp, demand, derived, policy)
    price = steps[-1].price_after.quantize(CENT, rounding=ROUND_HALF_UP)
    price, constraints = _constrain(price, inp, policy)
    margin = float((price - inp.source_price) / price) if price > 0 else 0.0
    change = float((price - inp.current_price) / inp.current_price * 100) if inp.current_price > 0 else 0.0
    confidence = 0.5 + (0.2 if inp.daily_velocity else 0.0) + (0.2 if inp.competitor_prices else 0.0)
    confidence += 0.1 if not derived else 0.0
    return PriceResult(
        product_id=inp.product_id,
        recommended_price=price,
        expected_margin=round(margin, 4),
        change_percent=round(change, 2),
        demand=demand,
        demand_derived=derived,
        steps=steps,
        constraints=tuple(constraints),
        confidence=round(min(1.0, confidence), 2),
        floor_price=floor_price(inp.source_price, policy),
    )


def _steps(
    inp: PricingInput, demand: DemandLevel, derived: bool, policy: PricingPolicy
) -> tuple[PricingStep, ...]:
    velocity = "no sales history" if inp.daily_velocity is None else f"{inp.daily_velocity:.2f} units/day"
    demand_why = f"demand {demand.name} derived from {velocity}" if derived else f"demand {demand.name} given"
    if inp.seasonality_factor is not None:
        season, season_why = Decimal(str(inp.seasonality_factor)), "seasonality factor given"
    else:
        demand_season = seasonal_factor(policy.seasonality, inp.category, inp.month)
        season = Decimal(str(round(1 + (demand_season - 1) * policy.seasonal_elasticity, 4)))
        season_why = f"{inp.category} demand in month {inp.month} is {demand_season:g}x, damped to {season}"
    factors = (
        (
            "base_margin",
            ONE + policy.default_margin,
            f"source price plus the default margin {policy.default_margin}",
        ),
        (
            "classification",
            policy.classification_multipliers[inp.classification],
            f"classified {inp.classification.value}",
        ),
        ("demand", policy.demand_multipliers[demand], demand_why),
        ("seasonality", season, season_why),
        _competition(inp.competitor_count, policy),
    )
    price, steps = inp.source_price, []
    for name, multiplier, why in factors:
        price = price * multiplier
        steps.append(PricingStep(name, multiplier, price.quantize(CENT, rounding=ROUND_HALF_UP), why))
    return tuple(steps)


def _competition(count: int | None, policy: PricingPolicy) -> tuple[str, Decimal, str]:
    if count is None:
        return "competition", ONE, "competition unknown: no effect"
    crowding = Decimal(min(count, policy.crowded_at)) / Decimal(policy.crowded_at)
    multiplier = (ONE + policy.competition_spread - 2 * policy.competition_spread * crowding).quantize(
        Decimal("0.0001")
    )
    return "competition", multiplier, f"{count} competing sellers"


def _constrain(
    price: Decimal, inp: PricingInput, policy: PricingPolicy
) -> tuple[Decimal, list[PricingConstraint]]:
    applied: list[PricingConstraint] = []
    if inp.competitor_prices:
        median = Decimal(str(statistics.median(inp.competitor_prices)))
        ceiling = (
            policy.hero_ceiling if inp.classification is Classification.HERO else policy.competitor_ceiling
        )
        clamped = min(max(price, _cents_up(median * policy.competitor_floor)), _cents_down(median * ceiling))
        price = _record(price, clamped, PricingConstraint.COMPETITOR_CLAMP, applied)
    low, high = change_bounds(inp.current_price, policy)
    price = _record(price, min(max(price, low), high), PricingConstraint.MAX_CHANGE, applied)
    floor = floor_price(inp.source_price, policy)
    price = _record(price, max(price, floor), PricingConstraint.MIN_MARGIN, applied)
    if inp.charm_pricing:
        price = _record(
            price, _charm(price, max(low, floor), max(high, floor)), PricingConstraint.CHARM_ENDING, applied
        )
    return price, applied


def change_bounds(current: Decimal, policy: PricingPolicy) -> tuple[Decimal, Decimal]:
    """The lowest and highest price within MAX_PRICE_CHANGE of `current`, in whole cents inside the band."""
    return _cents_up(current * (ONE - policy.max_price_change)), _cents_down(
        current * (ONE + policy.max_price_change)
    )


def _charm(price: Decimal, low: Decimal, high: Decimal) -> Decimal:
    """The nearest .99 ending at or below the price, else above it, inside [low, high]; else the price."""
    down = price.to_integral_value(rounding=ROUND_FLOOR) - CENT
    if price - down >= ONE:
        down += ONE
    if down >= low and down > 0:
        return down
    up = down + ONE
    return up if up <= high else price


def _record(
    before: Decimal, after: Decimal, constraint: PricingConstraint, applied: list[PricingConstraint]
) -> Decimal:
    if after != before:
        applied.append(constraint)
    return after


def _cents_up(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_CEILING)


def _cents_down(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_FLOOR)


@dataclass(frozen=True, slots=True)
class BulkSummary:
    product_count: int
    changed_count: int
    skipped_count: int
    average_change_percent: float
    estimated_revenue_impact: Decimal


def summarise(
    results: Sequence[PriceResult],
    *,
    current_prices: Mapping[uuid.UUID, Decimal],
    velocities: Mapping[uuid.UUID, float],
    skipped: int,
    horizon_days: int = 30,
) -> BulkSummary:
    """Totals of a bulk run: revenue impact = sum of (new - current) x velocity x horizon."""
    impact = sum(
        (
            (r.recommended_price - current_prices[r.product_id])
            * Decimal(str(velocities.get(r.product_id, 0.0)))
            * horizon_days
            for r in results
        ),
        Decimal(0),
    )
    average = sum(r.change_percent for r in results) / len(results) if results else 0.0
    return BulkSummary(
        product_count=len(results) + skipped,
        changed_count=sum(1 for r in results if r.changed),
        skipped_count=skipped,
        average_change_percent=round(average, 2),
        estimated_revenue_impact=impact.quantize(CENT, rounding=ROUND_HALF_UP),
    )
