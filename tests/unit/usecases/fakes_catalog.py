"""In-memory stand-ins for the ports of server/catalog/ports.py and server/suppliers/ports.py, and builders
of their data.

The fake products keep the two unique keys the tables enforce: a tenant's sku and a tenant's request_id; a
write that would break one raises UniqueViolation, as the real unit of work does. The fake unit of work
restores every repository to what it held when the block began unless the block committed, as the real
transaction does, so a refused create can be seen to have stored nothing.
"""

from __future__ import annotations

import builtins
import operator
import uuid
from collections.abc import Collection, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any, TypeVar

from domain.catalog import Product, ProductDraft, ProductFilter, ProductStatus
from domain.clock import utcnow
from domain.errors import UniqueViolation
from domain.ids import new_id
from domain.money import Money
from domain.paging import Page, PageRequest
from domain.suppliers import Marketplace, Supplier, SupplierFilter
from tests.unit.usecases.fakes import RollingBackUnitOfWork
from tests.unit.usecases.fakes_supply import FakeOfferRepository
from tests.unit.usecases.fakes_workflows import FakeWorkflowRepository

Key = tuple[int, uuid.UUID]

T = TypeVar("T", Product, Supplier)


def usd(amount: str) -> Money:
    return Money(Decimal(amount), "USD")


def product_draft(**overrides: Any) -> ProductDraft:
    """A fitness product with a unique sku and known score inputs; `overrides` replace any field."""
    values: dict[str, Any] = {
        "sku": f"SKU-{uuid.uuid4().hex[:8]}",
        "title": "Resistance band set",
        "category": "fitness",
        "source_price": usd("8.00"),
        "competitor_count": 12,
        "review_rating": 4.4,
        "review_count": 250,
        "initial_stock": 40,
    }
    values.update(overrides)
    return ProductDraft(**values)


def a_supplier(tenant_id: int, *, rating: float | None = 4.8, lead_time_days: int | None = 5) -> Supplier:
    now = utcnow()
    return Supplier(
        id=new_id(),
        tenant_id=tenant_id,
        name="Shenzhen Fitness Co",
        marketplace=Marketplace.ALIBABA,
        contact_email="",
        contact_phone="",
        website="",
        rating=rating,
        lead_time_days=lead_time_days,
        is_active=True,
        notes="",
        created_at=now,
        updated_at=now,
    )


def _newest_first_page(items: list[T], page: PageRequest) -> Page[T]:
    ordered = sorted(items, key=lambda item: item.id, reverse=True)
    if page.after is not None:
        ordered = [item for item in ordered if item.id < uuid.UUID(page.after)]
    chosen = ordered[: page.size]
    next_after = str(chosen[-1].id) if len(ordered) > page.size else None
    return Page(items=chosen, next_after=next_after, total_size=len(ordered))


def _matches(product: Product, criteria: ProductFilter) -> bool:
    if criteria.status is not None:
        if product.status is not criteria.status:
            return False
    elif not criteria.show_discontinued and product.status is ProductStatus.DISCONTINUED:
        return False
    query = criteria.query.lower()
    price = product.selling_price
    return (
        (not criteria.category or product.category == criteria.category)
        and (criteria.classification is None or product.analysis.classification is criteria.classification)
        and (criteria.supplier_id is None or product.supplier_id == criteria.supplier_id)
        and (not query or query in product.title.lower() or query in product.sku.lower())
        and all(
            bound is None or (price.currency == bound.currency and compare(price.amount, bound.amount))
            for bound, compare in (
                (criteria.min_price, operator.ge),
                (criteria.max_price, operator.le),
            )
        )
    )


