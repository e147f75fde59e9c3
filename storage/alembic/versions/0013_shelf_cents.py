"""The cross-sell shelf scans the selling price in cents.

Under row-level security PostgreSQL takes only leakproof operators as index conditions, and numeric's
comparisons are not leakproof: the shelf's price range became a filter over every row of a shelf (0.17 ms
to 55 ms for 40,000 products of one tenant). bigint's comparisons are leakproof, so the shelf index ends
with a stored column of the price in cents and the range scans compare that.

Revision ID: 0013_shelf_cents
Revises: 0012_sourcing
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_shelf_cents"
down_revision: str | None = "0012_sourcing"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SELLING_CENTS = "CAST(ROUND(selling_price * 100) AS BIGINT)"
SHELF = ["tenant_id", "category", "currency", "status", "classification"]


def upgrade() -> None:
    op.drop_index("ix_products_tenant_shelf", table_name="products")
    column = sa.Column(
        "selling_cents", sa.BigInteger(), sa.Computed(SELLING_CENTS, persisted=True), nullable=False
    )
    if op.get_bind().dialect.name == "postgresql":
        op.add_column("products", column)
    else:  # SQLite adds a stored generated column only by rebuilding the table
        with op.batch_alter_table("products", recreate="always") as batch:
            batch.add_column(column)
    op.create_index("ix_products_tenant_shelf", "products", [*SHELF, "selling_cents"])


def downgrade() -> None:
    op.drop_index("ix_products_tenant_shelf", table_name="products")
    with op.batch_alter_table("products") as batch:
        batch.drop_column("selling_cents")
    op.create_index("ix_products_tenant_shelf", "products", [*SHELF, "selling_price"])
