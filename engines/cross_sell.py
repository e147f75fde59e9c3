"""Cross-sell (SPEC section 4): upsell, cross-sell and complement recommendations for a source product.

Which categories and which price band a type accepts is policy (`CrossSellPolicy`, built from UPSELL_RANGE,
CROSS_SELL_RANGE and COMPLEMENT_RANGE); the storage layer filters candidates in SQL with `target_categories`
and `price_band`, and `recommend` re-checks every rule before ranking, so a wrong candidate never leaks.

Confidence 0-1 is the sum of five weighted factors (0-100 scale, divided by 100): co-purchase strength from
real orders, category affinity, price fit, classification and stock. Each result gives its reasons.
"""

from __future__ import annotations

import enum
import math
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType

from engines.classification import Classification
from engines.factors import Factor, contribution, total_of, weighted


class CrossSellType(enum.StrEnum):
    UPSELL = "upsell"
    CROSS_SELL = "cross_sell"
    COMPLEMENT = "complement"


# Category -> categories bought alongside it, strongest first (cross-sell).
DEFAULT_AFFINITY: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "electronics": ("office", "toys_games", "automotive", "fitness"),
        "fitness": ("health", "sports_outdoors", "electronics", "beauty"),
        "beauty": ("health", "fashion", "jewelry"),
        "health": ("fitness", "beauty", "kitchen"),
        "home_garden": ("kitchen", "pet_supplies", "office"),
        "pet_supplies": ("home_garden", "health"),
        "kitchen": ("home_garden", "health"),
        "toys_games": ("baby", "books", "electronics"),
        "fashion": ("jewelry", "beauty", "sports_outdoors"),
        "baby": ("toys_games", "health", "home_garden"),
        "sports_outdoors": ("fitness", "fashion", "health"),
        "automotive": ("electronics", "home_garden"),
        "office": ("electronics", "books"),
        "jewelry": ("fashion", "beauty"),
        "books": ("office", "toys_games"),
        "other": (),
    }
)
# Category -> accessory categories, strongest first (complement). A category is its own first accessory
# category: a case for a phone is electronics too.
DEFAULT_ACCESSORIES: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "electronics": ("electronics", "office"),
        "fitness": ("fitness", "sports_outdoors", "health"),
        "beauty": ("beauty", "health"),
        "health": ("health", "fitness"),
        "home_garden": ("home_garden", "kitchen"),
        "pet_supplies": ("pet_supplies",),
        "kitchen": ("kitchen", "home_garden"),
        "toys_games": ("toys_games", "baby"),
        "fashion": ("fashion", "jewelry"),
        "baby": ("baby", "toys_games"),
        "sports_outdoors": ("sports_outdoors", "fitness"),
        "automotive": ("automotive", "electronics"),
        "office": ("office", "electronics"),
        "jewelry": ("jewelry", "fashion"),
        "books": ("books", "office"),
        "other": ("other",),
    }
)
DEFAULT_WEIGHTS: Mapping[str, float] = MappingProxyType(
    {"co_purchase": 0.35, "category_affinity": 0.20, "price_fit": 0.20, "classification": 0.15, "stock": 0.10}
)
CLASSIFICATION_VALUES: Mapping[Classification, float] = MappingProxyType(
    {
        Classification.HERO: 100.0,
        Classification.GOOD: 75.0,
        Classification.MODERATE: 50.0,
        Classification.POOR: 25.0,
    }
)


# The order of a recommendation's factors.
FACTOR_NAMES = ("co_purchase", "category_affinity", "price_fit", "classification", "stock")