class FakeProductRepository:
    def __init__(self) -> None:
        self.products: dict[Key, Product] = {}

    def of_tenant(self, tenant_id: int) -> list[Product]:
        return [p for (t, _), p in self.products.items() if t == tenant_id]

    def put(self, product: Product) -> Product:
        """What the catalog would already hold."""
        self.products[(product.tenant_id, product.id)] = product
        return product

    def _check_unique(self, product: Product) -> None:
        for other in self.of_tenant(product.tenant_id):
            if other.id == product.id:
                continue
            if other.sku == product.sku or (product.request_id and other.request_id == product.request_id):
                raise UniqueViolation(f"products of tenant {product.tenant_id}: sku or request_id taken")

    async def add(self, product: Product) -> None:
        self._check_unique(product)
        self.products[(product.tenant_id, product.id)] = product

    async def get(self, tenant_id: int, product_id: uuid.UUID, *, for_update: bool = False) -> Product | None:
        return self.products.get((tenant_id, product_id))

    async def get_by_request_id(self, tenant_id: int, request_id: str) -> Product | None:
        return next((p for p in self.of_tenant(tenant_id) if p.request_id == request_id), None)

    async def sku_owner(self, tenant_id: int, sku: str) -> uuid.UUID | None:
        return next((p.id for p in self.of_tenant(tenant_id) if p.sku == sku), None)

    async def list(self, tenant_id: int, criteria: ProductFilter, page: PageRequest) -> Page[Product]:
        return _newest_first_page([p for p in self.of_tenant(tenant_id) if _matches(p, criteria)], page)

    async def save(self, product: Product) -> None:
        self._check_unique(product)
        self.products[(product.tenant_id, product.id)] = product

    async def lock_many(self, tenant_id: int, ids: Sequence[uuid.UUID]) -> builtins.list[Product]:
        return sorted(
            (self.products[(tenant_id, i)] for i in set(ids) if (tenant_id, i) in self.products),
            key=lambda p: p.id,
        )

    async def matching_ids(
        self, tenant_id: int, criteria: ProductFilter, limit: int
    ) -> builtins.list[uuid.UUID]:
        ids = sorted((p.id for p in self.of_tenant(tenant_id) if _matches(p, criteria)), reverse=True)
        return ids[:limit]

    async def of_supplier(self, tenant_id: int, supplier_id: uuid.UUID) -> builtins.list[Product]:
        return sorted(
            (
                p
                for p in self.of_tenant(tenant_id)
                if p.supplier_id == supplier_id and p.status is not ProductStatus.DISCONTINUED
            ),
            key=lambda p: p.id,
        )

    async def save_many(self, products: Sequence[Product]) -> None:
        for product in products:
            await self.save(product)


class FakeSupplierRepository:
    def __init__(self) -> None:
        self.suppliers: dict[Key, Supplier] = {}

    async def add(self, supplier: Supplier) -> None:
        self.suppliers[(supplier.tenant_id, supplier.id)] = supplier

    async def get(
        self, tenant_id: int, supplier_id: uuid.UUID, *, for_update: bool = False
    ) -> Supplier | None:
        return self.suppliers.get((tenant_id, supplier_id))

    async def get_many(self, tenant_id: int, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Supplier]:
        return {i: self.suppliers[(tenant_id, i)] for i in ids if (tenant_id, i) in self.suppliers}

    async def list(self, tenant_id: int, criteria: SupplierFilter, page: PageRequest) -> Page[Supplier]:
        query = criteria.query.lower()
        matching = [
            s
            for (t, _), s in self.suppliers.items()
            if t == tenant_id
            and (criteria.marketplace is None or s.marketplace is criteria.marketplace)
            and (not criteria.active_only or s.is_active)
            and (not query or query in s.name.lower())
        ]
        return _newest_first_page(matching, page)

    async def save(self, supplier: Supplier) -> None:
        self.suppliers[(supplier.tenant_id, supplier.id)] = supplier


class FakeOpeningStock:
    """The inventory as far as the catalog writes it: each new product's opening level."""

    def __init__(self) -> None:
        self.opened: dict[Key, tuple[int, datetime]] = {}

    async def open_level(
        self, *, tenant_id: int, product_id: uuid.UUID, available: int, at: datetime
    ) -> None:
        if (tenant_id, product_id) in self.opened:
            raise UniqueViolation(f"inventory level of product {product_id} exists")
        self.opened[(tenant_id, product_id)] = (available, at)


class FakeCatalogUnitOfWork(RollingBackUnitOfWork):
    """One unit of work for the product and the supplier use cases, as SqlAlchemyUnitOfWork is."""

    def __init__(self) -> None:
        super().__init__()
        self.products = FakeProductRepository()
        self.suppliers = FakeSupplierRepository()
        self.inventory = FakeOpeningStock()
        # A new product's analysis may queue its marketing workflow.
        self.workflows = FakeWorkflowRepository()
        # The offers of the supply use cases, which read and write the products above.
        self.offers = FakeOfferRepository(self.products)
        self.track(self.products, self.suppliers, self.inventory, self.workflows, self.offers)
