"""Order tables: orders, their items and status history, and the per-tenant-day order number counters
(the orders issue)."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Boolean, CheckConstraint, Float, Index, Integer, String, Text, false, text
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import BigInteger, Uuid

from storage.base import Base, TenantEntity, Timestamps, table_of, tenant_reference, unique_request_id_index
from storage.types import MONEY, JsonDocument, UTCDateTime


class OrderRow(TenantEntity, Timestamps, Base):
    __tablename__ = "orders"

    order_number: Mapped[str] = mapped_column(String(24), nullable=False)
    customer_email: Mapped[str] = mapped_column(String(254), nullable=False)
    customer_name: Mapped[str] = mapped_column(String(200), nullable=False)
    billing_address: Mapped[dict[str, Any]] = mapped_column(JsonDocument, nullable=False)
    shipping_address: Mapped[dict[str, Any]] = mapped_column(JsonDocument, nullable=False)
    currency: Mapped[str] = mapped_column(String(3), nullable=False)
    subtotal: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    tax: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    shipping: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    discount: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    total: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    financial_status: Mapped[str] = mapped_column(String(20), nullable=False)
    risk_level: Mapped[str] = mapped_column(String(10), nullable=False)
    risk_score: Mapped[float] = mapped_column(Float, nullable=False)
    verification_required: Mapped[bool] = mapped_column(Boolean, nullable=False)
    fraud_action: Mapped[str] = mapped_column(String(30), nullable=False)
    fraud_factors: Mapped[list[dict[str, Any]]] = mapped_column(JsonDocument, nullable=False)
    analyzed_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)
    notes: Mapped[str] = mapped_column(Text, nullable=False)
    tracking_number: Mapped[str] = mapped_column(String(100), nullable=False)
    carrier: Mapped[str] = mapped_column(String(100), nullable=False)
    request_id: Mapped[str | None] = mapped_column(String(100))
    cancel_reason: Mapped[str] = mapped_column(String(500), nullable=False)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    # Why the fraud analysis was made: `created`, or the fields whose change re-assessed it.
    fraud_trigger: Mapped[str] = mapped_column(String(100), nullable=False, server_default=text("'created'"))
    # MEDIUM risk found by an assessment; cleared by an operator.
    flagged: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=false())
    # The fraud crew's review of a held order (workflow id, recommendation, ...); null when none.
    fraud_review: Mapped[dict[str, Any] | None] = mapped_column(JsonDocument)

    __table_args__ = (
        CheckConstraint("total >= 0", name="ck_orders_total_non_negative"),
        Index("uq_orders_tenant_number", "tenant_id", "order_number", unique=True),
        unique_request_id_index("orders"),
        Index("ix_orders_tenant_status", "tenant_id", "status", "id"),
        Index("ix_orders_tenant_financial", "tenant_id", "financial_status", "id"),
        Index("ix_orders_tenant_email", "tenant_id", "customer_email", "created_at"),
        Index("ix_orders_tenant_risk", "tenant_id", "risk_level", "id"),
        Index("ix_orders_tenant_flagged", "tenant_id", "flagged", "id"),
        # Covering on PostgreSQL: the dashboard's period aggregates never touch the table.
        Index(
            "ix_orders_tenant_created_at",
            "tenant_id",
            "created_at",
            postgresql_include=["status", "financial_status", "currency", "total"],
        ),
    )


class OrderItemRow(TenantEntity, Base):
    """One order line; `created_at` repeats the order's so that sales history reads one index."""

    __tablename__ = "order_items"

    order_id: Mapped[uuid.UUID] = mapped_column(Uuid, nullable=False)
    line_no: Mapped[int] = mapped_column(Integer, nullable=False)
    product_id: Mapped[uuid.UUID] = mapped_column(Uuid, nullable=False)
    sku: Mapped[str] = mapped_column(String(64), nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    quantity: Mapped[int] = mapped_column(Integer, nullable=False)
    unit_price: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    total_price: Mapped[Decimal] = mapped_column(MONEY, nullable=False)
    backordered: Mapped[bool] = mapped_column(Boolean, nullable=False)
    # Shipped by the supplier (the product was DROPSHIP when the line was priced): no own stock held.
    dropship: Mapped[bool] = mapped_column(Boolean, nullable=False, server_default=false())
    # True while the line's units count as sales (not cancelled).
    counts_as_sale: Mapped[bool] = mapped_column(Boolean, nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    __table_args__ = (
        CheckConstraint("quantity > 0", name="ck_order_items_quantity_positive"),
        Index("ix_order_items_tenant_order", "tenant_id", "order_id", "line_no"),
        Index("ix_order_items_tenant_product_created", "tenant_id", "product_id", "created_at"),
        tenant_reference("order_id", "orders", name="fk_order_items_tenant_order"),
        tenant_reference("product_id", "products", name="fk_order_items_tenant_product"),
    )


class OrderStatusChangeRow(TenantEntity, Base):
    __tablename__ = "order_status_changes"

    order_id: Mapped[uuid.UUID] = mapped_column(Uuid, nullable=False)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20), nullable=False)
    reason: Mapped[str] = mapped_column(String(500), nullable=False)
    changed_by: Mapped[str] = mapped_column(String(200), nullable=False)
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    __table_args__ = (
        Index("ix_order_status_changes_tenant_order", "tenant_id", "order_id", "id"),
        tenant_reference("order_id", "orders", name="fk_order_status_changes_tenant_order"),
    )


class RiskListEntryRow(TenantEntity, Base):
    """One email, email domain or country on a tenant's allow or block list; a value is on one list."""

    __tablename__ = "risk_list_entries"

    list_type: Mapped[str] = mapped_column(String(10), nullable=False)
    kind: Mapped[str] = mapped_column(String(10), nullable=False)
    value: Mapped[str] = mapped_column(String(254), nullable=False)
    reason: Mapped[str] = mapped_column(String(500), nullable=False)
    created_by: Mapped[str] = mapped_column(String(200), nullable=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False)

    __table_args__ = (Index("uq_risk_list_entries_tenant_value", "tenant_id", "kind", "value", unique=True),)


class OrderNumberCounterRow(Base):
    """The last order number handed out per tenant and UTC day. Incremented in its own short
    transaction, so the row lock is never held for the length of an order."""

    __tablename__ = "order_number_counters"

    tenant_id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    day: Mapped[str] = mapped_column(String(8), primary_key=True)
    last_value: Mapped[int] = mapped_column(Integer, nullable=False)


ORDERS = table_of(OrderRow)

ORDER_ITEMS = table_of(OrderItemRow)

ORDER_STATUS_CHANGES = table_of(OrderStatusChangeRow)

ORDER_NUMBER_COUNTERS = table_of(OrderNumberCounterRow)

RISK_LIST_ENTRIES = table_of(RiskListEntryRow)
