"""Catalog events reach a real Kafka broker on the products topic: names, keys, order and payloads."""

from __future__ import annotations

from google.protobuf import field_mask_pb2, json_format

from crm.v2 import events_pb2, product_service_pb2_grpc
from crm.v2 import product_service_pb2 as pb
from tests.e2e.conftest import PublishingServer
from tests.integration.conftest_catalog import a_product, money


async def test_product_events_are_published_in_order_keyed_by_product(publishing_server: PublishingServer):
    tenant_id = 7101
    products = product_service_pb2_grpc.ProductServiceStub(publishing_server.channel)
    product = await products.CreateProduct(
        pb.CreateProductRequest(tenant_id=tenant_id, product=a_product(), request_id="e2e-1")
    )
    await products.UpdateProduct(
        pb.UpdateProductRequest(
            tenant_id=tenant_id,
            product=pb.Product(
                id=product.id, pricing=pb.ProductPricing(current_selling_price=money("99.00"))
            ),
            update_mask=field_mask_pb2.FieldMask(paths=["pricing.current_selling_price"]),
        )
    )
    bulk = await products.BulkUpdateProducts(
        pb.BulkUpdateProductsRequest(
            tenant_id=tenant_id,
            product_ids=[product.id],
            changes=pb.ProductChanges(status=pb.PRODUCT_STATUS_ACTIVE),
        )
    )
    assert bulk.updated_count == 1
    # The product's events and the bulk event are keyed apart, so they may sit on different partitions:
    # wait for all of them, not for the last one sent.
    records = await publishing_server.read(
        "products",
        until=lambda rs: (
            any(r.headers.get("ce_type") == "products.bulk_updated" for r in rs)
            and sum(r.key == product.id for r in rs) >= 4
        ),
    )

    of_product = [r for r in records if r.key == product.id]
    assert [r.headers["ce_type"] for r in of_product] == [
        "product.created",
        "product.analysis_started",
        "product.updated",
        "product.analysis_started",
    ]
    created = json_format.Parse(of_product[0].value, events_pb2.ProductCreated())
    assert created.product == product and created.request_id == "e2e-1" and created.tenant_id == tenant_id
    started = json_format.Parse(of_product[1].value, events_pb2.ProductAnalysisStarted())
    assert (started.product_id, started.sku, started.trigger) == (product.id, product.sku, "product_created")
    updated = json_format.Parse(of_product[2].value, events_pb2.ProductUpdated())
    assert updated.reanalyzed and "pricing.current_selling_price" in updated.changed_fields
    (bulk_record,) = [r for r in records if r.headers["ce_type"] == "products.bulk_updated"]
    bulk_event = json_format.Parse(bulk_record.value, events_pb2.ProductsBulkUpdated())
    assert bulk_record.key == bulk_event.bulk_operation_id
    assert list(bulk_event.product_ids) == [product.id] and bulk_event.updated_count == 1
