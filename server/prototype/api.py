"""PrototypeRestService over gRPC: the prototype's request -> the contract's request -> the contract's
servicer (its validation, use case and mapping) -> the prototype's answer."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import grpc

from crm.v2 import prototype_rest_service_pb2 as pb
from crm.v2 import prototype_rest_service_pb2_grpc
from domain.errors import FieldViolation, InvalidArgument
from server.edge.auth import ANONYMOUS, current_principal
from server.prototype import proto, requests
from server.prototype.usecases import tenant_for

Context = grpc.aio.ServicerContext[Any, Any]


@dataclass(frozen=True, slots=True)
class ContractServicers:
    """The contract's servicers the prototype's RPCs answer through (built by the wiring)."""

    system: Any
    products: Any
    intelligence: Any
    inventory: Any
    workflows: Any


@contextmanager
def prototype_fields(names: Mapping[str, str]) -> Iterator[None]:
    """Field violations of the contract's RPC renamed to the fields the prototype's caller sent."""
    try:
        yield
    except InvalidArgument as error:
        renamed = tuple(FieldViolation(_renamed(v.field, names), v.description) for v in error.violations)
        for old, new in zip(error.violations, renamed, strict=True):
            error.message = error.message.replace(f"{old.field}:", f"{new.field}:")
        error.violations = renamed
        raise


def _renamed(field: str, names: Mapping[str, str]) -> str:
    for old in sorted(names, key=len, reverse=True):
        if field == old or field.startswith(old + "."):
            return (names[old] + field[len(old) :]).lstrip(".") or "body"
    return field


def tenant_of(requested: int) -> int:
    """The tenant of a prototype call (see usecases.tenant_for), checked against the caller's token."""
    principal = current_principal.get() or ANONYMOUS
    tenant = tenant_for(requested, granted=principal.tenants, authenticated=principal is not ANONYMOUS)
    if tenant is None:
        raise InvalidArgument(
            [FieldViolation("tenant_id", "is required: the token grants more than one tenant")]
        )
    principal.authorize(tenant)
    return tenant


class PrototypeRestServicer(prototype_rest_service_pb2_grpc.PrototypeRestServiceServicer):
    def __init__(self, contract: ContractServicers) -> None:
        self._contract = contract

    async def GetPrototypeHealth(
        self, request: pb.GetPrototypeHealthRequest, context: Context
    ) -> pb.PrototypeHealth:
        answer = await self._contract.system.GetHealth(requests.health(tenant_of(request.tenant_id)), context)
        return proto.health(answer)

    async def CreatePrototypeProduct(
        self, request: pb.CreatePrototypeProductRequest, context: Context
    ) -> pb.PrototypeProduct:
        contract = requests.create_product(request, tenant_of(request.tenant_id))
        with prototype_fields(requests.PRODUCT_FIELDS):
            return proto.product(await self._contract.products.CreateProduct(contract, context))

    async def ListPrototypeProducts(
        self, request: pb.ListPrototypeProductsRequest, context: Context
    ) -> pb.ListPrototypeProductsResponse:
        contract = requests.list_products(request, tenant_of(request.tenant_id))
        with prototype_fields(requests.LIST_PRODUCT_FIELDS):
            return proto.product_page(await self._contract.products.ListProducts(contract, context))

    async def GetPrototypeProduct(
        self, request: pb.GetPrototypeProductRequest, context: Context
    ) -> pb.PrototypeProduct:
        contract = requests.get_product(request, tenant_of(request.tenant_id))
        return proto.product(await self._contract.products.GetProduct(contract, context))

    async def UpdatePrototypeProduct(
        self, request: pb.UpdatePrototypeProductRequest, context: Context
    ) -> pb.PrototypeProduct:
        contract = requests.update_product(request, tenant_of(request.tenant_id))
        with prototype_fields(requests.PRODUCT_FIELDS):
            return proto.product(await self._contract.products.UpdateProduct(contract, context))

    async def DeletePrototypeProduct(
        self, request: pb.DeletePrototypeProductRequest, context: Context
    ) -> pb.PrototypeProduct:
        contract = requests.delete_product(request, tenant_of(request.tenant_id))
        return proto.product(await self._contract.products.DeleteProduct(contract, context))

    async def RecommendPrototypeCrossSell(
        self, request: pb.RecommendPrototypeCrossSellRequest, context: Context
    ) -> pb.RecommendPrototypeCrossSellResponse:
        contract = requests.cross_sell(request, tenant_of(request.tenant_id))
        with prototype_fields(requests.CROSS_SELL_FIELDS):
            return proto.cross_sell(await self._contract.intelligence.RecommendCrossSell(contract, context))

    async def GetPrototypeInventoryAlerts(
        self, request: pb.GetPrototypeInventoryAlertsRequest, context: Context
    ) -> pb.GetPrototypeInventoryAlertsResponse:
        contract = requests.inventory_alerts(request, tenant_of(request.tenant_id))
        with prototype_fields(requests.ALERT_FIELDS):
            answer = await self._contract.inventory.GetInventoryAlerts(contract, context)
        return proto.inventory_alerts(answer, request.alert_type)

    async def StartPrototypeProductClassification(
        self, request: pb.StartPrototypeProductClassificationRequest, context: Context
    ) -> pb.PrototypeWorkflow:
        contract = requests.start_classification(request, tenant_of(request.tenant_id))
        return proto.workflow(await self._contract.workflows.StartProductClassification(contract, context))

    async def GetPrototypeWorkflow(
        self, request: pb.GetPrototypeWorkflowRequest, context: Context
    ) -> pb.PrototypeWorkflow:
        contract = requests.get_workflow(request, tenant_of(request.tenant_id))
        return proto.workflow(await self._contract.workflows.GetWorkflow(contract, context))
