"""BulkUpdateProducts on in-memory fakes: per-product errors, one event for what changed, validate-only
and the tenant's own suppliers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.catalog import BulkChanges, BulkSelection, PriceChange, PriceChangeKind
from domain.catalog_events import ProductsBulkUpdated
from domain.errors import NotFound
from domain.ids import new_id
from engines.classification import ClassificationPolicy
from server.catalog.bulk import ProductBulkUseCases
from server.catalog.usecases import ProductUseCases
from tests.unit.usecases.fakes_catalog import FakeCatalogUnitOfWork, a_supplier, product_draft, usd

TENANT = 1
OTHER_TENANT = 2
POLICY = ClassificationPolicy()


@pytest.fixture
def uow() -> FakeCatalogUnitOfWork:
    return FakeCatalogUnitOfWork()


@pytest.fixture
def products(uow: FakeCatalogUnitOfWork) -> ProductUseCases:
    return ProductUseCases(uow.factory, POLICY)


@pytest.fixture
def bulk(uow: FakeCatalogUnitOfWork) -> ProductBulkUseCases:
    return ProductBulkUseCases(uow.factory, POLICY)


async def test_a_bulk_update_cannot_assign_another_tenants_supplier(uow, products, bulk):
    theirs = a_supplier(OTHER_TENANT)
    await uow.suppliers.add(theirs)
    product = await products.create(tenant_id=TENANT, draft=product_draft(), request_id=None)

    with pytest.raises(NotFound):
        await bulk.bulk_update(
            tenant_id=TENANT,
            selection=BulkSelection(ids=(product.id,)),
            changes=BulkChanges(paths=("supplier_id",), supplier_id=theirs.id),
            validate_only=False,
        )

    assert await uow.products.get(TENANT, product.id) == product


async def test_a_bulk_update_reports_missing_products_and_changes_the_rest_in_one_event(uow, products, bulk):
    a = await products.create(
        tenant_id=TENANT, draft=product_draft(selling_price=usd("20.00")), request_id=None
    )
    missing = new_id()

    outcome = await bulk.bulk_update(
        tenant_id=TENANT,
        selection=BulkSelection(ids=(a.id, missing)),
        changes=BulkChanges(
            paths=("price_change",), price_change=PriceChange(PriceChangeKind.PERCENT, Decimal(10))
        ),
        validate_only=False,
    )

    assert [(r.product_id, r.updated) for r in outcome.results] == [(a.id, True), (missing, False)]
    [event] = uow.events[-1:]
    assert isinstance(event, ProductsBulkUpdated) and event.product_ids == (a.id,)
    assert (await uow.products.get(TENANT, a.id)).selling_price == usd("22.00")


async def test_a_validate_only_bulk_update_writes_nothing(uow, products, bulk):
    a = await products.create(tenant_id=TENANT, draft=product_draft(), request_id=None)
    commits = uow.commits

    outcome = await bulk.bulk_update(
        tenant_id=TENANT,
        selection=BulkSelection(ids=(a.id,)),
        changes=BulkChanges(paths=("add_tags",), add_tags=("summer",)),
        validate_only=True,
    )

    assert outcome.updated == 1
    assert (await uow.products.get(TENANT, a.id)).tags == () and uow.commits == commits
