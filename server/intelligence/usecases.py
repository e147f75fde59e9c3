"""Intelligence use cases: cross-sell, related products (with sourcing from the crew) and marketing
strategies (engine, augmented by the marketing crew when configured)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from domain.catalog import Product
from domain.clock import utcnow
from domain.errors import NotFound
from domain.intelligence import CandidateQuery, CrossSellAnswer, RelatedAnswer, SourcingSuggestion
from domain.intelligence_events import MarketingStrategyGenerated
from domain.money import Money
from domain.workflows import MarketingOutcome, ResultSource
from engines.cross_sell import CrossSellSource, CrossSellType, price_band, recommend, target_categories
from engines.marketing import Angle, StrategyInput, build_strategy
from engines.pricing import floor_price
from engines.recommendations import CatalogItem, related_products
from server.agents.ports import AgentUnavailable, Crew, Progress
from server.agents.tasks import marketing_insights, sourcing_suggestions
from server.intelligence.ports import IntelligencePolicies, UnitOfWorkFactory
from server.intelligence.pricing import PricingUseCases
from server.resources import existing

# Candidates pre-ranked by the database (co-purchases, classification, price) that the engine ranks
# exactly: a few times the limit, so a candidate the pre-ranking undervalues can still make the cut.
# The database draws them from the co-purchased products and, per category, classification and side of
# the ideal price, the `limit` nearest-priced ones, so the work is bounded however large the catalog.
CROSS_SELL_POOL_FACTOR = 4

CROSS_SELL_MIN_POOL = 40

RELATED_POOL = 300


class IntelligenceUseCases:
    def __init__(self, uow: UnitOfWorkFactory, policies: IntelligencePolicies, crew: Crew | None) -> None:
        self._uow = uow
        self._policies = policies
        self._crew = crew

    async def cross_sell(
        self, *, tenant_id: int, product_id: uuid.UUID, kind: CrossSellType, limit: int
    ) -> CrossSellAnswer:
        policy = self._policies.cross_sell
        async with self._uow(read_only=True) as uow:
            product = await uow.intelligence.cross_sell_source(tenant_id, product_id)
            if product is None:
                raise NotFound("product", str(product_id))
            low, high = price_band(kind, product.price, policy)
            found = await uow.intelligence.cross_sell_candidates(
                CandidateQuery(
                    tenant_id=tenant_id,
                    source_id=product.id,
                    categories=target_categories(kind, product.category, policy),
                    currency=product.currency,
                    min_price=low,
                    max_price=high,
                    ideal_price=(low * high).sqrt(),
                    pool=max(CROSS_SELL_MIN_POOL, CROSS_SELL_POOL_FACTOR * limit),
                    depth=limit,
                )
            )
        source = CrossSellSource(
            product.id, tenant_id, product.category, product.price, product.currency, found.source_orders
        )
        result = recommend(source, found.candidates, kind=kind, limit=limit, policy=policy)
        return CrossSellAnswer(
            product.id, kind, product.currency, replace(result, candidate_count=found.considered)
        )

    async def related(
        self, *, tenant_id: int, product_id: uuid.UUID, limit: int, skip_sourcing: bool
    ) -> RelatedAnswer:
        policy = self._policies.recommendations
        async with self._uow(read_only=True) as uow:
            product = await existing(uow.products, "product", tenant_id, product_id)
            candidates = await uow.intelligence.related_candidates(
                tenant_id, product.id, policy.related_categories(product.category), pool=RELATED_POOL
            )
        related = related_products(_item(product), candidates, limit=limit, policy=policy)
        suggestions: tuple[SourcingSuggestion, ...] = ()
        note = "skipped"
        if not skip_sourcing:
            if self._crew is None:
                note = "agent not configured"
            else:
                try:
                    suggestions = await sourcing_suggestions(
                        self._crew, product_inputs(product), currency=product.currency
                    )
                    note = ""
                except AgentUnavailable as exc:
                    note = f"agent unavailable: {exc}"
        source = ResultSource.AGENT if suggestions else ResultSource.ENGINE
        return RelatedAnswer(product.id, product.currency, related, suggestions, source, note)

    async def marketing_strategy(
        self, *, tenant_id: int, product_id: uuid.UUID, budget: Money | None, skip_agent: bool
    ) -> MarketingOutcome:
        """Build the strategy and record `marketing.strategy_generated`."""
        async with self._uow(read_only=True) as uow:
            product = await existing(uow.products, "product", tenant_id, product_id)
        outcome = await self.build_strategy(product, budget, use_agent=not skip_agent)
        async with self._uow() as uow:
            uow.emit(MarketingStrategyGenerated(tenant_id=tenant_id, product_id=product.id, outcome=outcome))
            await uow.commit()
        return outcome

    async def build_strategy(
        self,
        product: Product,
        budget: Money | None,
        *,
        use_agent: bool,
        deadline: float | None = None,
        progress: Progress | None = None,
    ) -> MarketingOutcome:
        """The engine's strategy, augmented by the marketing crew when asked, configured and answering."""
        strategy = build_strategy(
            StrategyInput(
                product_id=str(product.id),
                title=product.title,
                category=product.category,
                classification=product.analysis.classification,
                source_price=product.source_price.amount,
                selling_price=product.selling_price.amount,
                floor_price=floor_price(product.source_price.amount, self._policies.pricing),
                currency=product.currency,
                monthly_budget=budget.amount if budget is not None else None,
            ),
            self._policies.marketing,
        )
        source = ResultSource.ENGINE
        if use_agent and self._crew is not None:
            try:
                insights = await marketing_insights(
                    self._crew, product_inputs(product), deadline=deadline, progress=progress
                )
                strategy = replace(
                    strategy,
                    positioning=insights.positioning or strategy.positioning,
                    angles=(*(Angle(h, d, "") for h, d in insights.angles), *strategy.angles),
                )
                source = ResultSource.AGENT
            except AgentUnavailable:
                pass  # the engine's strategy stands; `source` says so
        return MarketingOutcome(strategy, source, utcnow())


def _item(product: Product) -> CatalogItem:
    return CatalogItem(
        id=product.id,
        sku=product.sku,
        title=product.title,
        category=product.category,
        price=product.selling_price.amount,
        currency=product.currency,
        dropship_score=product.analysis.score,
        classification=product.analysis.classification,
    )


def product_inputs(product: Product) -> dict[str, object]:
    """What the crews are told of a product."""
    return {
        "product_id": str(product.id),
        "title": product.title,
        "category": product.category,
        "classification": product.analysis.classification.value,
        "source_price": str(product.source_price.amount),
        "selling_price": str(product.selling_price.amount),
        "currency": product.currency,
        "dropship_score": product.analysis.score,
    }


@dataclass(frozen=True, slots=True)
class Intelligence:
    """The intelligence use cases and their policies, shared by the servicer and the workflow steps."""

    policies: IntelligencePolicies
    recommendations: IntelligenceUseCases
    pricing: PricingUseCases


def intelligence_use_cases(
    uow: UnitOfWorkFactory, policies: IntelligencePolicies, crew: Crew | None
) -> Intelligence:
    return Intelligence(
        policies=policies,
        recommendations=IntelligenceUseCases(uow, policies, crew),
        pricing=PricingUseCases(uow, policies),
    )
