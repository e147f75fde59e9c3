"""IntelligenceService through a real gRPC channel on SQLite and PostgreSQL: cross-sell from real order
items, dynamic pricing (single and bulk), related products, marketing strategies, and bad input."""

from __future__ import annotations

import math
from decimal import Decimal

import grpc
import pytest

from crm.v2 import common_pb2
from crm.v2 import intelligence_service_pb2 as pb
from crm.v2 import product_service_pb2 as ppb
from crm.v2 import workflow_service_pb2 as wpb
from tests.integration.conftest_catalog import as_decimal, money
from tests.integration.conftest_intelligence import (
    events_of,
    insert_orders,
    product,
)
from tests.support.status import field_violations

UPSELL, CROSS, COMPLEMENT = (
    pb.CROSS_SELL_TYPE_UPSELL,
    pb.CROSS_SELL_TYPE_CROSS_SELL,
    pb.CROSS_SELL_TYPE_COMPLEMENT,
)


def database(crm_server):
    return crm_server.server.components.database


async def test_upsell_ranks_co_purchased_products_first_and_explains_why(
    intelligence, catalog, crm_server, tenant_id
):
    source = await product(catalog, tenant_id, price="50.00")
    bought_with = await product(catalog, tenant_id, price="90.00")
    never_bought = await product(catalog, tenant_id, price="80.00")
    await insert_orders(
        database(crm_server), tenant_id, [[(source.id, 1), (bought_with.id, 1)]] * 3 + [[(source.id, 1)]]
    )

    answer = await intelligence.RecommendCrossSell(
        pb.RecommendCrossSellRequest(tenant_id=tenant_id, product_id=source.id, type=UPSELL)
    )

    assert [r.product_id for r in answer.recommendations] == [bought_with.id, never_bought.id]
    assert answer.candidate_count == 2 and answer.source == common_pb2.RESULT_SOURCE_ENGINE
    top = answer.recommendations[0]
    assert top.co_purchase_count == 3 and top.co_purchase_strength == pytest.approx(0.75)
    assert top.price_ratio == pytest.approx(1.8)
    assert sum(f.contribution for f in top.factors) / 100 == pytest.approx(top.confidence, abs=1e-3)
    assert top.reasons[0].startswith("bought together in 3 of 4 orders")
    assert answer.recommendations[1].co_purchase_count == 0


async def test_cross_sell_never_offers_the_source_an_inactive_out_of_stock_foreign_or_off_band_product(
    intelligence, catalog, tenant_id
):
    source = await product(catalog, tenant_id, price="50.00")
    good = await product(catalog, tenant_id, price="70.00", category="health")
    await product(catalog, tenant_id, price="70.00", category="health", stock=0)
    await product(catalog, tenant_id, price="70.00", category="health", status=ppb.PRODUCT_STATUS_INACTIVE)
    await product(catalog, tenant_id, price="120.00", category="health")  # above 2.0x
    await product(catalog, tenant_id, price="70.00", category="books")  # not affine to fitness
    await product(catalog, tenant_id + 1, price="70.00", category="health")  # another tenant

    answer = await intelligence.RecommendCrossSell(
        pb.RecommendCrossSellRequest(tenant_id=tenant_id, product_id=source.id, type=CROSS, limit=20)
    )

    assert [r.product_id for r in answer.recommendations] == [good.id]
    assert answer.candidate_count == 1


async def test_complement_stays_inside_its_price_band_and_honours_the_limit(intelligence, catalog, tenant_id):
    source = await product(catalog, tenant_id, price="100.00")
    inside = [await product(catalog, tenant_id, price=p) for p in ("30.00", "60.00", "150.00")]
    await product(catalog, tenant_id, price="29.99")
    await product(catalog, tenant_id, price="150.01")

    answer = await intelligence.RecommendCrossSell(
        pb.RecommendCrossSellRequest(tenant_id=tenant_id, product_id=source.id, type=COMPLEMENT, limit=2)
    )

    assert answer.candidate_count == 3 and len(answer.recommendations) == 2
    assert {r.product_id for r in answer.recommendations} <= {p.id for p in inside}
    assert all(0.3 <= r.price_ratio <= 1.5 for r in answer.recommendations)


