"""The products table: the catalog entry, its pricing and its dropship analysis."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Computed,
    Float,
    Index,
    Integer,
    String,
    Text,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import Uuid

from storage.base import Base, TenantEntity, Timestamps, table_of, tenant_reference, unique_request_id_index
from storage.types import MONEY, JsonDocument, UTCDateTime

SELLING_CENTS = "CAST(ROUND(selling_price * 100) AS BIGINT)"


class ProductRow(TenantEntity, Timestamps, Base):
    __tablename__ = "products"

    sku: Mapped[str] = mapped_column(String(64), nullable=False)
    asin: Mapped[str] = mapped_column(String(40), nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False)
    category: Mapped[str] = mapped_column(String(50), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    source_price: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    recommended_price: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    selling_price: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    # The selling price in cents, kept by the database, for the cross-sell shelf's range scans: under
    # row-level security PostgreSQL uses only leakproof operators as index conditions, and numeric's
    # comparisons are not leakproof where bigint's are (storage/intelligence/cross_sell.py).
    selling_cents: Mapped[int] = mapped_column(
        BigInteger, Computed(SELLING_CENTS, persisted=True), nullable=False
    )
    dropship_score: Mapped[float] = mapped_column(Float, nullable=False)
    classification: Mapped[str] = mapped_column(String(10), nullable=False)
    profit_margin: Mapped[float] = mapped_column(Float, nullable=False)
    score_factors: Mapped[list[dict[str, Any]]] = mapped_column(JsonDocument, nullable=False)
    analyzed_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    supplier_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    competitor_count: Mapped[int | None] = mapped_column(Integer)
    review_rating: Mapped[float | None] = mapped_column(Float)
    review_count: Mapped[int | None] = mapped_column(Integer)
    weight_grams: Mapped[int] = mapped_column(Integer, nullable=False)
    # All three NULL: dimensions unknown.
    length_mm: Mapped[int | None] = mapped_column(Integer)
    width_mm: Mapped[int | None] = mapped_column(Integer)
    height_mm: Mapped[int | None] = mapped_column(Integer)
    image_urls: Mapped[list[str]] = mapped_column(JsonDocument, nullable=False)
    tags: Mapped[list[str]] = mapped_column(JsonDocument, nullable=False)
    request_id: Mapped[str | None] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    # stocked | dropship; rows from before the supply side are stocked.
    fulfilment_mode: Mapped[str] = mapped_column(String(10), nullable=False, server_default="stocked")
    margin_at_risk: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=false())
    # The supplier offer the offer choice picked (no foreign key: an offer's deletion re-chooses).
    chosen_offer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)

    __table_args__ = (
        CheckConstraint("source_price > 0", name="ck_products_source_price_positive"),
        CheckConstraint("selling_price > 0", name="ck_products_selling_price_positive"),
        Index("uq_products_tenant_sku", "tenant_id", "sku", unique=True),
        unique_request_id_index("products"),
        tenant_reference("supplier_id", "suppliers", name="fk_products_tenant_supplier"),
        Index("ix_products_tenant_status", "tenant_id", "status", "id"),
        Index("ix_products_tenant_category", "tenant_id", "category", "id"),
        # Cross-sell candidates: the products of a category, currency, status and classification priced
        # nearest a given price, read as a short range scan in either direction, in the order the query
        # asks (price, then id for ties) so that a shelf of one price is read no further than needed.
        Index(
            "ix_products_tenant_shelf",
            "tenant_id",
            "category",
            "currency",
            "status",
            "classification",
            "selling_cents",
            "id",
        ),
        Index("ix_products_tenant_classification", "tenant_id", "classification", "id"),
        Index("ix_products_tenant_supplier", "tenant_id", "supplier_id", "id"),
        Index("ix_products_tenant_margin_at_risk", "tenant_id", "margin_at_risk", "id"),
    )


PRODUCTS = table_of(ProductRow)
