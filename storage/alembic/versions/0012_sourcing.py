"""Issue 13, part B: sourcing candidates, the tenant's risk lists, fraud that follows the order (flag,
re-assessment, the fraud crew's review), and marketplace identifiers longer than an ASIN.

Revision ID: 0012_sourcing
Revises: 0009_request_fingerprints
Create Date: 2026-12-10
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_sourcing"
down_revision: str | None = "0009_request_fingerprints"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    _widen_marketplace_ids()


def downgrade() -> None:
    with op.batch_alter_table("products") as batch:
        batch.alter_column("asin", type_=sa.String(10), existing_type=sa.String(40), existing_nullable=False)


def _widen_marketplace_ids() -> None:
    # A product's `asin` holds any marketplace identifier now (AliExpress item numbers run to 16 digits);
    # SQLite cannot alter a column's type in place, so batch mode rebuilds the table there.
    with op.batch_alter_table("products") as batch:
        batch.alter_column("asin", type_=sa.String(40), existing_type=sa.String(10), existing_nullable=False)
