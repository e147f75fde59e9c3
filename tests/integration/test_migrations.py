"""The Alembic migrations build exactly the schema the code declares, on both backends, and every index
of a tenant table leads with tenant_id."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from storage.database import sync_url
from storage.migrations import upgrade_to_head
from storage.schema import Base

# The relay's queue spans tenants by nature (it publishes every tenant's events in order).
CROSS_TENANT_INDEXES = {"ix_outbox_unpublished"}


@pytest.fixture(params=["sqlite", "postgres"])
def fresh_database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'migrated.db'}"
    postgres = request.getfixturevalue("postgres")
    return postgres.migration_url(postgres.new_database("migrated"))  # migrations run as the owner


def test_migrations_produce_the_declared_schema(fresh_database_url):
    upgrade_to_head(fresh_database_url)
    upgrade_to_head(fresh_database_url)  # idempotent: a second start changes nothing
    engine = create_engine(sync_url(fresh_database_url))
    try:
        with engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_every_table_carries_tenant_id_and_its_indexes_lead_with_it():
    for table in Base.metadata.tables.values():
        assert "tenant_id" in table.c, table.name
        for index in table.indexes:
            if index.name in CROSS_TENANT_INDEXES:
                continue
            assert next(iter(index.columns)).name == "tenant_id", index.name
