"""Offer use cases on in-memory fakes: the offer choice moves the product's supplier and source price, a
cost rise past the margin floor flags the product once, a supplier's deactivation hands its products to
other offers, and another tenant's product or supplier is NOT_FOUND with nothing written."""

from __future__ import annotations

import inspect
from collections import Counter
from decimal import Decimal
from typing import Any

import pytest

from domain.catalog_events import ProductUpdated
from domain.errors import NotFound
from domain.money import Money
from domain.suppliers import Marketplace, SupplierChanges, SupplierDraft
from domain.supply import OfferChanges, OfferDraft
from domain.supply_events import ProductMarginAtRisk, SupplierOfferChanged
from engines.classification import ClassificationPolicy
from engines.offer_choice import OfferPolicy
from engines.pricing import PricingPolicy
from server.catalog.usecases import ProductUseCases
from server.suppliers.usecases import SupplierUseCases
from server.supply.choice import SupplyPolicies
from server.supply.usecases import OfferUseCases
from tests.unit.usecases.fakes_catalog import FakeCatalogUnitOfWork, product_draft

TENANT = 1
SUPPLY = SupplyPolicies(offers=OfferPolicy(), classification=ClassificationPolicy(), pricing=PricingPolicy())


def usd(amount: str) -> Money:
    return Money(Decimal(amount), "USD")


@pytest.fixture
def uow() -> FakeCatalogUnitOfWork:
    return FakeCatalogUnitOfWork()


async def a_supplier(uow: FakeCatalogUnitOfWork, **overrides: object):
    values: dict[str, object] = {"name": "Iron Works", "marketplace": Marketplace.ALIBABA, "rating": 4.5}
    values.update(overrides)
    suppliers = SupplierUseCases(uow.factory, SUPPLY.classification, SUPPLY)
    return await suppliers.create(tenant_id=TENANT, draft=SupplierDraft(**values))  # type: ignore[arg-type]


async def a_product(uow: FakeCatalogUnitOfWork, source: str = "29.99", selling: str = "49.99"):
    products = ProductUseCases(uow.factory, SUPPLY.classification)
    draft = product_draft(source_price=usd(source), selling_price=usd(selling))
    return await products.create(tenant_id=TENANT, draft=draft, request_id=None)


def offers(uow: FakeCatalogUnitOfWork) -> OfferUseCases:
    return OfferUseCases(uow.factory, SUPPLY)


async def offer(uow, product, supplier, unit: str, shipping: str = "0.00"):
    draft = OfferDraft(product.id, supplier.id, usd(unit), usd(shipping))
    return await offers(uow).create(tenant_id=TENANT, draft=draft, request_id=None, fingerprint=None)


async def test_the_cheapest_offer_becomes_the_products_supplier_and_landed_source_price(uow):
    product = await a_product(uow)
    dear, cheap = await a_supplier(uow), await a_supplier(uow)
    await offer(uow, product, dear, "20.00", "2.00")
    chosen = await offer(uow, product, cheap, "15.00", "1.50")
    stored = await uow.products.get(TENANT, product.id)
    assert chosen.chosen and stored is not None
    assert (stored.chosen_offer_id, stored.supplier_id, stored.source_price) == (
        chosen.offer.id,
        cheap.id,
        usd("16.50"),
    )
    assert any(isinstance(e, ProductUpdated) for e in uow.events)
    assert [e.change for e in uow.events if isinstance(e, SupplierOfferChanged)] == ["created", "created"]


async def test_a_cost_rise_past_the_floor_flags_the_product_once(uow):
    product = await a_product(uow, selling="37.49")
    supplier = await a_supplier(uow)
    made = await offer(uow, product, supplier, "29.99")
    for cost in ("59.99", "69.99"):
        await offers(uow).update(
            tenant_id=TENANT, offer_id=made.offer.id, changes=OfferChanges({"unit_cost": usd(cost)})
        )
    stored = await uow.products.get(TENANT, product.id)
    assert stored is not None and stored.margin_at_risk and stored.selling_price == usd("37.49")
    (alarm,) = [e for e in uow.events if isinstance(e, ProductMarginAtRisk)]
    assert (alarm.source_price, alarm.floor_price, alarm.trigger) == (
        usd("59.99"),
        usd("65.99"),
        "offer_changed",
    )


