"""Catalog tables: products, suppliers, inventory levels and their ledger (the catalog issue).

Inventory levels are written with conditional atomic UPDATEs (`available = available - :n WHERE
available >= :n`), so the CHECK constraints are the last wall against negative stock, and `version`
lets a caller detect a concurrent change.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import BigInteger, Uuid

from storage.tables.base import Base
from storage.types import MONEY, JsonDocument, UTCDateTime


class SupplierRow(Base):
    __tablename__ = "suppliers"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    tenant_id: Mapped[int] = mapped_column(BigInteger, nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    marketplace: Mapped[str] = mapped_column(String(20), nullable=False)
    contact_email: Mapped[str] = mapped_column(String(254), nullable=False)
    contact_phone: Mapped[str] = mapped_column(String(32), nullable=False)
    website: Mapped[str] = mapped_column(String(2048), nullable=False)
    rating: Mapped[float | None] = mapped_column(Float)
    lead_time_days: Mapped[int | None] = mapped_column(Integer)
    is_active: Mapped[bool] = mapped_column(Boolean, nullable=False)
    notes: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    __table_args__ = (
        Index("ix_suppliers_tenant_created", "tenant_id", "id"),
        Index("ix_suppliers_tenant_marketplace", "tenant_id", "marketplace", "id"),
    )


class ProductRow(Base):
    __tablename__ = "products"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    tenant_id: Mapped[int] = mapped_column(BigInteger, nullable=False)
    sku: Mapped[str] = mapped_column(String(64), nullable=False)
    asin: Mapped[str] = mapped_column(String(10), nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False)
    category: Mapped[str] = mapped_column(String(50), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    source_price: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    recommended_price: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    selling_price: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    dropship_score: Mapped[float] = mapped_column(Float, nullable=False)
    classification: Mapped[str] = mapped_column(String(10), nullable=False)
    profit_margin: Mapped[float] = mapped_column(Float, nullable=False)
    score_factors: Mapped[list[dict[str, Any]]] = mapped_column(JsonDocument, nullable=False)
    analyzed_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    supplier_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("suppliers.id"))
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
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    __table_args__ = (
        CheckConstraint("source_price > 0", name="ck_products_source_price_positive"),
        CheckConstraint("selling_price > 0", name="ck_products_selling_price_positive"),
        Index("uq_products_tenant_sku", "tenant_id", "sku", unique=True),
        Index(
            "uq_products_tenant_request_id",
            "tenant_id",
            "request_id",
            unique=True,
            postgresql_where=text("request_id IS NOT NULL"),
            sqlite_where=text("request_id IS NOT NULL"),
        ),
        Index("ix_products_tenant_created", "tenant_id", "id"),
        Index("ix_products_tenant_status", "tenant_id", "status", "id"),
        Index("ix_products_tenant_category", "tenant_id", "category", "id"),
        # Cross-sell candidates: the products of a category, currency, status and classification priced
        # nearest a given price, read as a short range scan in either direction.
        Index(
            "ix_products_tenant_shelf",
            "tenant_id",
            "category",
            "currency",
            "status",
            "classification",
            "selling_price",
        ),
        Index("ix_products_tenant_classification", "tenant_id", "classification", "id"),
        Index("ix_products_tenant_supplier", "tenant_id", "supplier_id", "id"),
    )


class InventoryLevelRow(Base):
    """The stock of one product; created with the product."""

    __tablename__ = "inventory_levels"

    product_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("products.id"), primary_key=True)
    tenant_id: Mapped[int] = mapped_column(BigInteger, nullable=False)
    available: Mapped[int] = mapped_column(Integer, nullable=False)
    reserved: Mapped[int] = mapped_column(Integer, nullable=False)
    backordered: Mapped[int] = mapped_column(Integer, nullable=False)
    reorder_point: Mapped[int] = mapped_column(Integer, nullable=False)
    reorder_quantity: Mapped[int] = mapped_column(Integer, nullable=False)
    max_stock: Mapped[int] = mapped_column(Integer, nullable=False)
    # Bumped by every change, so a reader can tell whether the level moved since it looked.
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    __table_args__ = (
        CheckConstraint("available >= 0", name="ck_inventory_levels_available_non_negative"),
        CheckConstraint("reserved >= 0", name="ck_inventory_levels_reserved_non_negative"),
        CheckConstraint("backordered >= 0", name="ck_inventory_levels_backordered_non_negative"),
        Index("ix_inventory_levels_tenant_product", "tenant_id", "product_id"),
        Index("ix_inventory_levels_tenant_available", "tenant_id", "available"),
    )


class InventoryMovementRow(Base):
    """One ledger row: summing a product's deltas gives its available and reserved units."""

    __tablename__ = "inventory_movements"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    tenant_id: Mapped[int] = mapped_column(BigInteger, nullable=False)
    product_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("products.id"), nullable=False)
    type: Mapped[str] = mapped_column(String(20), nullable=False)
    available_delta: Mapped[int] = mapped_column(Integer, nullable=False)
    reserved_delta: Mapped[int] = mapped_column(Integer, nullable=False)
    available_after: Mapped[int] = mapped_column(Integer, nullable=False)
    reserved_after: Mapped[int] = mapped_column(Integer, nullable=False)
    reason: Mapped[str] = mapped_column(String(500), nullable=False)
    order_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    actor: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    __table_args__ = (
        Index("ix_inventory_movements_tenant_product", "tenant_id", "product_id", "id"),
        Index("ix_inventory_movements_tenant_order", "tenant_id", "order_id"),
    )
