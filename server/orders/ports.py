"""What the order use cases need of storage: the orders, the stock they reserve, and one transaction."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol

from domain.orders import (
    CatalogEntry,
    Concerns,
    Order,
    OrderContext,
    OrderFilter,
    RiskListEntry,
    RiskListFilter,
    RiskListKind,
    StatusChange,
)
from domain.paging import Page, PageRequest
from domain.purchasing import ProductSource, PurchaseOrder
from server.inventory.ports import InventoryRepository
from server.unit_of_work import UnitOfWork
from server.workflows.ports import EnqueueingUnitOfWork


class OrderRepository(Protocol):
    async def next_sequence(self, tenant_id: int, day: str) -> int:
        """Increment and return the tenant's order counter of `day` (YYYYMMDD): committed at once, apart from
        the unit of work, where the storage allows more than one writer, so the tenant's orders never queue
        behind one another's commits; a number whose order then fails is skipped."""
        ...

    async def catalog(
        self, tenant_id: int, product_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, CatalogEntry]: ...

    async def context(
        self,
        tenant_id: int,
        email: str,
        concerns: Concerns,
        *,
        before: datetime,
        excluding: uuid.UUID | None = None,
        products: Sequence[uuid.UUID] = (),
    ) -> OrderContext:
        """In one read: the catalog entries of `products`, the orders `email` created before `before`
        (leaving out `excluding`, the order re-assessed), and the list entries that name a concern."""
        ...

    async def replace_lines(self, order: Order) -> None:
        """Store the order's current lines in place of its stored ones."""
        ...

    async def add(self, order: Order) -> None: ...

    async def add_changes(
        self, tenant_id: int, order_id: uuid.UUID, changes: Sequence[StatusChange]
    ) -> None: ...

    async def get(self, tenant_id: int, order_id: uuid.UUID, *, for_update: bool = False) -> Order | None: ...

    async def get_by_request_id(self, tenant_id: int, request_id: str) -> Order | None: ...

    async def list(self, tenant_id: int, criteria: OrderFilter, page: PageRequest) -> Page[Order]: ...

    async def save(self, order: Order) -> None: ...

    async def stop_counting_sales(self, tenant_id: int, order_id: uuid.UUID) -> None:
        """Exclude the order's lines from sales velocity and customer history (it was cancelled)."""
        ...


class RiskListRepository(Protocol):
    async def add(self, entry: RiskListEntry) -> None: ...

    async def get(
        self, tenant_id: int, entry_id: uuid.UUID, *, for_update: bool = False
    ) -> RiskListEntry | None: ...

    async def holder_of(self, tenant_id: int, kind: RiskListKind, value: str) -> RiskListEntry | None:
        """The entry of either list that has this value."""
        ...

    async def delete(self, tenant_id: int, entry_id: uuid.UUID) -> None: ...

    async def list(
        self, tenant_id: int, criteria: RiskListFilter, page: PageRequest
    ) -> Page[RiskListEntry]: ...


class DropshipPurchaseOrders(Protocol):
    """What an order's status change does to its dropship purchase orders (server/purchasing/dropship.py)."""

    async def sources(
        self, tenant_id: int, product_ids: Sequence[uuid.UUID], *, supplier_id: uuid.UUID | None
    ) -> dict[uuid.UUID, ProductSource]: ...

    async def of_order(self, tenant_id: int, order_id: uuid.UUID) -> list[PurchaseOrder]: ...

    async def add(self, po: PurchaseOrder) -> None: ...

    async def add_many(self, pos: Sequence[PurchaseOrder]) -> None: ...

    async def save(self, po: PurchaseOrder) -> None: ...


class OrderUnitOfWork(UnitOfWork, EnqueueingUnitOfWork, Protocol):
    """Enqueueing, because a held order may queue its fraud review."""

    @property
    def orders(self) -> OrderRepository: ...

    @property
    def purchase_orders(self) -> DropshipPurchaseOrders: ...

    @property
    def inventory(self) -> InventoryRepository: ...

    @property
    def risk_lists(self) -> RiskListRepository: ...


UnitOfWorkFactory = Callable[..., OrderUnitOfWork]
