"""The sourcing candidates table: a product found on a marketplace, what is known of it, its dropship
analysis, and what became of it."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import CheckConstraint, Float, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import Uuid

from storage.base import Base, TenantEntity, Timestamps, table_of, tenant_reference, unique_request_id_index
from storage.types import MONEY, JsonDocument, UTCDateTime


class CandidateRow(TenantEntity, Timestamps, Base):
    __tablename__ = "sourcing_candidates"

    status: Mapped[str] = mapped_column(String(10), nullable=False)
    origin: Mapped[str] = mapped_column(String(10), nullable=False)
    marketplace: Mapped[str] = mapped_column(String(20), nullable=False)
    marketplace_id: Mapped[str] = mapped_column(String(40), nullable=False)
    url: Mapped[str] = mapped_column(String(2048), nullable=False)
    # `marketplace:id`, or `url:...` without an id: one candidate per product and tenant.
    dedupe_key: Mapped[str] = mapped_column(String(2100), nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False)
    category: Mapped[str] = mapped_column(String(50), nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    source_price: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    supplier_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    supplier_rating: Mapped[float | None] = mapped_column(Float)
    supplier_lead_time_days: Mapped[int | None] = mapped_column(Integer)
    review_rating: Mapped[float | None] = mapped_column(Float)
    review_count: Mapped[int | None] = mapped_column(Integer)
    competitor_count: Mapped[int | None] = mapped_column(Integer)
    # The competitors' prices (in `currency`) as decimal strings.
    competitor_prices: Mapped[list[str]] = mapped_column(JsonDocument, nullable=False)
    image_urls: Mapped[list[str]] = mapped_column(JsonDocument, nullable=False)
    dropship_score: Mapped[float] = mapped_column(Float, nullable=False)
    classification: Mapped[str] = mapped_column(String(10), nullable=False)
    profit_margin: Mapped[float] = mapped_column(Float, nullable=False)
    score_factors: Mapped[list[dict[str, Any]]] = mapped_column(JsonDocument, nullable=False)
    analyzed_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    recommended_price: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    expected_price: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    workflow_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    product_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    reject_reason: Mapped[str] = mapped_column(String(500), nullable=False)
    decided_by: Mapped[str] = mapped_column(String(200), nullable=False)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    request_id: Mapped[str | None] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __table_args__ = (
        CheckConstraint("source_price > 0", name="ck_sourcing_candidates_source_price_positive"),
        tenant_reference("supplier_id", "suppliers", name="fk_sourcing_candidates_tenant_supplier"),
        tenant_reference("product_id", "products", name="fk_sourcing_candidates_tenant_product"),
        Index("uq_sourcing_candidates_tenant_key", "tenant_id", "dedupe_key", unique=True),
        unique_request_id_index("sourcing_candidates"),
        # The rankings: best score or margin first within a status (keyset on the value, then the id).
        Index("ix_sourcing_candidates_tenant_score", "tenant_id", "status", "dropship_score", "id"),
        Index("ix_sourcing_candidates_tenant_margin", "tenant_id", "status", "profit_margin", "id"),
        Index("ix_sourcing_candidates_tenant_category", "tenant_id", "category", "dropship_score", "id"),
    )


CANDIDATES = table_of(CandidateRow)
