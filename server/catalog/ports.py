"""What the catalog use cases need of a unit of work, and lookups they share."""

from __future__ import annotations

import uuid
from typing import Protocol, Self

from domain.catalog import Product
from domain.errors import NotFound
from domain.events import DomainEvent
from domain.suppliers import Supplier
from storage.catalog.repository import ProductRepository
from storage.inventory.repository import SqlAlchemyInventoryRepository
from storage.suppliers.repository import SupplierRepository


class CatalogUnitOfWork(Protocol):
    products: ProductRepository
    suppliers: SupplierRepository
    inventory: SqlAlchemyInventoryRepository

    async def __aenter__(self) -> Self: ...
    async def __aexit__(self, *exc: object) -> None: ...
    def emit(self, event: DomainEvent) -> None: ...
    async def commit(self) -> None: ...


async def existing_product(
    uow: CatalogUnitOfWork, tenant_id: int, product_id: uuid.UUID, *, for_update: bool = False
) -> Product:
    product = await uow.products.get(tenant_id, product_id, for_update=for_update)
    if product is None:
        raise NotFound("product", str(product_id))
    return product


async def existing_supplier(
    uow: CatalogUnitOfWork, tenant_id: int, supplier_id: uuid.UUID | None
) -> Supplier | None:
    """The tenant's supplier, None for no supplier; NOT_FOUND for an id the tenant does not have."""
    if supplier_id is None:
        return None
    supplier = await uow.suppliers.get(tenant_id, supplier_id)
    if supplier is None:
        raise NotFound("supplier", str(supplier_id))
    return supplier
