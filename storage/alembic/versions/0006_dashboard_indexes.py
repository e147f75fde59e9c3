"""Merge the area branches; indexes for the dashboard and cross-sell reads.

The dashboard's aggregates over orders and leads read only covering indexes on PostgreSQL; cross-sell
candidates come from a price range within a category.

Revision ID: 0006_dashboard_indexes
Revises: 0003_crm, 0004_orders, 0005_workflows
Create Date: 2026-11-24
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006_dashboard_indexes"
down_revision: str | Sequence[str] | None = ("0003_crm", "0004_orders", "0005_workflows")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ORDER_PERIOD_COLUMNS = ["status", "financial_status", "currency", "total"]


def upgrade() -> None:
    op.drop_index("ix_orders_tenant_created_at", table_name="orders")
    op.create_index(
        "ix_orders_tenant_created_at",
        "orders",
        ["tenant_id", "created_at"],
        postgresql_include=ORDER_PERIOD_COLUMNS,
    )
    op.create_index(
        "ix_leads_tenant_status_cover",
        "leads",
        ["tenant_id", "status"],
        postgresql_include=["score", "converted_at", "created_at"],
    )
    op.create_index(
        "ix_products_tenant_category_price",
        "products",
        ["tenant_id", "category", "selling_price"],
        postgresql_include=["status", "currency", "classification"],
    )


def downgrade() -> None:
    op.drop_index("ix_leads_tenant_status_cover", table_name="leads")
    op.drop_index("ix_products_tenant_category_price", table_name="products")
    op.drop_index("ix_orders_tenant_created_at", table_name="orders")
    op.create_index("ix_orders_tenant_created_at", "orders", ["tenant_id", "created_at"])
