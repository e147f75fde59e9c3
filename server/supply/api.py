"""SupplyService over gRPC: validate -> use case -> map."""

from __future__ import annotations

from crm.v2 import supply_service_pb2 as pb
from crm.v2 import supply_service_pb2_grpc
from server.edge.context import Context
from server.edge.page_tokens import page_response
from server.edge.validation import fingerprint_of, requested_id
from server.supply import requests
from server.supply.proto import offer_to_proto, ranking_to_proto
from server.supply.usecases import OfferUseCases


class SupplyServicer(supply_service_pb2_grpc.SupplyServiceServicer):
    def __init__(self, offers: OfferUseCases) -> None:
        self._offers = offers

    async def CreateOffer(self, request: pb.CreateOfferRequest, context: Context) -> pb.SupplierOffer:
        draft, request_id = requests.create_command(request)
        view = await self._offers.create(
            tenant_id=request.tenant_id,
            draft=draft,
            request_id=request_id,
            fingerprint=fingerprint_of(request) if request_id else None,
        )
        return offer_to_proto(view)

    async def GetOffer(self, request: pb.GetOfferRequest, context: Context) -> pb.SupplierOffer:
        offer_id = requested_id(request, request.offer_id, "offer_id")
        return offer_to_proto(await self._offers.get(tenant_id=request.tenant_id, offer_id=offer_id))

    async def ListOffers(self, request: pb.ListOffersRequest, context: Context) -> pb.ListOffersResponse:
        query = requests.list_query(request)
        page = await self._offers.list(tenant_id=query.tenant_id, criteria=query.criteria, page=query.page)
        return page_response(pb.ListOffersResponse, "offers", page, offer_to_proto, query)

    async def UpdateOffer(self, request: pb.UpdateOfferRequest, context: Context) -> pb.SupplierOffer:
        offer_id = requested_id(request, request.offer.id, "offer.id")
        changes = requests.update_command(request)
        view = await self._offers.update(tenant_id=request.tenant_id, offer_id=offer_id, changes=changes)
        return offer_to_proto(view)

    async def DeleteOffer(self, request: pb.DeleteOfferRequest, context: Context) -> pb.DeleteOfferResponse:
        offer_id = requested_id(request, request.offer_id, "offer_id")
        chosen = await self._offers.delete(tenant_id=request.tenant_id, offer_id=offer_id)
        return pb.DeleteOfferResponse(offer_id=str(offer_id), chosen_offer_id=str(chosen or ""))

    async def RankOffers(self, request: pb.RankOffersRequest, context: Context) -> pb.RankOffersResponse:
        product_id = requested_id(request, request.product_id, "product_id")
        return ranking_to_proto(await self._offers.rank(tenant_id=request.tenant_id, product_id=product_id))
