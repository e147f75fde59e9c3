"""Sourcing test helpers: candidate factories and calls. Imported by the sourcing tests (fixtures here are not
auto-discovered)."""

from __future__ import annotations

import uuid

from crm.v2 import sourcing_service_pb2 as pb
from crm.v2 import supplier_service_pb2 as spb
from tests.integration.conftest_catalog import money


def a_candidate(**overrides: object) -> pb.Candidate:
    values: dict[str, object] = {
        "marketplace": spb.MARKETPLACE_ALIEXPRESS,
        "marketplace_id": f"100500{uuid.uuid4().int % 10**10:010d}",
        "title": "Portable Blender",
        "category": "kitchen",
        "source_price": money("12.50"),
        "supplier_rating": 4.7,
        "supplier_lead_time_days": 9,
        "review_rating": 4.5,
        "review_count": 800,
        "competitor_prices": [money("29.99"), money("34.99"), money("39.99")],
    }
    values.update(overrides)
    return pb.Candidate(**values)  # type: ignore[arg-type]


async def add(sourcing, tenant_id: int, **overrides: object) -> pb.Candidate:
    return await sourcing.CreateCandidate(
        pb.CreateCandidateRequest(tenant_id=tenant_id, candidate=a_candidate(**overrides))
    )


async def listed(sourcing, tenant_id: int, **filters: object) -> pb.ListCandidatesResponse:
    return await sourcing.ListCandidates(pb.ListCandidatesRequest(tenant_id=tenant_id, **filters))  # type: ignore[arg-type]


async def approve(
    sourcing, tenant_id: int, candidate_id: str, **fields: object
) -> pb.ApproveCandidateResponse:
    return await sourcing.ApproveCandidate(
        pb.ApproveCandidateRequest(tenant_id=tenant_id, candidate_id=candidate_id, **fields)  # type: ignore[arg-type]
    )


async def reject(sourcing, tenant_id: int, candidate_id: str, reason: str = "too fragile") -> pb.Candidate:
    return await sourcing.RejectCandidate(
        pb.RejectCandidateRequest(tenant_id=tenant_id, candidate_id=candidate_id, reason=reason)
    )
