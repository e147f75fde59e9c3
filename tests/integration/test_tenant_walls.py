"""The walls the database keeps between tenants, on both backends: keys that lead with tenant_id and foreign
keys that include it (so no row can reference another tenant's), row-level security on every tenant table
(PostgreSQL), the migration that builds them over a database that already holds data, and the check that
fails when a table added later lacks any of it (storage/tenant_walls.py, docs/security.md)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

import pytest
from alembic import command
from alembic.migration import MigrationContext
from alembic.operations import Operations
from sqlalchemy import Engine, create_engine, insert, text
from sqlalchemy.exc import IntegrityError

from domain.clock import utcnow
from domain.tenancy import acting_for
from storage.catalog.tables import PRODUCTS
from storage.database import open_database, sync_url
from storage.inventory.tables import INVENTORY_LEVELS
from storage.migrations import alembic_config, upgrade_to_head
from storage.suppliers.tables import SUPPLIERS
from storage.tenant_walls import enable_tenant_security, key_gaps, tenant_security_gaps, tenant_tables
from tests.integration.conftest import OwnDatabase

BEFORE_THE_WALLS = "0009_request_fingerprints"
TENANT_A, TENANT_B = 101, 202
# Every table of the schema carries tenant_id (storage/schema.py); these are the ones 0010 walled.
WALLED_BY_0010 = {
    "contacts",
    "deal_stage_changes",
    "deals",
    "inventory_levels",
    "inventory_movements",
    "leads",
    "order_items",
    "order_number_counters",
    "order_status_changes",
    "orders",
    "outbox",
    "products",
    "request_fingerprints",
    "suppliers",
    "workflows",
}


@dataclass(frozen=True)
class Owned:
    """A database as its owner sees it (blocking driver), and the service's URL beside it."""

    backend: str
    engine: Engine
    service_url: str


@pytest.fixture
def owned(own_database: OwnDatabase) -> Iterator[Owned]:
    engine = create_engine(sync_url(own_database.migration_url))
    yield Owned(own_database.backend, engine, own_database.url)
    engine.dispose()


def supplier(tenant_id: int, supplier_id: uuid.UUID) -> dict[str, object]:
    now = utcnow()
    return {
        "id": supplier_id,
        "tenant_id": tenant_id,
        "name": "Acme",
        "marketplace": "amazon",
        "contact_email": "",
        "contact_phone": "",
        "website": "",
        "is_active": True,
        "notes": "",
        "created_at": now,
        "updated_at": now,
    }


def product(tenant_id: int, product_id: uuid.UUID, supplier_id: uuid.UUID | None) -> dict[str, object]:
    now = utcnow()
    return {
        "id": product_id,
        "tenant_id": tenant_id,
        "sku": f"SKU-{product_id.hex[:8]}",
        "asin": "",
        "title": "Kettlebell",
        "description": "",
        "category": "fitness",
        "status": "active",
        "currency": "USD",
        "source_price": Decimal("10.00"),
        "recommended_price": Decimal("12.50"),
        "selling_price": Decimal("20.00"),
        "dropship_score": 50.0,
        "classification": "moderate",
        "profit_margin": 0.5,
        "score_factors": [],
        "analyzed_at": now,
        "supplier_id": supplier_id,
        "weight_grams": 0,
        "image_urls": [],
        "tags": [],
        "version": 1,
        "created_at": now,
        "updated_at": now,
    }


def level(tenant_id: int, product_id: uuid.UUID) -> dict[str, object]:
    return {
        "product_id": product_id,
        "tenant_id": tenant_id,
        "available": 5,
        "reserved": 0,
        "backordered": 0,
        "reorder_point": 1,
        "reorder_quantity": 0,
        "max_stock": 0,
        "version": 1,
        "updated_at": utcnow(),
    }


def seed_catalog(engine: Engine, tenant_id: int, *, supplier_of: int | None = None) -> uuid.UUID:
    """A supplier, a product of it and the product's stock for `tenant_id` (before 0010: no row-level
    security yet); with `supplier_of`, the product names that tenant's supplier instead."""
    supplier_id, product_id = uuid.uuid4(), uuid.uuid4()
    with engine.begin() as connection:
        connection.execute(insert(SUPPLIERS), [supplier(tenant_id, supplier_id)])
        referred = supplier_id
        if supplier_of is not None:
            referred = connection.execute(
                text("SELECT id FROM suppliers WHERE tenant_id = :t"), {"t": supplier_of}
            ).scalar_one()
            referred = referred if isinstance(referred, uuid.UUID) else uuid.UUID(referred)
        connection.execute(insert(PRODUCTS), [product(tenant_id, product_id, referred)])
        connection.execute(insert(INVENTORY_LEVELS), [level(tenant_id, product_id)])
    return product_id


