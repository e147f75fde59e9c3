"""What the product use cases need: the tenant's products, its suppliers, the opening stock of a new
product, and a unit of work holding them."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from domain.catalog import Product, ProductFilter
from domain.paging import Page, PageRequest
from server.suppliers.ports import SupplierRepository
from server.unit_of_work import UnitOfWork
from server.workflows.ports import EnqueueingUnitOfWork


class ProductRepository(Protocol):
    async def add(self, product: Product) -> None: ...
    async def get(
        self, tenant_id: int, product_id: uuid.UUID, *, for_update: bool = False
    ) -> Product | None: ...
    async def get_by_request_id(self, tenant_id: int, request_id: str) -> Product | None: ...
    async def sku_owner(self, tenant_id: int, sku: str) -> uuid.UUID | None: ...
    async def list(self, tenant_id: int, criteria: ProductFilter, page: PageRequest) -> Page[Product]: ...
    async def save(self, product: Product) -> None: ...
    async def lock_many(self, tenant_id: int, ids: Sequence[uuid.UUID]) -> builtins.list[Product]: ...
    async def matching_ids(
        self, tenant_id: int, criteria: ProductFilter, limit: int
    ) -> builtins.list[uuid.UUID]: ...
    async def of_supplier(self, tenant_id: int, supplier_id: uuid.UUID) -> builtins.list[Product]: ...
    async def save_many(self, products: Sequence[Product]) -> None: ...


class OpeningStock(Protocol):
    """The one thing the catalog writes to the inventory: a new product's level and its opening stock."""

    async def open_level(
        self, *, tenant_id: int, product_id: uuid.UUID, available: int, at: datetime
    ) -> None: ...


class CatalogUnitOfWork(UnitOfWork, EnqueueingUnitOfWork, Protocol):
    """Enqueueing, because a new product's analysis may queue its marketing-strategy workflow."""

    @property
    def products(self) -> ProductRepository: ...
    @property
    def suppliers(self) -> SupplierRepository: ...
    @property
    def inventory(self) -> OpeningStock: ...
