"""Cross-sell reads the nearest-priced products per category and classification.

The price-band index of 0006 made every cross-sell call read the whole band of its categories (thousands of
rows in a large catalog); with classification, currency and status as equality columns before the price,
each (category, classification) yields its nearest-priced products in a short range scan.

Revision ID: 0007_cross_sell_shelf_index
Revises: 0006_dashboard_indexes
Create Date: 2026-11-24
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007_cross_sell_shelf_index"
down_revision: str | None = "0006_dashboard_indexes"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_products_tenant_category_price", table_name="products")
    op.create_index(
        "ix_products_tenant_shelf",
        "products",
        ["tenant_id", "category", "currency", "status", "classification", "selling_price"],
    )


def downgrade() -> None:
    op.drop_index("ix_products_tenant_shelf", table_name="products")
    op.create_index(
        "ix_products_tenant_category_price",
        "products",
        ["tenant_id", "category", "selling_price"],
        postgresql_include=["status", "currency", "classification"],
    )
