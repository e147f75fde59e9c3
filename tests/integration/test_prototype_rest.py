"""PrototypeRestService (the prototype's REST shapes, legacy) through a real gRPC channel, on SQLite and
PostgreSQL: it answers through the contract's RPCs, so what it says must be what they say, reshaped."""

from __future__ import annotations

import random
import re
from collections.abc import AsyncIterator

import grpc
import pytest
import pytest_asyncio
from google.type import postal_address_pb2

from crm.v2 import product_service_pb2 as ppb
from crm.v2 import prototype_rest_service_pb2 as pb
from crm.v2 import prototype_rest_service_pb2_grpc
from server.prototype.usecases import PROTOTYPE_DEFAULT_TENANT
from tests.conftest import make_settings, serving
from tests.integration.conftest import stub_fixture
from tests.integration.test_auth import AUDIENCE, ISSUER, SECRET, bearer, token
from tests.support.status import error_reason, field_violations

prototype = stub_fixture(prototype_rest_service_pb2_grpc.PrototypeRestServiceStub)


def flat_product(tenant_id: int, **fields: object) -> pb.CreatePrototypeProductRequest:
    values: dict[str, object] = {
        "tenant_id": tenant_id,
        "asin": "B08N5WRWNW",
        "sku": f"FIT-{random.randrange(10**9)}",
        "title": "Smart Fitness Tracker",
        "category": "fitness",
        "source_price": 49.99,
        "description": "Advanced health monitoring device",
    }
    values.update(fields)
    return pb.CreatePrototypeProductRequest(**values)  # type: ignore[arg-type]


async def test_a_flat_product_is_created_as_the_contract_creates_it(prototype, products, tenant_id):
    created = await prototype.CreatePrototypeProduct(flat_product(tenant_id))

    contract = await products.GetProduct(ppb.GetProductRequest(tenant_id=tenant_id, product_id=created.id))
    assert created.tenant_id == tenant_id and created.sku == contract.sku and created.status == "active"
    assert created.pricing.source_price == 49.99 and created.pricing.currency_code == "USD"
    assert contract.pricing.source_price.units == 49 and contract.pricing.source_price.nanos == 990_000_000
    recommended = contract.pricing.recommended_price
    assert created.pricing.recommended_price == recommended.units + recommended.nanos / 1e9
    metrics, analysis = created.ai_metrics, contract.analysis
    assert (
        metrics.classification
        == ppb.ProductClassification.Name(analysis.classification).split("_")[-1].lower()
    )
    assert metrics.dropship_score == analysis.dropship_score and list(metrics.factors) == list(
        analysis.factors
    )
    assert sum(f.contribution for f in metrics.factors) == pytest.approx(metrics.dropship_score, abs=0.011)


@pytest.mark.parametrize(
    ("fields", "violations"),
    [
        ({"source_price": 49.999}, {"source_price"}),
        ({"source_price": 0.1 + 0.2}, {"source_price"}),  # 0.30000000000000004: not a price in cents
        ({"source_price": -5.0}, {"source_price"}),
        ({"source_price": float("nan")}, {"source_price"}),
        ({"status": "shiny"}, {"status"}),
        # the contract's own checks, named as the prototype's caller sent them
        ({"sku": "", "title": "", "category": "no where"}, {"sku", "title", "category"}),
        ({"stock_quantity": -1}, {"stock_quantity"}),
    ],
)
async def test_bad_flat_fields_are_refused_by_their_own_names_and_nothing_is_created(
    prototype, tenant_id, fields, violations
):
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await prototype.CreatePrototypeProduct(flat_product(tenant_id, **fields))
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert set(field_violations(refused.value)) == violations
    listed = await prototype.ListPrototypeProducts(pb.ListPrototypeProductsRequest(tenant_id=tenant_id))
    assert listed.total == 0


async def test_a_source_price_is_required(prototype, tenant_id):
    request = flat_product(tenant_id)
    request.ClearField("source_price")
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await prototype.CreatePrototypeProduct(request)
    assert "source_price" in field_violations(refused.value)


