"""Contact <-> protobuf."""

from __future__ import annotations

from crm.v2 import contact_service_pb2 as pb
from crm.v2 import events_pb2
from domain import crm_events
from domain.contacts import Contact
from server.edge.convert import postal_address_to_proto, to_timestamp
from server.events.registration import EventRegistration


def contact_to_proto(contact: Contact) -> pb.Contact:
    return pb.Contact(
        id=str(contact.id),
        tenant_id=contact.tenant_id,
        first_name=contact.first_name,
        last_name=contact.last_name,
        email=contact.email,
        phone=contact.phone,
        company=contact.company,
        job_title=contact.job_title,
        address=None if contact.address is None else postal_address_to_proto(contact.address),
        notes=contact.notes,
        tags=list(contact.tags),
        owner=contact.owner,
        source_lead_id=str(contact.source_lead_id or ""),
        create_time=to_timestamp(contact.created_at),
        update_time=to_timestamp(contact.updated_at),
    )


REGISTRATIONS: tuple[EventRegistration, ...] = (
    (
        crm_events.ContactCreated,
        events_pb2.ContactCreated,
        lambda e: events_pb2.ContactCreated(
            tenant_id=e.tenant_id,
            contact=contact_to_proto(e.contact),
            source_lead_id=str(e.contact.source_lead_id or ""),
        ),
    ),
    (
        crm_events.ContactUpdated,
        events_pb2.ContactUpdated,
        lambda e: events_pb2.ContactUpdated(
            tenant_id=e.tenant_id, contact=contact_to_proto(e.contact), changed_fields=list(e.changed_fields)
        ),
    ),
    (
        crm_events.ContactDeleted,
        events_pb2.ContactDeleted,
        lambda e: events_pb2.ContactDeleted(
            tenant_id=e.tenant_id,
            contact_id=str(e.contact_id),
            email=e.email,
            detached_deal_ids=[str(i) for i in e.detached_deal_ids],
        ),
    ),
)
