"""What reading the event log needs of storage: the tenant's recorded events, paged or tailed live."""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import datetime
from typing import Protocol

from domain.event_log import EventCriteria, RecordedEvent, TailBatch, TailPosition
from domain.paging import Page, PageRequest
from server.unit_of_work import ReadingUnitOfWork


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


class EventUnitOfWork(ReadingUnitOfWork, Protocol):
    @property
    def outbox(self) -> EventLog: ...


UnitOfWorkFactory = Callable[..., EventUnitOfWork]
