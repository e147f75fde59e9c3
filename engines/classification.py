"""Dropship score and classification: six weighted factors, the classification thresholds and the
recommended-price rule (SPEC section 4).

Every weight, table, band and threshold comes in through `ClassificationPolicy`, whose defaults are the
service's documented defaults; the composition root builds it from configuration.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType

from engines.factors import Factor, total, weighted

NEUTRAL = 50.0
CENT = Decimal("0.01")


class Classification(enum.StrEnum):
    HERO = "hero"
    GOOD = "good"
    MODERATE = "moderate"
    POOR = "poor"


DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "margin_potential": 0.35,
        "retail_price_band": 0.15,
        "category_demand": 0.15,
        "competition": 0.10,
        "supplier_reliability": 0.15,
        "social_proof": 0.10,
    }
)

# Category key -> demand index 0-100. The keys are also the categories a product may have.
DEFAULT_CATEGORY_DEMAND: Mapping[str, float] = MappingProxyType(
    {
        "electronics": 85.0,
        "fitness": 80.0,
        "beauty": 78.0,
        "health": 75.0,
        "home_garden": 70.0,
        "pet_supplies": 72.0,
        "kitchen": 68.0,
        "toys_games": 65.0,
        "fashion": 62.0,
        "baby": 60.0,
        "sports_outdoors": 66.0,
        "automotive": 55.0,
        "office": 50.0,
        "jewelry": 58.0,
        "books": 35.0,
        "other": 50.0,
    }
)


@dataclass(frozen=True, slots=True)
class ClassificationPolicy:
    weights: Mapping[str, float] = field(default_factory=lambda: DEFAULT_WEIGHTS)
    category_demand: Mapping[str, float] = field(default_factory=lambda: DEFAULT_CATEGORY_DEMAND)
    default_margin: Decimal = Decimal("0.25")
    premiums: Mapping[Classification, Decimal] = field(
        default_factory=lambda: MappingProxyType(
            {
                Classification.HERO: Decimal("0.25"),
                Classification.GOOD: Decimal("0.10"),
                Classification.MODERATE: Decimal("0"),
                Classification.POOR: Decimal("-0.05"),
            }
        )
    )
    hero_at: float = 80.0
    good_at: float = 65.0
    moderate_at: float = 40.0
    # The margin (share of the selling price) that earns the full margin factor.
    full_margin: float = 0.50
    # Retail price sweet spot; below it the rating climbs from `price_floor_value`, above it decays.
    price_band: tuple[float, float] = (20.0, 100.0)
    price_floor_value: float = 40.0
    # Competitors at which the competition factor halves.
    competitors_half_at: float = 10.0
    # Lead time (days) rated 100 and the one rated 0.
    lead_time_best_worst: tuple[float, float] = (3.0, 30.0)
    # Reviews that make the review rating fully count.
    reviews_for_full_confidence: int = 100

    def __post_init__(self) -> None:
        if abs(sum(self.weights.values()) - 1.0) > 1e-9:
            raise ValueError(f"dropship score weights must add up to 1, got {sum(self.weights.values())}")
        if set(self.weights) != set(DEFAULT_WEIGHTS):
            raise ValueError(f"dropship score weights must name exactly {sorted(DEFAULT_WEIGHTS)}")
        if not self.hero_at > self.good_at > self.moderate_at:
            raise ValueError("classification thresholds must fall: hero > good > moderate")


@dataclass(frozen=True, slots=True)
class ProductSignals:
    """The inputs of a product's score; None means unknown (a neutral factor)."""

    source_price: Decimal
    selling_price: Decimal | None
    category: str
    competitor_count: int | None = None
    review_rating: float | None = None
    review_count: int | None = None
    supplier_rating: float | None = None
    supplier_lead_time_days: int | None = None


@dataclass(frozen=True, slots=True)
class DropshipAnalysis:
    score: float
    classification: Classification
    profit_margin: float
    factors: tuple[Factor, ...]
    recommended_price: Decimal
    # The price the analysis assumed: the given selling price, else the one to default it to.
    selling_price: Decimal


def classify(score: float, policy: ClassificationPolicy) -> Classification:
    """The classification of a score with the policy's thresholds (each bound inclusive)."""
    if score >= policy.hero_at:
        return Classification.HERO
    if score >= policy.good_at:
        return Classification.GOOD
    if score >= policy.moderate_at:
        return Classification.MODERATE
    return Classification.POOR


def recommended_price(
    source_price: Decimal, classification: Classification, policy: ClassificationPolicy
) -> Decimal:
    """source x (1 + default margin + the classification's premium), half-up to cents."""
    factor = 1 + policy.default_margin + policy.premiums[classification]
    return (source_price * factor).quantize(CENT, rounding=ROUND_HALF_UP)