async def test_put_changes_only_the_fields_it_sends_and_delete_discontinues(prototype, tenant_id):
    created = await prototype.CreatePrototypeProduct(flat_product(tenant_id, current_selling_price=99.5))
    updated = await prototype.UpdatePrototypeProduct(
        pb.UpdatePrototypeProductRequest(
            tenant_id=tenant_id, product_id=created.id, title="Smart Fitness Tracker 2", status="active"
        )
    )
    assert (updated.title, updated.status, updated.sku) == ("Smart Fitness Tracker 2", "active", created.sku)
    assert updated.pricing.current_selling_price == 99.5
    deleted = await prototype.DeletePrototypeProduct(
        pb.DeletePrototypeProductRequest(tenant_id=tenant_id, product_id=created.id)
    )
    assert deleted.status == "discontinued"
    read = await prototype.GetPrototypeProduct(
        pb.GetPrototypeProductRequest(tenant_id=tenant_id, product_id=created.id)
    )
    assert read.status == "discontinued"


async def test_an_empty_put_is_refused(prototype, tenant_id):
    created = await prototype.CreatePrototypeProduct(flat_product(tenant_id))
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await prototype.UpdatePrototypeProduct(
            pb.UpdatePrototypeProductRequest(tenant_id=tenant_id, product_id=created.id)
        )
    assert list(field_violations(refused.value)) == ["body"]


async def test_upsells_come_in_the_prototypes_words(prototype, tenant_id):
    source = await prototype.CreatePrototypeProduct(flat_product(tenant_id, status="active"))
    upsell = await prototype.CreatePrototypeProduct(
        flat_product(
            tenant_id, title="Pro Fitness Watch", source_price=89.99, status="active", stock_quantity=5
        )
    )
    answer = await prototype.RecommendPrototypeCrossSell(
        pb.RecommendPrototypeCrossSellRequest(
            tenant_id=tenant_id, product_id=source.id, recommendation_type="upsell", limit=5
        )
    )
    assert answer.recommendation_type == "upsell"
    assert [r.title for r in answer.recommendations] == [upsell.title]
    recommendation = answer.recommendations[0]
    assert 0 < recommendation.confidence <= 1 and recommendation.classification in {
        "hero",
        "good",
        "moderate",
        "poor",
    }
    assert recommendation.price == upsell.pricing.current_selling_price


@pytest.mark.parametrize(
    ("kind", "limit", "field"),
    [("sideways", 5, "recommendation_type"), ("", 5, "recommendation_type"), ("upsell", 21, "limit")],
)
async def test_a_bad_recommendation_request_names_the_prototypes_field(
    prototype, tenant_id, kind, limit, field
):
    source = await prototype.CreatePrototypeProduct(flat_product(tenant_id))
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await prototype.RecommendPrototypeCrossSell(
            pb.RecommendPrototypeCrossSellRequest(
                tenant_id=tenant_id, product_id=source.id, recommendation_type=kind, limit=limit
            )
        )
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert list(field_violations(refused.value)) == [field]


async def test_inventory_alerts_count_and_cost_as_numbers(prototype, tenant_id):
    await prototype.CreatePrototypeProduct(flat_product(tenant_id, source_price=10.0))  # no stock: critical
    alerts = await prototype.GetPrototypeInventoryAlerts(
        pb.GetPrototypeInventoryAlertsRequest(tenant_id=tenant_id, alert_type="all")
    )
    assert alerts.summary.critical_alerts == 1 and alerts.alerts[0].alert_type == "out_of_stock"
    assert alerts.alerts[0].severity == "critical"
    quantity = alerts.alerts[0].recommended_order_quantity
    assert alerts.summary.total_estimated_reorder_cost == pytest.approx(quantity * 10.0)
    only_low = await prototype.GetPrototypeInventoryAlerts(
        pb.GetPrototypeInventoryAlertsRequest(tenant_id=tenant_id, alert_type="low_stock")
    )
    assert list(only_low.alerts) == [] and only_low.summary.critical_alerts == 1
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await prototype.GetPrototypeInventoryAlerts(
            pb.GetPrototypeInventoryAlertsRequest(tenant_id=tenant_id, alert_type="urgent")
        )
    assert list(field_violations(refused.value)) == ["alert_type"]


async def test_a_classification_workflow_starts_and_reads_back(prototype, tenant_id):
    product = await prototype.CreatePrototypeProduct(flat_product(tenant_id))
    started = await prototype.StartPrototypeProductClassification(
        pb.StartPrototypeProductClassificationRequest(tenant_id=tenant_id, product_id=product.id)
    )
    assert started.workflow_type == "product_classification" and started.product_id == product.id
    assert started.status in {"pending", "running", "completed"}
    read = await prototype.GetPrototypeWorkflow(
        pb.GetPrototypeWorkflowRequest(tenant_id=tenant_id, workflow_id=started.workflow_id)
    )
    assert read.workflow_id == started.workflow_id


