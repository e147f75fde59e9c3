"""The broker goes away while leads are being created: nothing is lost, every event arrives once the
broker is back, and each lead's events arrive in the order they happened."""

from __future__ import annotations

import asyncio
import uuid

import grpc
import pytest

from crm.v2 import (
    event_service_pb2,
    event_service_pb2_grpc,
    lead_service_pb2_grpc,
    system_service_pb2,
    system_service_pb2_grpc,
)
from crm.v2 import lead_service_pb2 as pb
from tests.conftest import PostgresDatabases, make_settings, serving, unavailable
from tests.integration.test_leads import a_lead, move_lead
from tests.support.consume import read_topic
from tests.support.kafka import KafkaBroker, kafka_available
from tests.support.waiting import eventually

TENANT = 9100
LEADS_PER_PHASE = 15


@pytest.fixture
def private_broker(tmp_path):
    """A broker of this test's own, so stopping it disturbs nobody else."""
    ok, reason = kafka_available()
    if not ok:
        unavailable(f"Kafka broker cannot run here: {reason}")
    broker = KafkaBroker.start(tmp_path / "kafka")
    try:
        yield broker
    finally:
        broker.stop()


async def create_and_advance(leads: lead_service_pb2_grpc.LeadServiceStub, count: int) -> list[str]:
    """Create `count` leads concurrently and move each one to CONTACTED (two events per lead)."""

    async def one() -> str:
        lead = await leads.CreateLead(pb.CreateLeadRequest(tenant_id=TENANT, lead=a_lead()))
        await move_lead(leads, TENANT, lead.id, pb.LEAD_STATUS_CONTACTED)
        return lead.id

    return list(await asyncio.gather(*(one() for _ in range(count))))


async def all_events(channel: grpc.aio.Channel) -> list[event_service_pb2.Event]:
    stub = event_service_pb2_grpc.EventServiceStub(channel)
    events, token = [], ""
    while True:
        page = await stub.ListEvents(
            event_service_pb2.ListEventsRequest(tenant_id=TENANT, page_size=200, page_token=token)
        )
        events.extend(page.events)
        token = page.next_page_token
        if not token:
            return events


async def health(channel: grpc.aio.Channel) -> system_service_pb2.GetHealthResponse:
    return await system_service_pb2_grpc.SystemServiceStub(channel).GetHealth(
        system_service_pb2.GetHealthRequest(tenant_id=TENANT)
    )


async def test_no_event_is_lost_while_the_broker_is_down(
    postgres: PostgresDatabases, private_broker: KafkaBroker
):
    prefix = f"outage{uuid.uuid4().hex[:8]}."
    settings = make_settings(
        postgres.new_database(),
        KAFKA_BOOTSTRAP_SERVERS=private_broker.bootstrap,
        KAFKA_TOPIC_PREFIX=prefix,
        KAFKA_SEND_TIMEOUT_SECONDS=3.0,
    )
    async with serving(settings, "postgres") as running, grpc.aio.insecure_channel(running.target) as channel:
        leads = lead_service_pb2_grpc.LeadServiceStub(channel)
        before = await create_and_advance(leads, LEADS_PER_PHASE)

        private_broker.stop()
        during = await create_and_advance(leads, LEADS_PER_PHASE)
        degraded = await eventually(
            lambda: health(channel),
            until=lambda h: h.kafka.state == system_service_pb2.HEALTH_STATE_DEGRADED,
            timeout=30,
        )
        assert degraded.tenant_counts.pending_events > 0

        private_broker.start_again()
        after = await create_and_advance(leads, LEADS_PER_PHASE)
        await eventually(
            lambda: health(channel), until=lambda h: h.tenant_counts.pending_events == 0, timeout=60
        )
        recorded = await all_events(channel)

    lead_ids = set(before + during + after)
    assert len(recorded) == 2 * len(lead_ids)
    records = await read_topic(
        private_broker.bootstrap,
        f"{prefix}leads",
        until=lambda rs: {r.headers["ce_id"] for r in rs} >= {e.id for e in recorded},
        timeout=60,
    )
    assert {r.key for r in records} == lead_ids
    # At least once: duplicates are allowed, but each lead's first copies arrive created -> updated.
    for lead_id in lead_ids:
        first_seen: list[str] = []
        for record in (r for r in records if r.key == lead_id):
            if record.headers["ce_type"] not in first_seen:
                first_seen.append(record.headers["ce_type"])
        assert first_seen == ["lead.created", "lead.updated"], lead_id
