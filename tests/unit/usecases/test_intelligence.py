"""Cross-sell, pricing, related products and marketing strategies, on in-memory fakes."""

from __future__ import annotations

from decimal import Decimal

import pytest

import server.intelligence.pricing
from domain.catalog import ProductStatus
from domain.errors import NotFound
from domain.ids import new_id
from domain.intelligence import (
    BulkPricingRequest,
    MarketConditions,
    PricingSelection,
)
from domain.intelligence_events import MarketingStrategyGenerated, PricesOptimized, WorkflowStarted
from domain.workflows import ResultSource, WorkflowState, WorkflowType
from engines.cross_sell import CrossSellType
from engines.pricing import DemandLevel, PricingConstraint, floor_price
from server.intelligence.ports import IntelligencePolicies
from server.intelligence.pricing import PricingUseCases
from server.intelligence.usecases import CROSS_SELL_MIN_POOL, IntelligenceUseCases
from tests.unit.usecases.fakes_intelligence import FakeCrew, FakeIntelligenceUnitOfWork, a_product

TENANT = 7

POLICIES = IntelligencePolicies()


@pytest.fixture
def uow() -> FakeIntelligenceUnitOfWork:
    return FakeIntelligenceUnitOfWork()


def recommendations(uow: FakeIntelligenceUnitOfWork, crew: FakeCrew | None = None) -> IntelligenceUseCases:
    return IntelligenceUseCases(uow.factory, POLICIES, crew)


@pytest.fixture
def pricing(uow: FakeIntelligenceUnitOfWork) -> PricingUseCases:
    return PricingUseCases(uow.factory, POLICIES)


async def test_cross_sell_for_a_product_the_tenant_does_not_have_is_not_found(uow):
    elsewhere = uow.products.put(a_product(TENANT + 1))

    for product_id in (new_id(), elsewhere.id):
        with pytest.raises(NotFound):
            await recommendations(uow).cross_sell(
                tenant_id=TENANT, product_id=product_id, kind=CrossSellType.UPSELL, limit=5
            )


async def test_an_upsell_ranks_pricier_products_of_the_category_and_counts_every_candidate_considered(uow):
    source = uow.products.put(a_product(TENANT, selling="100.00"))
    pricier = {
        uow.products.put(a_product(TENANT, source="90.00", selling=f"{150 + i}.00")).id
        for i in range(CROSS_SELL_MIN_POOL + 1)
    }
    uow.products.put(a_product(TENANT, selling="80.00"))  # cheaper: no upsell
    uow.products.put(a_product(TENANT, selling="150.00", category="kitchen"))  # another category

    answer = await recommendations(uow).cross_sell(
        tenant_id=TENANT, product_id=source.id, kind=CrossSellType.UPSELL, limit=2
    )

    (query,) = uow.intelligence.queries
    assert query.categories == ("fitness",) and query.currency == "USD"
    assert query.pool == CROSS_SELL_MIN_POOL  # a small limit still gets a pool the engine can rank
    assert len(answer.result.recommendations) == 2
    assert {r.candidate.id for r in answer.result.recommendations} <= pricier
    # What the database considered, not the pool it handed the engine.
    assert answer.result.candidate_count == CROSS_SELL_MIN_POOL + 1


async def test_a_price_recommendation_never_goes_below_the_margin_floor(uow, pricing):
    # Selling far below cost: the maximum change would keep it at a loss, but the floor wins.
    product = uow.products.put(a_product(TENANT, source="100.00", selling="50.00"))

    priced = await pricing.optimize(
        tenant_id=TENANT,
        product_id=product.id,
        conditions=MarketConditions(demand=DemandLevel.LOW),
        charm=True,
    )

    floor = floor_price(Decimal("100.00"), POLICIES.pricing)
    assert priced.result.recommended_price >= floor == Decimal("110.00")
    assert PricingConstraint.MIN_MARGIN in priced.result.constraints
    assert uow.products.products[(TENANT, product.id)].selling_price == product.selling_price  # unchanged
    assert not uow.committed


async def test_pricing_a_product_the_tenant_does_not_have_is_not_found(uow, pricing):
    with pytest.raises(NotFound):
        await pricing.optimize(
            tenant_id=TENANT, product_id=new_id(), conditions=MarketConditions(), charm=False
        )


async def test_a_sales_velocity_sets_the_demand_unless_the_caller_names_one(uow, pricing):
    product = uow.products.put(a_product(TENANT))
    uow.intelligence.velocities[(TENANT, product.id)] = 1_000.0

    derived = await pricing.optimize(
        tenant_id=TENANT, product_id=product.id, conditions=MarketConditions(), charm=False
    )
    named = await pricing.optimize(
        tenant_id=TENANT,
        product_id=product.id,
        conditions=MarketConditions(demand=DemandLevel.LOW),
        charm=False,
    )

    assert (derived.result.demand, derived.result.demand_derived) == (DemandLevel.HIGH, True)
    assert (named.result.demand, named.result.demand_derived) == (DemandLevel.LOW, False)


