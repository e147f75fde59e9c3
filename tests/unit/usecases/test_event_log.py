"""ListEvents' history and WatchEvents' live tail (server/events/usecases.py), on an in-memory outbox."""

from __future__ import annotations

import asyncio

import pytest

from domain.errors import Unavailable
from domain.event_log import EventCriteria, RecordedEvent
from domain.paging import PageRequest
from server.events.signal import Signal
from server.events.usecases import EventUseCases
from tests.unit.usecases.fakes_event_log import FakeReadingUnitOfWork

TENANT = 7

# Long enough that a test finishing in time proves the tail was woken, not that it polled.
NEVER = 3600.0


@pytest.fixture
def uow() -> FakeReadingUnitOfWork:
    return FakeReadingUnitOfWork()


def events_of(uow: FakeReadingUnitOfWork, signal: Signal, stopping: asyncio.Event) -> EventUseCases:
    return EventUseCases(uow.factory, signal, stopping=stopping, poll_seconds=NEVER)


async def test_the_history_is_the_tenants_events_newest_first_in_pages(uow):
    mine = [uow.outbox.append(TENANT) for _ in range(3)]
    uow.outbox.append(TENANT + 1)
    events = events_of(uow, Signal(), asyncio.Event())

    first = await events.list(tenant_id=TENANT, criteria=EventCriteria(), page=PageRequest(size=2))
    rest = await events.list(
        tenant_id=TENANT, criteria=EventCriteria(), page=PageRequest(size=2, after=first.next_after)
    )

    assert [*first.items, *rest.items] == mine[::-1]
    assert (first.total_size, rest.next_after) == (3, None)


async def test_a_watch_from_a_start_replays_the_tenants_events_then_ends_unavailable_on_shutdown(uow):
    replayed = [uow.outbox.append(TENANT, "lead.created"), uow.outbox.append(TENANT, "deal.created")]
    uow.outbox.append(TENANT, "order.created")  # a type not asked for
    uow.outbox.append(TENANT + 1, "lead.created")  # another tenant's
    stopping = asyncio.Event()
    watch = events_of(uow, Signal(), stopping).watch(
        tenant_id=TENANT, types=("lead.created", "deal.created"), start=replayed[0].occurred_at
    )

    seen: list[RecordedEvent] = []
    with pytest.raises(Unavailable):
        async for record in watch:
            seen.append(record)
            if len(seen) == len(replayed):
                stopping.set()  # the server shuts down once the replay is read

    assert seen == replayed


async def test_a_watch_without_a_start_sees_only_new_events_even_one_committed_while_it_was_reading(uow):
    uow.outbox.append(TENANT)  # before the watch: not shown
    signal, stopping = Signal(), asyncio.Event()
    committed: list[RecordedEvent] = []

    def commit_while_reading() -> None:
        committed.append(uow.outbox.append(TENANT))
        signal.notify()

    uow.outbox.during_next_read = commit_while_reading
    watch = events_of(uow, signal, stopping).watch(tenant_id=TENANT, types=(), start=None)

    first = await asyncio.wait_for(anext(watch), timeout=5)

    assert [first] == committed
    await watch.aclose()
