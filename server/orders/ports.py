"""What the order use cases need of a unit of work."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, Self

from domain.events import DomainEvent
from storage.inventory.repository import SqlAlchemyInventoryRepository
from storage.orders.repository import SqlAlchemyOrderRepository


class OrderUnitOfWork(Protocol):
    orders: SqlAlchemyOrderRepository
    inventory: SqlAlchemyInventoryRepository

    async def __aenter__(self) -> Self: ...
    async def __aexit__(self, *exc: object) -> None: ...
    def emit(self, event: DomainEvent) -> None: ...
    async def commit(self) -> None: ...


UnitOfWorkFactory = Callable[..., OrderUnitOfWork]
