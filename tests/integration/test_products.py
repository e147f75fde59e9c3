"""ProductService (create, get, list, update, delete) through a real gRPC channel, on SQLite and
PostgreSQL."""

from __future__ import annotations

import asyncio
import uuid
from decimal import Decimal

import grpc
import pytest
from google.protobuf import field_mask_pb2

from crm.v2 import product_service_pb2 as pb
from crm.v2 import supplier_service_pb2 as spb
from tests.integration.conftest_catalog import (
    a_product,
    a_supplier,
    as_decimal,
    create,
    event_types,
    foreign_supplier,
    get_product,
    listed,
    money,
)
from tests.support.status import error_reason, field_violations

FACTOR_NAMES = {
    "margin_potential",
    "retail_price_band",
    "category_demand",
    "competition",
    "supplier_reliability",
    "social_proof",
}


async def test_a_created_product_is_classified_priced_and_stocked(products, suppliers, events, tenant_id):
    supplier = await suppliers.CreateSupplier(
        spb.CreateSupplierRequest(tenant_id=tenant_id, supplier=a_supplier())
    )
    product = await create(
        products, tenant_id, supplier_id=supplier.id, initial_stock=25, category="electronics"
    )

    assert uuid.UUID(product.id).version == 7 and product.tenant_id == tenant_id
    assert product.status == pb.PRODUCT_STATUS_ACTIVE  # as the prototype: on sale at once
    analysis = product.analysis
    assert {f.name for f in analysis.factors} == FACTOR_NAMES
    assert sum(f.contribution for f in analysis.factors) == pytest.approx(analysis.dropship_score, abs=0.011)
    assert analysis.classification == pb.PRODUCT_CLASSIFICATION_HERO
    # SPEC: 49.99 HERO -> 49.99 x (1 + 0.25 + 0.25) = 74.985 -> 74.99; the selling price defaults to it.
    assert as_decimal(product.pricing.recommended_price) == Decimal("74.99")
    assert product.pricing.current_selling_price == product.pricing.recommended_price
    assert analysis.profit_margin_estimate == pytest.approx(
        float((Decimal("74.99") - Decimal("49.99")) / Decimal("74.99")), abs=1e-4
    )
    assert product.stock_available == 25 and product.stock_reserved == 0
    assert await get_product(products, tenant_id, product.id) == product
    assert await event_types(events, tenant_id) == [
        "supplier.created",
        "product.created",
        "product.analysis_started",
    ]


async def test_an_explicit_selling_price_is_kept_and_sets_the_margin(products, tenant_id):
    product = await create(
        products,
        tenant_id,
        pricing=pb.ProductPricing(source_price=money("10.00"), current_selling_price=money("40.00")),
    )
    assert as_decimal(product.pricing.current_selling_price) == Decimal("40.00")
    assert product.analysis.profit_margin_estimate == pytest.approx(0.75)


async def test_a_better_supplier_raises_the_score(products, suppliers, tenant_id):
    good = await suppliers.CreateSupplier(
        spb.CreateSupplierRequest(tenant_id=tenant_id, supplier=a_supplier())
    )
    poor = await suppliers.CreateSupplier(
        spb.CreateSupplierRequest(tenant_id=tenant_id, supplier=a_supplier(rating=1.0, lead_time_days=45))
    )
    with_good = await create(products, tenant_id, supplier_id=good.id)
    with_poor = await create(products, tenant_id, supplier_id=poor.id)
    assert with_good.analysis.dropship_score > with_poor.analysis.dropship_score


async def test_the_same_request_id_returns_the_first_product_and_creates_nothing(products, events, tenant_id):
    request = pb.CreateProductRequest(tenant_id=tenant_id, product=a_product(), request_id="k1")
    first = await products.CreateProduct(request)
    again = await products.CreateProduct(request)
    assert again == first
    assert (await listed(products, tenant_id)).total_size == 1
    assert (await event_types(events, tenant_id)).count("product.created") == 1


async def test_concurrent_creates_with_one_request_id_create_one_product(products, tenant_id):
    request = pb.CreateProductRequest(tenant_id=tenant_id, product=a_product(), request_id="burst")
    results = await asyncio.gather(*(products.CreateProduct(request) for _ in range(6)))
    assert len({p.id for p in results}) == 1
    assert (await listed(products, tenant_id)).total_size == 1


