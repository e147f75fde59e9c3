"""Lead events -> events.proto messages."""

from __future__ import annotations

from crm.v2 import events_pb2
from domain import events as ev
from server.events.registration import EventRegistration
from server.rpc.lead_mapping import lead_to_proto

REGISTRATIONS: tuple[EventRegistration, ...] = (
    (
        ev.LeadCreated,
        events_pb2.LeadCreated,
        lambda e: events_pb2.LeadCreated(tenant_id=e.tenant_id, lead=lead_to_proto(e.lead)),
    ),
    (
        ev.LeadUpdated,
        events_pb2.LeadUpdated,
        lambda e: events_pb2.LeadUpdated(
            tenant_id=e.tenant_id,
            lead=lead_to_proto(e.lead),
            changed_fields=list(e.changed_fields),
            previous_score=e.previous_score,
        ),
    ),
    (
        ev.LeadDeleted,
        events_pb2.LeadDeleted,
        lambda e: events_pb2.LeadDeleted(lead_id=str(e.lead_id), tenant_id=e.tenant_id),
    ),
)
