"""InventoryService over gRPC: validate -> use case -> map."""

from __future__ import annotations

from crm.v2 import inventory_service_pb2 as pb
from crm.v2 import inventory_service_pb2_grpc
from server.edge.actor import ActorResolver
from server.edge.context import Context
from server.edge.page_tokens import encode_token, page_response
from server.inventory import requests
from server.inventory.proto import (
    alerts_response,
    level_to_proto,
    movement_to_proto,
    optimize_response,
    recommendation_to_proto,
)
from server.inventory.usecases import InventoryUseCases


class InventoryServicer(inventory_service_pb2_grpc.InventoryServiceServicer):
    def __init__(self, inventory: InventoryUseCases, actors: ActorResolver) -> None:
        self._inventory = inventory
        self._actors = actors

    async def ListInventory(
        self, request: pb.ListInventoryRequest, context: Context
    ) -> pb.ListInventoryResponse:
        query = requests.list_query(request)
        page = await self._inventory.list(tenant_id=query.tenant_id, criteria=query.criteria, page=query.page)
        return page_response(pb.ListInventoryResponse, "inventory_levels", page, level_to_proto, query)

    async def GetInventory(
        self, request: pb.GetInventoryRequest, context: Context
    ) -> pb.GetInventoryResponse:
        product_id, limit = requests.get_query(request)
        view, movements, total = await self._inventory.get(
            tenant_id=request.tenant_id, product_id=product_id, movement_limit=limit
        )
        return pb.GetInventoryResponse(
            inventory_level=level_to_proto(view),
            movements=[movement_to_proto(m) for m in movements],
            total_movements=total,
        )

    async def UpdateInventory(
        self, request: pb.UpdateInventoryRequest, context: Context
    ) -> pb.UpdateInventoryResponse:
        product_id, change = requests.update_command(request, self._actors(context))
        result = await self._inventory.update(
            tenant_id=request.tenant_id, product_id=product_id, change=change
        )
        return pb.UpdateInventoryResponse(
            inventory_level=level_to_proto(result.view),
            movement=movement_to_proto(result.movement) if result.movement else None,
            reorder_recommendation=recommendation_to_proto(result.recommendation),
        )

    async def OptimizeInventory(
        self, request: pb.OptimizeInventoryRequest, context: Context
    ) -> pb.OptimizeInventoryResponse:
        product_id, command = requests.optimize_command(request)
        result = await self._inventory.optimize(
            tenant_id=request.tenant_id, product_id=product_id, request=command
        )
        return optimize_response(result)

    async def GetInventoryAlerts(
        self, request: pb.GetInventoryAlertsRequest, context: Context
    ) -> pb.GetInventoryAlertsResponse:
        query = requests.alerts_query(request)
        page = await self._inventory.alerts(
            tenant_id=query.tenant_id, alert_filter=query.criteria, page=query.page
        )
        return alerts_response(page, encode_token(page.next_after, query.fingerprint))