async def test_deactivating_a_supplier_hands_its_products_to_the_next_offer(uow):
    product = await a_product(uow)
    first, second = await a_supplier(uow), await a_supplier(uow)
    await offer(uow, product, first, "10.00")
    backup = await offer(uow, product, second, "12.00")
    suppliers = SupplierUseCases(uow.factory, SUPPLY.classification, SUPPLY)
    await suppliers.update(
        tenant_id=TENANT, supplier_id=first.id, changes=SupplierChanges({"is_active": False})
    )
    stored = await uow.products.get(TENANT, product.id)
    assert stored is not None
    assert (stored.chosen_offer_id, stored.supplier_id, stored.source_price) == (
        backup.offer.id,
        second.id,
        usd("12.00"),
    )


async def test_another_tenants_product_or_supplier_is_not_found_and_nothing_is_written(uow):
    product = await a_product(uow)
    supplier = await a_supplier(uow)
    theirs = await SupplierUseCases(uow.factory, SUPPLY.classification, SUPPLY).create(
        tenant_id=TENANT + 1, draft=SupplierDraft(name="Elsewhere", marketplace=Marketplace.EBAY)
    )
    for tenant_id, supplier_id, missing in (
        (TENANT + 1, theirs.id, "product"),
        (TENANT, theirs.id, "supplier"),
    ):
        draft = OfferDraft(product.id, supplier_id, usd("5.00"), usd("0.00"))
        with pytest.raises(NotFound) as caught:
            await offers(uow).create(tenant_id=tenant_id, draft=draft, request_id=None, fingerprint=None)
        assert caught.value.reason == f"{missing.upper()}_NOT_FOUND"
    assert supplier.id != theirs.id and uow.offers.offers == {}
    assert not any(isinstance(e, SupplierOfferChanged) for e in uow.events)


# What a repository writes is pipelined with the transaction's next wait; what it reads is a wait of its own.
WRITES = {"add", "save", "save_many", "delete"}


def counted_reads(uow: FakeCatalogUnitOfWork) -> Counter[str]:
    """Every read the use cases make of the offers, products and suppliers from now on, by method."""
    reads: Counter[str] = Counter()
    for name in ("offers", "products", "suppliers"):
        repository = getattr(uow, name)
        for attribute in dir(repository):
            method = getattr(repository, attribute)
            if attribute.startswith("_") or attribute in WRITES or not inspect.iscoroutinefunction(method):
                continue

            async def read(
                *args: object, _method=method, _key=f"{name}.{attribute}", **kwargs: object
            ) -> object:
                reads[_key] += 1
                return await _method(*args, **kwargs)

            setattr(repository, attribute, read)
    return reads


def _counting(method: Any, reads: Counter[str], key: str) -> Any:
    async def read(*args: object, **kwargs: object) -> object:
        reads[key] += 1
        return await method(*args, **kwargs)

    return read


async def reads_of_deactivating_a_supplier_of(products: int) -> int:
    uow = FakeCatalogUnitOfWork()
    first, second = await a_supplier(uow), await a_supplier(uow)
    for _ in range(products):
        product = await a_product(uow)
        await offer(uow, product, first, "10.00")
        await offer(uow, product, second, "12.00")
    reads = counted_reads(uow)
    suppliers = SupplierUseCases(uow.factory, SUPPLY.classification, SUPPLY)
    await suppliers.update(
        tenant_id=TENANT, supplier_id=first.id, changes=SupplierChanges({"is_active": False})
    )
    moved = [p for p in uow.products.products.values() if p.supplier_id == second.id]
    assert len(moved) == products  # every product went to the other supplier's offer
    return sum(reads.values())


async def test_a_suppliers_change_rechooses_all_its_products_offers_in_as_many_reads_as_for_one():
    """A supplier's change re-chooses the offer of every product it offers: the reads (each a wait on the
    database) are the same for 30 products as for 2, not a few more per product."""
    assert await reads_of_deactivating_a_supplier_of(30) == await reads_of_deactivating_a_supplier_of(2)
