"""In-memory stand-ins for the event-log and health ports (server/events/ports.py, server/system/ports.py).

The fake outbox is a list in commit order; a live tail's position is the last `seq` it returned (SQLite's
form, (0, seq)). A commit can be made to land while a tail is reading, which is when a waiter taken too
late would miss it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection
from datetime import datetime
from types import TracebackType
from typing import Self

from domain.clock import utcnow
from domain.event_log import EventCriteria, RecordedEvent, TailBatch, TailPosition
from domain.ids import new_id
from domain.paging import Page, PageRequest


def a_record(tenant_id: int, event_type: str = "lead.created", *, seq: int) -> RecordedEvent:
    return RecordedEvent(
        seq=seq,
        id=new_id(),
        tenant_id=tenant_id,
        aggregate_type=event_type.split(".")[0],
        aggregate_id=str(uuid.uuid4()),
        event_type=event_type,
        payload="{}",
        occurred_at=utcnow(),
        published_at=None,
        attempts=0,
    )


class FakeOutboxRepository:
    def __init__(self) -> None:
        self.records: list[RecordedEvent] = []
        # Called once, during the next tail read: a commit that lands while the tail is reading.
        self.during_next_read: Callable[[], None] | None = None

    def append(self, tenant_id: int, event_type: str = "lead.created") -> RecordedEvent:
        record = a_record(tenant_id, event_type, seq=len(self.records) + 1)
        self.records.append(record)
        return record

    def _matching(self, tenant_id: int, criteria: EventCriteria) -> list[RecordedEvent]:
        return [
            r
            for r in self.records
            if r.tenant_id == tenant_id
            and (not criteria.types or r.event_type in criteria.types)
            and (not criteria.aggregate_id or r.aggregate_id == criteria.aggregate_id)
            and (criteria.start is None or r.occurred_at >= criteria.start)
            and (criteria.end is None or r.occurred_at < criteria.end)
        ]

    async def list(self, tenant_id: int, criteria: EventCriteria, page: PageRequest) -> Page[RecordedEvent]:
        newest_first = self._matching(tenant_id, criteria)[::-1]
        after = [r for r in newest_first if page.after is None or r.seq < int(page.after)]
        items = after[: page.size]
        next_after = str(items[-1].seq) if len(after) > page.size else None
        return Page(items=items, next_after=next_after, total_size=len(newest_first))

    async def tail_start(self) -> TailPosition:
        return (0, self.records[-1].seq if self.records else 0)

    async def tail(
        self,
        tenant_id: int,
        types: Collection[str],
        *,
        after: TailPosition,
        since: datetime | None,
        limit: int,
    ) -> TailBatch:
        found = [
            r for r in self._matching(tenant_id, EventCriteria(types=types, start=since)) if r.seq > after[1]
        ][:limit]
        if self.during_next_read is not None:
            commit, self.during_next_read = self.during_next_read, None
            commit()
        return TailBatch(found, (0, found[-1].seq) if found else after)

    async def backlog(self, tenant_id: int | None = None) -> int:
        return sum(
            1
            for r in self.records
            if r.published_at is None and (tenant_id is None or r.tenant_id == tenant_id)
        )


class FakeSystemRepository:
    def __init__(self, counts: dict[str, int], *, revision: str = "0042") -> None:
        self.counts = counts
        self.revision = revision
        # What the database raises when it cannot be reached; None while it answers.
        self.down: Exception | None = None

    async def ping(self) -> None:
        if self.down is not None:
            raise self.down

    async def schema_revision(self) -> str:
        return self.revision

    async def tenant_counts(self, tenant_id: int, tables: tuple[str, ...]) -> dict[str, int]:
        return {name: self.counts.get(name, 0) for name in tables}


class FakeReadingUnitOfWork:
    """A read-only unit of work over the outbox and the system reads: what ListEvents, WatchEvents and
    GetHealth open."""

    def __init__(self) -> None:
        self.outbox = FakeOutboxRepository()
        self.system = FakeSystemRepository({})
        self.opened = 0

    async def __aenter__(self) -> Self:
        self.opened += 1
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        return None

    def factory(self, *, read_only: bool = False) -> Self:
        if not read_only:
            raise AssertionError("reading the event log and health opens read-only units of work only")
        return self
