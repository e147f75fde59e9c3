"""Supplier offers: what one supplier asks for one product, and the filters of their lists."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from domain.money import Money
from domain.suppliers import Marketplace
from engines.factors import Factor

MAX_MIN_ORDER_QUANTITY = 1_000_000
MAX_OFFER_LEAD_TIME_DAYS = 365
SUPPLIER_SKU_MAX = 100

# The fields a caller may change; also the paths an update mask may name.
OFFER_MUTABLE_FIELDS: tuple[str, ...] = (
    "supplier_sku",
    "marketplace",
    "listing_url",
    "unit_cost",
    "shipping_cost",
    "min_order_quantity",
    "lead_time_days",
    "supplier_stock",
    "is_active",
)


@dataclass(frozen=True, slots=True)
class OfferDraft:
    product_id: uuid.UUID
    supplier_id: uuid.UUID
    unit_cost: Money
    shipping_cost: Money
    supplier_sku: str = ""
    marketplace: Marketplace | None = None  # None: the supplier's
    listing_url: str = ""
    min_order_quantity: int = 1
    lead_time_days: int | None = None
    supplier_stock: int | None = None


@dataclass(frozen=True, slots=True)
class Offer:
    id: uuid.UUID
    tenant_id: int
    product_id: uuid.UUID
    supplier_id: uuid.UUID
    supplier_sku: str
    marketplace: Marketplace
    listing_url: str
    unit_cost: Money
    shipping_cost: Money
    min_order_quantity: int
    lead_time_days: int | None
    supplier_stock: int | None
    is_active: bool
    created_at: datetime
    updated_at: datetime
    request_id: str | None = None

    @property
    def landed_cost(self) -> Money:
        """What one unit costs delivered: the source price a product buying from this offer has."""
        return Money(self.unit_cost.amount + self.shipping_cost.amount, self.unit_cost.currency)


@dataclass(frozen=True, slots=True)
class OfferChanges:
    values: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class OfferFilter:
    product_id: uuid.UUID | None = None
    supplier_id: uuid.UUID | None = None
    active_only: bool = False


@dataclass(frozen=True, slots=True)
class OfferView:
    """An offer with whether its product chose it."""

    offer: Offer
    chosen: bool


@dataclass(frozen=True, slots=True)
class RankedOfferView:
    offer: Offer
    eligible: bool
    score: float
    factors: tuple[Factor, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class OfferRankingView:
    product_id: uuid.UUID
    chosen_offer_id: uuid.UUID | None
    offers: tuple[RankedOfferView, ...]
    usual_quantity: int
