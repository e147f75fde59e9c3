"""Every domain event has its events.proto message, and payloads are proto3 JSON."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

from crm.v2 import events_pb2
from domain import events as ev
from domain.lead_events import LeadCreated
from domain.leads import Lead, LeadPriority, LeadSource, LeadStatus
from engines.factors import Factor
from server.events.serialization import MESSAGE_TYPES, encode, payload_to_any, topic_for


def all_event_classes() -> set[type[ev.DomainEvent]]:
    found: set[type[ev.DomainEvent]] = set()
    pending = [ev.DomainEvent]
    while pending:
        for sub in pending.pop().__subclasses__():
            found.add(sub)
            pending.append(sub)
    return found


def test_every_domain_event_has_a_message_of_its_name():
    for cls in all_event_classes():
        assert cls.event_type in MESSAGE_TYPES, cls.__name__
        assert MESSAGE_TYPES[cls.event_type].DESCRIPTOR.name == cls.__name__


def a_lead() -> Lead:
    now = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    return Lead(
        id=uuid.uuid4(),
        tenant_id=4,
        first_name="Ada",
        last_name="L",
        email="ada@x.io",
        phone="",
        company="",
        job_title="",
        status=LeadStatus.NEW,
        source=LeadSource.REFERRAL,
        priority=LeadPriority.HIGH,
        score=61.5,
        score_factors=(Factor("source_quality", 0.35, 100, 35, "referral"),),
        notes="",
        tags=("a",),
        assigned_to="",
        created_at=now,
        updated_at=now,
    )


def test_the_payload_is_proto3_json_and_reads_back_as_any():
    event = LeadCreated(tenant_id=4, lead=a_lead())
    payload = encode(event).payload
    document = json.loads(payload)
    assert document["tenantId"] == "4"
    assert document["lead"]["firstName"] == "Ada"
    assert document["lead"]["source"] == "LEAD_SOURCE_REFERRAL"
    assert document["lead"]["createTime"] == "2026-01-02T03:04:05Z"
    message = events_pb2.LeadCreated()
    assert payload_to_any("lead.created", payload).Unpack(message)
    assert message.lead.score == 61.5


def test_topics_are_named_per_aggregate_family():
    assert topic_for("crm.", "lead") == "crm.leads"
    assert topic_for("crm.", "inventory") == "crm.inventory"
    assert topic_for("x-", "order") == "x-orders"


def test_an_event_stored_with_its_binary_form_reads_back_as_the_same_any_as_from_its_json():
    """Readers pack the stored binary form; an event stored before the outbox kept it is parsed from its
    JSON: both give the same message."""
    encoded = encode(LeadCreated(tenant_id=4, lead=a_lead()))
    from_binary = payload_to_any("lead.created", encoded.payload, encoded.message)
    from_json = payload_to_any("lead.created", encoded.payload)
    assert from_binary.type_url == from_json.type_url == "type.googleapis.com/crm.v2.LeadCreated"
    binary_message, json_message = events_pb2.LeadCreated(), events_pb2.LeadCreated()
    assert from_binary.Unpack(binary_message) and from_json.Unpack(json_message)
    assert binary_message == json_message
    assert binary_message.lead.first_name == "Ada"
