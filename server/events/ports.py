"""What reading the event log needs of storage: the tenant's recorded events, paged or tailed live."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

from domain.event_log import EventCriteria, RecordedEvent, TailBatch, TailPosition
from domain.paging import Page, PageRequest


class EventLog(Protocol):
    async def list(self, tenant_id: int, criteria: EventCriteria, page: PageRequest) -> Page[RecordedEvent]:
        """The tenant's events newest first."""
        ...

    async def tail_start(self) -> TailPosition:
        """The position before every event not yet visible: new events come after it."""
        ...

    async def tail(
        self,
        tenant_id: int,
        types: Collection[str],
        *,
        after: TailPosition,
        since: datetime | None,
        limit: int,
    ) -> TailBatch:
        """The tenant's next events in commit order after `after`."""
        ...


class EventUnitOfWork(Protocol):
    @property
    def outbox(self) -> EventLog: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None: ...


UnitOfWorkFactory = Callable[..., EventUnitOfWork]
