"""Issue 13, part B: sourcing candidates, the tenant's risk lists, fraud that follows the order (flag,
re-assessment, the fraud crew's review), and marketplace identifiers longer than an ASIN.

Revision ID: 0012_sourcing
Revises: 0009_request_fingerprints
Create Date: 2026-12-10
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0012_sourcing"
down_revision: str | None = "0009_request_fingerprints"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    _widen_marketplace_ids()
    _orders_follow_their_risk()
    _risk_lists()


def downgrade() -> None:
    op.drop_table("risk_list_entries")
    op.drop_index("ix_orders_tenant_flagged", table_name="orders")
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("fraud_review")
        batch.drop_column("flagged")
        batch.drop_column("fraud_trigger")
    with op.batch_alter_table("products") as batch:
        batch.alter_column("asin", type_=sa.String(10), existing_type=sa.String(40), existing_nullable=False)


def _widen_marketplace_ids() -> None:
    # A product's `asin` holds any marketplace identifier now (AliExpress item numbers run to 16 digits);
    # SQLite cannot alter a column's type in place, so batch mode rebuilds the table there.
    with op.batch_alter_table("products") as batch:
        batch.alter_column("asin", type_=sa.String(40), existing_type=sa.String(10), existing_nullable=False)


def _orders_follow_their_risk() -> None:
    op.add_column(
        "orders",
        sa.Column("fraud_trigger", sa.String(100), nullable=False, server_default=sa.text("'created'")),
    )
    op.add_column("orders", sa.Column("flagged", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column("orders", sa.Column("fraud_review", JSON_DOCUMENT, nullable=True))
    op.create_index("ix_orders_tenant_flagged", "orders", ["tenant_id", "flagged", "id"])


def _risk_lists() -> None:
    op.create_table(
        "risk_list_entries",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("list_type", sa.String(10), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("value", sa.String(254), nullable=False),
        sa.Column("reason", sa.String(500), nullable=False),
        sa.Column("created_by", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(
        "uq_risk_list_entries_tenant_value", "risk_list_entries", ["tenant_id", "kind", "value"], unique=True
    )
    op.create_index("ix_risk_list_entries_tenant_created", "risk_list_entries", ["tenant_id", "id"])
