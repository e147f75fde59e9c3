"""PostgreSQL's row-level security is the second wall behind the repositories' tenant filters: the service
connects as a role that owns nothing (the fixtures' crm_service), each transaction carries the tenant the
call was authorised for, and so a query that forgot its tenant filter still reads and writes only that
tenant's rows; a transaction without a tenant sees none at all. SQLite has no such wall (docs/security.md):
the same bug there leaks, which the control cases show."""

from __future__ import annotations

import contextlib
import logging
import random
import sys
import uuid
from collections.abc import AsyncIterator
from typing import Any

import grpc
import pytest
import pytest_asyncio
from sqlalchemy import create_engine, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError

from crm.v2 import lead_service_pb2 as pb
from crm.v2 import lead_service_pb2_grpc
from domain.clock import utcnow
from domain.tenancy import across_tenants, acting_for
from server.config import ConfigError
from storage import rows
from storage.database import Database, open_database, sync_url
from storage.leads import repository as lead_repository
from storage.leads.tables import LeadRow
from storage.migrations import upgrade_to_head
from storage.outbox.tables import OutboxRow
from storage.schema import Base
from storage.tenant_walls import role_warnings
from tests.conftest import PostgresDatabases, RunningServer, make_settings, serving
from tests.integration.test_leads import a_lead
from tests.support.tenant_data import SeededTenant, seed_tenant, tenant_tables


def a_tenant() -> int:
    return random.randrange(1, 2**53)


