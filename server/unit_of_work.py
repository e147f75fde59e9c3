"""The transaction every area's unit of work is: nothing it did is stored unless `commit()` is called
inside its block, and the events it emitted are stored with the change, in the same commit. Each area's
ports.py extends this Protocol with the repositories its use cases need; storage/uow.py implements it."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self

from domain.events import DomainEvent


class ReadingUnitOfWork(Protocol):
    """A transaction that only reads: leaving its block ends it, and nothing can be stored."""

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...


class UnitOfWork(ReadingUnitOfWork, Protocol):
    def emit(self, event: DomainEvent) -> None:
        """Record an event to be stored with this unit of work's change when it commits."""
        ...

    async def commit(self) -> None:
        """Store the change and its events; raises UniqueViolation when a unique key refuses it."""
        ...
