"""The relay is fenced: it confirms leadership before every batch, so a replica that lost its lock mid-drain
stops within one batch instead of publishing the same rows beside the replica that took over."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest

from engines.lead_scoring import LeadScoringPolicy
from server.events.kafka_sink import PublishOutcome
from server.events.relay import OutboxRelay
from server.events.serialization import encode
from server.events.signal import Signal
from server.leads.usecases import LeadUseCases
from storage.database import Database, open_database
from storage.migrations import upgrade_to_head
from storage.outbox.repository import OutboxRecord, SqlAlchemyOutboxRepository
from storage.transactions import transaction
from storage.uow import SqlAlchemyUnitOfWork
from tests.unit.usecases import test_leads

BATCH = 2


class RecordingSink:
    def __init__(self) -> None:
        self.published: list[int] = []

    async def publish(self, records: Sequence[OutboxRecord]) -> PublishOutcome:
        self.published += [r.seq for r in records]
        return PublishOutcome(published=[r.seq for r in records])

    async def close(self) -> None:
        return None


class LeadershipLostAfter:
    """Holds the lock for the first `grants` checks, then another replica has it."""

    def __init__(self, grants: int) -> None:
        self.grants = grants

    async def ensure(self) -> bool:
        self.grants -= 1
        return self.grants >= 0

    async def release(self) -> None:
        return None


@pytest.fixture
async def database(tmp_path: Path) -> AsyncIterator[Database]:
    url = f"sqlite+aiosqlite:///{tmp_path / 'crm.db'}"
    await asyncio.to_thread(upgrade_to_head, url)
    db = open_database(url, pool_size=1)
    leads = LeadUseCases(
        lambda read_only=False: SqlAlchemyUnitOfWork(db.transactions, serialize=encode, read_only=read_only),
        LeadScoringPolicy(),
    )
    for n in range(3 * BATCH):
        await leads.create(tenant_id=1, draft=test_leads.a_draft(email=f"l{n}@x.io"), request_id=None)
    yield db
    await db.dispose()


async def unpublished(db: Database) -> int:
    async with transaction(db.transactions, read_only=True) as sql:
        return len(await SqlAlchemyOutboxRepository(sql).unpublished(100))


async def test_a_relay_that_loses_leadership_mid_drain_stops_within_one_batch(database):
    sink = RecordingSink()
    # one check for the round, one before the first batch; the second batch finds the lock gone
    relay = OutboxRelay(
        database, sink, leadership=LeadershipLostAfter(2), signal=Signal(), batch_size=BATCH, poll_interval=1
    )
    assert await relay._leadership.ensure()
    published = await relay.drain()
    assert published == BATCH and len(sink.published) == BATCH
    assert await unpublished(database) == 2 * BATCH
    assert relay.status.leader is False


async def test_a_relay_that_keeps_leadership_drains_everything(database):
    sink = RecordingSink()
    relay = OutboxRelay(
        database,
        sink,
        leadership=LeadershipLostAfter(100),
        signal=Signal(),
        batch_size=BATCH,
        poll_interval=1,
    )
    assert await relay.drain() == 3 * BATCH
    assert sorted(sink.published) == sorted(set(sink.published)) and await unpublished(database) == 0
