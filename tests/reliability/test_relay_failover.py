"""Two replicas, one outbox: the leader's advisory-lock session is killed while it drains a backlog. The
other replica takes over, the old leader stops within one batch (it confirms leadership before every
batch), and every event reaches Kafka; at most the one batch in flight when the lock died is published
twice (consumers dedupe on ce_id)."""

from __future__ import annotations

import asyncio
import collections
import uuid

import grpc
import psycopg

from crm.v2 import lead_service_pb2 as pb
from crm.v2 import lead_service_pb2_grpc
from storage.database import sync_url
from storage.leadership import RELAY_LOCK_KEY
from tests.conftest import PostgresDatabases, make_settings, start_server
from tests.integration.test_leads import a_lead
from tests.support.consume import read_topic
from tests.support.waiting import eventually

TENANT = 9600
EVENTS = 600
BATCH = 20


def psycopg_url(url: str) -> str:
    return sync_url(url).replace("postgresql+psycopg://", "postgresql://")


def kill_lock_session(url: str) -> int:
    """pg_terminate_backend the session holding the relay's advisory lock; returns how many it killed."""
    high, low = RELAY_LOCK_KEY >> 32, RELAY_LOCK_KEY & 0xFFFFFFFF
    with psycopg.connect(psycopg_url(url), autocommit=True) as connection:
        rows = connection.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_locks"
            " WHERE locktype = 'advisory' AND granted AND classid = %s AND objid = %s",
            (high, low),
        ).fetchall()
    return len(rows)


async def test_killing_the_leaders_lock_session_mid_drain_duplicates_at_most_one_batch(
    postgres: PostgresDatabases, kafka
):
    url = postgres.new_database()
    prefix = f"crmfail{uuid.uuid4().hex[:8]}."
    # The backlog is recorded with no relay running (no Kafka configured) ...
    writer = await start_server(make_settings(url), "postgres")
    try:
        async with grpc.aio.insecure_channel(writer.target) as channel:
            leads = lead_service_pb2_grpc.LeadServiceStub(channel)
            for _ in range(EVENTS // BATCH):
                await asyncio.gather(
                    *(
                        leads.CreateLead(pb.CreateLeadRequest(tenant_id=TENANT, lead=a_lead()))
                        for _ in range(BATCH)
                    )
                )
    finally:
        await writer.server.stop(grace=1.0)
    # ... then two replicas with Kafka race for it.
    settings = make_settings(
        url, KAFKA_BOOTSTRAP_SERVERS=kafka, KAFKA_TOPIC_PREFIX=prefix, OUTBOX_BATCH_SIZE=BATCH
    )
    first = await start_server(settings, "postgres")
    second = await start_server(settings, "postgres")
    try:
        relays = (first.server.components.relay, second.server.components.relay)
        await eventually(
            lambda: _async(sum(r.status.published_total for r in relays)),
            until=lambda n: n >= BATCH,
            timeout=30,
            interval=0.005,
        )
        killed = kill_lock_session(url)
        published_before_the_kill = sum(r.status.published_total for r in relays)
        records = await read_topic(
            kafka,
            f"{prefix}leads",
            until=lambda rs: len({r.headers["ce_id"] for r in rs}) >= EVENTS,
            timeout=120,
        )
    finally:
        await first.server.stop(grace=1.0)
        await second.server.stop(grace=1.0)
    copies = collections.Counter(r.headers["ce_id"] for r in records)
    duplicated = sum(n - 1 for n in copies.values())
    assert killed == 1
    assert published_before_the_kill < EVENTS, "the backlog drained before the lock session was killed"
    assert len(copies) == EVENTS  # nothing lost
    assert duplicated <= BATCH, f"{duplicated} duplicate records"
    killed_at = published_before_the_kill
    print(f"\nrelay failover: {EVENTS} events, lock killed after {killed_at}, {duplicated} duplicates")


async def _async(value: int) -> int:
    return value
