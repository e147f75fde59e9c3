"""The supply side: supplier offers, purchase orders and their lines, the products' fulfilment mode,
margin flag and chosen offer, and the inventory levels' units on order (issue 13).

Revision ID: 0014_supply
Revises: 0013_shelf_cents
Create Date: 2026-12-06
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from storage.tenant_walls import disable_tenant_security, enable_tenant_security

revision: str = "0014_supply"
down_revision: str | None = "0013_shelf_cents"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
TIMESTAMP = sa.DateTime(timezone=True)
MONEY = sa.Numeric(14, 2)
NOT_NULL_REQUEST_ID = "request_id IS NOT NULL"
NEW_TABLES = ("supplier_offers", "purchase_orders", "purchase_order_lines")


def upgrade() -> None:
    _product_columns()
    _supplier_offers()
    _purchase_orders()
    _purchase_order_lines()
    for table in NEW_TABLES:
        enable_tenant_security(op, table)
    op.add_column("inventory_levels", sa.Column("on_order", sa.Integer(), nullable=False, server_default="0"))
    if op.get_bind().dialect.name == "postgresql":  # SQLite cannot add a constraint to a table in place
        op.create_check_constraint(
            "ck_inventory_levels_on_order_non_negative", "inventory_levels", "on_order >= 0"
        )


def _product_columns() -> None:
    op.add_column(
        "products", sa.Column("fulfilment_mode", sa.String(10), nullable=False, server_default="stocked")
    )
    op.add_column(
        "products", sa.Column("margin_at_risk", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.add_column("products", sa.Column("chosen_offer_id", sa.Uuid(), nullable=True))
    op.create_index("ix_products_tenant_margin_at_risk", "products", ["tenant_id", "margin_at_risk", "id"])


def _supplier_offers() -> None:
    op.create_table(
        "supplier_offers",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("supplier_id", sa.Uuid(), nullable=False),
        sa.Column("supplier_sku", sa.String(100), nullable=False),
        sa.Column("marketplace", sa.String(20), nullable=False),
        sa.Column("listing_url", sa.String(2048), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("unit_cost", MONEY, nullable=False),
        sa.Column("shipping_cost", MONEY, nullable=False),
        sa.Column("min_order_quantity", sa.Integer(), nullable=False),
        sa.Column("lead_time_days", sa.Integer(), nullable=True),
        sa.Column("supplier_stock", sa.Integer(), nullable=True),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column("request_id", sa.String(100), nullable=True),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("tenant_id", "id"),
        _tenant_reference("supplier_offers", "product_id", "products"),
        _tenant_reference("supplier_offers", "supplier_id", "suppliers"),
        sa.CheckConstraint("unit_cost >= 0", name="ck_supplier_offers_unit_cost_non_negative"),
        sa.CheckConstraint("shipping_cost >= 0", name="ck_supplier_offers_shipping_cost_non_negative"),
        sa.CheckConstraint("min_order_quantity >= 1", name="ck_supplier_offers_moq_positive"),
    )
    op.create_index("ix_supplier_offers_tenant_created", "supplier_offers", ["tenant_id", "id"])
    op.create_index("ix_supplier_offers_tenant_product", "supplier_offers", ["tenant_id", "product_id", "id"])
    op.create_index(
        "ix_supplier_offers_tenant_supplier", "supplier_offers", ["tenant_id", "supplier_id", "id"]
    )
    _unique_request_id("supplier_offers")


def _purchase_orders() -> None:
    op.create_table(
        "purchase_orders",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("supplier_id", sa.Uuid(), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=True),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("total", MONEY, nullable=False),
        sa.Column("supplier_order_id", sa.String(100), nullable=False),
        sa.Column("carrier", sa.String(100), nullable=False),
        sa.Column("tracking_numbers", JSON_DOCUMENT, nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("cancel_reason", sa.String(500), nullable=False),
        sa.Column("submitted_at", TIMESTAMP, nullable=True),
        sa.Column("shipped_at", TIMESTAMP, nullable=True),
        sa.Column("received_at", TIMESTAMP, nullable=True),
        sa.Column("request_id", sa.String(100), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", TIMESTAMP, nullable=False),
        sa.Column("updated_at", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("tenant_id", "id"),
        _tenant_reference("purchase_orders", "supplier_id", "suppliers"),
        _tenant_reference("purchase_orders", "order_id", "orders"),
    )
    op.create_index("ix_purchase_orders_tenant_created", "purchase_orders", ["tenant_id", "id"])
    op.create_index(
        "ix_purchase_orders_tenant_supplier", "purchase_orders", ["tenant_id", "supplier_id", "id"]
    )
    op.create_index("ix_purchase_orders_tenant_status", "purchase_orders", ["tenant_id", "status", "id"])
    op.create_index(
        "uq_purchase_orders_tenant_order_supplier",
        "purchase_orders",
        ["tenant_id", "order_id", "supplier_id"],
        unique=True,
    )
    _unique_request_id("purchase_orders")


def _purchase_order_lines() -> None:
    op.create_table(
        "purchase_order_lines",
        sa.Column("tenant_id", sa.BigInteger(), primary_key=True),
        sa.Column("purchase_order_id", sa.Uuid(), primary_key=True),
        sa.Column("line_no", sa.Integer(), primary_key=True),
        sa.Column("product_id", sa.Uuid(), nullable=False),
        sa.Column("offer_id", sa.Uuid(), nullable=True),
        sa.Column("sku", sa.String(64), nullable=False),
        sa.Column("supplier_sku", sa.String(100), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("received_quantity", sa.Integer(), nullable=False),
        sa.Column("unit_cost", MONEY, nullable=False),
        sa.Column("shipping_cost", MONEY, nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "purchase_order_id"],
            ["purchase_orders.tenant_id", "purchase_orders.id"],
            name="fk_purchase_order_lines_purchase_order",
        ),
        _tenant_reference("purchase_order_lines", "product_id", "products"),
        sa.CheckConstraint("quantity > 0", name="ck_purchase_order_lines_quantity_positive"),
        sa.CheckConstraint(
            "received_quantity >= 0 AND received_quantity <= quantity",
            name="ck_purchase_order_lines_received_within_ordered",
        ),
    )
    op.create_index(
        "ix_purchase_order_lines_tenant_product", "purchase_order_lines", ["tenant_id", "product_id"]
    )


def _tenant_reference(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    """(tenant_id, `column`) -> `target`(tenant_id, id): the referenced row is the same tenant's."""
    singular = target.removesuffix("s")
    return sa.ForeignKeyConstraint(
        ["tenant_id", column],
        [f"{target}.tenant_id", f"{target}.id"],
        name=f"fk_{table}_tenant_{singular}",
    )


def _unique_request_id(table: str) -> None:
    op.create_index(
        f"uq_{table}_tenant_request_id",
        table,
        ["tenant_id", "request_id"],
        unique=True,
        postgresql_where=sa.text(NOT_NULL_REQUEST_ID),
        sqlite_where=sa.text(NOT_NULL_REQUEST_ID),
    )


def downgrade() -> None:
    for table in NEW_TABLES:
        disable_tenant_security(op, table)
    op.drop_table("purchase_order_lines")
    op.drop_table("purchase_orders")
    op.drop_table("supplier_offers")
    with op.batch_alter_table("inventory_levels") as batch:
        batch.drop_column("on_order")
    op.drop_index("ix_products_tenant_margin_at_risk", table_name="products")
    with op.batch_alter_table("products") as batch:
        batch.drop_column("chosen_offer_id")
        batch.drop_column("margin_at_risk")
        batch.drop_column("fulfilment_mode")
