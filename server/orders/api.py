"""OrderService over gRPC: validate -> use case -> map."""

from __future__ import annotations

import grpc

from crm.v2 import order_service_pb2 as pb
from crm.v2 import order_service_pb2_grpc
from server.edge.actor import ActorResolver
from server.edge.page_tokens import page_response
from server.edge.validation import tenant_and_id
from server.orders import requests
from server.orders.lifecycle import OrderLifecycle
from server.orders.proto import order_to_proto
from server.orders.usecases import OrderCreation


class OrderServicer(order_service_pb2_grpc.OrderServiceServicer):
    def __init__(self, creation: OrderCreation, lifecycle: OrderLifecycle, actors: ActorResolver) -> None:
        self._creation = creation
        self._lifecycle = lifecycle
        self._actors = actors

    async def CreateOrder(
        self,
        request: pb.CreateOrderRequest,
        context: grpc.aio.ServicerContext[pb.CreateOrderRequest, pb.Order],
    ) -> pb.Order:
        command = requests.create_command(request, actor=self._actors(context))
        return order_to_proto(await self._creation.create(command))

    async def GetOrder(
        self, request: pb.GetOrderRequest, context: grpc.aio.ServicerContext[pb.GetOrderRequest, pb.Order]
    ) -> pb.Order:
        order_id = tenant_and_id(request.tenant_id, request.order_id, "order_id")
        return order_to_proto(await self._lifecycle.get(tenant_id=request.tenant_id, order_id=order_id))

    async def ListOrders(
        self,
        request: pb.ListOrdersRequest,
        context: grpc.aio.ServicerContext[pb.ListOrdersRequest, pb.ListOrdersResponse],
    ) -> pb.ListOrdersResponse:
        query = requests.list_query(request)
        page = await self._lifecycle.list(tenant_id=query.tenant_id, criteria=query.criteria, page=query.page)
        return page_response(pb.ListOrdersResponse, "orders", page, order_to_proto, query)

    async def UpdateOrder(
        self,
        request: pb.UpdateOrderRequest,
        context: grpc.aio.ServicerContext[pb.UpdateOrderRequest, pb.Order],
    ) -> pb.Order:
        order_id, changes = requests.update_command(request, self._actors(context))
        order = await self._lifecycle.update(tenant_id=request.tenant_id, order_id=order_id, changes=changes)
        return order_to_proto(order)

    async def CancelOrder(
        self,
        request: pb.CancelOrderRequest,
        context: grpc.aio.ServicerContext[pb.CancelOrderRequest, pb.Order],
    ) -> pb.Order:
        order_id, reason = requests.cancel_command(request)
        order = await self._lifecycle.cancel(
            tenant_id=request.tenant_id, order_id=order_id, reason=reason, actor=self._actors(context)
        )
        return order_to_proto(order)