async def test_cross_sell_weighs_only_the_nearest_priced_shelf_yet_keeps_the_best_and_the_co_purchased(
    intelligence, catalog, crm_server, tenant_id
):
    """The database reads, per classification and side of the ideal price, only the `limit` nearest-priced
    products, plus every co-purchased one: the answer is the same as ranking the whole shelf."""
    source = await product(catalog, tenant_id, price="50.00")
    ideal = 50 * math.sqrt(1.2 * 3.0)  # the middle of the upsell band (60-150) on a log scale
    shelf = [await product(catalog, tenant_id, price=f"{61 + 3.5 * i:.2f}") for i in range(24)]
    far_but_bought = await product(catalog, tenant_id, price="149.00")
    await insert_orders(database(crm_server), tenant_id, [[(source.id, 1), (far_but_bought.id, 1)]] * 2)

    answer = await intelligence.RecommendCrossSell(
        pb.RecommendCrossSellRequest(tenant_id=tenant_id, product_id=source.id, type=UPSELL, limit=2)
    )

    classes = {p.analysis.classification for p in shelf}
    assert answer.candidate_count <= 1 + 2 * 2 * len(classes) < len(shelf) + 1
    assert answer.recommendations[0].product_id == far_but_bought.id
    # Same category and stock: the best classification wins, then the price nearest the ideal.
    best = min(
        shelf,
        key=lambda p: (
            p.analysis.classification,
            abs(math.log(float(as_decimal(p.pricing.current_selling_price)) / ideal)),
        ),
    )
    assert answer.recommendations[1].product_id == best.id


async def test_cross_sell_bad_input_lists_every_violation(intelligence, tenant_id):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await intelligence.RecommendCrossSell(
            pb.RecommendCrossSellRequest(tenant_id=tenant_id, product_id="nope", type=0, limit=21)
        )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert set(field_violations(caught.value)) == {"product_id", "type", "limit"}


async def test_cross_sell_of_another_tenants_product_is_not_found(intelligence, catalog, tenant_id):
    foreign = await product(catalog, tenant_id + 1, price="10.00")
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await intelligence.RecommendCrossSell(
            pb.RecommendCrossSellRequest(tenant_id=tenant_id, product_id=foreign.id, type=UPSELL)
        )
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND


async def test_optimize_pricing_explains_factors_and_derives_demand_from_sales(
    intelligence, catalog, crm_server, tenant_id
):
    item = await product(catalog, tenant_id, price="100.00", source="60.00")
    await insert_orders(database(crm_server), tenant_id, [[(item.id, 50)]] * 3)  # 150 units / 90 days

    rec = (
        await intelligence.OptimizePricing(pb.OptimizePricingRequest(tenant_id=tenant_id, product_id=item.id))
    ).recommendation

    assert [f.name for f in rec.factors] == [
        "base_margin",
        "classification",
        "demand",
        "seasonality",
        "competition",
    ]
    assert rec.demand_derived and rec.demand_level == pb.DEMAND_LEVEL_HIGH
    assert "1.67 units/day" in rec.factors[2].explanation
    price = as_decimal(rec.recommended_price)
    assert Decimal("66.00") <= price and Decimal("80.00") <= price <= Decimal("120.00")
    assert rec.expected_margin == pytest.approx(float((price - 60) / price), abs=1e-4)
    unchanged = await catalog.GetProduct(ppb.GetProductRequest(tenant_id=tenant_id, product_id=item.id))
    assert as_decimal(unchanged.pricing.current_selling_price) == Decimal("100.00")


