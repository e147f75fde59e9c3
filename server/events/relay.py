"""The outbox relay: publishes committed events to Kafka in queue order, at least once, never losing one.

Woken by commits in this process and by NOTIFY from other replicas, and polling as a fallback. While
Kafka is down it backs off (tenacity) and retries; rows stay in the outbox until a publish succeeds.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass
from datetime import datetime

from tenacity import AsyncRetrying, RetryCallState, retry_if_exception_type, wait_exponential

from domain.clock import utcnow
from domain.tenancy import across_tenants
from server.events.kafka_sink import EventSink
from server.events.signal import Signal, wait_for_signal
from storage.database import Database
from storage.leadership import Leadership
from storage.outbox.repository import SqlAlchemyOutboxRepository
from storage.transactions import transaction

logger = logging.getLogger(__name__)


class PublishFailed(Exception):
    """Kafka rejected or did not acknowledge a batch; the relay backs off and retries."""


@dataclass(slots=True)
class RelayStatus:
    enabled: bool
    leader: bool = False
    connected: bool = False
    last_publish_at: datetime | None = None
    last_error: str | None = None
    published_total: int = 0
    failed_batches: int = 0


class OutboxRelay:
    def __init__(
        self,
        database: Database,
        sink: EventSink | None,
        *,
        leadership: Leadership,
        signal: Signal,
        batch_size: int,
        poll_interval: float,
        max_backoff: float = 5.0,
    ) -> None:
        self._db = database
        self._sink = sink
        self._leadership = leadership
        self._signal = signal
        self._batch_size = batch_size
        self._poll_interval = poll_interval
        self._max_backoff = max_backoff
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.status = RelayStatus(enabled=sink is not None)

    def start(self) -> None:
        if self._sink is not None and self._task is None:
            self._task = asyncio.create_task(self._run(), name="outbox-relay")

    async def stop(self, flush_timeout: float) -> None:
        """Stop the loop, then publish what is waiting for up to `flush_timeout` seconds."""
        self._stopping.set()
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._sink is None:
            return
        try:
            async with asyncio.timeout(flush_timeout):
                if await self._leadership.ensure():
                    await self.drain()
        except Exception as exc:  # the rows stay in the outbox for the next start
            logger.warning("outbox not fully flushed at shutdown: %s", exc)
        finally:
            await self._sink.close()
            try:
                await self._leadership.release()
            except Exception as exc:  # the lock dies with its connection anyway
                logger.warning("relay leadership not released cleanly: %s", exc)

    async def drain(self) -> int:
        """Publish waiting events until the queue is empty; PublishFailed when Kafka fails a batch.

        Leadership is confirmed before every batch, not once per round: a replica whose lock session died
        mid-drain stops within one batch instead of publishing beside the replica that took over."""
        assert self._sink is not None
        with across_tenants():  # every tenant's events: the outbox admits this scope to read and mark them
            return await self._drain()

    async def _drain(self) -> int:
        assert self._sink is not None
        published = 0
        while True:
            async with transaction(self._db.transactions, read_only=True) as sql:
                batch = await SqlAlchemyOutboxRepository(sql).unpublished(self._batch_size)
            if not batch:
                return published
            if not await self._leadership.ensure():
                self.status.leader = False
                logger.warning("outbox relay: leadership lost while draining; another replica publishes")
                return published
            outcome = await self._sink.publish(batch)
            async with transaction(self._db.transactions) as sql:
                outbox = SqlAlchemyOutboxRepository(sql)
                now = utcnow()
                await outbox.mark_published(outcome.published, now)
                await outbox.record_failure(outcome.failed, outcome.error or "unknown error")
                await outbox.mark_undeliverable(outcome.undeliverable, "refused by Kafka for good", now)
            published += len(outcome.published)
            self._record(outcome.published, outcome.error)
            if outcome.failed:
                self.status.failed_batches += 1
                raise PublishFailed(outcome.error)

    async def _run(self) -> None:
        retrying = AsyncRetrying(
            retry=retry_if_exception_type(Exception),
            wait=wait_exponential(multiplier=0.2, max=self._max_backoff),
            stop=lambda _state: self._stopping.is_set(),
            sleep=self._sleep_unless_stopping,
            before_sleep=self._log_retry,
            reraise=True,
        )
        while not self._stopping.is_set():
            waiter = self._signal.waiter()
            try:
                async for attempt in retrying:
                    with attempt:
                        await self._publish_round()
            except Exception:  # only reached when stopping: stop() flushes what is left
                return
            await wait_for_signal(waiter, self._poll_interval)

    async def _publish_round(self) -> None:
        self.status.leader = await self._leadership.ensure()
        if self.status.leader:
            await self.drain()

    def _record(self, published: list[int], error: str | None) -> None:
        if published:
            self.status.published_total += len(published)
            self.status.last_publish_at = utcnow()
        self.status.connected = error is None
        self.status.last_error = error

    async def _sleep_unless_stopping(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), seconds)

    def _log_retry(self, retry_state: RetryCallState) -> None:
        error = retry_state.outcome.exception() if retry_state.outcome else None
        self.status.connected = False
        self.status.last_error = f"{type(error).__name__}: {error}" if error else None
        logger.warning(
            "outbox relay: publishing failed (attempt %d), retrying in %.1fs: %s",
            retry_state.attempt_number,
            retry_state.next_action.sleep if retry_state.next_action else 0.0,
            error,
        )
