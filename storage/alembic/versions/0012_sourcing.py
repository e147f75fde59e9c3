"""Issue 13, part B: sourcing candidates, the tenant's risk lists, fraud that follows the order (flag,
re-assessment, the fraud crew's review), and marketplace identifiers longer than an ASIN.

Revision ID: 0012_sourcing
Revises: 0010_tenant_walls
Create Date: 2026-12-10
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from storage.tenant_walls import enable_tenant_security

revision: str = "0012_sourcing"
down_revision: str | None = "0010_tenant_walls"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    _widen_marketplace_ids()
    _orders_follow_their_risk()
    _risk_lists()
    _sourcing_candidates()
    for table in ("risk_list_entries", "sourcing_candidates"):
        enable_tenant_security(op, table)


def downgrade() -> None:
    op.drop_table("sourcing_candidates")
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
        sa.PrimaryKeyConstraint("tenant_id", "id"),
    )
    op.create_index(
        "uq_risk_list_entries_tenant_value", "risk_list_entries", ["tenant_id", "kind", "value"], unique=True
    )


def _sourcing_candidates() -> None:
    op.create_table(
        "sourcing_candidates",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("origin", sa.String(10), nullable=False),
        sa.Column("marketplace", sa.String(20), nullable=False),
        sa.Column("marketplace_id", sa.String(40), nullable=False),
        sa.Column("url", sa.String(2048), nullable=False),
        sa.Column("dedupe_key", sa.String(2100), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("category", sa.String(50), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("source_price", sa.Numeric(14, 2), nullable=False),
        sa.Column("supplier_id", sa.Uuid(), nullable=True),
        sa.Column("supplier_rating", sa.Float(), nullable=True),
        sa.Column("supplier_lead_time_days", sa.Integer(), nullable=True),
        sa.Column("review_rating", sa.Float(), nullable=True),
        sa.Column("review_count", sa.Integer(), nullable=True),
        sa.Column("competitor_count", sa.Integer(), nullable=True),
        sa.Column("competitor_prices", JSON_DOCUMENT, nullable=False),
        sa.Column("image_urls", JSON_DOCUMENT, nullable=False),
        sa.Column("dropship_score", sa.Float(), nullable=False),
        sa.Column("classification", sa.String(10), nullable=False),
        sa.Column("profit_margin", sa.Float(), nullable=False),
        sa.Column("score_factors", JSON_DOCUMENT, nullable=False),
        sa.Column("analyzed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recommended_price", sa.Numeric(14, 2), nullable=False),
        sa.Column("expected_price", sa.Numeric(14, 2), nullable=False),
        sa.Column("workflow_id", sa.Uuid(), nullable=True),
        sa.Column("product_id", sa.Uuid(), nullable=True),
        sa.Column("reject_reason", sa.String(500), nullable=False),
        sa.Column("decided_by", sa.String(200), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("request_id", sa.String(100), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("tenant_id", "id"),
        sa.CheckConstraint("source_price > 0", name="ck_sourcing_candidates_source_price_positive"),
        sa.ForeignKeyConstraint(
            ["tenant_id", "supplier_id"],
            ["suppliers.tenant_id", "suppliers.id"],
            name="fk_sourcing_candidates_tenant_supplier",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "product_id"],
            ["products.tenant_id", "products.id"],
            name="fk_sourcing_candidates_tenant_product",
        ),
    )
    table = "sourcing_candidates"
    op.create_index("uq_sourcing_candidates_tenant_key", table, ["tenant_id", "dedupe_key"], unique=True)
    op.create_index(
        "uq_sourcing_candidates_tenant_request_id",
        table,
        ["tenant_id", "request_id"],
        unique=True,
        postgresql_where=sa.text("request_id IS NOT NULL"),
        sqlite_where=sa.text("request_id IS NOT NULL"),
    )
    op.create_index(
        "ix_sourcing_candidates_tenant_score", table, ["tenant_id", "status", "dropship_score", "id"]
    )
    op.create_index(
        "ix_sourcing_candidates_tenant_margin", table, ["tenant_id", "status", "profit_margin", "id"]
    )
    op.create_index(
        "ix_sourcing_candidates_tenant_category", table, ["tenant_id", "category", "dropship_score", "id"]
    )
