"""Orders: orders, order items, status history and per-tenant-day order number counters.

Revision ID: 0004_orders
Revises: 0002_catalog
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0004_orders"
down_revision: str | None = "0002_catalog"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TIMESTAMP = sa.DateTime(timezone=True)
MONEY = sa.Numeric(14, 2)
NOT_NULL_REQUEST_ID = "request_id IS NOT NULL"


def upgrade() -> None:
    _orders()
    _order_items()
    _status_changes()
    op.create_table(
        "order_number_counters",
        sa.Column("tenant_id", sa.BigInteger(), primary_key=True),
        sa.Column("day", sa.String(8), primary_key=True),
        sa.Column("last_value", sa.Integer(), nullable=False),
    )


def _orders() -> None:
    op.create_table(
        "orders",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("order_number", sa.String(24), nullable=False),
        sa.Column("customer_email", sa.String(254), nullable=False),
        sa.Column("customer_name", sa.String(200), nullable=False),
        sa.Column("billing_address", JSON_DOCUMENT, nullable=False),
        sa.Column("shipping_address", JSON_DOCUMENT, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("subtotal", MONEY, nullable=False),
        sa.Column("tax", MONEY, nullable=False),
        sa.Column("shipping", MONEY, nullable=False),
        sa.Column("discount", MONEY, nullable=False),
        sa.Column("total", MONEY, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("financial_status", sa.String(20), nullable=False),
        sa.Column("risk_level", sa.String(10), nullable=False),
        sa.Column("risk_score", sa.Float(), nullable=False),
        sa.Column("verification_required", sa.Boolean(), nullable=False),
        sa.Column("fraud_action", sa.String(30), nullable=False),
        sa.Column("fraud_factors", JSON_DOCUMENT, nullable=False),
        sa.Column("analyzed_at", TIMESTAMP, nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("tracking_number", sa.String(100), nullable=False),
        sa.Column("carrier", sa.String(100), nullable=False),
        sa.Column("request_id", sa.String(100), nullable=True),
        sa.Column("cancel_reason", sa.String(500), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.CheckConstraint("total >= 0", name="ck_orders_total_non_negative"),
    )
    op.create_index("uq_orders_tenant_number", "orders", ["tenant_id", "order_number"], unique=True)
    op.create_index(
        "uq_orders_tenant_request_id",
        "orders",
        ["tenant_id", "request_id"],
        unique=True,
        postgresql_where=sa.text(NOT_NULL_REQUEST_ID),
        sqlite_where=sa.text(NOT_NULL_REQUEST_ID),
    )
    op.create_index("ix_orders_tenant_created", "orders", ["tenant_id", "id"])
    op.create_index("ix_orders_tenant_status", "orders", ["tenant_id", "status", "id"])
    op.create_index("ix_orders_tenant_financial", "orders", ["tenant_id", "financial_status", "id"])
    op.create_index("ix_orders_tenant_email", "orders", ["tenant_id", "customer_email", "created_at"])
    op.create_index("ix_orders_tenant_risk", "orders", ["tenant_id", "risk_level", "id"])
    op.create_index("ix_orders_tenant_created_at", "orders", ["tenant_id", "created_at"])


def _order_items() -> None:
    op.create_table(
        "order_items",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("order_id", sa.Uuid(), sa.ForeignKey("orders.id"), nullable=False),
        sa.Column("line_no", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Uuid(), sa.ForeignKey("products.id"), nullable=False),
        sa.Column("sku", sa.String(64), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price", MONEY, nullable=False),
        sa.Column("total_price", MONEY, nullable=False),
        sa.Column("backordered", sa.Boolean(), nullable=False),
        sa.Column("counts_as_sale", sa.Boolean(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.CheckConstraint("quantity > 0", name="ck_order_items_quantity_positive"),
    )
    op.create_index("ix_order_items_tenant_order", "order_items", ["tenant_id", "order_id", "line_no"])
    op.create_index(
        "ix_order_items_tenant_product_created", "order_items", ["tenant_id", "product_id", "created_at"]
    )


def _status_changes() -> None:
    op.create_table(
        "order_status_changes",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("order_id", sa.Uuid(), sa.ForeignKey("orders.id"), nullable=False),
        sa.Column("from_status", sa.String(20), nullable=True),
        sa.Column("to_status", sa.String(20), nullable=False),
        sa.Column("reason", sa.String(500), nullable=False),
        sa.Column("changed_by", sa.String(200), nullable=False),
        sa.Column("changed_at", TIMESTAMP, nullable=False),
    )
    op.create_index(
        "ix_order_status_changes_tenant_order", "order_status_changes", ["tenant_id", "order_id", "id"]
    )


def downgrade() -> None:
    op.drop_table("order_number_counters")
    op.drop_table("order_status_changes")
    op.drop_table("order_items")
    op.drop_table("orders")
