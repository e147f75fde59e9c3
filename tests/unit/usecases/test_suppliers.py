"""Supplier use cases on in-memory fakes: create, tenant isolation, and updates that re-score the
supplier's products only when its rating or lead time changes."""

from __future__ import annotations

from typing import Any

import pytest

from domain.catalog import ProductStatus
from domain.catalog_events import SupplierCreated, SupplierUpdated
from domain.errors import NotFound
from domain.ids import new_id
from domain.paging import PageRequest
from domain.suppliers import Marketplace, SupplierChanges, SupplierDraft, SupplierFilter
from engines.classification import ClassificationPolicy
from server.catalog.usecases import ProductUseCases
from server.suppliers.usecases import SupplierUseCases
from tests.unit.usecases.fakes_catalog import FakeCatalogUnitOfWork, product_draft
from tests.unit.usecases.test_supply import SUPPLY

TENANT = 1
OTHER_TENANT = 2
POLICY = ClassificationPolicy()


def supplier_draft(**overrides: Any) -> SupplierDraft:
    values: dict[str, Any] = {
        "name": "Shenzhen Fitness Co",
        "marketplace": Marketplace.ALIBABA,
        "rating": 3.0,
        "lead_time_days": 20,
    }
    values.update(overrides)
    return SupplierDraft(**values)


@pytest.fixture
def uow() -> FakeCatalogUnitOfWork:
    return FakeCatalogUnitOfWork()


@pytest.fixture
def suppliers(uow: FakeCatalogUnitOfWork) -> SupplierUseCases:
    return SupplierUseCases(uow.factory, POLICY, SUPPLY)


@pytest.fixture
def products(uow: FakeCatalogUnitOfWork) -> ProductUseCases:
    return ProductUseCases(uow.factory, POLICY)


async def test_create_stores_an_active_supplier_and_announces_it(uow, suppliers):
    created = await suppliers.create(tenant_id=TENANT, draft=supplier_draft())

    assert created.is_active and created.tenant_id == TENANT and created.rating == 3.0
    assert await uow.suppliers.get(TENANT, created.id) == created
    [event] = uow.events
    assert isinstance(event, SupplierCreated) and event.supplier == created


async def test_getting_a_missing_or_another_tenants_supplier_is_not_found(uow, suppliers):
    theirs = await suppliers.create(tenant_id=OTHER_TENANT, draft=supplier_draft())

    for supplier_id in (new_id(), theirs.id):
        with pytest.raises(NotFound) as raised:
            await suppliers.get(tenant_id=TENANT, supplier_id=supplier_id)
        assert raised.value.metadata == {"resource": "supplier", "id": str(supplier_id)}


async def test_listing_shows_only_the_tenants_matching_suppliers(uow, suppliers):
    wanted = await suppliers.create(tenant_id=TENANT, draft=supplier_draft(marketplace=Marketplace.EBAY))
    await suppliers.create(tenant_id=TENANT, draft=supplier_draft())
    await suppliers.create(tenant_id=OTHER_TENANT, draft=supplier_draft(marketplace=Marketplace.EBAY))

    page = await suppliers.list(
        tenant_id=TENANT, criteria=SupplierFilter(marketplace=Marketplace.EBAY), page=PageRequest(size=10)
    )

    assert [s.id for s in page.items] == [wanted.id]


async def test_a_new_rating_rescores_the_suppliers_products_that_are_not_discontinued(
    uow, suppliers, products
):
    supplier = await suppliers.create(tenant_id=TENANT, draft=supplier_draft())
    live = await products.create(
        tenant_id=TENANT,
        draft=product_draft(supplier_id=supplier.id),
        request_id=None,
    )
    gone = await products.create(
        tenant_id=TENANT,
        draft=product_draft(supplier_id=supplier.id),
        request_id=None,
    )
    gone = await products.delete(tenant_id=TENANT, product_id=gone.id)

    updated = await suppliers.update(
        tenant_id=TENANT,
        supplier_id=supplier.id,
        changes=SupplierChanges({"rating": 5.0, "lead_time_days": 3}),
    )

    rescored = await uow.products.get(TENANT, live.id)
    assert rescored.analysis.score > live.analysis.score
    assert rescored.version == live.version + 1 and rescored.updated_at == updated.updated_at
    assert await uow.products.get(TENANT, gone.id) == gone
    event = uow.events[-1]
    assert isinstance(event, SupplierUpdated) and event.changed_fields == ("rating", "lead_time_days")


async def test_a_new_name_leaves_the_suppliers_products_alone(uow, suppliers, products):
    supplier = await suppliers.create(tenant_id=TENANT, draft=supplier_draft())
    product = await products.create(
        tenant_id=TENANT,
        draft=product_draft(supplier_id=supplier.id),
        request_id=None,
    )

    updated = await suppliers.update(
        tenant_id=TENANT, supplier_id=supplier.id, changes=SupplierChanges({"name": "Guangzhou Fitness"})
    )

    assert updated.name == "Guangzhou Fitness" and updated.rating == supplier.rating
    assert await uow.suppliers.get(TENANT, supplier.id) == updated
    assert await uow.products.get(TENANT, product.id) == product
    assert uow.events[-1] == SupplierUpdated(
        tenant_id=TENANT,
        supplier=updated,
        changed_fields=("name",),
        event_id=uow.events[-1].event_id,
        occurred_at=uow.events[-1].occurred_at,
    )


async def test_an_update_that_changes_nothing_writes_and_announces_nothing(uow, suppliers):
    supplier = await suppliers.create(tenant_id=TENANT, draft=supplier_draft())
    commits = uow.commits

    same = await suppliers.update(
        tenant_id=TENANT, supplier_id=supplier.id, changes=SupplierChanges({"name": supplier.name})
    )

    assert same == supplier and uow.commits == commits and len(uow.events) == 1


async def test_updating_another_tenants_supplier_is_not_found_and_changes_nothing(uow, suppliers):
    theirs = await suppliers.create(tenant_id=OTHER_TENANT, draft=supplier_draft())

    with pytest.raises(NotFound):
        await suppliers.update(
            tenant_id=TENANT, supplier_id=theirs.id, changes=SupplierChanges({"name": "Mine"})
        )

    assert await uow.suppliers.get(OTHER_TENANT, theirs.id) == theirs


async def test_deactivating_a_supplier_keeps_its_products_scores(uow, suppliers, products):
    supplier = await suppliers.create(tenant_id=TENANT, draft=supplier_draft())
    product = await products.create(
        tenant_id=TENANT,
        draft=product_draft(supplier_id=supplier.id),
        request_id=None,
    )
    assert product.status is ProductStatus.ACTIVE

    updated = await suppliers.update(
        tenant_id=TENANT, supplier_id=supplier.id, changes=SupplierChanges({"is_active": False})
    )

    assert not updated.is_active
    assert (await uow.products.get(TENANT, product.id)).analysis == product.analysis
