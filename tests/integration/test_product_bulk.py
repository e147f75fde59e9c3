"""ProductService.BulkUpdateProducts through a real gRPC channel, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from decimal import Decimal

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
    seed_products,
)
from tests.support.status import error_reason, field_violations


def bulk(tenant_id: int, *, ids=(), product_filter=None, paths=(), validate_only=False, **changes):
    return pb.BulkUpdateProductsRequest(
        tenant_id=tenant_id,
        product_ids=list(ids),
        filter=product_filter,
        changes=pb.ProductChanges(**changes),
        update_mask=field_mask_pb2.FieldMask(paths=list(paths)),
        validate_only=validate_only,
    )


async def snapshot(products, tenant_id: int) -> list[pb.Product]:
    return list((await listed(products, tenant_id, show_discontinued=True, page_size=100)).products)


async def test_ids_get_one_result_each_in_request_order_with_missing_and_foreign_ids_not_found(
    products, events, tenant_id
):
    mine = [await create(products, tenant_id) for _ in range(3)]
    foreign = await create(products, tenant_id + 1)
    missing = str(uuid.uuid4())
    ids = [mine[2].id, missing, mine[0].id, foreign.id, mine[1].id, mine[0].id]

    response = await products.BulkUpdateProducts(bulk(tenant_id, ids=ids, status=pb.PRODUCT_STATUS_ACTIVE))

    assert [r.product_id for r in response.results] == ids[:5]  # duplicates collapsed
    assert [r.updated for r in response.results] == [True, False, True, False, True]
    for result in (response.results[1], response.results[3]):
        assert result.error.code == grpc.StatusCode.NOT_FOUND.value[0]
    assert (response.matched_count, response.updated_count, response.failed_count) == (3, 3, 2)
    assert {p.status for p in await snapshot(products, tenant_id)} == {pb.PRODUCT_STATUS_ACTIVE}
    assert (
        await products.GetProduct(pb.GetProductRequest(tenant_id=tenant_id + 1, product_id=foreign.id))
    ) == foreign

    listed_events = await events.ListEvents(
        event_service_pb2.ListEventsRequest(tenant_id=tenant_id, types=["products.bulk_updated"])
    )
    (event,) = listed_events.events
    payload = events_pb2.ProductsBulkUpdated()
    assert event.data.Unpack(payload)
    assert sorted(payload.product_ids) == sorted(p.id for p in mine)
    assert list(payload.update_paths) == ["status"] and not payload.by_filter
    assert (payload.matched_count, payload.updated_count, payload.failed_count) == (3, 3, 2)
    assert event.aggregate_id == payload.bulk_operation_id


async def test_a_price_change_rescores_and_a_price_that_would_not_be_positive_fails_alone(
    products, tenant_id
):
    cheap = await create(
        products,
        tenant_id,
        pricing=pb.ProductPricing(source_price=money("1"), current_selling_price=money("4")),
    )
    dear = await create(
        products,
        tenant_id,
        pricing=pb.ProductPricing(source_price=money("10"), current_selling_price=money("16")),
    )

    response = await products.BulkUpdateProducts(
        bulk(tenant_id, ids=[cheap.id, dear.id], price_change=pb.PriceChange(amount=money("-5")))
    )

    failed, changed = response.results
    assert not failed.updated and failed.error.code == grpc.StatusCode.INVALID_ARGUMENT.value[0]
    assert "positive" in failed.error.message
    assert changed.updated
    after = {p.id: p for p in await snapshot(products, tenant_id)}
    assert after[cheap.id] == cheap
    assert as_decimal(after[dear.id].pricing.current_selling_price) == Decimal("11.00")
    assert after[dear.id].analysis.profit_margin_estimate == pytest.approx(1 / 11, abs=1e-4)
    assert after[dear.id].analysis.dropship_score < dear.analysis.dropship_score  # thinner margin


async def test_a_filter_selects_products_and_tags_are_added_and_removed(products, tenant_id):
    gym = [await create(products, tenant_id, category="fitness", tags=["gym", "old"]) for _ in range(2)]
    other = await create(products, tenant_id, category="kitchen", tags=["old"])

    response = await products.BulkUpdateProducts(
        bulk(
            tenant_id,
            product_filter=pb.ProductFilter(category="fitness"),
            add_tags=["sale", "gym"],
            remove_tags=["old"],
        )
    )

    assert [r.product_id for r in response.results] == [gym[1].id, gym[0].id]  # newest first
    after = {p.id: p for p in await snapshot(products, tenant_id)}
    assert [list(after[p.id].tags) for p in gym] == [["gym", "sale"], ["gym", "sale"]]
    assert after[other.id] == other


async def test_validate_only_answers_the_results_and_writes_nothing(products, events, tenant_id):
    product = await create(products, tenant_id)
    response = await products.BulkUpdateProducts(
        bulk(tenant_id, ids=[product.id], validate_only=True, category="kitchen")
    )
    assert response.validate_only and response.updated_count == 1
    assert await get_product(products, tenant_id, product.id) == product
    assert "products.bulk_updated" not in await event_types(events, tenant_id)


async def test_more_than_10000_ids_is_resource_exhausted_and_changes_nothing(products, tenant_id):
    product = await create(products, tenant_id)
    ids = [product.id] + [str(uuid.uuid4()) for _ in range(10_000)]
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await products.BulkUpdateProducts(bulk(tenant_id, ids=ids, status=pb.PRODUCT_STATUS_ACTIVE))
    assert caught.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
    assert "product_ids" in field_violations(caught.value)
    assert await get_product(products, tenant_id, product.id) == product


async def test_a_filter_matching_more_than_10000_is_resource_exhausted(crm_server, products, tenant_id):
    await seed_products(crm_server.server.components.database, tenant_id, 10_001)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await products.BulkUpdateProducts(
            bulk(
                tenant_id,
                product_filter=pb.ProductFilter(category="fitness"),
                status=pb.PRODUCT_STATUS_INACTIVE,
            )
        )
    assert caught.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
    assert "filter" in field_violations(caught.value)
    assert (await listed(products, tenant_id, status=pb.PRODUCT_STATUS_INACTIVE)).total_size == 0


@pytest.mark.parametrize(
    ("request_args", "field"),
    [
        ({"status": pb.PRODUCT_STATUS_ACTIVE}, "product_ids"),  # neither ids nor filter
        ({"ids": ["ID"], "product_filter": pb.ProductFilter(category="fitness"), "status": 2}, "product_ids"),
        ({"ids": ["not-a-uuid"], "status": pb.PRODUCT_STATUS_ACTIVE}, "product_ids[0]"),
        ({"ids": ["ID"]}, "changes"),
        ({"ids": ["ID"], "paths": ["title"]}, "update_mask"),
        ({"ids": ["ID"], "paths": ["status"]}, "changes.status"),
        ({"ids": ["ID"], "category": "time machines"}, "changes.category"),
        ({"ids": ["ID"], "price_change": pb.PriceChange(percent=-100)}, "changes.price_change.percent"),
        (
            {"ids": ["ID"], "price_change": pb.PriceChange(set_price=money("0"))},
            "changes.price_change.set_price",
        ),
        ({"product_filter": pb.ProductFilter(), "status": pb.PRODUCT_STATUS_ACTIVE}, "filter"),
    ],
)
async def test_bad_bulk_requests_are_invalid_and_change_nothing(products, tenant_id, request_args, field):
    product = await create(products, tenant_id)
    if "ids" in request_args:
        request_args = {**request_args, "ids": [product.id if i == "ID" else i for i in request_args["ids"]]}
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await products.BulkUpdateProducts(bulk(tenant_id, **request_args))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in field_violations(caught.value)
    assert await get_product(products, tenant_id, product.id) == product


async def test_a_foreign_supplier_in_the_changes_is_not_found(products, suppliers, tenant_id):
    product = await create(products, tenant_id)
    foreign = await foreign_supplier(suppliers, tenant_id)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await products.BulkUpdateProducts(bulk(tenant_id, ids=[product.id], supplier_id=foreign.id))
    assert (
        caught.value.code() == grpc.StatusCode.NOT_FOUND
        and error_reason(caught.value) == "SUPPLIER_NOT_FOUND"
    )
    assert await get_product(products, tenant_id, product.id) == product


async def test_a_new_supplier_rescores_with_its_rating(products, suppliers, tenant_id):
    product = await create(products, tenant_id)
    supplier = await suppliers.CreateSupplier(
        spb.CreateSupplierRequest(tenant_id=tenant_id, supplier=a_supplier())
    )
    await products.BulkUpdateProducts(bulk(tenant_id, ids=[product.id], supplier_id=supplier.id))
    after = await get_product(products, tenant_id, product.id)
    assert after.supplier_id == supplier.id
    reliability = {f.name: f.value for f in after.analysis.factors}["supplier_reliability"]
    assert reliability > 50.0
