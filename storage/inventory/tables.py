"""Inventory tables: stock levels per product and their ledger of movements.

Inventory levels are written with conditional atomic UPDATEs (`available = available - :n WHERE
available >= :n`), so the CHECK constraints are the last wall against negative stock, and `version`
lets a caller detect a concurrent change."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import BigInteger, Uuid

from storage.base import Base, TenantEntity, table_of, tenant_reference
from storage.types import UTCDateTime


class InventoryLevelRow(Base):
    """The stock of one product; created with the product."""

    __tablename__ = "inventory_levels"

    tenant_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    product_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    available: Mapped[int] = mapped_column(Integer, nullable=False)
    reserved: Mapped[int] = mapped_column(Integer, nullable=False)
    backordered: Mapped[int] = mapped_column(Integer, nullable=False)
    reorder_point: Mapped[int] = mapped_column(Integer, nullable=False)
    reorder_quantity: Mapped[int] = mapped_column(Integer, nullable=False)
    max_stock: Mapped[int] = mapped_column(Integer, nullable=False)
    # Units on open replenishment purchase orders (moved with the purchase orders, like the other counts).
    on_order: Mapped[int] = mapped_column(Integer, nullable=False, server_default="0")
    # Bumped by every change, so a reader can tell whether the level moved since it looked.
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    __table_args__ = (
        CheckConstraint("available >= 0", name="ck_inventory_levels_available_non_negative"),
        CheckConstraint("reserved >= 0", name="ck_inventory_levels_reserved_non_negative"),
        CheckConstraint("backordered >= 0", name="ck_inventory_levels_backordered_non_negative"),
        CheckConstraint("on_order >= 0", name="ck_inventory_levels_on_order_non_negative"),
        tenant_reference("product_id", "products", name="fk_inventory_levels_tenant_product"),
        Index("ix_inventory_levels_tenant_available", "tenant_id", "available"),
    )


class InventoryMovementRow(TenantEntity, Base):
    """One ledger row: summing a product's deltas gives its available and reserved units."""

    __tablename__ = "inventory_movements"

    product_id: Mapped[uuid.UUID] = mapped_column(Uuid, nullable=False)
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
        tenant_reference("product_id", "products", name="fk_inventory_movements_tenant_product"),
    )


INVENTORY_LEVELS = table_of(InventoryLevelRow)

INVENTORY_MOVEMENTS = table_of(InventoryMovementRow)
