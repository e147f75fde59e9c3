"""The transaction every area's unit of work is: nothing it did is stored unless `commit()` is called
inside its block, and the events it emitted are stored with the change, in the same commit. Each area's
ports.py extends this Protocol with the repositories its use cases need; storage/uow.py implements it."""

from __future__ import annotations

from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

from domain.events import DomainEvent


class RequestLog(Protocol):
    """The fingerprints of the create requests seen by request_id (resources.first_use)."""

    async def fingerprint(self, tenant_id: int, scope: str, request_id: str) -> str | None: ...

    async def remember(
        self, tenant_id: int, scope: str, request_id: str, fingerprint: str, at: datetime
    ) -> None: ...


class ReadingUnitOfWork(Protocol):
    """A transaction that only reads: leaving its block ends it, and nothing can be stored."""

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...


class UnitOfWork(ReadingUnitOfWork, Protocol):
    @property
    def requests(self) -> RequestLog: ...

    def emit(self, event: DomainEvent) -> None:
        """Record an event to be stored with this unit of work's change when it commits."""
        ...

    async def commit(self) -> None:
        """Store the change and its events; raises UniqueViolation when a unique key refuses it."""
        ...
