"""Products: the tenant's catalog entries with their prices, explained dropship analysis and stock."""

from __future__ import annotations

import enum
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from domain.errors import DomainError
from domain.money import Money, to_cents
from engines.classification import Classification
from engines.factors import Factor

MAX_BULK_PRODUCTS = 10_000
MAX_TAGS = 20

# A category key: lower_snake, 1-50 characters (callers lower-case and trim what they are given).
CATEGORY_KEY = re.compile(r"^[a-z0-9][a-z0-9_]{0,49}$")

# A marketplace's product identifier (an Amazon ASIN, an AliExpress or eBay item number, the prototype's
# `TEST001`), as stored: upper-case, 1-40 letters, digits, '-' and '_'.
MARKETPLACE_ID = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,39}$")


def marketplace_id_problem(value: str) -> str | None:
    """Why `value` (trimmed and upper-cased) is not a marketplace identifier; None when it is one."""
    if value.isascii() and MARKETPLACE_ID.fullmatch(value):
        return None
    return "must be 1-40 letters, digits, '-' or '_' (a marketplace id such as B08N5WRWNW)"


@dataclass(frozen=True, slots=True)
class Categories:
    """The category keys a product may have: the keys of the category demand table and, unless the
    deployment closed the list (STRICT_CATEGORIES), any other well-formed key, which scores a neutral
    demand (the dropship score's `category_demand` factor says so)."""

    known: frozenset[str]
    closed: bool = False

    def problem(self, key: str) -> str | None:
        """Why `key` (lower-cased and trimmed) cannot be a category; None when it can."""
        if not CATEGORY_KEY.fullmatch(key):
            return "must be a lower_snake key of 1-50 letters, digits and '_', e.g. home_garden"
        if self.closed and key not in self.known:
            return f"unknown category {key!r}; known: {', '.join(sorted(self.known))}"
        return None


class ProductStatus(enum.StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    INACTIVE = "inactive"
    DISCONTINUED = "discontinued"


class FulfilmentMode(enum.StrEnum):
    """STOCKED (the default): shipped from own stock. DROPSHIP: a confirmed order's lines become a purchase
    order to the chosen offer's supplier."""

    STOCKED = "stocked"
    DROPSHIP = "dropship"


class MovementType(enum.StrEnum):
    RECEIPT = "receipt"
    ADJUSTMENT = "adjustment"
    RESERVATION = "reservation"
    RELEASE = "release"
    SHIPMENT = "shipment"


# Changing any of these changes the dropship analysis.
PRODUCT_SCORE_INPUTS: frozenset[str] = frozenset(
    {
        "source_price",
        "selling_price",
        "category",
        "supplier_id",
        "competitor_count",
        "review_rating",
        "review_count",
    }
)


@dataclass(frozen=True, slots=True)
class Dimensions:
    length_mm: int
    width_mm: int
    height_mm: int


@dataclass(frozen=True, slots=True)
class ProductAnalysis:
    score: float
    classification: Classification
    profit_margin: float
    factors: tuple[Factor, ...]
    analyzed_at: datetime


@dataclass(frozen=True, slots=True)
class ProductDraft:
    """What a caller supplies for a new product; `selling_price` None means the recommended price."""

    sku: str
    title: str
    category: str
    source_price: Money
    selling_price: Money | None = None
    asin: str = ""
    description: str = ""
    # ACTIVE, as the prototype created products: orderable and recommended at once (CreateProduct's
    # UNSPECIFIED); DRAFT must be asked for.
    status: ProductStatus = ProductStatus.ACTIVE
    supplier_id: uuid.UUID | None = None
    competitor_count: int | None = None
    review_rating: float | None = None
    review_count: int | None = None
    initial_stock: int = 0
    weight_grams: int = 0
    dimensions: Dimensions | None = None
    image_urls: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    fulfilment_mode: FulfilmentMode = FulfilmentMode.STOCKED


@dataclass(frozen=True, slots=True)
class Product:
    id: uuid.UUID
    tenant_id: int
    sku: str
    title: str
    category: str
    status: ProductStatus
    source_price: Money
    recommended_price: Money
    selling_price: Money
    analysis: ProductAnalysis
    created_at: datetime
    updated_at: datetime
    asin: str = ""
    description: str = ""
    supplier_id: uuid.UUID | None = None
    competitor_count: int | None = None
    review_rating: float | None = None
    review_count: int | None = None
    weight_grams: int = 0
    dimensions: Dimensions | None = None
    image_urls: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    stock_available: int = 0
    stock_reserved: int = 0
    request_id: str | None = None
    version: int = 1
    fulfilment_mode: FulfilmentMode = FulfilmentMode.STOCKED
    # The selling price is below source x (1 + MIN_MARGIN) (catalog/margins.py).
    margin_at_risk: bool = False
    # The offer the offer choice picked; the source price follows its landed cost.
    chosen_offer_id: uuid.UUID | None = None

    @property
    def currency(self) -> str:
        return self.source_price.currency


@dataclass(frozen=True, slots=True)
class ProductChanges:
    """New values for the named fields of a product (an update mask already applied)."""

    values: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ProductFilter:
    category: str | None = None
    classification: Classification | None = None
    status: ProductStatus | None = None
    supplier_id: uuid.UUID | None = None
    query: str = ""
    min_price: Money | None = None
    max_price: Money | None = None
    show_discontinued: bool = False
    margin_at_risk_only: bool = False
    fulfilment_mode: FulfilmentMode | None = None


class PriceChangeKind(enum.StrEnum):
    PERCENT = "percent"
    AMOUNT = "amount"
    SET_PRICE = "set_price"


@dataclass(frozen=True, slots=True)
class PriceChange:
    kind: PriceChangeKind
    value: Decimal
    currency: str | None = None

    def apply(self, price: Money) -> Money | str:
        """The new price, or why this product cannot take the change."""
        if self.currency is not None and self.currency != price.currency:
            return f"the product's prices are in {price.currency}, the change is in {self.currency}"
        if self.kind is PriceChangeKind.PERCENT:
            amount = price.amount * (1 + self.value / 100)
        elif self.kind is PriceChangeKind.AMOUNT:
            amount = price.amount + self.value
        else:
            amount = self.value
        new_price = Money(to_cents(amount), price.currency)
        if new_price.amount <= 0:
            return f"the new price {new_price.amount} would not be positive"
        return new_price


@dataclass(frozen=True, slots=True)
class BulkChanges:
    """The changes of a bulk update; only the fields named in `paths` apply."""

    paths: tuple[str, ...]
    status: ProductStatus | None = None
    category: str | None = None
    supplier_id: uuid.UUID | None = None
    price_change: PriceChange | None = None
    add_tags: tuple[str, ...] = ()
    remove_tags: tuple[str, ...] = ()

    @property
    def rescores(self) -> bool:
        return bool({"price_change", "category", "supplier_id"} & set(self.paths))


@dataclass(frozen=True, slots=True)
class BulkSelection:
    """Exactly one of `ids` (distinct, in request order) and `criteria`."""

    ids: tuple[uuid.UUID, ...] | None = None
    criteria: ProductFilter | None = None


@dataclass(frozen=True, slots=True)
class BulkResult:
    product_id: uuid.UUID
    updated: bool
    error: DomainError | None = None


@dataclass(frozen=True, slots=True)
class BulkOutcome:
    results: tuple[BulkResult, ...]
    matched: int
    validate_only: bool

    @property
    def updated(self) -> int:
        return sum(1 for r in self.results if r.updated)

    @property
    def failed(self) -> int:
        return sum(1 for r in self.results if r.error is not None)
