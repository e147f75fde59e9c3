"""Tenant walls in the database: keys that lead with tenant_id, foreign keys that include it, and
row-level security on every tenant table (PostgreSQL).

- Primary keys become (tenant_id, id) ((tenant_id, product_id) for inventory levels); the (tenant_id, id)
  indexes they make redundant go.
- The seven foreign keys become composite, (tenant_id, x_id) -> (tenant_id, id): no row can reference
  another tenant's row, even by a bug. Existing rows are checked (PostgreSQL validates the new keys, SQLite
  runs foreign_key_check): a database holding a cross-tenant reference stops here, naming it.
- Every table with tenant_id gets ENABLE + FORCE row-level security and the tenant policy; the outbox and
  the workflows also admit the cross-tenant readers (storage/tenant_walls.py, docs/security.md).

SQLite rebuilds each table (batch mode) to change its keys; it has no row-level security.

Revision ID: 0010_tenant_walls
Revises: 0009_request_fingerprints
Create Date: 2026-12-03
"""

from collections.abc import Sequence
from dataclasses import dataclass

from alembic import op

from storage.tenant_walls import disable_tenant_security, enable_tenant_security

revision: str = "0010_tenant_walls"
down_revision: str | None = "0009_request_fingerprints"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


@dataclass(frozen=True)
class Reference:
    table: str
    column: str
    referred: str
    name: str  # of the composite key

    @property
    def postgres_name(self) -> str:
        """The name PostgreSQL gave the single-column key of 0002/0004/0005."""
        return f"{self.table}_{self.column}_fkey"

    @property
    def sqlite_name(self) -> str:
        """The name SQLITE_NAMES gives the unnamed single-column key SQLite reflects."""
        return f"fk_{self.table}_{self.column}_{self.referred}"


REFERENCES = (
    Reference("products", "supplier_id", "suppliers", "fk_products_tenant_supplier"),
    Reference("inventory_levels", "product_id", "products", "fk_inventory_levels_tenant_product"),
    Reference("inventory_movements", "product_id", "products", "fk_inventory_movements_tenant_product"),
    Reference("order_items", "order_id", "orders", "fk_order_items_tenant_order"),
    Reference("order_items", "product_id", "products", "fk_order_items_tenant_product"),
    Reference("order_status_changes", "order_id", "orders", "fk_order_status_changes_tenant_order"),
    Reference("workflows", "product_id", "products", "fk_workflows_tenant_product"),
)

# Table -> the key columns after tenant_id.
ENTITY_KEYS = {
    "leads": "id",
    "suppliers": "id",
    "products": "id",
    "inventory_levels": "product_id",
    "inventory_movements": "id",
    "contacts": "id",
    "deals": "id",
    "deal_stage_changes": "id",
    "orders": "id",
    "order_items": "id",
    "order_status_changes": "id",
    "workflows": "id",
}

# (tenant_id, id) indexes the new primary keys duplicate, and the columns to recreate them on downgrade.
REDUNDANT_INDEXES = {
    "ix_leads_tenant_created": ("leads", ["tenant_id", "id"]),
    "ix_suppliers_tenant_created": ("suppliers", ["tenant_id", "id"]),
    "ix_products_tenant_created": ("products", ["tenant_id", "id"]),
    "ix_inventory_levels_tenant_product": ("inventory_levels", ["tenant_id", "product_id"]),
    "ix_contacts_tenant_created": ("contacts", ["tenant_id", "id"]),
    "ix_deals_tenant_created": ("deals", ["tenant_id", "id"]),
    "ix_orders_tenant_created": ("orders", ["tenant_id", "id"]),
    "ix_workflows_tenant_created": ("workflows", ["tenant_id", "id"]),
}

# Names for the constraints SQLite reflects without one, so that batch mode can drop them.
SQLITE_NAMES = {
    "pk": "pk_%(table_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
}