def analyze(signals: ProductSignals, policy: ClassificationPolicy) -> DropshipAnalysis:
    """Score, classify and price a product. Without a selling price, the product is assumed to sell at
    its recommended price; since that price depends on the classification, the highest classification
    that reproduces itself at its own price is chosen (else the premium-free price is assumed), so that
    re-scoring the stored product gives the same analysis."""
    if signals.selling_price is not None:
        return _analysis_at(signals, signals.selling_price, policy)
    for candidate in Classification:
        price = recommended_price(signals.source_price, candidate, policy)
        result = _analysis_at(signals, price, policy)
        if result.classification is candidate:
            return result
    base = (signals.source_price * (1 + policy.default_margin)).quantize(CENT, rounding=ROUND_HALF_UP)
    return _analysis_at(signals, base, policy)


def profit_margin(source_price: Decimal, selling_price: Decimal) -> float:
    """(selling - source) / selling, floored at 0."""
    if selling_price <= 0:
        return 0.0
    return max(0.0, float((selling_price - source_price) / selling_price))


def _analysis_at(signals: ProductSignals, selling: Decimal, policy: ClassificationPolicy) -> DropshipAnalysis:
    w = policy.weights
    margin = profit_margin(signals.source_price, selling)
    factors = (
        _margin_potential(margin, w["margin_potential"], policy),
        _retail_price_band(float(selling), w["retail_price_band"], policy),
        _category_demand(signals.category, w["category_demand"], policy),
        _competition(signals.competitor_count, w["competition"], policy),
        _supplier_reliability(signals, w["supplier_reliability"], policy),
        _social_proof(signals.review_rating, signals.review_count, w["social_proof"], policy),
    )
    score = total(factors)
    classification = classify(score, policy)
    return DropshipAnalysis(
        score=score,
        classification=classification,
        profit_margin=round(margin, 4),
        factors=factors,
        recommended_price=recommended_price(signals.source_price, classification, policy),
        selling_price=selling,
    )


def _margin_potential(margin: float, weight: float, policy: ClassificationPolicy) -> Factor:
    value = 100.0 * min(1.0, margin / policy.full_margin)
    return weighted(
        "margin_potential",
        weight,
        value,
        f"estimated margin {margin:.1%} (full marks at {policy.full_margin:.0%})",
    )


def _retail_price_band(price: float, weight: float, policy: ClassificationPolicy) -> Factor:
    low, high = policy.price_band
    if price < low:
        value = policy.price_floor_value + (100.0 - policy.price_floor_value) * price / low
        why = f"price {price:.2f} is below the {low:g}-{high:g} sweet spot"
    elif price <= high:
        value, why = 100.0, f"price {price:.2f} is in the {low:g}-{high:g} sweet spot"
    else:
        # Halves for every further `high` above the band: impulse buys get rarer as prices climb.
        value = 100.0 * 0.5 ** ((price - high) / high)
        why = f"price {price:.2f} is above the {low:g}-{high:g} sweet spot"
    return weighted("retail_price_band", weight, value, why)


def _category_demand(category: str, weight: float, policy: ClassificationPolicy) -> Factor:
    value = policy.category_demand.get(category)
    if value is None:
        return weighted("category_demand", weight, NEUTRAL, f"no demand index for {category!r}: neutral")
    return weighted("category_demand", weight, value, f"{category} demand index {value:g}/100")


def _competition(count: int | None, weight: float, policy: ClassificationPolicy) -> Factor:
    if count is None:
        return weighted("competition", weight, NEUTRAL, "competition unknown: neutral")
    value = 100.0 / (1.0 + count / policy.competitors_half_at)
    return weighted("competition", weight, value, f"{count} competing sellers")


def _supplier_reliability(signals: ProductSignals, weight: float, policy: ClassificationPolicy) -> Factor:
    rating, lead_time = signals.supplier_rating, signals.supplier_lead_time_days
    rating_value = NEUTRAL if rating is None else 100.0 * min(5.0, max(0.0, rating)) / 5.0
    best, worst = policy.lead_time_best_worst
    if lead_time is None:
        lead_value = NEUTRAL
    else:
        lead_value = 100.0 * min(1.0, max(0.0, (worst - lead_time) / (worst - best)))
    value = 0.6 * rating_value + 0.4 * lead_value
    rating_text = "rating unknown" if rating is None else f"rating {rating:g}/5"
    lead_text = "lead time unknown" if lead_time is None else f"lead time {lead_time} days"
    return weighted("supplier_reliability", weight, value, f"supplier {rating_text}, {lead_text}")


def _social_proof(
    rating: float | None, count: int | None, weight: float, policy: ClassificationPolicy
) -> Factor:
    if rating is None:
        return weighted("social_proof", weight, NEUTRAL, "no review rating: neutral")
    # Few reviews pull the rating toward neutral; an unknown count counts as half-confident.
    confidence = (
        0.5 if count is None else min(1.0, math.sqrt(max(0, count) / policy.reviews_for_full_confidence))
    )
    value = NEUTRAL + (100.0 * min(5.0, max(0.0, rating)) / 5.0 - NEUTRAL) * confidence
    reviews = "an unknown number of" if count is None else str(count)
    return weighted("social_proof", weight, value, f"rated {rating:g}/5 over {reviews} reviews")
