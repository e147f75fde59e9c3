"""Catalog: suppliers, products, inventory levels and the inventory ledger.

Revision ID: 0002_catalog
Revises: 0001
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002_catalog"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TIMESTAMP = sa.DateTime(timezone=True)
MONEY = sa.Numeric(14, 2)


def upgrade() -> None:
    _suppliers()
    _products()
    _inventory()


def _suppliers() -> None:
    op.create_table(
        "suppliers",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("marketplace", sa.String(20), nullable=False),
        sa.Column("contact_email", sa.String(254), nullable=False),
        sa.Column("contact_phone", sa.String(32), nullable=False),
        sa.Column("website", sa.String(2048), nullable=False),
        sa.Column("rating", sa.Float(), nullable=True),
        sa.Column("lead_time_days", sa.Integer(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
    )
    op.create_index("ix_suppliers_tenant_created", "suppliers", ["tenant_id", "id"])
    op.create_index("ix_suppliers_tenant_marketplace", "suppliers", ["tenant_id", "marketplace", "id"])


def _products() -> None:
    op.create_table(
        "products",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("sku", sa.String(64), nullable=False),
        sa.Column("asin", sa.String(10), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("category", sa.String(50), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("source_price", MONEY, nullable=False),
        sa.Column("recommended_price", MONEY, nullable=False),
        sa.Column("selling_price", MONEY, nullable=False),
        sa.Column("dropship_score", sa.Float(), nullable=False),
        sa.Column("classification", sa.String(10), nullable=False),
        sa.Column("profit_margin", sa.Float(), nullable=False),
        sa.Column("score_factors", JSON_DOCUMENT, nullable=False),
        sa.Column("analyzed_at", TIMESTAMP, nullable=False),
        sa.Column("supplier_id", sa.Uuid(), sa.ForeignKey("suppliers.id"), nullable=True),
        sa.Column("competitor_count", sa.Integer(), nullable=True),
        sa.Column("review_rating", sa.Float(), nullable=True),
        sa.Column("review_count", sa.Integer(), nullable=True),
        sa.Column("weight_grams", sa.Integer(), nullable=False),
        sa.Column("length_mm", sa.Integer(), nullable=True),
        sa.Column("width_mm", sa.Integer(), nullable=True),
        sa.Column("height_mm", sa.Integer(), nullable=True),
        sa.Column("image_urls", JSON_DOCUMENT, nullable=False),
        sa.Column("tags", JSON_DOCUMENT, nullable=False),
        sa.Column("request_id", sa.String(100), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.CheckConstraint("source_price > 0", name="ck_products_source_price_positive"),
        sa.CheckConstraint("selling_price > 0", name="ck_products_selling_price_positive"),
    )
    op.create_index("uq_products_tenant_sku", "products", ["tenant_id", "sku"], unique=True)
    op.create_index(
        "uq_products_tenant_request_id",
        "products",
        ["tenant_id", "request_id"],
        unique=True,
        postgresql_where=sa.text("request_id IS NOT NULL"),
        sqlite_where=sa.text("request_id IS NOT NULL"),
    )
    op.create_index("ix_products_tenant_created", "products", ["tenant_id", "id"])
    op.create_index("ix_products_tenant_status", "products", ["tenant_id", "status", "id"])
    op.create_index("ix_products_tenant_category", "products", ["tenant_id", "category", "id"])
    op.create_index("ix_products_tenant_classification", "products", ["tenant_id", "classification", "id"])
    op.create_index("ix_products_tenant_supplier", "products", ["tenant_id", "supplier_id", "id"])


def _inventory() -> None:
    op.create_table(
        "inventory_levels",
        sa.Column("product_id", sa.Uuid(), sa.ForeignKey("products.id"), primary_key=True),
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("available", sa.Integer(), nullable=False),
        sa.Column("reserved", sa.Integer(), nullable=False),
        sa.Column("backordered", sa.Integer(), nullable=False),
        sa.Column("reorder_point", sa.Integer(), nullable=False),
        sa.Column("reorder_quantity", sa.Integer(), nullable=False),
        sa.Column("max_stock", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.CheckConstraint("available >= 0", name="ck_inventory_levels_available_non_negative"),
        sa.CheckConstraint("reserved >= 0", name="ck_inventory_levels_reserved_non_negative"),
        sa.CheckConstraint("backordered >= 0", name="ck_inventory_levels_backordered_non_negative"),
    )
    op.create_index("ix_inventory_levels_tenant_product", "inventory_levels", ["tenant_id", "product_id"])
    op.create_index("ix_inventory_levels_tenant_available", "inventory_levels", ["tenant_id", "available"])

    op.create_table(
        "inventory_movements",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("product_id", sa.Uuid(), sa.ForeignKey("products.id"), nullable=False),
        sa.Column("type", sa.String(20), nullable=False),
        sa.Column("available_delta", sa.Integer(), nullable=False),
        sa.Column("reserved_delta", sa.Integer(), nullable=False),
        sa.Column("available_after", sa.Integer(), nullable=False),
        sa.Column("reserved_after", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(500), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=True),
        sa.Column("actor", sa.String(200), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
    )
    op.create_index(
        "ix_inventory_movements_tenant_product", "inventory_movements", ["tenant_id", "product_id", "id"]
    )
    op.create_index("ix_inventory_movements_tenant_order", "inventory_movements", ["tenant_id", "order_id"])


def downgrade() -> None:
    op.drop_table("inventory_movements")
    op.drop_table("inventory_levels")
    op.drop_table("products")
    op.drop_table("suppliers")
