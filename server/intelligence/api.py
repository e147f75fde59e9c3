"""IntelligenceService over gRPC: validate -> use case -> map."""

from __future__ import annotations

from crm.v2 import intelligence_service_pb2 as pb
from crm.v2 import intelligence_service_pb2_grpc
from server.edge.context import Context
from server.intelligence import requests
from server.intelligence.pricing import PricingUseCases
from server.intelligence.proto import cross_sell_to_proto, price_to_proto, related_to_proto
from server.intelligence.usecases import IntelligenceUseCases
from server.workflows.proto import strategy_to_proto, summary_to_proto, workflow_to_proto


class IntelligenceServicer(intelligence_service_pb2_grpc.IntelligenceServiceServicer):
    def __init__(
        self, intelligence: IntelligenceUseCases, pricing: PricingUseCases, *, max_response_bytes: int
    ) -> None:
        self._intelligence = intelligence
        self._pricing = pricing
        # Per-product results stop before the response would exceed the gRPC message limit.
        self._results_budget = int(max_response_bytes * 0.9)

    async def RecommendCrossSell(
        self, request: pb.RecommendCrossSellRequest, context: Context
    ) -> pb.RecommendCrossSellResponse:
        product_id, kind, limit = requests.cross_sell_command(request)
        answer = await self._intelligence.cross_sell(
            tenant_id=request.tenant_id, product_id=product_id, kind=kind, limit=limit
        )
        return cross_sell_to_proto(answer)

    async def OptimizePricing(
        self, request: pb.OptimizePricingRequest, context: Context
    ) -> pb.OptimizePricingResponse:
        product_id, conditions = requests.pricing_command(request)
        priced = await self._pricing.optimize(
            tenant_id=request.tenant_id,
            product_id=product_id,
            conditions=conditions,
            charm=request.charm_pricing,
        )
        return pb.OptimizePricingResponse(recommendation=price_to_proto(priced))

    async def BulkOptimizePricing(
        self, request: pb.BulkOptimizePricingRequest, context: Context
    ) -> pb.BulkOptimizePricingResponse:
        command = requests.bulk_command(request)
        answer = await self._pricing.bulk(tenant_id=request.tenant_id, request=command)
        if answer.workflow is not None:
            return pb.BulkOptimizePricingResponse(
                workflow_id=str(answer.workflow.id), workflow=workflow_to_proto(answer.workflow)
            )
        assert answer.outcome is not None
        results, used = [], 0
        for priced in answer.results:
            message = price_to_proto(priced)
            used += message.ByteSize() + 8  # field tag and length prefix
            if used > self._results_budget:
                break
            results.append(message)
        return pb.BulkOptimizePricingResponse(
            summary=summary_to_proto(answer.outcome),
            results=results,
            results_truncated=answer.truncated or len(results) < len(answer.results),
        )

    async def RecommendProducts(
        self, request: pb.RecommendProductsRequest, context: Context
    ) -> pb.RecommendProductsResponse:
        product_id, limit = requests.related_command(request)
        answer = await self._intelligence.related(
            tenant_id=request.tenant_id,
            product_id=product_id,
            limit=limit,
            skip_sourcing=request.skip_sourcing,
        )
        return related_to_proto(answer)

    async def GenerateMarketingStrategy(
        self, request: pb.GenerateMarketingStrategyRequest, context: Context
    ) -> pb.GenerateMarketingStrategyResponse:
        product_id, budget = requests.strategy_command(request)
        outcome = await self._intelligence.marketing_strategy(
            tenant_id=request.tenant_id, product_id=product_id, budget=budget, skip_agent=request.skip_agent
        )
        return pb.GenerateMarketingStrategyResponse(strategy=strategy_to_proto(outcome))
