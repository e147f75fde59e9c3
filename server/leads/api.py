"""LeadService over gRPC: validate -> use case -> map."""

from __future__ import annotations

from google.protobuf import empty_pb2

from crm.v2 import lead_service_pb2 as pb
from crm.v2 import lead_service_pb2_grpc
from server.edge.actor import ANONYMOUS_ACTORS, ActorResolver
from server.edge.context import Context
from server.edge.page_tokens import page_response
from server.edge.validation import Violations, fingerprint_of, requested_id
from server.leads import requests
from server.leads.conversion import LeadConversionUseCases
from server.leads.proto import analytics_to_proto, conversion_to_proto, lead_to_proto
from server.leads.usecases import LeadUseCases


class LeadServicer(lead_service_pb2_grpc.LeadServiceServicer):
    def __init__(
        self,
        leads: LeadUseCases,
        conversions: LeadConversionUseCases,
        actors: ActorResolver = ANONYMOUS_ACTORS,
    ) -> None:
        self._leads = leads
        self._conversions = conversions
        self._actors = actors

    async def CreateLead(self, request: pb.CreateLeadRequest, context: Context) -> pb.Lead:
        draft, request_id = requests.create_command(request)
        lead = await self._leads.create(
            tenant_id=request.tenant_id,
            draft=draft,
            request_id=request_id,
            fingerprint=fingerprint_of(request) if request_id else None,
        )
        return lead_to_proto(lead)

    async def GetLead(self, request: pb.GetLeadRequest, context: Context) -> pb.Lead:
        lead_id = requested_id(request, request.lead_id, "lead_id")
        return lead_to_proto(await self._leads.get(tenant_id=request.tenant_id, lead_id=lead_id))

    async def ListLeads(self, request: pb.ListLeadsRequest, context: Context) -> pb.ListLeadsResponse:
        query = requests.list_query(request)
        page = await self._leads.list(tenant_id=query.tenant_id, criteria=query.criteria, page=query.page)
        return page_response(pb.ListLeadsResponse, "leads", page, lead_to_proto, query)

    async def UpdateLead(self, request: pb.UpdateLeadRequest, context: Context) -> pb.Lead:
        lead_id, changes = requests.update_command(request)
        lead = await self._leads.update(tenant_id=request.tenant_id, lead_id=lead_id, changes=changes)
        return lead_to_proto(lead)

    async def DeleteLead(self, request: pb.DeleteLeadRequest, context: Context) -> empty_pb2.Empty:
        lead_id = requested_id(request, request.lead_id, "lead_id")
        await self._leads.delete(tenant_id=request.tenant_id, lead_id=lead_id)
        return empty_pb2.Empty()

    async def ConvertLead(self, request: pb.ConvertLeadRequest, context: Context) -> pb.ConvertLeadResponse:
        lead_id, command = requests.convert_command(request)
        conversion = await self._conversions.convert(
            tenant_id=request.tenant_id, lead_id=lead_id, request=command, actor=self._actors(context)
        )
        return conversion_to_proto(conversion)

    async def GetLeadAnalytics(
        self, request: pb.GetLeadAnalyticsRequest, context: Context
    ) -> pb.GetLeadAnalyticsResponse:
        Violations.of(request).raise_if_any()
        return analytics_to_proto(await self._leads.analytics(tenant_id=request.tenant_id))
