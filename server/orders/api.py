"""OrderService over gRPC: validate -> use case -> map."""

from __future__ import annotations

from crm.v2 import order_service_pb2 as pb
from crm.v2 import order_service_pb2_grpc
from server.edge.actor import ActorResolver
from server.edge.context import Context
from server.edge.page_tokens import page_response
from server.edge.validation import requested_id
from server.orders import requests
from server.orders.lifecycle import OrderLifecycle
from server.orders.proto import order_to_proto, risk_list_entry_to_proto
from server.orders.risk_lists import RiskListUseCases
from server.orders.usecases import OrderCreation


class OrderServicer(order_service_pb2_grpc.OrderServiceServicer):
    def __init__(
        self,
        creation: OrderCreation,
        lifecycle: OrderLifecycle,
        actors: ActorResolver,
        risk_lists: RiskListUseCases,
    ) -> None:
        self._creation = creation
        self._lifecycle = lifecycle
        self._actors = actors
        self._risk_lists = risk_lists

    async def CreateOrder(self, request: pb.CreateOrderRequest, context: Context) -> pb.Order:
        command = requests.create_command(request, actor=self._actors(context))
        order = await self._creation.create(command)
        return order_to_proto(order)

    async def GetOrder(self, request: pb.GetOrderRequest, context: Context) -> pb.Order:
        order_id = requested_id(request, request.order_id, "order_id")
        return order_to_proto(await self._lifecycle.get(tenant_id=request.tenant_id, order_id=order_id))

    async def ListOrders(self, request: pb.ListOrdersRequest, context: Context) -> pb.ListOrdersResponse:
        query = requests.list_query(request)
        page = await self._lifecycle.list(tenant_id=query.tenant_id, criteria=query.criteria, page=query.page)
        return page_response(pb.ListOrdersResponse, "orders", page, order_to_proto, query)

    async def UpdateOrder(self, request: pb.UpdateOrderRequest, context: Context) -> pb.Order:
        order_id, changes = requests.update_command(request, self._actors(context))
        order = await self._lifecycle.update(tenant_id=request.tenant_id, order_id=order_id, changes=changes)
        return order_to_proto(order)

    async def CancelOrder(self, request: pb.CancelOrderRequest, context: Context) -> pb.Order:
        order_id, reason = requests.cancel_command(request)
        order = await self._lifecycle.cancel(
            tenant_id=request.tenant_id, order_id=order_id, reason=reason, actor=self._actors(context)
        )
        return order_to_proto(order)

    async def CreateRiskListEntry(
        self, request: pb.CreateRiskListEntryRequest, context: Context
    ) -> pb.RiskListEntry:
        list_type, kind, value, reason = requests.risk_list_entry_command(request)
        entry = await self._risk_lists.add(
            tenant_id=request.tenant_id,
            list_type=list_type,
            kind=kind,
            value=value,
            reason=reason,
            actor=self._actors(context),
        )
        return risk_list_entry_to_proto(entry)

    async def ListRiskListEntries(
        self, request: pb.ListRiskListEntriesRequest, context: Context
    ) -> pb.ListRiskListEntriesResponse:
        query = requests.risk_lists_query(request)
        page = await self._risk_lists.list(
            tenant_id=query.tenant_id, criteria=query.criteria, page=query.page
        )
        return page_response(pb.ListRiskListEntriesResponse, "entries", page, risk_list_entry_to_proto, query)

    async def DeleteRiskListEntry(
        self, request: pb.DeleteRiskListEntryRequest, context: Context
    ) -> pb.RiskListEntry:
        entry_id = requested_id(request, request.entry_id, "entry_id")
        entry = await self._risk_lists.remove(
            tenant_id=request.tenant_id, entry_id=entry_id, actor=self._actors(context)
        )
        return risk_list_entry_to_proto(entry)