async def test_another_tenants_product_is_not_found(prototype, tenant_id):
    product = await prototype.CreatePrototypeProduct(flat_product(tenant_id))
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await prototype.GetPrototypeProduct(
            pb.GetPrototypeProductRequest(tenant_id=tenant_id + 1, product_id=product.id)
        )
    assert (
        refused.value.code() == grpc.StatusCode.NOT_FOUND
        and error_reason(refused.value) == "PRODUCT_NOT_FOUND"
    )


async def test_without_a_tenant_the_prototypes_default_tenant_is_used(prototype):
    created = await prototype.CreatePrototypeProduct(flat_product(0))
    assert created.tenant_id == PROTOTYPE_DEFAULT_TENANT
    health = await prototype.GetPrototypeHealth(pb.GetPrototypeHealthRequest())
    assert health.status == "healthy" and health.database.status == "healthy"


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def jwt_prototype(
    tmp_path_factory,
) -> AsyncIterator[prototype_rest_service_pb2_grpc.PrototypeRestServiceStub]:
    path = tmp_path_factory.mktemp("prototype-jwt") / "crm.db"
    settings = make_settings(
        f"sqlite+aiosqlite:///{path}",
        AUTH_MODE="jwt",
        JWT_SECRET=SECRET,
        JWT_AUDIENCE=AUDIENCE,
        JWT_ISSUER=ISSUER,
    )
    async with serving(settings, "sqlite") as running, grpc.aio.insecure_channel(running.target) as channel:
        yield prototype_rest_service_pb2_grpc.PrototypeRestServiceStub(channel)


@pytest.mark.asyncio(loop_scope="session")
async def test_with_a_token_the_tenant_comes_from_the_token_and_is_authorised(jwt_prototype):
    created = await jwt_prototype.CreatePrototypeProduct(
        flat_product(0), metadata=bearer(token(tenants=[42]))
    )
    assert created.tenant_id == 42
    for tenants, code in (
        ([42, 43], grpc.StatusCode.INVALID_ARGUMENT),
        ("*", grpc.StatusCode.INVALID_ARGUMENT),
    ):
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await jwt_prototype.CreatePrototypeProduct(
                flat_product(0), metadata=bearer(token(tenants=tenants))
            )
        assert refused.value.code() == code and list(field_violations(refused.value)) == ["tenant_id"]
    with pytest.raises(grpc.aio.AioRpcError) as denied:
        await jwt_prototype.CreatePrototypeProduct(flat_product(7), metadata=bearer(token(tenants=[42])))
    assert denied.value.code() == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.aio.AioRpcError) as reader:
        await jwt_prototype.CreatePrototypeProduct(
            flat_product(0), metadata=bearer(token(tenants=[42], roles=("reader",)))
        )
    assert reader.value.code() == grpc.StatusCode.PERMISSION_DENIED


ADDRESS = postal_address_pb2.PostalAddress(
    region_code="US", postal_code="10001", locality="New York", address_lines=["1 Main St"]
)


async def active_stocked_product(prototype, tenant_id: int, units: int = 50) -> pb.PrototypeProduct:
    return await prototype.CreatePrototypeProduct(
        flat_product(tenant_id, status="active", stock_quantity=units, current_selling_price=69.99)
    )


async def test_a_flat_lead_is_created_scored_and_listed(prototype, tenant_id):
    lead = await prototype.CreatePrototypeLead(
        pb.CreatePrototypeLeadRequest(
            tenant_id=tenant_id,
            first_name="Ada",
            last_name="Lovelace",
            email="ada@analytical.io",
            company="Analytical Engines",
            job_title="CTO",
            source="referral",
        )
    )
    assert (lead.status, lead.source) == ("new", "referral") and lead.priority in {
        "low",
        "medium",
        "high",
        "urgent",
    }
    assert sum(f.contribution for f in lead.score_factors) == pytest.approx(lead.score, abs=0.011)
    read = await prototype.GetPrototypeLead(pb.GetPrototypeLeadRequest(tenant_id=tenant_id, lead_id=lead.id))
    assert read == lead
    page = await prototype.ListPrototypeLeads(
        pb.ListPrototypeLeadsRequest(tenant_id=tenant_id, source="referral")
    )
    assert [x.id for x in page.leads] == [lead.id] and page.total == 1
    analytics = await prototype.GetPrototypeLeadAnalytics(
        pb.GetPrototypeLeadAnalyticsRequest(tenant_id=tenant_id)
    )
    assert analytics.total_leads == 1


