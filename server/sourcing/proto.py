"""Sourcing candidates <-> protobuf (sourcing_service.proto), and the sourcing events."""

from __future__ import annotations

from crm.v2 import common_pb2, events_pb2
from crm.v2 import product_service_pb2 as ppb
from crm.v2 import sourcing_service_pb2 as pb
from domain import sourcing_events as ev
from domain.sourcing import Candidate, CandidateOrder, CandidateOrigin, CandidateStatus
from server.catalog.proto import CLASSIFICATION
from server.edge.convert import EnumMapping, factors_to_proto, money_to_proto, to_timestamp
from server.events.registration import EventRegistration
from server.suppliers.proto import MARKETPLACE

STATUS = EnumMapping(pb.CandidateStatus, CandidateStatus, "CANDIDATE_STATUS")

ORIGIN = EnumMapping(pb.CandidateOrigin, CandidateOrigin, "CANDIDATE_ORIGIN")

ORDER = EnumMapping(pb.CandidateOrderBy, CandidateOrder, "CANDIDATE_ORDER_BY")


def candidate_to_proto(c: Candidate) -> pb.Candidate:
    d, s = c.draft, c.score
    a = s.analysis
    return pb.Candidate(
        id=str(c.id),
        tenant_id=c.tenant_id,
        marketplace=MARKETPLACE.to_proto(d.marketplace),
        marketplace_id=d.marketplace_id,
        url=d.url,
        title=d.title,
        description=d.description,
        category=d.category,
        source_price=money_to_proto(d.source_price),
        supplier_id=str(d.supplier_id or ""),
        supplier_rating=d.supplier_rating,
        supplier_lead_time_days=d.supplier_lead_time_days,
        review_rating=d.review_rating,
        review_count=d.review_count,
        competitor_count=d.competitor_count,
        competitor_prices=[money_to_proto(p) for p in d.competitor_prices],
        image_urls=list(d.image_urls),
        analysis=ppb.DropshipAnalysis(
            dropship_score=a.score,
            classification=CLASSIFICATION.to_proto(a.classification),
            profit_margin_estimate=a.profit_margin,
            factors=factors_to_proto(a.factors),
            analyze_time=to_timestamp(a.analyzed_at),
            source=common_pb2.RESULT_SOURCE_ENGINE,
        ),
        recommended_price=money_to_proto(s.recommended_price),
        expected_selling_price=money_to_proto(s.expected_price),
        status=STATUS.to_proto(c.status),
        origin=ORIGIN.to_proto(c.origin),
        workflow_id=str(c.workflow_id or ""),
        product_id=str(c.product_id or ""),
        reject_reason=c.reject_reason,
        decided_by=c.decided_by,
        decide_time=to_timestamp(c.decided_at),
        request_id=c.request_id or "",
        create_time=to_timestamp(c.created_at),
        update_time=to_timestamp(c.updated_at),
    )


REGISTRATIONS: tuple[EventRegistration, ...] = (
    (
        ev.CandidateAdded,
        events_pb2.CandidateAdded,
        lambda e: events_pb2.CandidateAdded(tenant_id=e.tenant_id, candidate=candidate_to_proto(e.candidate)),
    ),
    (
        ev.CandidateImported,
        events_pb2.CandidateImported,
        lambda e: events_pb2.CandidateImported(
            tenant_id=e.tenant_id,
            candidate=candidate_to_proto(e.candidate),
            product_id=str(e.product_id),
            sku=e.sku,
        ),
    ),
    (
        ev.CandidateRejected,
        events_pb2.CandidateRejected,
        lambda e: events_pb2.CandidateRejected(
            tenant_id=e.tenant_id, candidate=candidate_to_proto(e.candidate)
        ),
    ),
)
