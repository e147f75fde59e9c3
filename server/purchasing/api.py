"""PurchaseOrderService over gRPC: validate -> use case -> map."""

from __future__ import annotations

from crm.v2 import purchase_order_service_pb2 as pb
from crm.v2 import purchase_order_service_pb2_grpc
from server.edge.actor import ActorResolver
from server.edge.context import Context
from server.edge.page_tokens import page_response
from server.edge.validation import fingerprint_of, requested_id
from server.purchasing import requests
from server.purchasing.proto import purchase_order_to_proto
from server.purchasing.usecases import PurchaseOrderUseCases


class PurchaseOrderServicer(purchase_order_service_pb2_grpc.PurchaseOrderServiceServicer):
    def __init__(self, purchase_orders: PurchaseOrderUseCases, actors: ActorResolver) -> None:
        self._purchase_orders = purchase_orders
        self._actors = actors

    async def CreatePurchaseOrder(
        self, request: pb.CreatePurchaseOrderRequest, context: Context
    ) -> pb.PurchaseOrder:
        draft, request_id = requests.create_command(request)
        po = await self._purchase_orders.create(
            tenant_id=request.tenant_id,
            draft=draft,
            request_id=request_id,
            fingerprint=fingerprint_of(request) if request_id else None,
        )
        return purchase_order_to_proto(po)

    async def GetPurchaseOrder(
        self, request: pb.GetPurchaseOrderRequest, context: Context
    ) -> pb.PurchaseOrder:
        po_id = requested_id(request, request.purchase_order_id, "purchase_order_id")
        po = await self._purchase_orders.get(tenant_id=request.tenant_id, purchase_order_id=po_id)
        return purchase_order_to_proto(po)

    async def ListPurchaseOrders(
        self, request: pb.ListPurchaseOrdersRequest, context: Context
    ) -> pb.ListPurchaseOrdersResponse:
        query = requests.list_query(request)
        page = await self._purchase_orders.list(
            tenant_id=query.tenant_id, criteria=query.criteria, page=query.page
        )
        return page_response(
            pb.ListPurchaseOrdersResponse, "purchase_orders", page, purchase_order_to_proto, query
        )

    async def UpdatePurchaseOrder(
        self, request: pb.UpdatePurchaseOrderRequest, context: Context
    ) -> pb.PurchaseOrder:
        po_id = requested_id(request, request.purchase_order.id, "purchase_order.id")
        changes = requests.update_command(request, self._actors(context))
        po = await self._purchase_orders.update(
            tenant_id=request.tenant_id, purchase_order_id=po_id, changes=changes
        )
        return purchase_order_to_proto(po)

    async def CancelPurchaseOrder(
        self, request: pb.CancelPurchaseOrderRequest, context: Context
    ) -> pb.PurchaseOrder:
        po_id, reason = requests.cancel_command(request)
        po = await self._purchase_orders.cancel(
            tenant_id=request.tenant_id, purchase_order_id=po_id, reason=reason, actor=self._actors(context)
        )
        return purchase_order_to_proto(po)
