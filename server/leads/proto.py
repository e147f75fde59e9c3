"""Lead <-> protobuf."""

from __future__ import annotations

from crm.v2 import common_pb2, events_pb2
from crm.v2 import lead_service_pb2 as pb
from domain import crm_events, lead_events
from domain.conversion import Conversion
from domain.leads import Lead, LeadAnalytics, LeadPriority, LeadSource, LeadStatus
from server.contacts.proto import contact_to_proto
from server.deals.proto import deal_to_proto
from server.edge.convert import EnumMapping, factors_to_proto, to_timestamp
from server.events.registration import EventRegistration

STATUS = EnumMapping(pb.LeadStatus, LeadStatus, "LEAD_STATUS")

SOURCE = EnumMapping(pb.LeadSource, LeadSource, "LEAD_SOURCE")

PRIORITY = EnumMapping(pb.LeadPriority, LeadPriority, "LEAD_PRIORITY")

# The stubs type an enum field as its enum class; the mappings give the same numbers as plain ints.


def lead_to_proto(lead: Lead) -> pb.Lead:
    return pb.Lead(
        id=str(lead.id),
        tenant_id=lead.tenant_id,
        first_name=lead.first_name,
        last_name=lead.last_name,
        email=lead.email,
        phone=lead.phone,
        company=lead.company,
        job_title=lead.job_title,
        status=STATUS.to_proto(lead.status),
        source=SOURCE.to_proto(lead.source),
        priority=PRIORITY.to_proto(lead.priority),
        score=lead.score,
        score_factors=factors_to_proto(lead.score_factors),
        notes=lead.notes,
        tags=list(lead.tags),
        assigned_to=lead.assigned_to,
        converted_contact_id=str(lead.converted_contact_id or ""),
        converted_deal_id=str(lead.converted_deal_id or ""),
        convert_time=to_timestamp(lead.converted_at),
        converted=lead.converted_at is not None,
        create_time=to_timestamp(lead.created_at),
        update_time=to_timestamp(lead.updated_at),
    )


def analytics_to_proto(analytics: LeadAnalytics) -> pb.GetLeadAnalyticsResponse:
    return pb.GetLeadAnalyticsResponse(
        total_leads=analytics.total,
        by_status=[
            pb.GetLeadAnalyticsResponse.StatusCount(status=STATUS.to_proto(status), count=count)
            for status, count in analytics.by_status.items()
        ],
        by_source=[
            pb.GetLeadAnalyticsResponse.SourceCount(source=SOURCE.to_proto(source), count=count)
            for source, count in analytics.by_source.items()
        ],
        average_score=analytics.average_score,
        high_priority_count=analytics.high_priority,
        score_buckets=[
            common_pb2.Bucket(lower_bound=low, upper_bound=high, count=count)
            for low, high, count in analytics.score_buckets
        ],
        win_rate=round(analytics.win_rate, 4),
        conversion_rate=round(analytics.conversion_rate, 4),
    )


def _lead_converted(e: crm_events.LeadConverted) -> events_pb2.LeadConverted:
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
        lead_events.LeadCreated,
        events_pb2.LeadCreated,
        lambda e: events_pb2.LeadCreated(tenant_id=e.tenant_id, lead=lead_to_proto(e.lead)),
    ),
    (
        lead_events.LeadUpdated,
        events_pb2.LeadUpdated,
        lambda e: events_pb2.LeadUpdated(
            tenant_id=e.tenant_id,
            lead=lead_to_proto(e.lead),
            changed_fields=list(e.changed_fields),
            previous_score=e.previous_score,
        ),
    ),
    (
        lead_events.LeadDeleted,
        events_pb2.LeadDeleted,
        lambda e: events_pb2.LeadDeleted(lead_id=str(e.lead_id), tenant_id=e.tenant_id),
    ),
    (crm_events.LeadConverted, events_pb2.LeadConverted, _lead_converted),
)


def conversion_to_proto(conversion: Conversion) -> pb.ConvertLeadResponse:
    return pb.ConvertLeadResponse(
        lead=lead_to_proto(conversion.lead),
        contact=contact_to_proto(conversion.contact) if conversion.contact else None,
        deal=deal_to_proto(conversion.deal) if conversion.deal else None,
        contact_reused=conversion.contact_reused,
    )
