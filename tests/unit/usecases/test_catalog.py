"""Product use cases on in-memory fakes: classification on create and on update, idempotent create, tenant
isolation and discontinuing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.catalog import ProductChanges, ProductFilter, ProductStatus
from domain.catalog_errors import DuplicateSku
from domain.catalog_events import ProductAnalysisStarted, ProductCreated, ProductDiscontinued, ProductUpdated
from domain.errors import InvalidArgument, NotFound
from domain.ids import new_id
from domain.money import Money
from domain.paging import PageRequest
from domain.workflows import WorkflowType
from engines.classification import ClassificationPolicy, analyze
from server.catalog.scoring import signals_of
from server.catalog.usecases import ProductUseCases
from server.workflows.enqueue import MarketingOnCreate
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


async def test_create_stores_the_engines_analysis_and_the_opening_stock_and_announces_both(uow, products):
    new = product_draft(supplier_id=None)

    product = await products.create(tenant_id=TENANT, draft=new, request_id=None)

    expected = analyze(
        signals_of(
            source_price=new.source_price,
            selling_price=None,
            category="fitness",
            competitor_count=12,
            review_rating=4.4,
            review_count=250,
            supplier=None,
        ),
        POLICY,
    )
    assert (product.analysis.score, product.analysis.classification) == (
        expected.score,
        expected.classification,
    )
    assert product.recommended_price == product.selling_price == usd(str(expected.recommended_price))
    assert product.status is ProductStatus.ACTIVE and product.stock_available == 40
    assert await uow.products.get(TENANT, product.id) == product
    assert uow.inventory.opened[(TENANT, product.id)] == (40, product.created_at)
    assert [type(e) for e in uow.events] == [ProductCreated, ProductAnalysisStarted]
    assert uow.events[1].trigger == "product_created"


async def test_create_scores_with_the_suppliers_rating_and_lead_time(uow, products):
    reliable = a_supplier(TENANT, rating=5.0, lead_time_days=3)
    await uow.suppliers.add(reliable)
    same = {"sku": "BAND-1", "selling_price": usd("24.99")}

    with_supplier = await products.create(
        tenant_id=TENANT, draft=product_draft(**same, supplier_id=reliable.id), request_id=None
    )
    unknown = await products.create(tenant_id=OTHER_TENANT, draft=product_draft(**same), request_id=None)

    assert with_supplier.supplier_id == reliable.id
    assert with_supplier.analysis.score > unknown.analysis.score


async def test_a_repeated_request_id_answers_with_the_first_product_and_announces_nothing_new(uow, products):
    first = await products.create(tenant_id=TENANT, draft=product_draft(), request_id="req-1")
    events_after_first = list(uow.events)

    again = await products.create(
        tenant_id=TENANT, draft=product_draft(title="Something else"), request_id="req-1"
    )

    assert again == first
    assert uow.events == events_after_first
    assert len(uow.products.of_tenant(TENANT)) == 1


async def test_a_request_id_is_the_tenants_own(uow, products):
    mine = await products.create(tenant_id=TENANT, draft=product_draft(sku="A-1"), request_id="req-1")
    theirs = await products.create(tenant_id=OTHER_TENANT, draft=product_draft(sku="A-1"), request_id="req-1")

    assert theirs.id != mine.id and theirs.tenant_id == OTHER_TENANT


async def test_a_create_that_loses_the_race_for_its_request_id_answers_with_the_winners_product(
    uow, products
):
    winner = await products.create(tenant_id=TENANT, draft=product_draft(sku="RACE-1"), request_id="req-race")
    committed_lookup = uow.products.get_by_request_id
    lookups = 0

    async def winner_not_yet_visible_at_first(tenant_id: int, request_id: str):
        # The check at the start of the transaction ran before the concurrent winner committed; the unique
        # index then refuses the insert, and the retry after it sees the winner.
        nonlocal lookups
        lookups += 1
        return None if lookups == 1 else await committed_lookup(tenant_id, request_id)

    uow.products.get_by_request_id = winner_not_yet_visible_at_first

    answer = await products.create(tenant_id=TENANT, draft=product_draft(sku="RACE-2"), request_id="req-race")

    assert answer == winner
    assert len(uow.products.of_tenant(TENANT)) == 1


async def test_a_taken_sku_is_a_duplicate_and_stores_nothing(uow, products):
    await products.create(tenant_id=TENANT, draft=product_draft(sku="BAND-1"), request_id=None)
    committed = list(uow.events)

    with pytest.raises(DuplicateSku):
        await products.create(tenant_id=TENANT, draft=product_draft(sku="BAND-1"), request_id="req-2")

    assert len(uow.products.of_tenant(TENANT)) == 1
    assert uow.events == committed


async def test_a_product_cannot_name_another_tenants_supplier(uow, products):
    theirs = a_supplier(OTHER_TENANT)
    await uow.suppliers.add(theirs)

    with pytest.raises(NotFound) as raised:
        await products.create(tenant_id=TENANT, draft=product_draft(supplier_id=theirs.id), request_id=None)

    assert raised.value.metadata == {"resource": "supplier", "id": str(theirs.id)}
    assert uow.products.of_tenant(TENANT) == [] and uow.inventory.opened == {} and not uow.committed


async def test_an_update_cannot_move_a_product_to_another_tenants_supplier(uow, products):
    theirs = a_supplier(OTHER_TENANT)
    await uow.suppliers.add(theirs)
    product = await products.create(tenant_id=TENANT, draft=product_draft(), request_id=None)

    with pytest.raises(NotFound):
        await products.update(
            tenant_id=TENANT, product_id=product.id, changes=ProductChanges({"supplier_id": theirs.id})
        )

    assert await uow.products.get(TENANT, product.id) == product


async def test_marketing_on_create_queues_the_products_marketing_workflow(uow):
    products = ProductUseCases(uow.factory, POLICY, MarketingOnCreate(enabled=True, max_attempts=3))

    product = await products.create(tenant_id=TENANT, draft=product_draft(), request_id=None)

    [workflow] = uow.workflows.workflows.values()
    assert (workflow.type, workflow.product_id, workflow.max_attempts) == (
        WorkflowType.MARKETING_STRATEGY,
        product.id,
        3,
    )


async def test_without_marketing_on_create_no_workflow_is_queued(uow, products):
    await products.create(tenant_id=TENANT, draft=product_draft(), request_id=None)

    assert uow.workflows.workflows == {}


async def test_getting_a_missing_or_another_tenants_product_is_not_found(uow, products):
    theirs = await products.create(tenant_id=OTHER_TENANT, draft=product_draft(), request_id=None)

    for product_id in (new_id(), theirs.id):
        with pytest.raises(NotFound):
            await products.get(tenant_id=TENANT, product_id=product_id)


async def test_listing_shows_the_tenants_products_newest_first_without_the_discontinued(uow, products):
    older = await products.create(tenant_id=TENANT, draft=product_draft(), request_id=None)
    newer = await products.create(tenant_id=TENANT, draft=product_draft(), request_id=None)
    gone = await products.create(tenant_id=TENANT, draft=product_draft(), request_id=None)
    await products.delete(tenant_id=TENANT, product_id=gone.id)
    await products.create(tenant_id=OTHER_TENANT, draft=product_draft(), request_id=None)

    page = await products.list(tenant_id=TENANT, criteria=ProductFilter(), page=PageRequest(size=10))

    assert [p.id for p in page.items] == [newer.id, older.id] and page.total_size == 2


async def test_changing_a_score_input_rescores_and_announces_the_new_analysis(uow, products):
    product = await products.create(
        tenant_id=TENANT, draft=product_draft(competitor_count=0), request_id=None
    )
    before = len(uow.events)

    updated = await products.update(
        tenant_id=TENANT, product_id=product.id, changes=ProductChanges({"competitor_count": 80})
    )

    assert updated.analysis.score < product.analysis.score
    assert updated.version == product.version + 1
    assert await uow.products.get(TENANT, product.id) == updated
    changed, started = uow.events[before:]
    assert isinstance(changed, ProductUpdated) and changed.reanalyzed
    assert changed.previous_score == product.analysis.score
    assert "competitor_count" in changed.changed_fields and "analysis" in changed.changed_fields
    assert isinstance(started, ProductAnalysisStarted) and started.trigger == "product_updated"


async def test_changing_the_title_keeps_the_analysis(uow, products):
    product = await products.create(tenant_id=TENANT, draft=product_draft(), request_id=None)
    before = len(uow.events)

    updated = await products.update(
        tenant_id=TENANT, product_id=product.id, changes=ProductChanges({"title": "Band set, 5 pieces"})
    )

    assert updated.title == "Band set, 5 pieces" and updated.analysis == product.analysis
    [changed] = uow.events[before:]
    assert isinstance(changed, ProductUpdated)
    assert (changed.changed_fields, changed.reanalyzed) == (("title",), False)


async def test_an_update_that_changes_nothing_writes_and_announces_nothing(uow, products):
    product = await products.create(tenant_id=TENANT, draft=product_draft(), request_id=None)
    commits = uow.commits

    same = await products.update(
        tenant_id=TENANT, product_id=product.id, changes=ProductChanges({"title": product.title})
    )

    assert same == product and uow.commits == commits


async def test_an_update_to_another_products_sku_is_a_duplicate(uow, products):
    await products.create(tenant_id=TENANT, draft=product_draft(sku="TAKEN"), request_id=None)
    product = await products.create(tenant_id=TENANT, draft=product_draft(), request_id=None)

    with pytest.raises(DuplicateSku):
        await products.update(
            tenant_id=TENANT, product_id=product.id, changes=ProductChanges({"sku": "TAKEN"})
        )

    assert (await uow.products.get(TENANT, product.id)) == product


async def test_an_update_may_not_mix_currencies(uow, products):
    product = await products.create(tenant_id=TENANT, draft=product_draft(), request_id=None)

    with pytest.raises(InvalidArgument) as raised:
        await products.update(
            tenant_id=TENANT,
            product_id=product.id,
            changes=ProductChanges({"selling_price": Money(Decimal("30.00"), "EUR")}),
        )

    [violation] = raised.value.violations
    assert violation.field == "product.pricing.current_selling_price"


async def test_updating_another_tenants_product_is_not_found(uow, products):
    theirs = await products.create(tenant_id=OTHER_TENANT, draft=product_draft(), request_id=None)

    with pytest.raises(NotFound):
        await products.update(
            tenant_id=TENANT, product_id=theirs.id, changes=ProductChanges({"title": "Mine"})
        )


async def test_deleting_discontinues_once(uow, products):
    product = await products.create(
        tenant_id=TENANT, draft=product_draft(status=ProductStatus.ACTIVE), request_id=None
    )

    gone = await products.delete(tenant_id=TENANT, product_id=product.id)
    events = list(uow.events)
    again = await products.delete(tenant_id=TENANT, product_id=product.id)

    assert gone.status is ProductStatus.DISCONTINUED and gone.version == product.version + 1
    assert isinstance(events[-1], ProductDiscontinued) and events[-1].previous_status is ProductStatus.ACTIVE
    assert again == gone and uow.events == events
