"""Client methods of intelligence (cross-sell, pricing, related products, marketing) and workflows.

Mixins for AsyncCrmClient and CrmClient; they use the host client's `_channel`, `_config` and `_unary`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from crm.v2 import (
    intelligence_service_pb2,
    intelligence_service_pb2_grpc,
    workflow_service_pb2,
    workflow_service_pb2_grpc,
)

I = intelligence_service_pb2  # noqa: E741
W = workflow_service_pb2


class _IntelligenceStubs:
    _channel: Any
    _config: Any

    @property
    def _intelligence(self) -> intelligence_service_pb2_grpc.IntelligenceServiceStub:
        return intelligence_service_pb2_grpc.IntelligenceServiceStub(self._channel)

    @property
    def _workflows(self) -> workflow_service_pb2_grpc.WorkflowServiceStub:
        return workflow_service_pb2_grpc.WorkflowServiceStub(self._channel)

    def _requests(self, name: str, **fields: Any) -> tuple[Any, Any]:
        """The stub method and the request message of an RPC, with the configured tenant."""
        stub, message = _RPCS[name]
        stub_object = self._intelligence if stub == "intelligence" else self._workflows
        return getattr(stub_object, name), message(tenant_id=self._config.tenant_id, **fields)


_RPCS: dict[str, tuple[str, Any]] = {
    "RecommendCrossSell": ("intelligence", I.RecommendCrossSellRequest),
    "OptimizePricing": ("intelligence", I.OptimizePricingRequest),
    "BulkOptimizePricing": ("intelligence", I.BulkOptimizePricingRequest),
    "RecommendProducts": ("intelligence", I.RecommendProductsRequest),
    "GenerateMarketingStrategy": ("intelligence", I.GenerateMarketingStrategyRequest),
    "StartProductClassification": ("workflows", W.StartProductClassificationRequest),
    "GetWorkflow": ("workflows", W.GetWorkflowRequest),
    "ListWorkflows": ("workflows", W.ListWorkflowsRequest),
    "CancelWorkflow": ("workflows", W.CancelWorkflowRequest),
}


class AsyncIntelligenceMixin(_IntelligenceStubs):
    _unary: Any

    async def recommend_cross_sell(
        self, product_id: str, kind: int, limit: int = 0
    ) -> I.RecommendCrossSellResponse:
        return await self._unary(
            *self._requests("RecommendCrossSell", product_id=product_id, type=kind, limit=limit)
        )

    async def optimize_pricing(self, product_id: str, **options: Any) -> I.OptimizePricingResponse:
        """Options: market_conditions (I.MarketConditions), charm_pricing."""
        return await self._unary(*self._requests("OptimizePricing", product_id=product_id, **options))

    async def bulk_optimize_pricing(self, **selection: Any) -> I.BulkOptimizePricingResponse:
        """Selection: product_ids, category, classification, all_products; plus apply, charm_pricing..."""
        return await self._unary(*self._requests("BulkOptimizePricing", **selection))

    async def recommend_products(self, product_id: str, **options: Any) -> I.RecommendProductsResponse:
        return await self._unary(*self._requests("RecommendProducts", product_id=product_id, **options))

    async def generate_marketing_strategy(
        self, product_id: str, **options: Any
    ) -> I.GenerateMarketingStrategyResponse:
        return await self._unary(
            *self._requests("GenerateMarketingStrategy", product_id=product_id, **options)
        )

    async def start_product_classification(self, product_id: str) -> W.Workflow:
        return await self._unary(*self._requests("StartProductClassification", product_id=product_id))

    async def get_workflow(self, workflow_id: str) -> W.Workflow:
        return await self._unary(*self._requests("GetWorkflow", workflow_id=workflow_id))

    async def list_workflows(self, *, states: Sequence[int] = (), **filters: Any) -> W.ListWorkflowsResponse:
        return await self._unary(*self._requests("ListWorkflows", states=list(states), **filters))

    async def cancel_workflow(self, workflow_id: str) -> W.Workflow:
        return await self._unary(*self._requests("CancelWorkflow", workflow_id=workflow_id))


class SyncIntelligenceMixin(_IntelligenceStubs):
    _unary: Any

    def recommend_cross_sell(
        self, product_id: str, kind: int, limit: int = 0
    ) -> I.RecommendCrossSellResponse:
        return self._unary(
            *self._requests("RecommendCrossSell", product_id=product_id, type=kind, limit=limit)
        )

    def optimize_pricing(self, product_id: str, **options: Any) -> I.OptimizePricingResponse:
        """Options: market_conditions (I.MarketConditions), charm_pricing."""
        return self._unary(*self._requests("OptimizePricing", product_id=product_id, **options))

    def bulk_optimize_pricing(self, **selection: Any) -> I.BulkOptimizePricingResponse:
        return self._unary(*self._requests("BulkOptimizePricing", **selection))

    def recommend_products(self, product_id: str, **options: Any) -> I.RecommendProductsResponse:
        return self._unary(*self._requests("RecommendProducts", product_id=product_id, **options))

    def generate_marketing_strategy(
        self, product_id: str, **options: Any
    ) -> I.GenerateMarketingStrategyResponse:
        return self._unary(*self._requests("GenerateMarketingStrategy", product_id=product_id, **options))

    def start_product_classification(self, product_id: str) -> W.Workflow:
        return self._unary(*self._requests("StartProductClassification", product_id=product_id))

    def get_workflow(self, workflow_id: str) -> W.Workflow:
        return self._unary(*self._requests("GetWorkflow", workflow_id=workflow_id))

    def list_workflows(self, *, states: Sequence[int] = (), **filters: Any) -> W.ListWorkflowsResponse:
        return self._unary(*self._requests("ListWorkflows", states=list(states), **filters))

    def cancel_workflow(self, workflow_id: str) -> W.Workflow:
        return self._unary(*self._requests("CancelWorkflow", workflow_id=workflow_id))
