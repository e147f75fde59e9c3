"""Reading the tenant's events from the outbox: paged history and a live tail."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import AsyncIterator, Collection
from datetime import datetime, timedelta

from domain.clock import utcnow
from domain.paging import Page, PageRequest
from server.events.signal import Signal, wait_for_signal
from storage.database import Database
from storage.repositories.outbox import EventCriteria, OutboxRecord, SqlAlchemyOutboxRepository

# Rows of concurrent transactions become visible out of time order: each poll looks this far back
# and skips ids it already sent.
TAIL_LOOKBACK = timedelta(seconds=5)
TAIL_BATCH = 200
TAIL_POLL_SECONDS = 1.0
SEEN_LIMIT = 50_000


class EventUseCases:
    def __init__(
        self, database: Database, signal: Signal, *, poll_seconds: float = TAIL_POLL_SECONDS
    ) -> None:
        self._db = database
        self._signal = signal
        self._poll_seconds = poll_seconds

    async def list(self, *, tenant_id: int, criteria: EventCriteria, page: PageRequest) -> Page[OutboxRecord]:
        async with self._db.sessions() as session:
            return await SqlAlchemyOutboxRepository(session).list(tenant_id, criteria, page)

    async def watch(
        self, *, tenant_id: int, types: Collection[str], start: datetime | None
    ) -> AsyncIterator[OutboxRecord]:
        """Yield the tenant's events as they are committed, oldest first, from `start` (default: now)."""
        high_water = start or utcnow()
        sent: OrderedDict[object, datetime] = OrderedDict()  # id -> occurred_at, oldest first
        while True:
            waiter = self._signal.waiter()
            since = high_water - TAIL_LOOKBACK if sent else high_water
            # Already-sent rows inside the window come back too; ask for enough rows to get past them.
            already_sent = sum(1 for occurred in sent.values() if occurred >= since)
            async with self._db.sessions() as session:
                rows = await SqlAlchemyOutboxRepository(session).occurred_since(
                    tenant_id, types, since, TAIL_BATCH + already_sent
                )
            fresh = [r for r in rows if r.id not in sent]
            for record in fresh:
                sent[record.id] = record.occurred_at
                yield record
            if fresh:
                high_water = max(high_water, max(r.occurred_at for r in fresh))
            horizon = high_water - TAIL_LOOKBACK
            while sent and (len(sent) > SEEN_LIMIT or next(iter(sent.values())) < horizon):
                sent.popitem(last=False)
            if len(fresh) < TAIL_BATCH:
                await wait_for_signal(waiter, self._poll_seconds)
