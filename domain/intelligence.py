"""Intelligence requests and answers: cross-sell, pricing (single and bulk), related products, sourcing;
and the rows the intelligence reads return (cross-sell sources and candidates, products to price)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from domain.money import Money
from domain.workflows import BulkPricingOutcome, ResultSource, Workflow
from engines.classification import Classification
from engines.cross_sell import Candidate, CrossSellResult, CrossSellType
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


@dataclass(frozen=True, slots=True)
class PricingRow:
    """What pricing needs of one product, with its sales velocity over the history window."""

    id: uuid.UUID
    sku: str
    title: str
    category: str
    classification: Classification
    source_price: Decimal
    selling_price: Decimal
    currency: str
    competitor_count: int | None
    daily_velocity: float


@dataclass(frozen=True, slots=True)
class SourceProduct:
    """What cross-sell needs of the source product."""

    id: uuid.UUID
    category: str
    price: Decimal
    currency: str


@dataclass(frozen=True, slots=True)
class CandidateQuery:
    tenant_id: int
    source_id: uuid.UUID
    categories: tuple[str, ...]
    currency: str
    min_price: Decimal
    max_price: Decimal
    ideal_price: Decimal
    # How many candidates the database ranks and returns.
    pool: int
    # How many in-stock products nearest the ideal price each category, classification and side of the
    # ideal price contributes: at least the limit, so a full answer exists whenever enough candidates do.
    depth: int


@dataclass(frozen=True, slots=True)
class CandidatePool:
    candidates: list[Candidate]
    # Eligible candidates considered before the pool was cut: the co-purchased ones and the nearest-priced
    # ones of each category, classification and side (not every eligible product of the catalog).
    considered: int
    # Orders with a live line of the source product (the denominator of co-purchase strength).
    source_orders: int