def rows_of(engine: Engine, table: str, tenant_id: int) -> int:
    """The tenant's rows of `table`, read as its owner: on PostgreSQL in the tenant's scope, since FORCEd
    row-level security holds the owner too."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT set_config('crm.tenant_id', :t, true)"), {"t": str(tenant_id)})
        return int(
            connection.execute(
                text(f"SELECT count(*) FROM {table} WHERE tenant_id = :t"), {"t": tenant_id}
            ).scalar_one()
        )


def test_every_tenant_table_is_walled_and_every_key_leads_with_the_tenant(owned):
    upgrade_to_head(owned.engine.url.render_as_string(hide_password=False))
    with owned.engine.connect() as connection:
        assert set(tenant_tables(connection)) >= WALLED_BY_0010
        assert tenant_security_gaps(connection) == []


def test_the_check_names_a_table_without_walls(owned):
    """Guards the guard: a tenant table added without forced RLS, its policy or tenant-safe keys fails it."""
    upgrade_to_head(owned.engine.url.render_as_string(hide_password=False))
    with owned.engine.begin() as connection:
        connection.execute(text("CREATE TABLE rogue_parents (id INTEGER PRIMARY KEY, tenant_id BIGINT)"))
        connection.execute(
            text(
                "CREATE TABLE rogues (id INTEGER PRIMARY KEY, tenant_id BIGINT NOT NULL, "
                "parent_id INTEGER REFERENCES rogue_parents (id))"
            )
        )
    with owned.engine.connect() as connection:
        gaps = tenant_security_gaps(connection)
    assert "rogues: its primary key (id) does not lead with tenant_id" in gaps
    assert (
        "rogues: its foreign key (parent_id) -> rogue_parents (id) does not include tenant_id on both sides"
        in gaps
    )
    if owned.backend == "postgres":
        assert "rogues: row-level security is not enabled" in gaps
        assert "rogues: row-level security is not forced (its owner would bypass it)" in gaps
        assert "rogues: no tenant_isolation policy on tenant_id = crm.tenant_id" in gaps
    assert {gap.split(":")[0] for gap in gaps} == {"rogues", "rogue_parents"}


def test_the_helper_refuses_a_table_whose_foreign_key_lacks_the_tenant(owned, postgres_only):
    upgrade_to_head(owned.engine.url.render_as_string(hide_password=False))
    with owned.engine.begin() as connection:
        connection.execute(
            text(
                "CREATE TABLE offers (tenant_id BIGINT NOT NULL, id UUID NOT NULL, product_id UUID, "
                "PRIMARY KEY (tenant_id, id))"
            )
        )
        connection.execute(text("CREATE UNIQUE INDEX uq_products_id ON products (id)"))
        connection.execute(text("ALTER TABLE offers ADD FOREIGN KEY (product_id) REFERENCES products (id)"))
        op = Operations(MigrationContext.configure(connection))
        with pytest.raises(RuntimeError, match="offers is not tenant-safe: its foreign key"):
            enable_tenant_security(op, "offers")
        assert key_gaps(connection, "offers") != []


@pytest.fixture
def postgres_only(owned: Owned) -> None:
    if owned.backend != "postgres":
        pytest.skip("row-level security and its helper act on PostgreSQL only (SQLite has none)")


def test_the_migration_keeps_every_row_of_a_database_that_holds_data(owned):
    url = owned.engine.url.render_as_string(hide_password=False)
    command.upgrade(alembic_config(url), BEFORE_THE_WALLS)
    seed_catalog(owned.engine, TENANT_A)
    seed_catalog(owned.engine, TENANT_A)
    seed_catalog(owned.engine, TENANT_B)

    upgrade_to_head(url)

    for table in ("suppliers", "products", "inventory_levels"):
        assert (rows_of(owned.engine, table, TENANT_A), rows_of(owned.engine, table, TENANT_B)) == (2, 1)
    with owned.engine.connect() as connection:
        assert tenant_security_gaps(connection) == []


def test_the_migration_stops_at_a_row_that_references_another_tenants_row(owned):
    url = owned.engine.url.render_as_string(hide_password=False)
    command.upgrade(alembic_config(url), BEFORE_THE_WALLS)
    seed_catalog(owned.engine, TENANT_A)
    seed_catalog(owned.engine, TENANT_B, supplier_of=TENANT_A)  # a bug from before the walls

    with pytest.raises(Exception, match=r"(?i)foreign key|another tenant"):
        upgrade_to_head(url)

    with owned.engine.connect() as connection:  # all or nothing: still the schema before the walls
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == (
            BEFORE_THE_WALLS
        )
        assert key_gaps(connection, "products") != []


async def test_a_row_cannot_reference_another_tenants_row(owned):
    """Through the service's own engine and tenant scope, as a repository would write."""
    upgrade_to_head(owned.engine.url.render_as_string(hide_password=False))
    database = open_database(owned.service_url, pool_size=1)
    theirs = uuid.uuid4()
    try:
        with acting_for(TENANT_A):
            async with database.write_sessions() as session, session.begin():
                await session.execute(insert(SUPPLIERS), [supplier(TENANT_A, theirs)])
        with acting_for(TENANT_B), pytest.raises(IntegrityError, match=r"(?i)foreign key"):
            async with database.write_sessions() as session, session.begin():
                await session.execute(insert(PRODUCTS), [product(TENANT_B, uuid.uuid4(), theirs)])
    finally:
        await database.dispose()
