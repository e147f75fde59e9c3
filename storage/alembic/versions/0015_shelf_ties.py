"""The cross-sell shelf index ends with the product id, the query's tie-breaker.

The nearest-priced candidates of a shelf are ordered by price, then id. With an index ending at the price,
PostgreSQL reads every product of the shelf's price range and sorts them before it keeps the first few: on
a tenant whose shelves hold thousands of products at one price (25,000 in the seeded 1M-row tenant), 1.7 to
2.7 s per RecommendCrossSell. Ending the index with the id gives the rows in the query's order, so the scan
stops after the few it keeps (4 to 8 ms on the same data).

Revision ID: 0015_shelf_ties
Revises: 0014_supply
Create Date: 2026-12-06
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015_shelf_ties"
down_revision: str | None = "0014_supply"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SHELF = ["tenant_id", "category", "currency", "status", "classification", "selling_cents"]


def upgrade() -> None:
    op.drop_index("ix_products_tenant_shelf", table_name="products")
    op.create_index("ix_products_tenant_shelf", "products", [*SHELF, "id"])


def downgrade() -> None:
    op.drop_index("ix_products_tenant_shelf", table_name="products")
    op.create_index("ix_products_tenant_shelf", "products", SHELF)
