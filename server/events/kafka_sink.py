"""Publishing outbox rows to Kafka with aiokafka: idempotent producer (acks=all), CloudEvents 1.0
binary-mode headers, topic per aggregate family, key = aggregate id, value = proto3 JSON."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from aiokafka import AIOKafkaProducer
from aiokafka.errors import (
    InvalidTopicError,
    MessageSizeTooLargeError,
    RecordTooLargeError,
    TopicAuthorizationFailedError,
)

from server.events.serialization import schema_for, topic_for
from server.events.topics import TopicPlan, ensure_topics
from storage.outbox.repository import OutboxRecord

logger = logging.getLogger(__name__)

CE_SPEC_VERSION = b"1.0"
CE_SOURCE_ROOT = "/crm/v2/tenants"
# Kafka will never accept these records as they are: retrying would block the queue forever.
UNDELIVERABLE_ERRORS = (
    MessageSizeTooLargeError,
    RecordTooLargeError,
    InvalidTopicError,
    TopicAuthorizationFailedError,
)


@dataclass(slots=True)
class PublishOutcome:
    published: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    undeliverable: list[int] = field(default_factory=list)
    error: str | None = None


class EventSink(Protocol):
    async def publish(self, records: Sequence[OutboxRecord]) -> PublishOutcome: ...
    async def close(self) -> None: ...


def cloudevent_headers(record: OutboxRecord) -> list[tuple[str, bytes]]:
    headers = [
        ("ce_specversion", CE_SPEC_VERSION),
        ("ce_id", str(record.id).encode()),
        ("ce_source", f"{CE_SOURCE_ROOT}/{record.tenant_id}".encode()),
        ("ce_type", record.event_type.encode()),
        ("ce_time", record.occurred_at.isoformat().replace("+00:00", "Z").encode()),
        ("ce_subject", record.aggregate_id.encode()),
        ("ce_tenantid", str(record.tenant_id).encode()),
        ("ce_dataschema", schema_for(record.event_type).encode()),
        ("content-type", b"application/json"),
    ]
    if record.traceparent:
        # the CloudEvents distributed-tracing extension, and the plain W3C header Kafka tracing clients read
        traceparent = record.traceparent.encode()
        headers += [("ce_traceparent", traceparent), ("traceparent", traceparent)]
    return headers


class AioKafkaEventSink:
    """Every start, send and stop runs under a timeout: aiokafka can wait forever for a dead broker. A
    producer that failed (including one stuck on OutOfOrderSequenceNumber) is discarded and recreated."""

    def __init__(
        self,
        bootstrap_servers: str,
        *,
        topic_prefix: str,
        client_id: str,
        timeout: float,
        topics: TopicPlan | None = None,
    ) -> None:
        self._bootstrap = bootstrap_servers
        self._prefix = topic_prefix
        self._topics = topics  # created before the first publish; None leaves topics to the operator
        self._client_id = client_id
        self._timeout = timeout
        self._producer: AIOKafkaProducer | None = None

    async def publish(self, records: Sequence[OutboxRecord]) -> PublishOutcome:
        outcome = PublishOutcome()
        try:
            async with asyncio.timeout(self._timeout):
                producer = await self._started()
                results = await self._send_all(producer, records)
        except Exception as exc:  # broker down, timeout, producer fenced: nothing of this batch is trusted
            outcome.failed = [r.seq for r in records]
            outcome.error = f"{type(exc).__name__}: {exc}"
            await self._discard()
            return outcome
        self._judge(records, results, outcome)
        if outcome.failed:
            await self._discard()
        return outcome

    async def close(self) -> None:
        await self._discard()

    async def _send_all(
        self, producer: AIOKafkaProducer, records: Sequence[OutboxRecord]
    ) -> list[BaseException | None]:
        """Enqueue every record in order (sends are pipelined, not awaited one by one), then await them."""
        deliveries: list[asyncio.Future[object] | BaseException] = []
        for record in records:
            try:
                deliveries.append(
                    await producer.send(
                        topic_for(self._prefix, record.aggregate_type),
                        value=record.payload.encode(),
                        key=record.aggregate_id.encode(),
                        headers=cloudevent_headers(record),
                    )
                )
            except UNDELIVERABLE_ERRORS as exc:
                deliveries.append(exc)
        pending = [d for d in deliveries if isinstance(d, asyncio.Future)]
        await asyncio.gather(*pending, return_exceptions=True)
        return [d if isinstance(d, BaseException) else d.exception() for d in deliveries]

    @staticmethod
    def _judge(
        records: Sequence[OutboxRecord], results: list[BaseException | None], outcome: PublishOutcome
    ) -> None:
        # Once one event of an aggregate failed, its later events in the batch count as failed too, so
        # they are published again after it and never overtake it (consumers dedupe on ce_id).
        blocked: set[str] = set()
        for record, error in zip(records, results, strict=True):
            if isinstance(error, UNDELIVERABLE_ERRORS):
                outcome.undeliverable.append(record.seq)
                logger.error("event %s of %s can never be published: %s", record.id, record.event_type, error)
            elif error is not None or record.aggregate_id in blocked:
                blocked.add(record.aggregate_id)
                outcome.failed.append(record.seq)
                if error is not None:
                    outcome.error = outcome.error or f"{type(error).__name__}: {error}"
            else:
                outcome.published.append(record.seq)

    async def _started(self) -> AIOKafkaProducer:
        if self._topics is not None:
            await ensure_topics(self._bootstrap, self._topics, request_timeout=self._timeout)
            self._topics = None
        if self._producer is None:
            producer = AIOKafkaProducer(
                bootstrap_servers=self._bootstrap,
                client_id=self._client_id,
                enable_idempotence=True,
                acks="all",
                linger_ms=5,
                request_timeout_ms=int(self._timeout * 1000),
                retry_backoff_ms=200,
            )
            try:
                await producer.start()
            except BaseException:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(producer.stop(), self._timeout + 2)
                raise
            self._producer = producer
            logger.info("kafka producer connected to %s", self._bootstrap)
        return self._producer

    async def _discard(self) -> None:
        producer, self._producer = self._producer, None
        if producer is None:
            return
        # stop() flushes first and its batches expire only after request_timeout: wait past that, so the
        # sender task and connections really close and no stale copy is delivered later.
        try:
            await asyncio.wait_for(producer.stop(), self._timeout + 2)
        except Exception as exc:  # a dead broker can make stop() fail; the producer is dropped either way
            logger.warning("kafka producer did not stop cleanly: %s", exc)