@dataclass(frozen=True, slots=True)
class CrossSellPolicy:
    upsell_range: tuple[float, float] = (1.2, 3.0)
    cross_sell_range: tuple[float, float] = (0.5, 2.0)
    complement_range: tuple[float, float] = (0.3, 1.5)
    affinity: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: DEFAULT_AFFINITY)
    accessories: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: DEFAULT_ACCESSORIES)
    weights: Mapping[str, float] = field(default_factory=lambda: DEFAULT_WEIGHTS)
    # Share of the source's orders that earns the full co-purchase factor.
    co_purchase_full_at: float = 0.5
    # Units in stock that earn the full stock factor.
    stock_full_at: int = 20
    # Each step down an affinity list costs this many points of the category factor.
    affinity_step: float = 15.0

    def __post_init__(self) -> None:
        if abs(sum(self.weights.values()) - 1.0) > 1e-9 or set(self.weights) != set(DEFAULT_WEIGHTS):
            raise ValueError(f"cross-sell weights must name {sorted(DEFAULT_WEIGHTS)} and add up to 1")
        for low, high in (self.upsell_range, self.cross_sell_range, self.complement_range):
            if not 0 < low < high:
                raise ValueError(f"a price range needs 0 < low < high, got {low}, {high}")

    def price_range(self, kind: CrossSellType) -> tuple[float, float]:
        return {
            CrossSellType.UPSELL: self.upsell_range,
            CrossSellType.CROSS_SELL: self.cross_sell_range,
            CrossSellType.COMPLEMENT: self.complement_range,
        }[kind]


@dataclass(frozen=True, slots=True)
class CrossSellSource:
    id: uuid.UUID
    tenant_id: int
    category: str
    price: Decimal
    currency: str
    # Orders that contain the source product (the denominator of co-purchase strength).
    order_count: int


@dataclass(frozen=True, slots=True)
class Candidate:
    id: uuid.UUID
    tenant_id: int
    sku: str
    title: str
    category: str
    active: bool
    price: Decimal
    currency: str
    classification: Classification
    stock_available: int
    # Orders that contain both this product and the source.
    co_purchase_count: int


@dataclass(frozen=True, slots=True)
class Recommendation:
    candidate: Candidate
    price_ratio: float
    confidence: float
    co_purchase_strength: float
    factors: tuple[Factor, ...]
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CrossSellResult:
    recommendations: tuple[Recommendation, ...]
    candidate_count: int


def target_categories(kind: CrossSellType, category: str, policy: CrossSellPolicy) -> tuple[str, ...]:
    """The categories a candidate of this type may have, strongest affinity first."""
    if kind is CrossSellType.UPSELL:
        return (category,)
    table = policy.affinity if kind is CrossSellType.CROSS_SELL else policy.accessories
    return table.get(category, ())


def price_band(
    kind: CrossSellType, source_price: Decimal, policy: CrossSellPolicy
) -> tuple[Decimal, Decimal]:
    """Inclusive bounds of a candidate's price: source price x the type's range."""
    low, high = policy.price_range(kind)
    return source_price * Decimal(str(low)), source_price * Decimal(str(high))


def is_eligible(
    source: CrossSellSource, candidate: Candidate, kind: CrossSellType, policy: CrossSellPolicy
) -> bool:
    """Every rule a recommendation must satisfy: same tenant and currency, not the source, active, in
    stock, a target category and inside the price band."""
    return _Rules.of(source, kind, policy).admit(candidate)


def recommend(
    source: CrossSellSource,
    candidates: Iterable[Candidate],
    *,
    kind: CrossSellType,
    limit: int,
    policy: CrossSellPolicy,
) -> CrossSellResult:
    """The eligible candidates ranked by confidence (ties: more co-purchases, then id), at most `limit`.
    Candidates are ranked on their numbers; only those returned get their factors and reasons written."""
    rules = _Rules.of(source, kind, policy)
    eligible = [c for c in candidates if rules.admit(c)]
    measured = sorted(
        (_measure(source, c, rules, policy) for c in eligible),
        # UUIDs order as their canonical strings do.
        key=lambda m: (-m.confidence, -m.candidate.co_purchase_count, m.candidate.id),
    )
    chosen = measured[: max(0, limit)]
    return CrossSellResult(tuple(_explain(source, m, rules) for m in chosen), len(eligible))