async def test_a_lead_with_a_bad_source_or_email_names_the_flat_fields(prototype, tenant_id):
    with pytest.raises(grpc.aio.AioRpcError) as word:
        await prototype.CreatePrototypeLead(
            pb.CreatePrototypeLeadRequest(
                tenant_id=tenant_id, first_name="A", last_name="B", email="a@b.io", source="tv"
            )
        )
    assert list(field_violations(word.value)) == ["source"]
    with pytest.raises(grpc.aio.AioRpcError) as contract:
        await prototype.CreatePrototypeLead(
            pb.CreatePrototypeLeadRequest(
                tenant_id=tenant_id, first_name="A", last_name="B", email="no", source="other"
            )
        )
    assert list(field_violations(contract.value)) == ["email"]


async def test_an_order_in_the_readmes_order_model(prototype, tenant_id):
    product = await active_stocked_product(prototype, tenant_id)
    order = await prototype.CreatePrototypeOrder(
        pb.CreatePrototypeOrderRequest(
            tenant_id=tenant_id,
            customer_email="customer@example.com",
            customer_name="Grace Hopper",
            billing_address=ADDRESS,
            items=[pb.PrototypeOrderItem(product_id=product.id, quantity=2)],
        )
    )
    assert re.fullmatch(r"ORD-\d{8}-\d{4}", order.order_number)
    (item,) = order.items
    assert (item.sku, item.quantity, item.unit_price, item.total_price) == (product.sku, 2, 69.99, 139.98)
    assert order.total_amount == 139.98 and order.status == "pending"
    assert order.fraud_analysis.risk_level in {"low", "medium"} and 0 <= order.fraud_analysis.risk_score < 0.6
    confirmed = await prototype.UpdatePrototypeOrder(
        pb.UpdatePrototypeOrderRequest(
            tenant_id=tenant_id, order_id=order.id, status="confirmed", reason="paid"
        )
    )
    assert confirmed.status == "confirmed"
    with pytest.raises(grpc.aio.AioRpcError) as illegal:
        await prototype.UpdatePrototypeOrder(
            pb.UpdatePrototypeOrderRequest(tenant_id=tenant_id, order_id=order.id, status="refunded")
        )
    assert illegal.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert error_reason(illegal.value) == "ILLEGAL_STATUS_TRANSITION"
    listed = await prototype.ListPrototypeOrders(
        pb.ListPrototypeOrdersRequest(tenant_id=tenant_id, status="confirmed")
    )
    assert [o.id for o in listed.orders] == [order.id]
    read = await prototype.GetPrototypeOrder(
        pb.GetPrototypeOrderRequest(tenant_id=tenant_id, order_id=order.id)
    )
    assert read.status == "confirmed"


async def test_an_order_without_lines_names_items(prototype, tenant_id):
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await prototype.CreatePrototypeOrder(
            pb.CreatePrototypeOrderRequest(
                tenant_id=tenant_id,
                customer_email="customer@example.com",
                customer_name="G",
                billing_address=ADDRESS,
            )
        )
    assert list(field_violations(refused.value)) == ["items"]


async def test_inventory_is_listed_updated_and_optimised(prototype, tenant_id):
    product = await active_stocked_product(prototype, tenant_id, units=5)
    updated = await prototype.UpdatePrototypeInventory(
        pb.UpdatePrototypeInventoryRequest(
            tenant_id=tenant_id, product_id=product.id, quantity=40, reason="count", reorder_point=12
        )
    )
    assert updated.inventory_level.available == 40 and updated.inventory_level.reorder_point == 12
    received = await prototype.UpdatePrototypeInventory(
        pb.UpdatePrototypeInventoryRequest(
            tenant_id=tenant_id,
            product_id=product.id,
            adjust_by=10,
            reason="delivery",
            movement_type="receipt",
        )
    )
    assert received.inventory_level.available == 50
    listed = await prototype.ListPrototypeInventory(pb.ListPrototypeInventoryRequest(tenant_id=tenant_id))
    assert [level.product_id for level in listed.inventory_levels] == [product.id]
    optimised = await prototype.OptimizePrototypeInventory(
        pb.OptimizePrototypeInventoryRequest(tenant_id=tenant_id, product_id=product.id, lead_time_days=7)
    )
    assert optimised.product_id == product.id
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await prototype.UpdatePrototypeInventory(
            pb.UpdatePrototypeInventoryRequest(
                tenant_id=tenant_id, product_id=product.id, quantity=-1, reason="x"
            )
        )
    assert list(field_violations(refused.value)) == ["quantity"]


