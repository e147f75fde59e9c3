"""What the inventory use cases, and the order use cases that move stock, need of storage."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Protocol

from domain.events import DomainEvent
from domain.inventory import LevelAfter, LevelFilter, Movement, Shift, StockLevel
from domain.paging import Page, PageRequest
from server.unit_of_work import UnitOfWork


class InventoryRepository(Protocol):
    async def move(self, *, tenant_id: int, shifts: Sequence[Shift], at: datetime) -> list[LevelAfter | None]:
        """Shift each level's units at once, in the order given and in one round trip; None for a shift that
        would take a count below zero, which changes nothing."""
        ...

    async def available_of(
        self, tenant_id: int, product_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, int]: ...

    async def lock(self, tenant_id: int, product_id: uuid.UUID) -> StockLevel | None: ...

    async def set_settings(
        self, *, tenant_id: int, product_id: uuid.UUID, values: dict[str, int], at: datetime
    ) -> None: ...

    async def record(self, movements: Sequence[Movement], *, tenant_id: int) -> None: ...

    async def levels(
        self, tenant_id: int, product_ids: Sequence[uuid.UUID], *, sales_since: datetime, window_days: int
    ) -> dict[uuid.UUID, StockLevel]: ...

    async def list(
        self,
        tenant_id: int,
        criteria: LevelFilter,
        page: PageRequest,
        *,
        sales_since: datetime,
        window_days: int,
    ) -> Page[StockLevel]: ...

    async def alerting(
        self, tenant_id: int, *, sales_since: datetime, window_days: int
    ) -> builtins.list[StockLevel]: ...

    async def level_with_movements(
        self, tenant_id: int, product_id: uuid.UUID, limit: int, *, sales_since: datetime, window_days: int
    ) -> tuple[StockLevel | None, builtins.list[Movement], int]:
        """The product's level (None: no such product), its newest `limit` ledger rows and their number."""
        ...


class SalesHistory(Protocol):
    """The order history the optimiser reads its demand from."""

    async def daily_sales(
        self, tenant_id: int, product_id: uuid.UUID, since: datetime
    ) -> dict[date, float]: ...


class StockUnitOfWork(Protocol):
    """The part of a unit of work that moving stock needs: shared with the order use cases."""

    @property
    def inventory(self) -> InventoryRepository: ...

    def emit(self, event: DomainEvent) -> None: ...


class InventoryUnitOfWork(StockUnitOfWork, UnitOfWork, Protocol):
    @property
    def orders(self) -> SalesHistory: ...


UnitOfWorkFactory = Callable[..., InventoryUnitOfWork]
