"""What the supplier use cases need: the tenant's suppliers, the products whose score follows a supplier,
and a unit of work holding both."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from typing import Protocol

from domain.catalog import Product
from domain.paging import Page, PageRequest
from domain.suppliers import Supplier, SupplierFilter
from server.supply.ports import OfferProducts, SupplyUnitOfWork


class SupplierRepository(Protocol):
    async def add(self, supplier: Supplier) -> None: ...
    async def get(
        self, tenant_id: int, supplier_id: uuid.UUID, *, for_update: bool = False
    ) -> Supplier | None: ...
    async def get_many(self, tenant_id: int, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Supplier]: ...
    async def list(self, tenant_id: int, criteria: SupplierFilter, page: PageRequest) -> Page[Supplier]: ...
    async def save(self, supplier: Supplier) -> None: ...


class SupplierProducts(OfferProducts, Protocol):
    """The products a supplier's new rating or lead time re-scores (and whose offer is chosen again)."""

    async def of_supplier(self, tenant_id: int, supplier_id: uuid.UUID) -> list[Product]: ...
    async def save_many(self, products: Sequence[Product]) -> None: ...


class SupplierUnitOfWork(SupplyUnitOfWork, Protocol):
    @property
    def suppliers(self) -> SupplierRepository: ...
    @property
    def products(self) -> SupplierProducts: ...
