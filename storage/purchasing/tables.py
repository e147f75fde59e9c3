"""Purchase orders and their lines. A line belongs to its purchase order within one tenant: the foreign key
is (tenant_id, purchase_order_id), so a line can never point at another tenant's purchase order."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import BigInteger, CheckConstraint, ForeignKeyConstraint, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import Uuid

from storage.base import Base, TenantEntity, Timestamps, table_of, tenant_reference, unique_request_id_index
from storage.types import MONEY, JsonDocument, UTCDateTime


class PurchaseOrderRow(TenantEntity, Timestamps, Base):
    __tablename__ = "purchase_orders"

    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    supplier_id: Mapped[uuid.UUID] = mapped_column(Uuid, nullable=False)
    order_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    # Lines never change after the insert, so the total is stored for the dashboard's aggregates.
    total: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    supplier_order_id: Mapped[str] = mapped_column(String(100), nullable=False)
    carrier: Mapped[str] = mapped_column(String(100), nullable=False)
    tracking_numbers: Mapped[list[str]] = mapped_column(JsonDocument, nullable=False)
    notes: Mapped[str] = mapped_column(Text, nullable=False)
    cancel_reason: Mapped[str] = mapped_column(String(500), nullable=False)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    shipped_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    request_id: Mapped[str | None] = mapped_column(String(100))
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __table_args__ = (
        tenant_reference("supplier_id", "suppliers", name="fk_purchase_orders_tenant_supplier"),
        tenant_reference("order_id", "orders", name="fk_purchase_orders_tenant_order"),
        Index("ix_purchase_orders_tenant_created", "tenant_id", "id"),
        Index("ix_purchase_orders_tenant_supplier", "tenant_id", "supplier_id", "id"),
        Index("ix_purchase_orders_tenant_status", "tenant_id", "status", "id"),
        # One dropship purchase order per customer order and supplier, however many confirmations race.
        Index(
            "uq_purchase_orders_tenant_order_supplier", "tenant_id", "order_id", "supplier_id", unique=True
        ),
        unique_request_id_index("purchase_orders"),
    )


class PurchaseOrderLineRow(Base):
    __tablename__ = "purchase_order_lines"

    tenant_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    purchase_order_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[uuid.UUID] = mapped_column(Uuid, nullable=False)
    offer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)  # offers may be deleted; the line keeps its id
    sku: Mapped[str] = mapped_column(String(64), nullable=False)
    supplier_sku: Mapped[str] = mapped_column(String(100), nullable=False)
    quantity: Mapped[int] = mapped_column(Integer, nullable=False)
    received_quantity: Mapped[int] = mapped_column(Integer, nullable=False)
    unit_cost: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    shipping_cost: Mapped[Decimal] = mapped_column(MONEY, nullable=False)

    __table_args__ = (
        ForeignKeyConstraint(
            ["tenant_id", "purchase_order_id"],
            ["purchase_orders.tenant_id", "purchase_orders.id"],
            name="fk_purchase_order_lines_purchase_order",
        ),
        tenant_reference("product_id", "products", name="fk_purchase_order_lines_tenant_product"),
        CheckConstraint("quantity > 0", name="ck_purchase_order_lines_quantity_positive"),
        CheckConstraint(
            "received_quantity >= 0 AND received_quantity <= quantity",
            name="ck_purchase_order_lines_received_within_ordered",
        ),
        Index("ix_purchase_order_lines_tenant_product", "tenant_id", "product_id"),
    )


PURCHASE_ORDERS = table_of(PurchaseOrderRow)

PURCHASE_ORDER_LINES = table_of(PurchaseOrderLineRow)
