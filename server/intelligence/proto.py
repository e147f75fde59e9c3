"""Intelligence answers -> protobuf (intelligence_service.proto)."""

from __future__ import annotations

from crm.v2 import common_pb2, events_pb2
from crm.v2 import intelligence_service_pb2 as pb
from domain import intelligence_events as ev
from domain.intelligence import CrossSellAnswer, PricedProduct, RelatedAnswer
from domain.money import Money
from domain.workflows import BulkPricingOutcome
from engines.pricing import PricingConstraint
from server.catalog.proto import CLASSIFICATION
from server.edge.convert import EnumMapping, factors_to_proto, money_to_proto
from server.events.registration import EventRegistration
from server.intelligence.requests import CROSS_SELL_TYPE, DEMAND
from server.workflows.proto import (
    SOURCE,
    strategy_to_proto,
    summary_to_proto,
)

CONSTRAINT = EnumMapping(pb.PricingConstraint, PricingConstraint, "PRICING_CONSTRAINT")

ENGINE = common_pb2.RESULT_SOURCE_ENGINE


def cross_sell_to_proto(answer: CrossSellAnswer) -> pb.RecommendCrossSellResponse:
    return pb.RecommendCrossSellResponse(
        product_id=str(answer.product_id),
        type=CROSS_SELL_TYPE.to_proto(answer.kind),
        recommendations=[
            pb.CrossSellRecommendation(
                product_id=str(r.candidate.id),
                sku=r.candidate.sku,
                title=r.candidate.title,
                category=r.candidate.category,
                price=money_to_proto(Money(r.candidate.price, r.candidate.currency)),
                price_ratio=r.price_ratio,
                classification=CLASSIFICATION.to_proto(r.candidate.classification),
                confidence=r.confidence,
                co_purchase_strength=r.co_purchase_strength,
                co_purchase_count=r.candidate.co_purchase_count,
                factors=factors_to_proto(r.factors),
                reasons=list(r.reasons),
            )
            for r in answer.result.recommendations
        ],
        candidate_count=answer.result.candidate_count,
        source=ENGINE,
    )


def price_to_proto(priced: PricedProduct) -> pb.PriceRecommendation:
    r, currency = priced.result, priced.current_price.currency
    return pb.PriceRecommendation(
        product_id=str(priced.product_id),
        sku=priced.sku,
        title=priced.title,
        source_price=money_to_proto(priced.source_price),
        current_price=money_to_proto(priced.current_price),
        recommended_price=money_to_proto(priced.recommended_price),
        expected_margin=r.expected_margin,
        change_percent=r.change_percent,
        demand_level=DEMAND.to_proto(r.demand),
        demand_derived=r.demand_derived,
        factors=[
            pb.PricingFactor(
                name=s.name,
                multiplier=float(s.multiplier),
                price_after=money_to_proto(Money(s.price_after, currency)),
                explanation=s.explanation,
            )
            for s in r.steps
        ],
        constraints=[CONSTRAINT.to_proto(c) for c in r.constraints],
        confidence=r.confidence,
        source=ENGINE,
    )


def related_to_proto(answer: RelatedAnswer) -> pb.RecommendProductsResponse:
    return pb.RecommendProductsResponse(
        product_id=str(answer.product_id),
        related_products=[
            pb.RelatedProduct(
                product_id=str(r.item.id),
                sku=r.item.sku,
                title=r.item.title,
                category=r.item.category,
                price=money_to_proto(Money(r.item.price, r.item.currency)),
                dropship_score=r.item.dropship_score,
                classification=CLASSIFICATION.to_proto(r.item.classification),
                relevance_score=r.relevance,
                factors=factors_to_proto(r.factors),
            )
            for r in answer.related
        ],
        sourcing_suggestions=[
            pb.SourcingSuggestion(
                title=s.title,
                marketplace=s.marketplace,
                url=s.url,
                estimated_source_price=money_to_proto(s.estimated_source_price),
                suggested_price=money_to_proto(s.suggested_price),
                rationale=s.rationale,
                confidence=s.confidence,
            )
            for s in answer.suggestions
        ],
        source=SOURCE.to_proto(answer.source),
        sourcing_note=answer.sourcing_note,
    )


def _prices(e: ev.PricesOptimized) -> events_pb2.PricesOptimized:
    U = events_pb2.PricesOptimized.ProductPriceUpdate
    return events_pb2.PricesOptimized(
        tenant_id=e.tenant_id,
        run_id=str(e.run_id),
        workflow_id=str(e.workflow_id or ""),
        summary=summary_to_proto(BulkPricingOutcome(e.summary, e.currency, True, e.applied_count)),
        updates=[
            U(
                product_id=str(u.product_id),
                sku=u.sku,
                old_price=money_to_proto(Money(u.old_price, e.currency)),
                new_price=money_to_proto(Money(u.new_price, e.currency)),
                change_percent=u.change_percent,
            )
            for u in e.updates
        ],
        batch_index=e.batch_index,
        batch_count=e.batch_count,
    )


REGISTRATIONS: tuple[EventRegistration, ...] = (
    (
        ev.MarketingStrategyGenerated,
        events_pb2.MarketingStrategyGenerated,
        lambda e: events_pb2.MarketingStrategyGenerated(
            tenant_id=e.tenant_id,
            product_id=str(e.product_id),
            strategy=strategy_to_proto(e.outcome),
            workflow_id=str(e.workflow_id or ""),
        ),
    ),
    (ev.PricesOptimized, events_pb2.PricesOptimized, _prices),
)
