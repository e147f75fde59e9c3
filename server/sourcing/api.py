"""SourcingService over gRPC: validate -> use case -> map."""

from __future__ import annotations

from crm.v2 import sourcing_service_pb2 as pb
from crm.v2 import sourcing_service_pb2_grpc
from crm.v2 import workflow_service_pb2 as wpb
from server.catalog.proto import product_to_proto
from server.edge.actor import ActorResolver
from server.edge.context import Context
from server.edge.page_tokens import page_response
from server.edge.validation import requested_id
from server.sourcing import requests
from server.sourcing.proto import candidate_to_proto
from server.sourcing.usecases import SourcingUseCases
from server.workflows.proto import workflow_to_proto


class SourcingServicer(sourcing_service_pb2_grpc.SourcingServiceServicer):
    def __init__(self, sourcing: SourcingUseCases, actors: ActorResolver) -> None:
        self._sourcing = sourcing
        self._actors = actors

    async def CreateCandidate(self, request: pb.CreateCandidateRequest, context: Context) -> pb.Candidate:
        draft, request_id, fingerprint = requests.create_command(request, self._sourcing.categories)
        candidate = await self._sourcing.add(
            tenant_id=request.tenant_id, draft=draft, request_id=request_id, fingerprint=fingerprint
        )
        return candidate_to_proto(candidate)

    async def BatchCreateCandidates(
        self, request: pb.BatchCreateCandidatesRequest, context: Context
    ) -> pb.BatchCreateCandidatesResponse:
        drafts = requests.batch_command(request, self._sourcing.categories)
        added = await self._sourcing.add_many(tenant_id=request.tenant_id, drafts=drafts)
        return pb.BatchCreateCandidatesResponse(
            candidates=[candidate_to_proto(c) for c in added.candidates],
            skipped=[
                pb.SkippedCandidate(
                    index=s.index, existing_candidate_id=str(s.existing_id or ""), reason=s.reason
                )
                for s in added.skipped
            ],
        )

    async def GetCandidate(self, request: pb.GetCandidateRequest, context: Context) -> pb.Candidate:
        candidate_id = requested_id(request, request.candidate_id, "candidate_id")
        return candidate_to_proto(
            await self._sourcing.get(tenant_id=request.tenant_id, candidate_id=candidate_id)
        )

    async def ListCandidates(
        self, request: pb.ListCandidatesRequest, context: Context
    ) -> pb.ListCandidatesResponse:
        query = requests.list_query(request, self._sourcing.categories)
        page = await self._sourcing.list(tenant_id=query.tenant_id, criteria=query.criteria, page=query.page)
        return page_response(pb.ListCandidatesResponse, "candidates", page, candidate_to_proto, query)

    async def ApproveCandidate(
        self, request: pb.ApproveCandidateRequest, context: Context
    ) -> pb.ApproveCandidateResponse:
        candidate_id, approval = requests.approve_command(request)
        imported = await self._sourcing.approve(
            tenant_id=request.tenant_id,
            candidate_id=candidate_id,
            approval=approval,
            actor=self._actors(context),
        )
        return pb.ApproveCandidateResponse(
            candidate=candidate_to_proto(imported.candidate), product=product_to_proto(imported.product)
        )

    async def RejectCandidate(self, request: pb.RejectCandidateRequest, context: Context) -> pb.Candidate:
        candidate_id, reason = requests.reject_command(request)
        rejected = await self._sourcing.reject(
            tenant_id=request.tenant_id, candidate_id=candidate_id, reason=reason, actor=self._actors(context)
        )
        return candidate_to_proto(rejected)

    async def StartSourcingDiscovery(
        self, request: pb.StartSourcingDiscoveryRequest, context: Context
    ) -> wpb.Workflow:
        discovery = requests.discovery_command(request, self._sourcing.categories)
        workflow = await self._sourcing.start_discovery(tenant_id=request.tenant_id, request=discovery)
        return workflow_to_proto(workflow)