@dataclass(frozen=True, slots=True)
class _Rules:
    """The type's rules for one source, worked out once per request."""

    kind: CrossSellType
    source: CrossSellSource
    categories: tuple[str, ...]
    low: Decimal
    high: Decimal
    price_range: tuple[float, float]
    # The policy's weights in FACTOR_NAMES order.
    weights: tuple[float, ...]

    @classmethod
    def of(cls, source: CrossSellSource, kind: CrossSellType, policy: CrossSellPolicy) -> _Rules:
        low, high = price_band(kind, source.price, policy)
        categories = target_categories(kind, source.category, policy)
        weights = tuple(policy.weights[name] for name in FACTOR_NAMES)
        return cls(kind, source, categories, low, high, policy.price_range(kind), weights)

    def admit(self, candidate: Candidate) -> bool:
        source = self.source
        return (
            candidate.id != source.id
            and candidate.tenant_id == source.tenant_id
            and candidate.currency == source.currency
            and candidate.active
            and candidate.stock_available > 0
            and candidate.category in self.categories
            and self.low <= candidate.price <= self.high
        )


@dataclass(frozen=True, slots=True)
class _Measured:
    """A candidate's numbers: the five factor values (0-100, in FACTOR_NAMES order) and what they add up
    to, the same figures `_explain` reports."""

    candidate: Candidate
    ratio: float
    strength: float
    affinity_rank: int
    values: tuple[float, ...]
    confidence: float


def _measure(
    source: CrossSellSource, candidate: Candidate, rules: _Rules, policy: CrossSellPolicy
) -> _Measured:
    ratio = float(candidate.price / source.price) if source.price > 0 else 0.0
    strength = min(1.0, candidate.co_purchase_count / source.order_count) if source.order_count else 0.0
    rank = (
        rules.categories.index(candidate.category)
        if candidate.category in rules.categories
        else len(rules.categories)
    )
    values = (
        100.0 * min(1.0, strength / policy.co_purchase_full_at) if source.order_count else 0.0,
        max(0.0, 100.0 - policy.affinity_step * rank),
        _price_fit(ratio, rules.price_range),
        CLASSIFICATION_VALUES[candidate.classification],
        100.0 * min(1.0, candidate.stock_available / policy.stock_full_at),
    )
    score = total_of(map(contribution, rules.weights, values))
    return _Measured(candidate, ratio, strength, rank, values, round(score / 100.0, 4))


def _explain(source: CrossSellSource, m: _Measured, rules: _Rules) -> Recommendation:
    c = m.candidate
    texts = (
        _co_purchase_text(c.co_purchase_count, source.order_count, m.strength),
        _affinity_text(rules.kind, source.category, c.category, m.affinity_rank),
        _price_fit_text(m.ratio, rules.price_range),
        f"classified {c.classification.value}",
        f"{c.stock_available} units in stock",
    )
    factors = tuple(map(weighted, FACTOR_NAMES, rules.weights, m.values, texts))
    reasons = tuple(
        f.explanation for f in sorted(factors, key=lambda f: -f.contribution) if f.contribution > 0
    )
    return Recommendation(
        candidate=c,
        price_ratio=round(m.ratio, 4),
        confidence=m.confidence,
        co_purchase_strength=round(m.strength, 4),
        factors=factors,
        reasons=reasons,
    )


def _co_purchase_text(count: int, orders: int, strength: float) -> str:
    if not orders:
        return "no orders of the source product yet"
    return f"bought together in {count} of {orders} orders ({strength:.0%})"


def _affinity_text(kind: CrossSellType, source: str, candidate: str, rank: int) -> str:
    if kind is CrossSellType.UPSELL:
        return f"a pricier {candidate} alternative"
    relation = "accessory category" if kind is CrossSellType.COMPLEMENT else "affine category"
    return f"{candidate} is {relation} #{rank + 1} of {source}"


def _ideal_ratio(band: tuple[float, float]) -> float:
    low, high = band
    return math.sqrt(low * high)


def _price_fit(ratio: float, band: tuple[float, float]) -> float:
    """100 at the band's geometric middle, falling to 40 at its edges (log scale: x2 and /2 are alike)."""
    if ratio <= 0:
        return 0.0
    ideal = _ideal_ratio(band)
    distance = abs(math.log(ratio / ideal)) / math.log(band[1] / ideal)
    return 100.0 - 60.0 * min(1.0, distance)


def _price_fit_text(ratio: float, band: tuple[float, float]) -> str:
    if ratio <= 0:
        return "no price"
    return f"priced {ratio:.2f}x the source (ideal {_ideal_ratio(band):.2f}x)"