# Every tenant table of this revision; the relay and the workflow runner read the last two across tenants.
TENANT_TABLES = (
    "leads",
    "suppliers",
    "products",
    "inventory_levels",
    "inventory_movements",
    "contacts",
    "deals",
    "deal_stage_changes",
    "orders",
    "order_items",
    "order_status_changes",
    "order_number_counters",
    "request_fingerprints",
)
ACROSS_TENANT_TABLES = ("outbox", "workflows")


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        _postgres_keys()
    else:
        _sqlite_keys()
    for table in TENANT_TABLES:
        enable_tenant_security(op, table)
    for table in ACROSS_TENANT_TABLES:
        enable_tenant_security(op, table, across_tenants=True)


def _postgres_keys() -> None:
    for ref in REFERENCES:
        op.drop_constraint(ref.postgres_name, ref.table, type_="foreignkey")
    for table, key in ENTITY_KEYS.items():
        op.execute(
            f"ALTER TABLE {table} DROP CONSTRAINT {table}_pkey, "
            f"ADD CONSTRAINT {table}_pkey PRIMARY KEY (tenant_id, {key})"
        )
    for ref in REFERENCES:
        op.create_foreign_key(
            ref.name, ref.table, ref.referred, ["tenant_id", ref.column], ["tenant_id", "id"]
        )
    for index, (table, _) in REDUNDANT_INDEXES.items():
        op.drop_index(index, table_name=table)


def _sqlite_keys() -> None:
    for table, key in ENTITY_KEYS.items():
        with op.batch_alter_table(table, recreate="always", naming_convention=SQLITE_NAMES) as batch:
            batch.drop_constraint(f"pk_{table}", type_="primary")
            batch.create_primary_key(f"{table}_pkey", ["tenant_id", key])
            for ref in (r for r in REFERENCES if r.table == table):
                batch.drop_constraint(ref.sqlite_name, type_="foreignkey")
                batch.create_foreign_key(
                    ref.name, ref.referred, ["tenant_id", ref.column], ["tenant_id", "id"]
                )
            for index, (index_table, _) in REDUNDANT_INDEXES.items():
                if index_table == table:
                    batch.drop_index(index)
    _refuse_cross_tenant_references()


def _refuse_cross_tenant_references() -> None:
    """SQLite checks foreign keys only when rows change; check the rows already there, as PostgreSQL does
    when it adds a key."""
    broken = op.get_bind().exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        described = ", ".join(f"{table} row {rowid} -> {parent}" for table, rowid, parent, _ in broken[:10])
        raise RuntimeError(f"rows reference another tenant's row (or a missing one): {described}")


def downgrade() -> None:
    for table in (*TENANT_TABLES, *ACROSS_TENANT_TABLES):
        disable_tenant_security(op, table)
    if op.get_bind().dialect.name == "postgresql":
        for ref in REFERENCES:
            op.drop_constraint(ref.name, ref.table, type_="foreignkey")
        for table, key in ENTITY_KEYS.items():
            op.execute(
                f"ALTER TABLE {table} DROP CONSTRAINT {table}_pkey, "
                f"ADD CONSTRAINT {table}_pkey PRIMARY KEY ({key})"
            )
        for ref in REFERENCES:
            op.create_foreign_key(ref.postgres_name, ref.table, ref.referred, [ref.column], ["id"])
    else:
        for table, key in ENTITY_KEYS.items():
            with op.batch_alter_table(table, recreate="always") as batch:
                batch.drop_constraint(f"{table}_pkey", type_="primary")
                batch.create_primary_key(f"pk_{table}", [key])
                for ref in (r for r in REFERENCES if r.table == table):
                    batch.drop_constraint(ref.name, type_="foreignkey")
                    batch.create_foreign_key(ref.sqlite_name, ref.referred, [ref.column], ["id"])
    for index, (table, columns) in REDUNDANT_INDEXES.items():
        op.create_index(index, table, columns)