async def test_a_duplicate_sku_is_already_exists_and_writes_nothing(products, events, tenant_id):
    first = await create(products, tenant_id, sku="DUP-1")
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await create(products, tenant_id, sku="DUP-1", title="Another")
    assert caught.value.code() == grpc.StatusCode.ALREADY_EXISTS
    assert error_reason(caught.value) == "DUPLICATE_SKU"
    assert (await listed(products, tenant_id)).total_size == 1
    assert (await event_types(events, tenant_id)).count("product.created") == 1
    other_tenant = await create(products, tenant_id + 1, sku="DUP-1")
    assert other_tenant.id != first.id


async def test_concurrent_creates_of_one_sku_create_one_product(products, tenant_id):
    results = await asyncio.gather(
        *(create(products, tenant_id, sku="RACE-1") for _ in range(6)), return_exceptions=True
    )
    assert sum(isinstance(r, pb.Product) for r in results) == 1
    assert {r.code() for r in results if isinstance(r, grpc.aio.AioRpcError)} == {
        grpc.StatusCode.ALREADY_EXISTS
    }


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"pricing": pb.ProductPricing(source_price=money("0"))}, "product.pricing.source_price"),
        ({"pricing": pb.ProductPricing(source_price=money("-5"))}, "product.pricing.source_price"),
        ({"pricing": pb.ProductPricing()}, "product.pricing.source_price"),
        (
            {"pricing": pb.ProductPricing(source_price=money("5"), current_selling_price=money("0"))},
            "product.pricing.current_selling_price",
        ),
        (
            {"pricing": pb.ProductPricing(source_price=money("5"), current_selling_price=money("9", "EUR"))},
            "product.pricing.current_selling_price",
        ),
        ({"category": "time machines"}, "product.category"),
        ({"category": ""}, "product.category"),
        ({"title": ""}, "product.title"),
        ({"title": "t" * 201}, "product.title"),
        ({"sku": ""}, "product.sku"),
        ({"sku": "s" * 65}, "product.sku"),
        ({"sku": "has space"}, "product.sku"),
        ({"asin": "not an id"}, "product.asin"),
        ({"review_rating": 5.5}, "product.review_rating"),
        ({"review_rating": float("nan")}, "product.review_rating"),
        ({"competitor_count": -1}, "product.competitor_count"),
        ({"initial_stock": -3}, "product.initial_stock"),
        ({"image_urls": ["http://insecure.example.com/a.png"]}, "product.image_urls[0]"),
        ({"tags": ["x"] * 21}, "product.tags"),
        ({"supplier_id": "not-a-uuid"}, "product.supplier_id"),
    ],
)
async def test_invalid_products_are_rejected_with_details_and_nothing_is_written(
    products, tenant_id, overrides, field
):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await create(products, tenant_id, **overrides)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in field_violations(caught.value)
    assert (await listed(products, tenant_id, show_discontinued=True)).total_size == 0


async def test_every_violation_is_reported_at_once(products):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await products.CreateProduct(
            pb.CreateProductRequest(tenant_id=0, product=pb.Product(), request_id="r" * 101)
        )
    assert {
        "tenant_id",
        "product.sku",
        "product.title",
        "product.category",
        "product.pricing.source_price",
        "request_id",
    } <= set(field_violations(caught.value))


async def test_a_foreign_or_missing_supplier_is_not_found_and_nothing_is_written(
    products, suppliers, tenant_id
):
    foreign = await foreign_supplier(suppliers, tenant_id)
    for supplier_id in (foreign.id, str(uuid.uuid4())):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await create(products, tenant_id, supplier_id=supplier_id)
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
        assert error_reason(caught.value) == "SUPPLIER_NOT_FOUND"
    assert (await listed(products, tenant_id)).total_size == 0


async def test_a_product_of_another_tenant_is_not_found(products, tenant_id):
    product = await create(products, tenant_id)
    for call in (
        products.GetProduct(pb.GetProductRequest(tenant_id=tenant_id + 1, product_id=product.id)),
        products.DeleteProduct(pb.DeleteProductRequest(tenant_id=tenant_id + 1, product_id=product.id)),
        products.UpdateProduct(
            pb.UpdateProductRequest(
                tenant_id=tenant_id + 1,
                product=pb.Product(id=product.id, title="hijack"),
                update_mask=field_mask_pb2.FieldMask(paths=["title"]),
            )
        ),
    ):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await call
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
        assert error_reason(caught.value) == "PRODUCT_NOT_FOUND"
    assert await get_product(products, tenant_id, product.id) == product


async def test_a_malformed_id_is_invalid_not_internal(products, tenant_id):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await products.GetProduct(pb.GetProductRequest(tenant_id=tenant_id, product_id="nope"))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "product_id" in field_violations(caught.value)
