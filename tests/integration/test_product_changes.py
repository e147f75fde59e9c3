"""ProductService list, update and delete through a real gRPC channel, on SQLite and PostgreSQL."""

from __future__ import annotations

import grpc
import pytest
from google.protobuf import field_mask_pb2

from crm.v2 import event_service_pb2, events_pb2
from crm.v2 import product_service_pb2 as pb
from crm.v2 import supplier_service_pb2 as spb
from tests.integration.conftest_catalog import (
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


def mask(*paths: str) -> field_mask_pb2.FieldMask:
    return field_mask_pb2.FieldMask(paths=list(paths))


async def update(products, tenant_id: int, product: pb.Product, *paths: str) -> pb.Product:
    return await products.UpdateProduct(
        pb.UpdateProductRequest(tenant_id=tenant_id, product=product, update_mask=mask(*paths))
    )


async def test_list_pages_through_every_product_once_newest_first(products, tenant_id):
    created = [await create(products, tenant_id) for _ in range(7)]
    await create(products, tenant_id + 1)
    seen, token = [], ""
    while True:
        page = await listed(products, tenant_id, page_size=3, page_token=token)
        assert page.total_size == 7 and len(page.products) <= 3
        seen.extend(p.id for p in page.products)
        token = page.next_page_token
        if not token:
            break
    assert seen == [p.id for p in reversed(created)]


async def test_list_filters_combine(products, suppliers, tenant_id):
    supplier = await suppliers.CreateSupplier(
        spb.CreateSupplierRequest(tenant_id=tenant_id, supplier=a_supplier())
    )
    cheap = await create(
        products,
        tenant_id,
        title="Yoga Mat",
        category="fitness",
        status=pb.PRODUCT_STATUS_DRAFT,
        pricing=pb.ProductPricing(source_price=money("5"), current_selling_price=money("15")),
    )
    pricey = await create(
        products,
        tenant_id,
        title="Smart Watch",
        sku="WATCH-1",
        category="electronics",
        supplier_id=supplier.id,
        status=pb.PRODUCT_STATUS_ACTIVE,
        pricing=pb.ProductPricing(source_price=money("80"), current_selling_price=money("150")),
    )

    async def ids(**filters: object) -> list[str]:
        return [p.id for p in (await listed(products, tenant_id, **filters)).products]

    assert await ids(category="electronics") == [pricey.id]
    assert await ids(supplier_id=supplier.id) == [pricey.id]
    assert await ids(status=pb.PRODUCT_STATUS_DRAFT) == [cheap.id]
    assert await ids(query="yoga") == [cheap.id]
    assert await ids(query="watch-") == [pricey.id]  # sku match, case-insensitive
    assert await ids(query="%") == []  # wildcards are literal
    assert await ids(min_price=money("20")) == [pricey.id]
    assert await ids(max_price=money("15")) == [cheap.id]
    assert await ids(min_price=money("10"), max_price=money("200")) == [pricey.id, cheap.id]
    assert await ids(classification=cheap.analysis.classification) == [
        p.id for p in (pricey, cheap) if p.analysis.classification == cheap.analysis.classification
    ]


async def test_discontinued_products_are_hidden_unless_asked_for(products, tenant_id):
    kept = await create(products, tenant_id)
    gone = await create(products, tenant_id)
    await products.DeleteProduct(pb.DeleteProductRequest(tenant_id=tenant_id, product_id=gone.id))
    default = await listed(products, tenant_id)
    assert [p.id for p in default.products] == [kept.id] and default.total_size == 1
    assert (await listed(products, tenant_id, show_discontinued=True)).total_size == 2
    only = await listed(products, tenant_id, status=pb.PRODUCT_STATUS_DISCONTINUED)
    assert [p.id for p in only.products] == [gone.id]


@pytest.mark.parametrize(
    ("filters", "field"),
    [
        ({"category": "time machines"}, "category"),
        ({"min_price": money("20"), "max_price": money("10")}, "max_price"),
        ({"min_price": money("1"), "max_price": money("10", "EUR")}, "max_price"),
        ({"page_size": -1}, "page_size"),
        ({"page_token": "garbage!"}, "page_token"),
        ({"supplier_id": "nope"}, "supplier_id"),
        ({"query": "q" * 201}, "query"),
    ],
)
async def test_bad_list_requests_are_invalid(products, tenant_id, filters, field):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await listed(products, tenant_id, **filters)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in field_violations(caught.value)


async def test_a_page_token_only_works_with_its_filters(products, tenant_id):
    for _ in range(2):
        await create(products, tenant_id)
    page = await listed(products, tenant_id, page_size=1)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await listed(products, tenant_id, page_size=1, page_token=page.next_page_token, category="fitness")
    assert "page_token" in field_violations(caught.value)


async def test_update_rescores_when_a_score_input_changes_and_records_the_change(products, events, tenant_id):
    product = await create(products, tenant_id)
    cheaper = await update(
        products,
        tenant_id,
        pb.Product(id=product.id, pricing=pb.ProductPricing(source_price=money("20.00")), title="Ignored"),
        "pricing.source_price",
    )
    assert as_decimal(cheaper.pricing.source_price) == 20 and cheaper.title == product.title
    assert (
        cheaper.analysis.dropship_score > product.analysis.dropship_score
    )  # same selling price, wider margin
    assert cheaper.pricing.current_selling_price == product.pricing.current_selling_price
    listed_events = await events.ListEvents(
        event_service_pb2.ListEventsRequest(tenant_id=tenant_id, types=["product.updated"])
    )
    (event,) = listed_events.events
    payload = events_pb2.ProductUpdated()
    assert event.data.Unpack(payload)
    assert payload.reanalyzed and payload.previous_dropship_score == product.analysis.dropship_score
    assert {"pricing.source_price", "analysis"} <= set(payload.changed_fields)
    assert payload.product == cheaper


async def test_update_of_other_fields_keeps_the_analysis_and_an_unchanged_update_records_nothing(
    products, events, tenant_id
):
    product = await create(products, tenant_id)
    renamed = await update(products, tenant_id, pb.Product(id=product.id, title="Renamed", tags=["a", "b"]))
    assert renamed.title == "Renamed" and list(renamed.tags) == ["a", "b"]
    assert renamed.analysis == product.analysis
    again = await update(products, tenant_id, pb.Product(id=product.id, title="Renamed"), "title")
    assert again == renamed
    assert (await event_types(events, tenant_id)).count("product.updated") == 1


async def test_naming_an_unset_optional_field_clears_it(products, tenant_id):
    product = await create(products, tenant_id, competitor_count=40)
    cleared = await update(products, tenant_id, pb.Product(id=product.id), "competitor_count")
    assert not cleared.HasField("competitor_count")
    competition = {f.name: f for f in cleared.analysis.factors}["competition"]
    assert competition.value == 50.0


@pytest.mark.parametrize(
    ("paths", "fields", "field"),
    [
        (["analysis"], {}, "update_mask"),
        (["pricing.recommended_price"], {}, "update_mask"),
        (["title"], {"title": ""}, "product.title"),
        (["category"], {"category": "time machines"}, "product.category"),
        (["status"], {}, "product.status"),
        (
            ["pricing.source_price"],
            {"pricing": pb.ProductPricing(source_price=money("0"))},
            "product.pricing.source_price",
        ),
        (
            ["pricing.current_selling_price"],
            {"pricing": pb.ProductPricing(current_selling_price=money("9", "EUR"))},
            "product.pricing.current_selling_price",
        ),
    ],
)
async def test_bad_updates_are_rejected_and_change_nothing(products, tenant_id, paths, fields, field):
    product = await create(products, tenant_id)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await update(products, tenant_id, pb.Product(id=product.id, **fields), *paths)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in field_violations(caught.value)
    assert await get_product(products, tenant_id, product.id) == product


async def test_an_update_to_a_taken_sku_or_a_foreign_supplier_is_refused(products, suppliers, tenant_id):
    taken = await create(products, tenant_id)
    product = await create(products, tenant_id)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await update(products, tenant_id, pb.Product(id=product.id, sku=taken.sku), "sku")
    assert (
        caught.value.code() == grpc.StatusCode.ALREADY_EXISTS
        and error_reason(caught.value) == "DUPLICATE_SKU"
    )
    foreign = await foreign_supplier(suppliers, tenant_id)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await update(products, tenant_id, pb.Product(id=product.id, supplier_id=foreign.id), "supplier_id")
    assert (
        caught.value.code() == grpc.StatusCode.NOT_FOUND
        and error_reason(caught.value) == "SUPPLIER_NOT_FOUND"
    )
    assert await get_product(products, tenant_id, product.id) == product


async def test_delete_discontinues_once_and_is_idempotent(products, events, tenant_id):
    product = await create(products, tenant_id)
    first = await products.DeleteProduct(pb.DeleteProductRequest(tenant_id=tenant_id, product_id=product.id))
    second = await products.DeleteProduct(pb.DeleteProductRequest(tenant_id=tenant_id, product_id=product.id))
    assert first.status == pb.PRODUCT_STATUS_DISCONTINUED and second == first
    fetched = await get_product(products, tenant_id, product.id)
    assert fetched == first and fetched.title == product.title
    assert (await event_types(events, tenant_id)).count("product.discontinued") == 1
