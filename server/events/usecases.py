"""Reading the tenant's events from the outbox: paged history and a live tail."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Collection
from datetime import datetime

from domain.errors import Unavailable
from domain.event_log import EventCriteria, RecordedEvent
from domain.paging import Page, PageRequest
from server.events.ports import UnitOfWorkFactory
from server.events.signal import Signal

TAIL_BATCH = 200

TAIL_POLL_SECONDS = 1.0


class EventUseCases:
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        signal: Signal,
        *,
        stopping: asyncio.Event,
        poll_seconds: float = TAIL_POLL_SECONDS,
    ) -> None:
        self._uow = uow
        self._signal = signal
        self._stopping = stopping
        self._poll_seconds = poll_seconds

    async def list(
        self, *, tenant_id: int, criteria: EventCriteria, page: PageRequest
    ) -> Page[RecordedEvent]:
        async with self._uow(read_only=True) as uow:
            return await uow.outbox.list(tenant_id, criteria, page)

    async def watch(
        self, *, tenant_id: int, types: Collection[str], start: datetime | None
    ) -> AsyncGenerator[RecordedEvent, None]:
        """Yield the tenant's events in commit order as they become visible: from `start` when given
        (replay, then tail), else only new ones. Ends with UNAVAILABLE when the server shuts down."""
        async with self._uow(read_only=True) as uow:
            position = (0, 0) if start is not None else await uow.outbox.tail_start()
        while not self._stopping.is_set():
            waiter = self._signal.waiter()
            async with self._uow(read_only=True) as uow:
                batch = await uow.outbox.tail(tenant_id, types, after=position, since=start, limit=TAIL_BATCH)
            position = batch.position
            for record in batch.records:
                yield record
            if len(batch.records) < TAIL_BATCH:
                await self._wait(waiter)
        raise Unavailable("the server is shutting down; reconnect to another replica")

    async def _wait(self, waiter: asyncio.Event) -> None:
        """Until a commit is signalled, the server stops, or the poll interval passes."""
        wakers = {asyncio.ensure_future(waiter.wait()), asyncio.ensure_future(self._stopping.wait())}
        try:
            await asyncio.wait(wakers, timeout=self._poll_seconds, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waker in wakers:
                waker.cancel()
