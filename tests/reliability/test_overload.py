"""Overload is a normal condition: four times the bound of concurrent calls ends every call OK or
RESOURCE_EXHAUSTED at once (never CANCELLED, never a database outage), health stays SERVING, the relay
keeps publishing each event exactly once, and one caller cannot hold every stream slot."""

from __future__ import annotations

import asyncio
import collections
import uuid

import grpc
import psycopg
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from crm.v2 import event_service_pb2, event_service_pb2_grpc, lead_service_pb2_grpc
from crm.v2 import lead_service_pb2 as pb
from tests.conftest import PostgresDatabases, make_settings, start_server
from tests.integration.test_leads import a_lead
from tests.support.consume import read_topic
from tests.support.waiting import eventually

BOUND = 8
TENANT = 9400


async def create(stub: lead_service_pb2_grpc.LeadServiceStub) -> grpc.StatusCode:
    try:
        await stub.CreateLead(pb.CreateLeadRequest(tenant_id=TENANT, lead=a_lead()), timeout=30)
    except grpc.aio.AioRpcError as error:
        return error.code()
    return grpc.StatusCode.OK


async def opened(events, request):
    """A WatchEvents stream once the server admitted it, or None when it refused."""
    tail = events.WatchEvents(request)
    try:
        await tail.wait_for_connection()
    except grpc.aio.AioRpcError as error:
        assert error.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
        return None
    return tail


async def test_four_times_the_bound_ends_ok_or_resource_exhausted_and_health_stays_serving(
    postgres: PostgresDatabases, kafka
):
    prefix = f"crmload{uuid.uuid4().hex[:8]}."
    url = postgres.new_database()
    settings = make_settings(
        url,
        MAX_CONCURRENT_RPCS=BOUND,
        DB_POOL_SIZE=2,
        KAFKA_BOOTSTRAP_SERVERS=kafka,
        KAFKA_TOPIC_PREFIX=prefix,
    )
    running = await start_server(settings, "postgres")
    # The leads table held locked, so that every admitted call stays in flight until the burst is over:
    # the bound, not the speed of a call, decides who is refused.
    holder = await psycopg.AsyncConnection.connect(
        postgres.migration_url(url).replace("postgresql+psycopg://", "postgresql://", 1), autocommit=True
    )
    try:
        async with grpc.aio.insecure_channel(running.target) as channel:
            stub = lead_service_pb2_grpc.LeadServiceStub(channel)
            health = health_pb2_grpc.HealthStub(channel)
            await holder.execute("BEGIN")
            await holder.execute("LOCK TABLE leads IN ACCESS EXCLUSIVE MODE")
            calls = [asyncio.create_task(create(stub)) for _ in range(4 * BOUND)]
            await eventually(
                lambda: asyncio.sleep(0, sum(call.done() for call in calls)),
                until=lambda done: done == 3 * BOUND,
                timeout=30,
            )
            during = [
                (await health.Check(health_pb2.HealthCheckRequest(service=name))).status
                for name in ("", "crm.v2.LeadService")
            ]
            await holder.execute("COMMIT")
            codes = await asyncio.gather(*calls)
            created = codes.count(grpc.StatusCode.OK)
            records = await read_topic(
                kafka, f"{prefix}leads", until=lambda rs: len(rs) >= created, timeout=60
            )
    finally:
        await holder.close()
        await running.server.stop(grace=1.0)
    counted = collections.Counter(codes)
    assert counted == {grpc.StatusCode.OK: BOUND, grpc.StatusCode.RESOURCE_EXHAUSTED: 3 * BOUND}, counted
    assert during == [health_pb2.HealthCheckResponse.SERVING] * 2
    published = collections.Counter(r.headers["ce_id"] for r in records)
    assert len(published) == created and set(published.values()) == {1}


async def test_one_caller_cannot_open_more_than_its_share_of_streams(tmp_path):
    settings = make_settings(
        f"sqlite+aiosqlite:///{tmp_path / 'crm.db'}", MAX_STREAMS=10, MAX_STREAMS_PER_CALLER=2
    )
    running = await start_server(settings, "sqlite")
    try:
        async with grpc.aio.insecure_channel(running.target) as channel:
            events = event_service_pb2_grpc.EventServiceStub(channel)
            request = event_service_pb2.WatchEventsRequest(tenant_id=TENANT)
            open_tails = []
            for _ in range(2):  # one at a time, so which of them is the third is certain
                tail = events.WatchEvents(request)
                await tail.wait_for_connection()
                open_tails.append(tail)
            with pytest.raises(grpc.aio.AioRpcError) as refused:
                await events.WatchEvents(request).read()
            assert refused.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
            assert "limit of 2 open streams" in refused.value.details()
            open_tails.pop().cancel()
            # a slot freed (once the server has seen the cancel) is a slot to take again
            replacement = await eventually(lambda: opened(events, request), until=bool, timeout=10)
            for tail in (*open_tails, replacement):
                tail.cancel()
    finally:
        await running.server.stop(grace=1.0)
