"""SupplierService through a real gRPC channel, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import grpc
import pytest
from google.protobuf import field_mask_pb2

from crm.v2 import supplier_service_pb2 as spb
from tests.integration.conftest_catalog import (
    a_supplier,
    create,
    event_types,
    get_product,
)
from tests.support.status import error_reason, field_violations


async def new_supplier(suppliers, tenant_id: int, **overrides: object) -> spb.Supplier:
    return await suppliers.CreateSupplier(
        spb.CreateSupplierRequest(tenant_id=tenant_id, supplier=a_supplier(**overrides))
    )


async def total(suppliers, tenant_id: int, **filters: object) -> int:
    return (
        await suppliers.ListSuppliers(spb.ListSuppliersRequest(tenant_id=tenant_id, **filters))
    ).total_size


async def test_a_created_supplier_is_active_and_readable(suppliers, events, tenant_id):
    supplier = await new_supplier(suppliers, tenant_id, is_active=False)
    assert uuid.UUID(supplier.id).version == 7 and supplier.is_active
    assert supplier.rating == pytest.approx(4.8) and supplier.lead_time_days == 5
    assert (
        await suppliers.GetSupplier(spb.GetSupplierRequest(tenant_id=tenant_id, supplier_id=supplier.id))
        == supplier
    )
    assert await event_types(events, tenant_id) == ["supplier.created"]


async def test_unrated_suppliers_leave_rating_and_lead_time_unset(suppliers, tenant_id):
    supplier = await suppliers.CreateSupplier(
        spb.CreateSupplierRequest(
            tenant_id=tenant_id, supplier=spb.Supplier(name="New", marketplace=spb.MARKETPLACE_EBAY)
        )
    )
    assert not supplier.HasField("rating") and not supplier.HasField("lead_time_days")


async def test_list_filters_by_marketplace_activity_and_name_and_pages_newest_first(suppliers, tenant_id):
    ali = await new_supplier(suppliers, tenant_id, marketplace=spb.MARKETPLACE_ALIEXPRESS, name="Ali Gadgets")
    amazon = await new_supplier(suppliers, tenant_id, marketplace=spb.MARKETPLACE_AMAZON, name="Prime Goods")
    await suppliers.UpdateSupplier(
        spb.UpdateSupplierRequest(
            tenant_id=tenant_id,
            supplier=spb.Supplier(id=amazon.id, is_active=False),
            update_mask=field_mask_pb2.FieldMask(paths=["is_active"]),
        )
    )
    await new_supplier(suppliers, tenant_id + 1)
    assert await total(suppliers, tenant_id) == 2
    assert await total(suppliers, tenant_id, marketplace=spb.MARKETPLACE_ALIEXPRESS) == 1
    assert await total(suppliers, tenant_id, active_only=True) == 1
    assert await total(suppliers, tenant_id, query="prime") == 1
    first = await suppliers.ListSuppliers(spb.ListSuppliersRequest(tenant_id=tenant_id, page_size=1))
    second = await suppliers.ListSuppliers(
        spb.ListSuppliersRequest(tenant_id=tenant_id, page_size=1, page_token=first.next_page_token)
    )
    assert [first.suppliers[0].id, second.suppliers[0].id] == [amazon.id, ali.id]
    assert not second.next_page_token


async def test_a_new_rating_rescores_the_suppliers_products(suppliers, products, events, tenant_id):
    supplier = await new_supplier(suppliers, tenant_id)
    product = await create(products, tenant_id, supplier_id=supplier.id)
    updated = await suppliers.UpdateSupplier(
        spb.UpdateSupplierRequest(
            tenant_id=tenant_id,
            supplier=spb.Supplier(id=supplier.id, rating=1.0, notes="late twice"),
            update_mask=field_mask_pb2.FieldMask(paths=["rating", "notes"]),
        )
    )
    assert updated.rating == 1.0 and updated.notes == "late twice" and updated.name == supplier.name
    after = await get_product(products, tenant_id, product.id)
    assert after.analysis.dropship_score < product.analysis.dropship_score
    assert (await event_types(events, tenant_id))[-1] == "supplier.updated"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "supplier.name"),
        ({"name": "n" * 201}, "supplier.name"),
        ({"marketplace": spb.MARKETPLACE_UNSPECIFIED}, "supplier.marketplace"),
        ({"marketplace": 99}, "supplier.marketplace"),
        ({"rating": 5.1}, "supplier.rating"),
        ({"lead_time_days": 366}, "supplier.lead_time_days"),
        ({"contact_email": "nope"}, "supplier.contact_email"),
        ({"contact_phone": "call me"}, "supplier.contact_phone"),
        ({"website": "ftp://x"}, "supplier.website"),
    ],
)
async def test_invalid_suppliers_are_rejected_with_details_and_nothing_is_written(
    suppliers, tenant_id, overrides, field
):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await new_supplier(suppliers, tenant_id, **overrides)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in field_violations(caught.value)
    assert await total(suppliers, tenant_id) == 0


@pytest.mark.parametrize(
    ("paths", "fields", "field"),
    [(["id"], {}, "update_mask"), (["rating"], {"rating": -1.0}, "supplier.rating"), ([], {}, "update_mask")],
)
async def test_bad_supplier_updates_change_nothing(suppliers, tenant_id, paths, fields, field):
    supplier = await new_supplier(suppliers, tenant_id)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await suppliers.UpdateSupplier(
            spb.UpdateSupplierRequest(
                tenant_id=tenant_id,
                supplier=spb.Supplier(id=supplier.id, **fields),
                update_mask=field_mask_pb2.FieldMask(paths=paths),
            )
        )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in field_violations(caught.value)
    assert (
        await suppliers.GetSupplier(spb.GetSupplierRequest(tenant_id=tenant_id, supplier_id=supplier.id))
        == supplier
    )


async def test_a_supplier_of_another_tenant_is_not_found(suppliers, tenant_id):
    supplier = await new_supplier(suppliers, tenant_id)
    for call in (
        suppliers.GetSupplier(spb.GetSupplierRequest(tenant_id=tenant_id + 1, supplier_id=supplier.id)),
        suppliers.UpdateSupplier(
            spb.UpdateSupplierRequest(
                tenant_id=tenant_id + 1,
                supplier=spb.Supplier(id=supplier.id, name="hijack"),
                update_mask=field_mask_pb2.FieldMask(paths=["name"]),
            )
        ),
    ):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await call
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
        assert error_reason(caught.value) == "SUPPLIER_NOT_FOUND"
    assert (
        await suppliers.GetSupplier(spb.GetSupplierRequest(tenant_id=tenant_id, supplier_id=supplier.id))
    ).name == supplier.name
