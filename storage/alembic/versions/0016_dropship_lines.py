"""Order lines say whether their supplier ships them.

A line of a product that is DROPSHIP when the line is priced reserves none of the tenant's own stock: its
supplier ships it through the dropship purchase order made at confirmation. The line keeps that fact, so
that its cancellation, shipment or replacement moves no stock either, whatever the product's mode becomes
later. Lines made before this revision reserved stock like any other and stay `false`.

Revision ID: 0016_dropship_lines
Revises: 0015_shelf_ties
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_dropship_lines"
down_revision: str | None = "0015_shelf_ties"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "order_items", sa.Column("dropship", sa.Boolean(), nullable=False, server_default=sa.false())
    )


def downgrade() -> None:
    with op.batch_alter_table("order_items") as batch:
        batch.drop_column("dropship")
