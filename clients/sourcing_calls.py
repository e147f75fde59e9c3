"""Client calls of sourcing: candidates, their import or rejection, and the sourcing crew's discovery."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from clients.calls import Calls, rpc, service
from crm.v2 import sourcing_service_pb2, sourcing_service_pb2_grpc, workflow_service_pb2

Candidate = sourcing_service_pb2.Candidate


class SourcingCalls(Calls):
    """SourcingService."""

    _sourcing = service(sourcing_service_pb2_grpc.SourcingServiceStub)

    @rpc
    async def create_candidate(self, candidate: Candidate, *, request_id: str | None = None) -> Candidate:
        """Score and keep a candidate; retries reuse one idempotency key so they never keep two."""
        key = request_id or self._transport.config.new_request_id()
        request = sourcing_service_pb2.CreateCandidateRequest(
            tenant_id=self.tenant_id, candidate=candidate, request_id=key
        )
        return await self._transport.unary(self._sourcing.CreateCandidate, request, Candidate, request_id=key)

    @rpc
    async def batch_create_candidates(
        self, candidates: Sequence[Candidate]
    ) -> sourcing_service_pb2.BatchCreateCandidatesResponse:
        """Score and keep up to 100 candidates; the tenant's existing ones are skipped and reported."""
        request = sourcing_service_pb2.BatchCreateCandidatesRequest(
            tenant_id=self.tenant_id, candidates=list(candidates)
        )
        return await self._transport.unary(
            self._sourcing.BatchCreateCandidates, request, sourcing_service_pb2.BatchCreateCandidatesResponse
        )

    @rpc
    async def get_candidate(self, candidate_id: str) -> Candidate:
        """One candidate; NOT_FOUND when it is not the tenant's."""
        request = sourcing_service_pb2.GetCandidateRequest(
            tenant_id=self.tenant_id, candidate_id=candidate_id
        )
        return await self._transport.unary(self._sourcing.GetCandidate, request, Candidate)

    @rpc
    async def list_candidates(self, /, **filters: Any) -> sourcing_service_pb2.ListCandidatesResponse:
        """One page of candidates; filters: status, category, classification, min_score, origin, order_by,
        page_size, page_token."""
        request = sourcing_service_pb2.ListCandidatesRequest(tenant_id=self.tenant_id, **filters)
        return await self._transport.unary(
            self._sourcing.ListCandidates, request, sourcing_service_pb2.ListCandidatesResponse
        )

    @rpc
    async def approve_candidate(
        self, /, candidate_id: str, **options: Any
    ) -> sourcing_service_pb2.ApproveCandidateResponse:
        """Import the candidate as a catalog product (once); options: sku, selling_price, product_status,
        initial_stock."""
        request = sourcing_service_pb2.ApproveCandidateRequest(
            tenant_id=self.tenant_id, candidate_id=candidate_id, **options
        )
        return await self._transport.unary(
            self._sourcing.ApproveCandidate, request, sourcing_service_pb2.ApproveCandidateResponse
        )

    @rpc
    async def reject_candidate(self, candidate_id: str, reason: str) -> Candidate:
        """Reject a pending candidate with a reason."""
        request = sourcing_service_pb2.RejectCandidateRequest(
            tenant_id=self.tenant_id, candidate_id=candidate_id, reason=reason
        )
        return await self._transport.unary(self._sourcing.RejectCandidate, request, Candidate)

    @rpc
    async def start_sourcing_discovery(self, /, **request: Any) -> workflow_service_pb2.Workflow:
        """Ask the sourcing crew for products (a workflow); request: category, query, max_results,
        currency_code."""
        message = sourcing_service_pb2.StartSourcingDiscoveryRequest(tenant_id=self.tenant_id, **request)
        return await self._transport.unary(
            self._sourcing.StartSourcingDiscovery, message, workflow_service_pb2.Workflow
        )
