"""Intelligence requests and answers: cross-sell, pricing (single and bulk), related products, sourcing."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from domain.money import Money
from domain.workflows import BulkPricingOutcome, ResultSource, Workflow
from engines.classification import Classification
from engines.cross_sell import CrossSellResult, CrossSellType
from engines.pricing import DemandLevel, PriceResult
from engines.recommendations import RelatedProduct

MAX_BULK_IDS = 1_000
# An applied run over more products than this becomes a BULK_PRICING workflow.
INLINE_APPLY_LIMIT = 1_000
DEFAULT_RESULT_LIMIT = 1_000
MAX_RESULT_LIMIT = 10_000


@dataclass(frozen=True, slots=True)
class MarketConditions:
    demand: DemandLevel | None = None
    competitor_prices: tuple[Money, ...] = ()
    seasonality_factor: float | None = None


@dataclass(frozen=True, slots=True)
class PricingSelection:
    """AND of the set fields; `ids` None means no id filter."""

    ids: tuple[uuid.UUID, ...] | None = None
    category: str | None = None
    classification: Classification | None = None


@dataclass(frozen=True, slots=True)
class BulkPricingRequest:
    selection: PricingSelection
    conditions: MarketConditions
    charm_pricing: bool = False
    apply: bool = False
    result_limit: int = DEFAULT_RESULT_LIMIT


@dataclass(frozen=True, slots=True)
class PricedProduct:
    product_id: uuid.UUID
    sku: str
    title: str
    source_price: Money
    current_price: Money
    result: PriceResult

    @property
    def recommended_price(self) -> Money:
        return Money(self.result.recommended_price, self.current_price.currency)


@dataclass(frozen=True, slots=True)
class BulkPricingAnswer:
    outcome: BulkPricingOutcome | None
    results: tuple[PricedProduct, ...] = ()
    truncated: bool = False
    workflow: Workflow | None = None


@dataclass(frozen=True, slots=True)
class CrossSellAnswer:
    product_id: uuid.UUID
    kind: CrossSellType
    currency: str
    result: CrossSellResult


@dataclass(frozen=True, slots=True)
class SourcingSuggestion:
    title: str
    marketplace: str
    url: str
    estimated_source_price: Money | None
    suggested_price: Money | None
    rationale: str
    confidence: float


@dataclass(frozen=True, slots=True)
class RelatedAnswer:
    product_id: uuid.UUID
    currency: str
    related: tuple[RelatedProduct, ...]
    suggestions: tuple[SourcingSuggestion, ...]
    source: ResultSource
    sourcing_note: str
