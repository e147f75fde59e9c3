"""CRM events (contacts, deals, lead conversion) -> events.proto messages."""

from __future__ import annotations

from crm.v2 import events_pb2
from domain import crm_events as ev
from server.events.registration import EventRegistration
from server.rpc.contact_mapping import contact_to_proto
from server.rpc.convert import money_to_proto, to_timestamp
from server.rpc.deal_mapping import STAGE, deal_to_proto


def _stage_changed(e: ev.DealStageChanged) -> events_pb2.DealStageChanged:
    return events_pb2.DealStageChanged(
        tenant_id=e.tenant_id,
        deal_id=str(e.deal.id),
        from_stage=STAGE.to_proto(e.from_stage),
        to_stage=STAGE.to_proto(e.deal.stage),
        changed_by=e.changed_by,
        change_time=to_timestamp(e.changed_at),
        probability=e.deal.probability,
        amount=money_to_proto(e.deal.amount),
        reopened=e.reopened,
        owner=e.deal.owner,
    )


def _lead_converted(e: ev.LeadConverted) -> events_pb2.LeadConverted:
    return events_pb2.LeadConverted(
        tenant_id=e.tenant_id,
        lead_id=str(e.lead_id),
        contact_id=str(e.contact_id),
        contact_reused=e.contact_reused,
        deal_id=str(e.deal_id or ""),
        score=e.score,
        convert_time=to_timestamp(e.converted_at),
    )


REGISTRATIONS: tuple[EventRegistration, ...] = (
    (
        ev.ContactCreated,
        events_pb2.ContactCreated,
        lambda e: events_pb2.ContactCreated(
            tenant_id=e.tenant_id,
            contact=contact_to_proto(e.contact),
            source_lead_id=str(e.contact.source_lead_id or ""),
        ),
    ),
    (
        ev.ContactUpdated,
        events_pb2.ContactUpdated,
        lambda e: events_pb2.ContactUpdated(
            tenant_id=e.tenant_id, contact=contact_to_proto(e.contact), changed_fields=list(e.changed_fields)
        ),
    ),
    (
        ev.ContactDeleted,
        events_pb2.ContactDeleted,
        lambda e: events_pb2.ContactDeleted(
            tenant_id=e.tenant_id,
            contact_id=str(e.contact_id),
            email=e.email,
            detached_deal_ids=[str(i) for i in e.detached_deal_ids],
        ),
    ),
    (
        ev.DealCreated,
        events_pb2.DealCreated,
        lambda e: events_pb2.DealCreated(tenant_id=e.tenant_id, deal=deal_to_proto(e.deal)),
    ),
    (
        ev.DealUpdated,
        events_pb2.DealUpdated,
        lambda e: events_pb2.DealUpdated(
            tenant_id=e.tenant_id, deal=deal_to_proto(e.deal), changed_fields=list(e.changed_fields)
        ),
    ),
    (ev.DealStageChanged, events_pb2.DealStageChanged, _stage_changed),
    (
        ev.DealDeleted,
        events_pb2.DealDeleted,
        lambda e: events_pb2.DealDeleted(
            tenant_id=e.tenant_id, deal_id=str(e.deal_id), stage=STAGE.to_proto(e.stage)
        ),
    ),
    (ev.LeadConverted, events_pb2.LeadConverted, _lead_converted),
)
