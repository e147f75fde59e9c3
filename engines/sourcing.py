"""Scoring a sourcing candidate with the catalog's classification engine, at the price the market allows.

A candidate has no selling price yet. When competitors' prices are known, their median is what the product
can sell at (an import priced far above it would not sell); otherwise the engine's own recommended price is
assumed, as for a new catalog product. The number of competitors defaults to the number of prices given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from statistics import median

from engines.classification import ClassificationPolicy, DropshipAnalysis, ProductSignals, analyze

CENT = Decimal("0.01")


@dataclass(frozen=True, slots=True)
class CandidateFacts:
    """What is known of a candidate; None means unknown (a neutral factor)."""

    source_price: Decimal
    category: str
    competitor_prices: tuple[Decimal, ...] = ()
    competitor_count: int | None = None
    review_rating: float | None = None
    review_count: int | None = None
    supplier_rating: float | None = None
    supplier_lead_time_days: int | None = None


def market_price(prices: Sequence[Decimal]) -> Decimal | None:
    """The median of the competitors' prices, half-up to cents; None without any."""
    if not prices:
        return None
    return Decimal(median(sorted(prices))).quantize(CENT, rounding=ROUND_HALF_UP)


def score_candidate(facts: CandidateFacts, policy: ClassificationPolicy) -> DropshipAnalysis:
    """The catalog's dropship analysis of the candidate, selling at the market price when there is one."""
    count = facts.competitor_count
    if count is None and facts.competitor_prices:
        count = len(facts.competitor_prices)
    signals = ProductSignals(
        source_price=facts.source_price,
        selling_price=market_price(facts.competitor_prices),
        category=facts.category,
        competitor_count=count,
        review_rating=facts.review_rating,
        review_count=facts.review_count,
        supplier_rating=facts.supplier_rating,
        supplier_lead_time_days=facts.supplier_lead_time_days,
    )
    return analyze(signals, policy)