def drop_tenant_filters(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bug the wall is for: every lookup by id (storage/rows.py) and the lead list forget the tenant."""

    async def find_any_tenant(sql, table, *, tenant_id, entity_id, for_update=False):  # type: ignore[no-untyped-def]
        stmt = select(table).where(table.c.id == entity_id)
        return (await sql.execute(stmt.with_for_update() if for_update else stmt)).one_or_none()

    async def find_mapping_any_tenant(sql, table, *, tenant_id, entity_id, for_update=False):  # type: ignore[no-untyped-def]
        stmt = select(table).where(table.c.id == entity_id)
        return (await sql.execute(stmt.with_for_update() if for_update else stmt)).mappings().one_or_none()

    find, find_mapping = rows.find, rows.find_mapping
    for module in [m for name, m in sys.modules.items() if name.startswith("storage.")]:
        if getattr(module, "find", None) is find:
            monkeypatch.setattr(module, "find", find_any_tenant)
        if getattr(module, "find_mapping", None) is find_mapping:
            monkeypatch.setattr(module, "find_mapping", find_mapping_any_tenant)
    every_lead = lead_repository._LIST.filter()  # no condition at all, the tenant's neither
    monkeypatch.setattr(lead_repository, "_filter", lambda tenant_id, criteria: every_lead)


async def test_a_lookup_without_its_tenant_filter_still_finds_only_the_callers_rows(
    crm_server: RunningServer, leads: lead_service_pb2_grpc.LeadServiceStub, monkeypatch
):
    theirs = await leads.CreateLead(pb.CreateLeadRequest(tenant_id=a_tenant(), lead=a_lead()))
    caller = a_tenant()
    drop_tenant_filters(monkeypatch)

    listed = await leads.ListLeads(pb.ListLeadsRequest(tenant_id=caller, page_size=100))
    if crm_server.backend == "sqlite":  # the control: the filter was the only wall, and it is gone
        fetched = await leads.GetLead(pb.GetLeadRequest(tenant_id=caller, lead_id=theirs.id))
        assert fetched.id == theirs.id and listed.total_size > 0
        return
    with pytest.raises(grpc.aio.AioRpcError) as read:
        await leads.GetLead(pb.GetLeadRequest(tenant_id=caller, lead_id=theirs.id))
    assert read.value.code() == grpc.StatusCode.NOT_FOUND
    assert (listed.total_size, list(listed.leads)) == (0, [])
    with pytest.raises(grpc.aio.AioRpcError) as written:
        await leads.UpdateLead(
            pb.UpdateLeadRequest(
                tenant_id=caller,
                lead=pb.Lead(id=theirs.id, notes="mine now"),
                update_mask={"paths": ["notes"]},
            )
        )
    assert written.value.code() == grpc.StatusCode.NOT_FOUND
    monkeypatch.undo()
    kept = await leads.GetLead(pb.GetLeadRequest(tenant_id=theirs.tenant_id, lead_id=theirs.id))
    assert kept.notes == theirs.notes


class Walled:
    """A server of its own on PostgreSQL with one seeded tenant, and the same database seen by the service's
    role (held by row-level security) and by the superuser (not held), to compare."""

    def __init__(self, running: RunningServer, service: Database, superuser_url: str, a: SeededTenant):
        self.running, self.service, self.a = running, service, a
        self.superuser = create_engine(sync_url(superuser_url))

    def every_row_count(self, tenant_id: int) -> dict[str, int]:
        """The tenant's rows per tenant table, counted by a role row-level security does not hold."""
        with self.superuser.connect() as connection:
            return {
                name: connection.execute(
                    text(f"SELECT count(*) FROM {name} WHERE tenant_id = :t"), {"t": tenant_id}
                ).scalar_one()
                for name in tenant_tables()
            }


async def counts_as_service(database: Database, tenant_id: int | None = None) -> dict[str, int]:
    """Every row of every tenant table the service's transaction sees, with no tenant filter at all."""
    async with database.sessions() as session:
        return {
            name: int(await session.scalar(select(func.count()).select_from(Base.metadata.tables[name])) or 0)
            for name in tenant_tables()
        }


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def walled(postgres: PostgresDatabases) -> AsyncIterator[Walled]:
    url = postgres.new_database("walled")
    async with serving(make_settings(url), "postgres") as running:
        async with grpc.aio.insecure_channel(running.target) as channel:
            a = await seed_tenant(channel, a_tenant())
            await seed_tenant(channel, a_tenant())  # a neighbour, so that "only A's rows" means something
        service = open_database(url, pool_size=1)
        world = Walled(running, service, postgres.superuser_url(url), a)
        try:
            yield world
        finally:
            await service.dispose()
            world.superuser.dispose()


async def test_a_transaction_without_a_tenant_sees_no_tenant_row_at_all(walled: Walled):
    assert sum(walled.every_row_count(walled.a.tenant_id).values()) > 0
    assert await counts_as_service(walled.service) == {name: 0 for name in tenant_tables()}


async def test_a_transaction_of_a_tenant_sees_exactly_that_tenants_rows_without_filtering(walled: Walled):
    with acting_for(walled.a.tenant_id):
        seen = await counts_as_service(walled.service)
    assert seen == walled.every_row_count(walled.a.tenant_id)
    assert seen["leads"] == 1 and seen["orders"] == 1 and seen["outbox"] > 0


async def test_the_tenant_ends_with_its_transaction_on_a_pooled_connection(walled: Walled):
    """One connection (pool_size=1): the next transaction on it carries no stale tenant."""
    with acting_for(walled.a.tenant_id):
        assert (await counts_as_service(walled.service))["leads"] == 1
    assert (await counts_as_service(walled.service))["leads"] == 0
    async with walled.service.sessions() as session:
        assert await session.scalar(text("SELECT current_setting('crm.tenant_id', true)")) in ("", None)


def a_lead_row(tenant_id: int) -> dict[str, Any]:
    now = utcnow()
    return {
        "id": uuid.uuid4(),
        "tenant_id": tenant_id,
        "first_name": "Eve",
        "last_name": "Intruder",
        "email": "eve@example.com",
        "phone": "",
        "company": "",
        "job_title": "",
        "status": "new",
        "source": "other",
        "priority": "low",
        "score": 0.0,
        "score_factors": [],
        "notes": "",
        "tags": [],
        "assigned_to": "",
        "created_at": now,
        "updated_at": now,
    }


@pytest.mark.parametrize("scope", ["no tenant", "another tenant", "across tenants"])
async def test_a_row_written_outside_its_tenants_scope_is_refused(walled: Walled, scope: str):
    scopes = {
        "no tenant": contextlib.nullcontext,
        "another tenant": lambda: acting_for(a_tenant()),
        "across tenants": across_tenants,
    }
    with scopes[scope](), pytest.raises(DBAPIError, match="row-level security"):
        async with walled.service.write_sessions() as session, session.begin():
            await session.execute(insert(LeadRow), [a_lead_row(walled.a.tenant_id)])
    assert walled.every_row_count(walled.a.tenant_id)["leads"] == 1


async def test_the_cross_tenant_scope_reads_the_outbox_and_workflows_of_every_tenant_and_nothing_else(
    walled: Walled,
):
    with across_tenants():
        seen = await counts_as_service(walled.service)
        async with walled.service.write_sessions() as session, session.begin():
            touched = await session.execute(
                update(OutboxRow).where(OutboxRow.tenant_id == walled.a.tenant_id).values(attempts=0)
            )
    with walled.superuser.connect() as connection:
        everyone = {
            name: connection.execute(text(f"SELECT count(*) FROM {name}")).scalar_one()
            for name in ("outbox", "workflows")
        }
    assert {name: seen[name] for name in everyone} == everyone and everyone["outbox"] > 0
    assert {name: count for name, count in seen.items() if name not in everyone} == {
        name: 0 for name in tenant_tables() if name not in everyone
    }
    assert touched.rowcount > 0  # type: ignore[attr-defined]


def test_start_up_names_the_roles_that_would_get_past_the_wall(walled: Walled, postgres: PostgresDatabases):
    url = walled.running.server.settings.database_url
    for role_url, expected in (
        (postgres.superuser_url(url), "a superuser: row-level security does not apply"),
        (postgres.migration_url(url), f"owns {len(tenant_tables())} tenant tables"),
    ):
        engine = create_engine(sync_url(role_url))
        try:
            with engine.connect() as connection:
                assert any(expected in warning for warning in role_warnings(connection)), role_url
        finally:
            engine.dispose()
    service = create_engine(sync_url(url))
    try:
        with service.connect() as connection:
            assert role_warnings(connection) == []
    finally:
        service.dispose()


async def test_a_server_connecting_as_the_tables_owner_says_so_at_start(postgres: PostgresDatabases, caplog):
    owner_url = postgres.migration_url(postgres.new_database("owned"))
    with caplog.at_level(logging.WARNING, logger="server.app"):
        async with serving(make_settings(owner_url), "postgres"):
            pass
    assert any("could turn their row-level security off" in r.getMessage() for r in caplog.records)


async def test_the_service_role_cannot_migrate_and_start_up_says_who_must(postgres: PostgresDatabases):
    service_url = postgres.new_database("unmigrated")
    settings = make_settings(service_url, MIGRATION_DATABASE_URL=None)
    with pytest.raises(ConfigError, match="migrate as the tables' owner with MIGRATION_DATABASE_URL"):
        async with serving(settings, "postgres"):
            pass
    upgrade_to_head(postgres.migration_url(service_url))
    async with serving(settings, "postgres") as running:  # at the newest revision it needs no owner
        async with grpc.aio.insecure_channel(running.target) as channel:
            lead = await lead_service_pb2_grpc.LeadServiceStub(channel).CreateLead(
                pb.CreateLeadRequest(tenant_id=a_tenant(), lead=a_lead())
            )
    assert lead.id
