"""Events reach a real Kafka broker: CloudEvents headers, key, proto3 JSON payload, and order."""

from __future__ import annotations

import json
from datetime import datetime

import grpc
from google.protobuf import json_format

from crm.v2 import (
    event_service_pb2,
    event_service_pb2_grpc,
    events_pb2,
    lead_service_pb2_grpc,
    system_service_pb2,
    system_service_pb2_grpc,
)
from crm.v2 import lead_service_pb2 as pb
from tests.conftest import PostgresDatabases, make_settings, serving
from tests.e2e.conftest import PublishingServer
from tests.integration.test_leads import a_lead, move_lead
from tests.support.consume import read_topic
from tests.support.waiting import eventually


async def partitions_of(bootstrap: str, prefix: str) -> dict[str, int]:
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        described = await admin.describe_topics(
            [t for t in await admin.list_topics() if t.startswith(prefix)]
        )
    finally:
        await admin.close()
    return {topic["topic"]: len(topic["partitions"]) for topic in described}


async def test_every_topic_is_created_with_the_configured_partitions_before_the_first_publish(
    postgres: PostgresDatabases, kafka, topic_prefix
):
    settings = make_settings(
        postgres.new_database(),
        KAFKA_BOOTSTRAP_SERVERS=kafka,
        KAFKA_TOPIC_PREFIX=topic_prefix,
        KAFKA_TOPIC_PARTITIONS=2,
    )
    async with serving(settings, "postgres") as running, grpc.aio.insecure_channel(running.target) as channel:
        await lead_service_pb2_grpc.LeadServiceStub(channel).CreateLead(
            pb.CreateLeadRequest(tenant_id=7002, lead=a_lead())
        )
        # No consumer reads the topic here: a consumer of a missing topic would have the broker
        # auto-create it, which is what this test must tell apart from the relay's provisioning.
        await eventually(lambda: pending_events(channel, 7002), until=lambda n: n == 0, timeout=60)
    partitions = await partitions_of(kafka, topic_prefix)
    # Only a lead was published, yet every family's topic exists, each with the configured partitions
    # rather than the broker's auto-creation default of one.
    assert {f"{topic_prefix}leads", f"{topic_prefix}orders", f"{topic_prefix}workflows"} <= set(partitions)
    assert set(partitions.values()) == {2}


def test_crm_server_topics_creates_the_topics_once(kafka, topic_prefix, tmp_path):
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "KAFKA_BOOTSTRAP_SERVERS": kafka,
        "KAFKA_TOPIC_PREFIX": topic_prefix,
        "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'crm.db'}",
    }
    command = [sys.executable, "-m", "server.main", "topics"]
    first = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    assert f"{topic_prefix}leads\tcreated" in first.stdout.splitlines()
    assert f"{topic_prefix}leads\texists" in again.stdout.splitlines()
    assert "created" not in again.stdout


async def pending_events(channel: grpc.aio.Channel, tenant_id: int) -> int:
    health = await system_service_pb2_grpc.SystemServiceStub(channel).GetHealth(
        system_service_pb2.GetHealthRequest(tenant_id=tenant_id)
    )
    return health.tenant_counts.pending_events


async def test_a_created_lead_is_published_with_cloudevents_headers(publishing_server: PublishingServer):
    tenant_id = 7001
    channel = publishing_server.channel
    lead = await lead_service_pb2_grpc.LeadServiceStub(channel).CreateLead(
        pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead())
    )
    records = await publishing_server.read("leads", until=lambda rs: any(r.key == lead.id for r in rs))
    listed = await eventually(
        lambda: event_service_pb2_grpc.EventServiceStub(channel).ListEvents(
            event_service_pb2.ListEventsRequest(tenant_id=tenant_id)
        ),
        until=lambda response: response.events[0].HasField("publish_time"),
        timeout=30,
    )

    (record,) = [r for r in records if r.key == lead.id]
    (event,) = listed.events
    assert record.headers["ce_specversion"] == "1.0"
    assert record.headers["ce_id"] == event.id
    assert record.headers["ce_type"] == "lead.created"
    assert record.headers["ce_subject"] == lead.id
    assert record.headers["ce_source"] == f"/crm/v2/tenants/{tenant_id}"
    assert record.headers["content-type"] == "application/json"
    assert record.headers["ce_dataschema"] == "urn:protobuf:crm.v2.LeadCreated"
    assert datetime.fromisoformat(record.headers["ce_time"]) == event.occur_time.ToDatetime().astimezone(
        datetime.fromisoformat(record.headers["ce_time"]).tzinfo
    )
    payload = json_format.Parse(record.value, events_pb2.LeadCreated())
    assert payload.lead == lead
    assert payload.tenant_id == tenant_id
    assert json.loads(record.value)["lead"]["firstName"] == "Ada"  # proto3 JSON names


