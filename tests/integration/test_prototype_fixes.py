"""Defects found by trying the service as the prototype's users would (issue 13), through a real channel on
SQLite and PostgreSQL: the README's own product example, marketplace identifiers, the default status of a
new product, categories outside the demand table, and discontinued products on create."""

from __future__ import annotations

import grpc
import pytest

from crm.v2 import intelligence_service_pb2 as ipb
from crm.v2 import order_service_pb2 as opb
from crm.v2 import product_service_pb2 as pb
from tests.integration.conftest_catalog import create, money
from tests.integration.conftest_orders import an_order
from tests.support.status import field_violations


async def test_the_prototype_readme_example_creates_a_product_that_can_be_ordered_and_recommended(
    products, orders, intelligence, tenant_id
):
    # The prototype README's curl example, field for field: no status, no stock, a 7-character asin.
    example = await products.CreateProduct(
        pb.CreateProductRequest(
            tenant_id=tenant_id,
            product=pb.Product(
                asin="TEST001",
                sku="TEST-PRODUCT-001",
                title="Test Fitness Product",
                category="fitness",
                pricing=pb.ProductPricing(source_price=money("29.99")),
            ),
        )
    )
    assert example.asin == "TEST001" and example.status == pb.PRODUCT_STATUS_ACTIVE

    order = await orders.CreateOrder(
        opb.CreateOrderRequest(tenant_id=tenant_id, order=an_order((example.id, 1)), allow_backorder=True)
    )
    assert [item.product_id for item in order.items] == [example.id]

    other = await create(products, tenant_id, title="Fitness Resistance Bands")
    related = await intelligence.RecommendProducts(
        ipb.RecommendProductsRequest(tenant_id=tenant_id, product_id=other.id, skip_sourcing=True)
    )
    assert example.id in [r.product_id for r in related.related_products]


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("B08N5WRWNW", "B08N5WRWNW"),
        (" b08n5wrwnw ", "B08N5WRWNW"),
        ("1005004321987654", "1005004321987654"),
        ("TEST001", "TEST001"),
    ],
)
async def test_marketplace_identifiers_are_accepted_and_normalised(products, tenant_id, given, stored):
    product = await create(products, tenant_id, asin=given)
    assert product.asin == stored


@pytest.mark.parametrize("asin", ["has space", "X" * 41, "ÄÖÜ123", "ab/cd"])
async def test_malformed_marketplace_identifiers_are_refused(products, tenant_id, asin):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await create(products, tenant_id, asin=asin)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "product.asin" in field_violations(caught.value)


async def test_a_product_cannot_be_created_discontinued(products, tenant_id):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await create(products, tenant_id, status=pb.PRODUCT_STATUS_DISCONTINUED)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "DeleteProduct" in field_violations(caught.value)["product.status"]


async def test_a_category_outside_the_demand_table_scores_a_neutral_demand(products, tenant_id):
    product = await create(products, tenant_id, category="Gadgets")
    assert product.category == "gadgets"
    [demand] = [f for f in product.analysis.factors if f.name == "category_demand"]
    assert demand.value == 50 and "neutral" in demand.explanation


@pytest.mark.parametrize("category", ["not a key", "x" * 51, "émoji"])
async def test_a_malformed_category_is_refused(products, tenant_id, category):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await create(products, tenant_id, category=category)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "product.category" in field_violations(caught.value)