async def test_an_applied_bulk_run_writes_the_changed_prices_and_records_them(uow, pricing):
    products = [uow.products.put(a_product(TENANT, source="100.00", selling="50.00")) for _ in range(3)]
    inactive = uow.products.put(
        a_product(TENANT, source="100.00", selling="50.00", status=ProductStatus.DRAFT)
    )

    answer = await pricing.bulk(
        tenant_id=TENANT,
        request=BulkPricingRequest(PricingSelection(), MarketConditions(), apply=True),
    )

    assert answer.outcome is not None and answer.outcome.applied_count == 3
    assert answer.outcome.summary.skipped_count == 1  # the inactive product is matched but not priced
    for product in products:
        stored = uow.products.products[(TENANT, product.id)]
        assert stored.selling_price.amount >= Decimal("110.00") and stored.version == product.version + 1
    assert uow.products.products[(TENANT, inactive.id)] == inactive
    (event,) = uow.events
    assert isinstance(event, PricesOptimized) and {u.product_id for u in event.updates} == {
        p.id for p in products
    }


async def test_a_dry_run_prices_without_writing_or_recording(uow, pricing):
    product = uow.products.put(a_product(TENANT, source="100.00", selling="50.00"))

    answer = await pricing.bulk(
        tenant_id=TENANT, request=BulkPricingRequest(PricingSelection(), MarketConditions())
    )

    assert answer.outcome is not None and not answer.outcome.applied
    assert [p.product_id for p in answer.results] == [product.id]
    assert uow.products.products[(TENANT, product.id)] == product and uow.events == []


async def test_a_bulk_run_naming_an_unknown_product_is_not_found_and_changes_nothing(uow, pricing):
    known = uow.products.put(a_product(TENANT, source="100.00", selling="50.00"))

    with pytest.raises(NotFound) as raised:
        await pricing.bulk(
            tenant_id=TENANT,
            request=BulkPricingRequest(
                PricingSelection(ids=(known.id, unknown := new_id())), MarketConditions(), apply=True
            ),
        )

    assert str(unknown) in raised.value.message
    assert uow.products.products[(TENANT, known.id)] == known and uow.events == []


async def test_an_applied_run_over_more_than_the_inline_limit_becomes_a_workflow(uow, pricing, monkeypatch):
    monkeypatch.setattr(server.intelligence.pricing, "INLINE_APPLY_LIMIT", 2)  # the real one is 1 000
    for _ in range(3):
        uow.products.put(a_product(TENANT, source="100.00", selling="50.00"))

    answer = await pricing.bulk(
        tenant_id=TENANT, request=BulkPricingRequest(PricingSelection(), MarketConditions(), apply=True)
    )

    assert answer.outcome is None and answer.workflow is not None
    assert (answer.workflow.type, answer.workflow.state) == (WorkflowType.BULK_PRICING, WorkflowState.PENDING)
    assert uow.workflows.workflows[answer.workflow.id] == answer.workflow
    assert [type(e) for e in uow.events] == [WorkflowStarted]  # no price was written inline
    assert all(p.selling_price.amount == Decimal("50.00") for p in uow.products.products.values())


async def test_related_products_without_a_crew_come_from_the_engine_and_say_why(uow):
    source = uow.products.put(a_product(TENANT))
    sibling = uow.products.put(a_product(TENANT, score=90.0))
    uow.products.put(a_product(TENANT, status=ProductStatus.DRAFT))

    answer = await recommendations(uow).related(
        tenant_id=TENANT, product_id=source.id, limit=5, skip_sourcing=False
    )

    assert [r.item.id for r in answer.related] == [sibling.id]
    assert (answer.source, answer.suggestions, answer.sourcing_note) == (
        ResultSource.ENGINE,
        (),
        "agent not configured",
    )


async def test_a_marketing_strategy_is_the_crews_when_it_answers_and_the_engines_when_it_is_down(uow):
    product = uow.products.put(a_product(TENANT))
    answering = FakeCrew({"positioning": "the one set a home gym needs", "messaging_angles": []})

    by_crew = await recommendations(uow, answering).marketing_strategy(
        tenant_id=TENANT, product_id=product.id, budget=None, skip_agent=False
    )
    by_engine = await recommendations(uow, FakeCrew(None)).marketing_strategy(
        tenant_id=TENANT, product_id=product.id, budget=None, skip_agent=False
    )

    assert (by_crew.source, by_crew.strategy.positioning) == (
        ResultSource.AGENT,
        "the one set a home gym needs",
    )
    assert by_engine.source is ResultSource.ENGINE and by_engine.strategy.positioning
    assert [e.outcome for e in uow.events if isinstance(e, MarketingStrategyGenerated)] == [
        by_crew,
        by_engine,
    ]


async def test_a_marketing_strategy_for_an_unknown_product_is_not_found_and_records_nothing(uow):
    with pytest.raises(NotFound):
        await recommendations(uow).marketing_strategy(
            tenant_id=TENANT, product_id=new_id(), budget=None, skip_agent=True
        )
    assert uow.events == []
