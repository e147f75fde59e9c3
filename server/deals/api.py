"""DealService over gRPC: validate -> use case -> map."""

from __future__ import annotations

from google.protobuf import empty_pb2

from crm.v2 import deal_service_pb2 as pb
from crm.v2 import deal_service_pb2_grpc
from server.deals import requests
from server.deals.proto import deal_to_proto, summary_to_proto
from server.deals.usecases import DealUseCases
from server.edge.actor import ActorResolver
from server.edge.context import Context
from server.edge.page_tokens import page_response
from server.edge.validation import requested_id


class DealServicer(deal_service_pb2_grpc.DealServiceServicer):
    def __init__(self, deals: DealUseCases, actors: ActorResolver) -> None:
        self._deals = deals
        self._actors = actors

    async def CreateDeal(self, request: pb.CreateDealRequest, context: Context) -> pb.Deal:
        draft, actor = requests.create_command(request)
        deal = await self._deals.create(
            tenant_id=request.tenant_id, draft=draft, actor=self._actors(context, actor)
        )
        return deal_to_proto(deal)

    async def GetDeal(self, request: pb.GetDealRequest, context: Context) -> pb.Deal:
        deal_id = requested_id(request, request.deal_id, "deal_id")
        return deal_to_proto(await self._deals.get(tenant_id=request.tenant_id, deal_id=deal_id))

    async def ListDeals(self, request: pb.ListDealsRequest, context: Context) -> pb.ListDealsResponse:
        query = requests.list_query(request)
        page = await self._deals.list(tenant_id=query.tenant_id, criteria=query.criteria, page=query.page)
        return page_response(pb.ListDealsResponse, "deals", page, deal_to_proto, query)

    async def UpdateDeal(self, request: pb.UpdateDealRequest, context: Context) -> pb.Deal:
        deal_id = requested_id(request, request.deal.id, "deal.id")
        changes, actor = requests.update_command(request)
        deal = await self._deals.update(
            tenant_id=request.tenant_id,
            deal_id=deal_id,
            changes=changes,
            allow_reopen=request.allow_reopen,
            actor=self._actors(context, actor),
        )
        return deal_to_proto(deal)

    async def DeleteDeal(self, request: pb.DeleteDealRequest, context: Context) -> empty_pb2.Empty:
        deal_id = requested_id(request, request.deal_id, "deal_id")
        await self._deals.delete(tenant_id=request.tenant_id, deal_id=deal_id)
        return empty_pb2.Empty()

    async def GetPipelineSummary(
        self, request: pb.GetPipelineSummaryRequest, context: Context
    ) -> pb.GetPipelineSummaryResponse:
        query = requests.pipeline_query(request)
        return summary_to_proto(await self._deals.pipeline(tenant_id=request.tenant_id, query=query))