async def test_events_wait_in_the_outbox_without_kafka_and_publish_in_order_once_it_is_set(
    postgres: PostgresDatabases, kafka, topic_prefix
):
    tenant_id = 7002
    database = postgres.new_database()
    async with (
        serving(make_settings(database), "postgres") as without_kafka,
        grpc.aio.insecure_channel(without_kafka.target) as channel,
    ):
        leads = lead_service_pb2_grpc.LeadServiceStub(channel)
        lead = await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead()))
        for status in (pb.LEAD_STATUS_CONTACTED, pb.LEAD_STATUS_QUALIFIED, pb.LEAD_STATUS_PROPOSAL):
            await move_lead(leads, tenant_id, lead.id, status)
        assert await pending_events(channel, tenant_id) == 4
        health = await system_service_pb2_grpc.SystemServiceStub(channel).GetHealth(
            system_service_pb2.GetHealthRequest(tenant_id=tenant_id)
        )
        assert health.kafka.state == system_service_pb2.HEALTH_STATE_DISABLED
        assert health.kafka.outbox_backlog >= 4

    with_kafka = make_settings(database, KAFKA_BOOTSTRAP_SERVERS=kafka, KAFKA_TOPIC_PREFIX=topic_prefix)
    async with serving(with_kafka, "postgres") as running:
        records = await read_topic(
            kafka,
            f"{topic_prefix}leads",
            until=lambda rs: len([r for r in rs if r.key == lead.id]) >= 4,
            timeout=60,
        )
        async with grpc.aio.insecure_channel(running.target) as channel:
            await eventually(lambda: pending_events(channel, tenant_id), until=lambda n: n == 0, timeout=30)

    statuses = [
        json_format.Parse(r.value, events_pb2.LeadUpdated(), ignore_unknown_fields=True).lead.status
        for r in records
        if r.key == lead.id
    ]
    assert statuses == [
        pb.LEAD_STATUS_NEW,
        pb.LEAD_STATUS_CONTACTED,
        pb.LEAD_STATUS_QUALIFIED,
        pb.LEAD_STATUS_PROPOSAL,
    ]


async def test_an_event_kafka_refuses_for_good_does_not_block_the_others(publishing_server: PublishingServer):
    from sqlalchemy import select

    from domain.ids import new_id
    from domain.tenancy import acting_for
    from storage.outbox.tables import OutboxRow

    tenant_id = 7003
    database = publishing_server.running.server.components.database
    poison_id = new_id()
    with acting_for(tenant_id):  # row-level security admits the tenant's own rows only
        await _insert_poison(database, poison_id, tenant_id)
    lead = await lead_service_pb2_grpc.LeadServiceStub(publishing_server.channel).CreateLead(
        pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead())
    )
    await publishing_server.read("leads", until=lambda rs: any(r.key == lead.id for r in rs))

    async def poison_row() -> OutboxRow:
        with acting_for(tenant_id):
            async with database.sessions() as session:
                return (
                    await session.execute(select(OutboxRow).where(OutboxRow.id == poison_id))
                ).scalar_one()

    # Kafka acknowledges before the relay records the outcome: wait for the record, not a moment.
    poison = await eventually(poison_row, until=lambda row: row.failed_at is not None, timeout=30)
    assert poison.failed_at is not None and poison.published_at is None
    assert poison.last_error


async def _insert_poison(database, poison_id, tenant_id: int) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import insert

    from domain.clock import utcnow
    from storage.outbox.tables import OutboxRow

    async with database.write_sessions() as session, session.begin():
        await session.execute(
            insert(OutboxRow).values(
                id=poison_id,
                tenant_id=tenant_id,
                aggregate_type="lead",
                aggregate_id="poison",
                event_type="lead.deleted",
                payload='{"x": "' + "y" * 2_000_000 + '"}',
                occurred_at=utcnow(),
                attempts=0,
            )
        )
