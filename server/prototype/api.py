"""PrototypeRestService over gRPC: the prototype's request -> the contract's request -> the contract's
servicer (its validation, use case and mapping) -> the prototype's answer."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from crm.v2 import prototype_rest_service_pb2 as pb
from crm.v2 import prototype_rest_service_pb2_grpc
from crm.v2.analytics_service_pb2 import GetDashboardResponse
from crm.v2.event_service_pb2 import ListEventsResponse
from crm.v2.intelligence_service_pb2 import (
    BulkOptimizePricingResponse,
    GenerateMarketingStrategyResponse,
    OptimizePricingResponse,
    RecommendProductsResponse,
)
from crm.v2.inventory_service_pb2 import (
    ListInventoryResponse,
    OptimizeInventoryResponse,
    UpdateInventoryResponse,
)
from crm.v2.lead_service_pb2 import GetLeadAnalyticsResponse
from crm.v2.product_service_pb2 import BulkUpdateProductsResponse
from domain.errors import FieldViolation, InvalidArgument
from domain.tenancy import enter_tenant
from server.edge.auth import ANONYMOUS, current_principal
from server.edge.context import Context
from server.prototype import proto, requests
from server.prototype.usecases import tenant_for


@dataclass(frozen=True, slots=True)
class ContractServicers:
    """The contract's servicers the prototype's RPCs answer through (built by the wiring)."""

    system: Any
    products: Any
    intelligence: Any
    inventory: Any
    workflows: Any
    leads: Any
    orders: Any
    suppliers: Any
    analytics: Any
    events: Any


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
    enter_tenant(tenant)  # the call's transactions see this tenant's rows (row-level security)
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

    async def CreatePrototypeLead(
        self, request: pb.CreatePrototypeLeadRequest, context: Context
    ) -> pb.PrototypeLead:
        contract = requests.create_lead(request, tenant_of(request.tenant_id))
        with prototype_fields(requests.LEAD_FIELDS):
            return proto.lead(await self._contract.leads.CreateLead(contract, context))

    async def ListPrototypeLeads(
        self, request: pb.ListPrototypeLeadsRequest, context: Context
    ) -> pb.ListPrototypeLeadsResponse:
        contract = requests.list_leads(request, tenant_of(request.tenant_id))
        with prototype_fields(requests.LIST_FIELDS):
            return proto.lead_page(await self._contract.leads.ListLeads(contract, context))

    async def GetPrototypeLead(
        self, request: pb.GetPrototypeLeadRequest, context: Context
    ) -> pb.PrototypeLead:
        contract = requests.get_lead(request, tenant_of(request.tenant_id))
        return proto.lead(await self._contract.leads.GetLead(contract, context))

    async def GetPrototypeLeadAnalytics(
        self, request: pb.GetPrototypeLeadAnalyticsRequest, context: Context
    ) -> GetLeadAnalyticsResponse:
        contract = requests.lead_analytics(tenant_of(request.tenant_id))
        answer: GetLeadAnalyticsResponse = await self._contract.leads.GetLeadAnalytics(contract, context)
        return answer

    async def BulkUpdatePrototypeProducts(
        self, request: pb.BulkUpdatePrototypeProductsRequest, context: Context
    ) -> BulkUpdateProductsResponse:
        contract = requests.bulk_update(request, tenant_of(request.tenant_id))
        with prototype_fields(requests.BULK_UPDATE_FIELDS):
            answer: BulkUpdateProductsResponse = await self._contract.products.BulkUpdateProducts(
                contract, context
            )
        return answer

    async def CreatePrototypeOrder(
        self, request: pb.CreatePrototypeOrderRequest, context: Context
    ) -> pb.PrototypeOrder:
        contract = requests.create_order(request, tenant_of(request.tenant_id))
        with prototype_fields(requests.ORDER_FIELDS):
            return proto.order(await self._contract.orders.CreateOrder(contract, context))

    async def ListPrototypeOrders(
        self, request: pb.ListPrototypeOrdersRequest, context: Context
    ) -> pb.ListPrototypeOrdersResponse:
        contract = requests.list_orders(request, tenant_of(request.tenant_id))
        with prototype_fields(requests.LIST_FIELDS):
            return proto.order_page(await self._contract.orders.ListOrders(contract, context))

    async def GetPrototypeOrder(
        self, request: pb.GetPrototypeOrderRequest, context: Context
    ) -> pb.PrototypeOrder:
        contract = requests.get_order(request, tenant_of(request.tenant_id))
        return proto.order(await self._contract.orders.GetOrder(contract, context))

    async def UpdatePrototypeOrder(
        self, request: pb.UpdatePrototypeOrderRequest, context: Context
    ) -> pb.PrototypeOrder:
        contract = requests.update_order(request, tenant_of(request.tenant_id))
        with prototype_fields(requests.ORDER_FIELDS):
            return proto.order(await self._contract.orders.UpdateOrder(contract, context))

    async def ListPrototypeInventory(
        self, request: pb.ListPrototypeInventoryRequest, context: Context
    ) -> ListInventoryResponse:
        contract = requests.list_inventory(request, tenant_of(request.tenant_id))
        with prototype_fields(requests.LIST_FIELDS):
            answer: ListInventoryResponse = await self._contract.inventory.ListInventory(contract, context)
        return answer

    async def UpdatePrototypeInventory(
        self, request: pb.UpdatePrototypeInventoryRequest, context: Context
    ) -> UpdateInventoryResponse:
        contract = requests.update_inventory(request, tenant_of(request.tenant_id))
        with prototype_fields(requests.INVENTORY_FIELDS):
            answer: UpdateInventoryResponse = await self._contract.inventory.UpdateInventory(
                contract, context
            )
        return answer

    async def OptimizePrototypeInventory(
        self, request: pb.OptimizePrototypeInventoryRequest, context: Context
    ) -> OptimizeInventoryResponse:
        contract = requests.optimize_inventory(request, tenant_of(request.tenant_id))
        answer: OptimizeInventoryResponse = await self._contract.inventory.OptimizeInventory(
            contract, context
        )
        return answer

    async def CreatePrototypeSupplier(
        self, request: pb.CreatePrototypeSupplierRequest, context: Context
    ) -> pb.PrototypeSupplier:
        contract = requests.create_supplier(request, tenant_of(request.tenant_id))
        with prototype_fields(requests.SUPPLIER_FIELDS):
            return proto.supplier(await self._contract.suppliers.CreateSupplier(contract, context))

    async def ListPrototypeSuppliers(
        self, request: pb.ListPrototypeSuppliersRequest, context: Context
    ) -> pb.ListPrototypeSuppliersResponse:
        contract = requests.list_suppliers(request, tenant_of(request.tenant_id))
        with prototype_fields(requests.LIST_FIELDS):
            return proto.supplier_page(await self._contract.suppliers.ListSuppliers(contract, context))

    async def RecommendPrototypeProducts(
        self, request: pb.RecommendPrototypeProductsRequest, context: Context
    ) -> RecommendProductsResponse:
        contract = requests.recommend_products(request, tenant_of(request.tenant_id))
        answer: RecommendProductsResponse = await self._contract.intelligence.RecommendProducts(
            contract, context
        )
        return answer

    async def GeneratePrototypeMarketingStrategy(
        self, request: pb.GeneratePrototypeMarketingStrategyRequest, context: Context
    ) -> GenerateMarketingStrategyResponse:
        contract = requests.marketing_strategy(request, tenant_of(request.tenant_id))
        intelligence = self._contract.intelligence
        answer: GenerateMarketingStrategyResponse = await intelligence.GenerateMarketingStrategy(
            contract, context
        )
        return answer

    async def OptimizePrototypePricing(
        self, request: pb.OptimizePrototypePricingRequest, context: Context
    ) -> OptimizePricingResponse:
        contract = requests.optimize_pricing(request, tenant_of(request.tenant_id))
        with prototype_fields(requests.PRICING_FIELDS):
            answer: OptimizePricingResponse = await self._contract.intelligence.OptimizePricing(
                contract, context
            )
        return answer

    async def GetPrototypeDashboard(
        self, request: pb.GetPrototypeDashboardRequest, context: Context
    ) -> GetDashboardResponse:
        contract = requests.dashboard(request, tenant_of(request.tenant_id))
        answer: GetDashboardResponse = await self._contract.analytics.GetDashboard(contract, context)
        return answer

    async def BulkOptimizePrototypePricing(
        self, request: pb.BulkOptimizePrototypePricingRequest, context: Context
    ) -> BulkOptimizePricingResponse:
        contract = requests.bulk_pricing(request, tenant_of(request.tenant_id))
        with prototype_fields(requests.PRICING_FIELDS):
            intelligence = self._contract.intelligence
            answer: BulkOptimizePricingResponse = await intelligence.BulkOptimizePricing(contract, context)
        return answer

    async def ListPrototypeEvents(
        self, request: pb.ListPrototypeEventsRequest, context: Context
    ) -> ListEventsResponse:
        contract = requests.list_events(request, tenant_of(request.tenant_id))
        with prototype_fields(requests.EVENT_FIELDS):
            answer: ListEventsResponse = await self._contract.events.ListEvents(contract, context)
        return answer
