"""grpc.health.v1 as an orchestrator reads it: liveness (`""`) survives a database outage, readiness (each
crm.v2 service) follows the database and comes back soon after it does, shutdown is visible to pollers
before the listener closes, and open Watch streams do not hold the shutdown for its whole grace."""

from __future__ import annotations

import asyncio
import time

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from tests.conftest import make_settings, start_server
from tests.support.waiting import eventually

SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING
READINESS = "crm.v2.LeadService"


async def status(channel: grpc.aio.Channel, service: str) -> int:
    response = await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service=service))
    return response.status


async def test_an_outage_fails_readiness_not_liveness_and_readiness_returns_after_it(private_postgres):
    running = await start_server(make_settings(private_postgres.create_database("health")), "postgres")
    try:
        async with grpc.aio.insecure_channel(running.target) as channel:
            private_postgres.pause()
            await eventually(lambda: status(channel, READINESS), until=lambda s: s == NOT_SERVING, timeout=20)
            assert await status(channel, "") == SERVING  # a restart would not bring the database back
            private_postgres.resume()
            resumed = time.monotonic()
            await eventually(lambda: status(channel, READINESS), until=lambda s: s == SERVING, timeout=20)
            # rechecked every second while down, not on the 5 s tick of a healthy database
            assert time.monotonic() - resumed < 4.0
    finally:
        await running.server.stop(grace=1.0)


async def test_shutdown_is_seen_by_check_pollers_before_the_listener_closes(tmp_path):
    settings = make_settings(f"sqlite+aiosqlite:///{tmp_path / 'crm.db'}", SHUTDOWN_DRAIN_SECONDS=1.5)
    running = await start_server(settings, "sqlite")
    async with grpc.aio.insecure_channel(running.target) as channel:
        assert await status(channel, READINESS) == SERVING
        stopping = asyncio.create_task(running.server.stop(grace=1.0))
        seen = await eventually(lambda: status(channel, ""), until=lambda s: s == NOT_SERVING, timeout=5)
        assert seen == NOT_SERVING and not stopping.done()
        assert await status(channel, READINESS) == NOT_SERVING
        await stopping


async def test_an_open_watch_stream_does_not_hold_shutdown_for_its_grace(tmp_path):
    settings = make_settings(f"sqlite+aiosqlite:///{tmp_path / 'crm.db'}")
    running = await start_server(settings, "sqlite")
    async with grpc.aio.insecure_channel(running.target) as channel:
        watch = health_pb2_grpc.HealthStub(channel).Watch(health_pb2.HealthCheckRequest(service=READINESS))
        assert (await watch.read()).status == SERVING
        started = time.monotonic()
        await running.server.stop(grace=10.0)
        assert time.monotonic() - started < 5.0
        assert (await watch.read()).status == NOT_SERVING