async def test_competitor_prices_clamp_and_charm_pricing_ends_in_99(intelligence, catalog, tenant_id):
    item = await product(catalog, tenant_id, price="100.00", source="40.00")
    conditions = pb.MarketConditions(
        competitor_prices=[money("90.00"), money("92.00"), money("94.00")],
        demand_level=pb.DEMAND_LEVEL_MEDIUM,
    )
    rec = (
        await intelligence.OptimizePricing(
            pb.OptimizePricingRequest(
                tenant_id=tenant_id, product_id=item.id, market_conditions=conditions, charm_pricing=True
            )
        )
    ).recommendation
    assert not rec.demand_derived
    assert pb.PRICING_CONSTRAINT_CHARM_ENDING in rec.constraints
    assert rec.recommended_price.nanos == 990_000_000
    assert as_decimal(rec.recommended_price) <= Decimal("92.00") * Decimal("1.15")


async def test_optimize_pricing_refuses_negative_or_mixed_currency_competitors(intelligence, tenant_id):
    conditions = pb.MarketConditions(
        competitor_prices=[money("-1.00"), money("5.00", "EUR")], seasonality_factor=3
    )
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await intelligence.OptimizePricing(
            pb.OptimizePricingRequest(
                tenant_id=tenant_id,
                product_id="0190f7e4-0000-7000-8000-000000000000",
                market_conditions=conditions,
            )
        )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert set(field_violations(caught.value)) == {
        "market_conditions.competitor_prices[0]",
        "market_conditions.competitor_prices",
        "market_conditions.seasonality_factor",
    }


async def test_bulk_dry_run_changes_nothing_and_apply_writes_prices_with_events(
    intelligence, catalog, channel, tenant_id
):
    items = [
        await product(catalog, tenant_id, price="10.00", source="9.50", category="kitchen") for _ in range(3)
    ]
    await product(catalog, tenant_id, price="10.00", category="kitchen", status=ppb.PRODUCT_STATUS_DRAFT)
    request = pb.BulkOptimizePricingRequest(tenant_id=tenant_id, category="kitchen")

    dry = await intelligence.BulkOptimizePricing(request)

    assert dry.summary.product_count == 4 and dry.summary.skipped_count == 1 and not dry.summary.applied
    assert dry.summary.changed_count == 3 and len(dry.results) == 3
    # The floor 9.50 x 1.10 = 10.45 lies inside the 20 % band: every price rises to at least it.
    assert all(as_decimal(r.recommended_price) >= Decimal("10.45") for r in dry.results)
    assert await events_of(channel, tenant_id, "products.prices_optimized") == []
    request.result_limit = 1
    cut = await intelligence.BulkOptimizePricing(request)
    assert len(cut.results) == 1 and cut.results_truncated and cut.summary == dry.summary
    request.result_limit = 0

    request.apply = True
    applied = await intelligence.BulkOptimizePricing(request)

    assert applied.summary.applied and applied.summary.applied_count == 3
    by_id = {r.product_id: r for r in applied.results}
    for item in items:
        result = by_id[item.id]
        stored = await catalog.GetProduct(ppb.GetProductRequest(tenant_id=tenant_id, product_id=item.id))
        assert stored.pricing.current_selling_price == result.recommended_price
    [event] = await events_of(channel, tenant_id, "products.prices_optimized")
    assert event.aggregate_id


async def test_bulk_bad_input_empty_filter_too_many_ids_and_competitors(intelligence, tenant_id):
    ids = [f"0190f7e4-0000-7000-8000-{i:012d}" for i in range(1001)]
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await intelligence.BulkOptimizePricing(
            pb.BulkOptimizePricingRequest(
                tenant_id=tenant_id,
                product_ids=ids,
                market_conditions=pb.MarketConditions(competitor_prices=[money("1.00")]),
            )
        )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert {"product_ids", "market_conditions.competitor_prices"} <= set(field_violations(caught.value))
    with pytest.raises(grpc.aio.AioRpcError) as empty:
        await intelligence.BulkOptimizePricing(pb.BulkOptimizePricingRequest(tenant_id=tenant_id))
    assert "product_ids" in field_violations(empty.value)


async def test_bulk_with_an_unknown_id_is_not_found_and_changes_nothing(intelligence, catalog, tenant_id):
    item = await product(catalog, tenant_id, price="10.00", source="9.50")
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await intelligence.BulkOptimizePricing(
            pb.BulkOptimizePricingRequest(
                tenant_id=tenant_id, product_ids=[item.id, "0190f7e4-0000-7000-8000-000000000000"], apply=True
            )
        )
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    stored = await catalog.GetProduct(ppb.GetProductRequest(tenant_id=tenant_id, product_id=item.id))
    assert as_decimal(stored.pricing.current_selling_price) == Decimal("10.00")


