"""Suppliers: where products are sourced, with the rating and lead time that feed the dropship score."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime


class Marketplace(enum.StrEnum):
    AMAZON = "amazon"
    ALIEXPRESS = "aliexpress"
    ALIBABA = "alibaba"
    EBAY = "ebay"
    WALMART = "walmart"
    SHOPIFY = "shopify"
    OTHER = "other"


# The fields a caller may set; also the paths an update mask may name.
SUPPLIER_MUTABLE_FIELDS: tuple[str, ...] = (
    "name",
    "marketplace",
    "contact_email",
    "contact_phone",
    "website",
    "rating",
    "lead_time_days",
    "is_active",
    "notes",
)
# Changing any of these changes the score of the supplier's products.
SUPPLIER_SCORE_INPUTS: frozenset[str] = frozenset({"rating", "lead_time_days"})
# Changing any of these changes how the supplier's offers rank against other suppliers'.
OFFER_CHOICE_INPUTS: frozenset[str] = frozenset({"rating", "lead_time_days", "is_active"})


@dataclass(frozen=True, slots=True)
class SupplierDraft:
    name: str
    marketplace: Marketplace
    contact_email: str = ""
    contact_phone: str = ""
    website: str = ""
    rating: float | None = None
    lead_time_days: int | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Supplier:
    id: uuid.UUID
    tenant_id: int
    name: str
    marketplace: Marketplace
    contact_email: str
    contact_phone: str
    website: str
    rating: float | None
    lead_time_days: int | None
    is_active: bool
    notes: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class SupplierChanges:
    """New values for the named fields of a supplier (an update mask already applied)."""

    values: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class SupplierFilter:
    marketplace: Marketplace | None = None
    active_only: bool = False
    query: str = ""