async def test_suppliers_are_created_and_listed_by_marketplace(prototype, tenant_id):
    supplier = await prototype.CreatePrototypeSupplier(
        pb.CreatePrototypeSupplierRequest(
            tenant_id=tenant_id, name="Shenzhen Fit", marketplace="aliexpress", rating=4.5
        )
    )
    assert (supplier.marketplace, supplier.rating, supplier.is_active) == ("aliexpress", 4.5, True)
    listed = await prototype.ListPrototypeSuppliers(
        pb.ListPrototypeSuppliersRequest(tenant_id=tenant_id, marketplace="aliexpress")
    )
    assert [s.id for s in listed.suppliers] == [supplier.id]
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await prototype.CreatePrototypeSupplier(
            pb.CreatePrototypeSupplierRequest(tenant_id=tenant_id, name="X", marketplace="etsy", rating=9)
        )
    assert set(field_violations(refused.value)) == {"marketplace"}  # the words first, then the contract


async def test_intelligence_answers_through_the_contract(prototype, tenant_id):
    product = await active_stocked_product(prototype, tenant_id)
    related = await prototype.RecommendPrototypeProducts(
        pb.RecommendPrototypeProductsRequest(tenant_id=tenant_id, product_id=product.id, limit=3)
    )
    assert related.product_id == product.id
    strategy = await prototype.GeneratePrototypeMarketingStrategy(
        pb.GeneratePrototypeMarketingStrategyRequest(
            tenant_id=tenant_id, product_id=product.id, monthly_budget=500
        )
    )
    assert strategy.strategy.channels
    priced = await prototype.OptimizePrototypePricing(
        pb.OptimizePrototypePricingRequest(
            tenant_id=tenant_id, product_id=product.id, demand_level="high", competitor_prices=[64.99, 72.5]
        )
    )
    assert (
        priced.recommendation.product_id == product.id and priced.recommendation.recommended_price.units > 0
    )
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await prototype.OptimizePrototypePricing(
            pb.OptimizePrototypePricingRequest(
                tenant_id=tenant_id, product_id=product.id, demand_level="huge", competitor_prices=[1.005]
            )
        )
    assert set(field_violations(refused.value)) == {"demand_level", "competitor_prices[0]"}
    bulk = await prototype.BulkOptimizePrototypePricing(
        pb.BulkOptimizePrototypePricingRequest(tenant_id=tenant_id, product_ids=[product.id])
    )
    assert bulk.summary.product_count == 1 and not bulk.summary.applied


async def test_a_bulk_update_changes_the_named_products(prototype, tenant_id):
    first = await prototype.CreatePrototypeProduct(flat_product(tenant_id))
    second = await prototype.CreatePrototypeProduct(flat_product(tenant_id))
    result = await prototype.BulkUpdatePrototypeProducts(
        pb.BulkUpdatePrototypeProductsRequest(
            tenant_id=tenant_id, product_ids=[first.id, second.id], status="active", price_change_percent=10
        )
    )
    assert result.updated_count == 2
    read = await prototype.GetPrototypeProduct(
        pb.GetPrototypeProductRequest(tenant_id=tenant_id, product_id=first.id)
    )
    assert read.status == "active"
    assert read.pricing.current_selling_price == pytest.approx(
        first.pricing.current_selling_price * 1.1, abs=0.006
    )
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await prototype.BulkUpdatePrototypeProducts(
            pb.BulkUpdatePrototypeProductsRequest(tenant_id=tenant_id, product_ids=[first.id])
        )
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT


async def test_the_dashboard_and_events_of_the_tenant(prototype, tenant_id):
    product = await prototype.CreatePrototypeProduct(flat_product(tenant_id))
    dashboard = await prototype.GetPrototypeDashboard(
        pb.GetPrototypeDashboardRequest(tenant_id=tenant_id, days=30)
    )
    assert dashboard.products.total == 1
    events = await prototype.ListPrototypeEvents(
        pb.ListPrototypeEventsRequest(tenant_id=tenant_id, event_type="product.created")
    )
    assert [e.aggregate_id for e in events.events] == [product.id]