async def test_recommend_products_ranks_related_titles_and_says_sourcing_is_not_configured(
    intelligence, catalog, tenant_id
):
    source = await product(catalog, tenant_id, price="50.00", title="Yoga Mat Extra Thick")
    similar = await product(catalog, tenant_id, price="45.00", title="Yoga Mat Strap")
    await product(catalog, tenant_id, price="45.00", title="Kettlebell")
    answer = await intelligence.RecommendProducts(
        pb.RecommendProductsRequest(tenant_id=tenant_id, product_id=source.id, limit=5)
    )
    assert answer.related_products[0].product_id == similar.id
    assert source.id not in [r.product_id for r in answer.related_products]
    top = answer.related_products[0]
    assert sum(f.contribution for f in top.factors) == pytest.approx(top.relevance_score, abs=0.011)
    assert answer.source == common_pb2.RESULT_SOURCE_ENGINE and answer.sourcing_note == "agent not configured"
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await intelligence.RecommendProducts(
            pb.RecommendProductsRequest(tenant_id=tenant_id, product_id=source.id, limit=51)
        )
    assert set(field_violations(caught.value)) == {"limit"}


async def test_marketing_strategy_is_deterministic_splits_the_budget_and_emits_its_event(
    intelligence, catalog, channel, tenant_id
):
    item = await product(catalog, tenant_id, price="80.00", source="40.00")
    request = pb.GenerateMarketingStrategyRequest(
        tenant_id=tenant_id, product_id=item.id, monthly_budget=money("1000.00")
    )

    first = (await intelligence.GenerateMarketingStrategy(request)).strategy
    second = (await intelligence.GenerateMarketingStrategy(request)).strategy

    first.ClearField("generate_time"), second.ClearField("generate_time")
    assert first == second and first.source == common_pb2.RESULT_SOURCE_ENGINE
    assert sum(c.budget_share for c in first.channels) == pytest.approx(1.0)
    assert sum(as_decimal(c.budget) for c in first.channels) == Decimal("1000.00")
    assert as_decimal(first.unit_margin) == Decimal("40.00")
    assert as_decimal(first.cac_ceiling) == Decimal("16.00")
    assert "cac" in [k.name for k in first.kpis]
    assert len(await events_of(channel, tenant_id, "marketing.strategy_generated")) == 2
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await intelligence.GenerateMarketingStrategy(
            pb.GenerateMarketingStrategyRequest(
                tenant_id=tenant_id, product_id=item.id, monthly_budget=money("-1.00")
            )
        )
    assert set(field_violations(caught.value)) == {"monthly_budget"}


async def test_an_applied_bulk_run_over_1000_products_becomes_a_workflow(
    intelligence, workflows, crm_server, channel, tenant_id
):
    from tests.integration.conftest_catalog import seed_products
    from tests.support.waiting import eventually

    await seed_products(database(crm_server), tenant_id, 1001, category="office")
    answer = await intelligence.BulkOptimizePricing(
        pb.BulkOptimizePricingRequest(tenant_id=tenant_id, category="office", apply=True)
    )
    assert answer.workflow_id and answer.workflow.type == wpb.WORKFLOW_TYPE_BULK_PRICING
    assert not answer.HasField("summary") and not answer.results

    done = await eventually(
        lambda: workflows.GetWorkflow(
            wpb.GetWorkflowRequest(tenant_id=tenant_id, workflow_id=answer.workflow_id)
        ),
        until=lambda w: w.state == wpb.WORKFLOW_STATE_SUCCEEDED,
        timeout=60,
    )
    assert done.bulk_pricing.product_count == 1001 and done.bulk_pricing.applied
    batches = await events_of(channel, tenant_id, "products.prices_optimized")
    assert len(batches) == 2  # 1,001 changes in batches of at most 1,000
