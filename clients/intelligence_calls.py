"""Client calls of intelligence (cross-sell, pricing, related products, marketing) and workflows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from clients.calls import Calls, rpc, service
from crm.v2 import (
    intelligence_service_pb2,
    intelligence_service_pb2_grpc,
    workflow_service_pb2,
    workflow_service_pb2_grpc,
)

Workflow = workflow_service_pb2.Workflow


class IntelligenceCalls(Calls):
    """IntelligenceService and WorkflowService."""

    _intelligence = service(intelligence_service_pb2_grpc.IntelligenceServiceStub)
    _workflows = service(workflow_service_pb2_grpc.WorkflowServiceStub)

    @rpc
    async def recommend_cross_sell(
        self, product_id: str, kind: int, limit: int = 0
    ) -> intelligence_service_pb2.RecommendCrossSellResponse:
        """Products to offer with `product_id`; `kind` is a CrossSellType value."""
        request = intelligence_service_pb2.RecommendCrossSellRequest(
            tenant_id=self.tenant_id,
            product_id=product_id,
            type=kind,  # type: ignore[arg-type]
            limit=limit,
        )
        return await self._transport.unary(
            self._intelligence.RecommendCrossSell,
            request,
            intelligence_service_pb2.RecommendCrossSellResponse,
        )

    @rpc
    async def optimize_pricing(
        self, /, product_id: str, **options: Any
    ) -> intelligence_service_pb2.OptimizePricingResponse:
        """Options: market_conditions (MarketConditions), charm_pricing."""
        request = intelligence_service_pb2.OptimizePricingRequest(
            tenant_id=self.tenant_id, product_id=product_id, **options
        )
        return await self._transport.unary(
            self._intelligence.OptimizePricing, request, intelligence_service_pb2.OptimizePricingResponse
        )

    @rpc
    async def bulk_optimize_pricing(
        self, /, **selection: Any
    ) -> intelligence_service_pb2.BulkOptimizePricingResponse:
        """Selection: product_ids, category, classification, all_products; plus apply, charm_pricing..."""
        request = intelligence_service_pb2.BulkOptimizePricingRequest(tenant_id=self.tenant_id, **selection)
        return await self._transport.unary(
            self._intelligence.BulkOptimizePricing,
            request,
            intelligence_service_pb2.BulkOptimizePricingResponse,
        )

    @rpc
    async def recommend_products(
        self, /, product_id: str, **options: Any
    ) -> intelligence_service_pb2.RecommendProductsResponse:
        """Products related to `product_id`."""
        request = intelligence_service_pb2.RecommendProductsRequest(
            tenant_id=self.tenant_id, product_id=product_id, **options
        )
        return await self._transport.unary(
            self._intelligence.RecommendProducts, request, intelligence_service_pb2.RecommendProductsResponse
        )

    @rpc
    async def generate_marketing_strategy(
        self, /, product_id: str, **options: Any
    ) -> intelligence_service_pb2.GenerateMarketingStrategyResponse:
        """A marketing strategy for a product."""
        request = intelligence_service_pb2.GenerateMarketingStrategyRequest(
            tenant_id=self.tenant_id, product_id=product_id, **options
        )
        return await self._transport.unary(
            self._intelligence.GenerateMarketingStrategy,
            request,
            intelligence_service_pb2.GenerateMarketingStrategyResponse,
        )

    @rpc
    async def start_product_classification(self, product_id: str) -> Workflow:
        """Start the classification workflow of a product."""
        request = workflow_service_pb2.StartProductClassificationRequest(
            tenant_id=self.tenant_id, product_id=product_id
        )
        return await self._transport.unary(self._workflows.StartProductClassification, request, Workflow)

    @rpc
    async def get_workflow(self, workflow_id: str) -> Workflow:
        """Fetch one workflow; NOT_FOUND when it is not in the tenant."""
        request = workflow_service_pb2.GetWorkflowRequest(tenant_id=self.tenant_id, workflow_id=workflow_id)
        return await self._transport.unary(self._workflows.GetWorkflow, request, Workflow)

    @rpc
    async def list_workflows(
        self, /, *, states: Sequence[int] = (), **filters: Any
    ) -> workflow_service_pb2.ListWorkflowsResponse:
        """One page of workflows; `states` take WorkflowState values."""
        request = workflow_service_pb2.ListWorkflowsRequest(
            tenant_id=self.tenant_id,
            states=list(states),  # type: ignore[arg-type]
            **filters,
        )
        return await self._transport.unary(
            self._workflows.ListWorkflows, request, workflow_service_pb2.ListWorkflowsResponse
        )

    @rpc
    async def cancel_workflow(self, workflow_id: str) -> Workflow:
        """Cancel a workflow."""
        request = workflow_service_pb2.CancelWorkflowRequest(
            tenant_id=self.tenant_id, workflow_id=workflow_id
        )
        return await self._transport.unary(self._workflows.CancelWorkflow, request, Workflow)
