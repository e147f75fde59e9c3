"""The database goes away: calls answer UNAVAILABLE (retryable), health says so, nothing answers
INTERNAL, and the service recovers by itself when the database is back."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from crm.v2 import lead_service_pb2 as pb
from crm.v2 import lead_service_pb2_grpc, system_service_pb2, system_service_pb2_grpc
from storage.database import Database, open_database
from tests.conftest import make_settings, serving
from tests.integration.test_leads import a_lead
from tests.support.postgres import PostgresServer
from tests.support.waiting import eventually

TENANT = 9200
# Every call has a deadline: a call that never answered would hold the test until pytest-timeout, with no
# word of which call it was.
DEADLINE = 20.0


async def test_a_database_outage_answers_unavailable_and_recovers(private_postgres: PostgresServer):
    settings = make_settings(private_postgres.create_database("outage"))
    async with serving(settings, "postgres") as running, grpc.aio.insecure_channel(running.target) as channel:
        leads = lead_service_pb2_grpc.LeadServiceStub(channel)
        system = system_service_pb2_grpc.SystemServiceStub(channel)
        await leads.CreateLead(pb.CreateLeadRequest(tenant_id=TENANT, lead=a_lead()), timeout=DEADLINE)

        private_postgres.pause()
        for call in (
            leads.CreateLead(pb.CreateLeadRequest(tenant_id=TENANT, lead=a_lead()), timeout=DEADLINE),
            leads.ListLeads(pb.ListLeadsRequest(tenant_id=TENANT), timeout=DEADLINE),
        ):
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await call
            assert caught.value.code() == grpc.StatusCode.UNAVAILABLE
        health = await system.GetHealth(
            system_service_pb2.GetHealthRequest(tenant_id=TENANT), timeout=DEADLINE
        )
        assert health.state == system_service_pb2.HEALTH_STATE_NOT_SERVING
        assert health.database.state == system_service_pb2.HEALTH_STATE_NOT_SERVING
        assert "password" not in health.database.error and "127.0.0.1" not in health.database.error

        private_postgres.resume()
        listed = await eventually(
            lambda: _list_or_none(leads), until=lambda response: response is not None, timeout=30
        )
        assert listed.total_size == 1
        check = await health_pb2_grpc.HealthStub(channel).Check(
            health_pb2.HealthCheckRequest(), timeout=DEADLINE
        )
        assert check.status == health_pb2.HealthCheckResponse.SERVING


async def _list_or_none(leads: lead_service_pb2_grpc.LeadServiceStub) -> pb.ListLeadsResponse | None:
    try:
        return await leads.ListLeads(pb.ListLeadsRequest(tenant_id=TENANT), timeout=DEADLINE)
    except grpc.aio.AioRpcError as error:
        # never INTERNAL while it recovers, and never a call left unanswered
        assert error.code() == grpc.StatusCode.UNAVAILABLE, error
        return None


@asynccontextmanager
async def pool_across_a_restart(
    server: PostgresServer, *, ping_idle_seconds: float
) -> AsyncIterator[Database]:
    """A one-connection pool whose connection was used before the server restarted."""
    database = open_database(
        server.create_database("restart"), pool_size=1, ping_idle_seconds=ping_idle_seconds
    )
    try:
        await database.ping()
        server.pause()
        server.resume()
        yield database
    finally:
        await database.dispose()


async def select_one(database: Database) -> int:
    async with database.engine.connect() as conn:
        return int(await conn.scalar(text("SELECT 1")))


async def test_a_connection_idle_past_the_ping_window_is_checked_and_replaced(
    private_postgres: PostgresServer,
):
    async with pool_across_a_restart(private_postgres, ping_idle_seconds=0) as database:
        assert await select_one(database) == 1


async def test_a_connection_back_within_the_window_is_not_pinged_and_its_death_invalidates_the_pool(
    private_postgres: PostgresServer,
):
    async with pool_across_a_restart(private_postgres, ping_idle_seconds=3600) as database:
        with pytest.raises(DBAPIError) as caught:
            await select_one(database)
        assert caught.value.connection_invalidated
        assert await select_one(database) == 1
