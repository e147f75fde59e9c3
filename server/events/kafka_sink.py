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

from server.events.serialization import topic_for
from storage.repositories.outbox import OutboxRecord

logger = logging.getLogger(__name__)

CE_SPEC_VERSION = b"1.0"
CE_SOURCE_ROOT = "/crm/v2/tenants"


@dataclass(slots=True)
class PublishOutcome:
    published: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    error: str | None = None


class EventSink(Protocol):
    async def publish(self, records: Sequence[OutboxRecord]) -> PublishOutcome: ...
    async def close(self) -> None: ...


def cloudevent_headers(record: OutboxRecord) -> list[tuple[str, bytes]]:
    return [
        ("ce_specversion", CE_SPEC_VERSION),
        ("ce_id", str(record.id).encode()),
        ("ce_source", f"{CE_SOURCE_ROOT}/{record.tenant_id}".encode()),
        ("ce_type", record.event_type.encode()),
        ("ce_time", record.occurred_at.isoformat().replace("+00:00", "Z").encode()),
        ("ce_subject", record.aggregate_id.encode()),
        ("ce_tenantid", str(record.tenant_id).encode()),
        ("content-type", b"application/json"),
    ]


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
    ) -> None:
        self._bootstrap = bootstrap_servers
        self._prefix = topic_prefix
        self._client_id = client_id
        self._timeout = timeout
        self._producer: AIOKafkaProducer | None = None

    async def publish(self, records: Sequence[OutboxRecord]) -> PublishOutcome:
        outcome = PublishOutcome()
        try:
            async with asyncio.timeout(self._timeout):
                producer = await self._started()
                deliveries = [
                    await producer.send(
                        topic_for(self._prefix, record.aggregate_type),
                        value=record.payload.encode(),
                        key=record.aggregate_id.encode(),
                        headers=cloudevent_headers(record),
                    )
                    for record in records
                ]
                results = await asyncio.gather(*deliveries, return_exceptions=True)
        except Exception as exc:  # broker down, timeout, producer fenced: nothing of this batch is trusted
            outcome.failed = [r.seq for r in records]
            outcome.error = f"{type(exc).__name__}: {exc}"
            await self._discard()
            return outcome
        for record, result in zip(records, results, strict=True):
            if isinstance(result, BaseException):
                outcome.failed.append(record.seq)
                outcome.error = outcome.error or f"{type(result).__name__}: {result}"
            else:
                outcome.published.append(record.seq)
        if outcome.failed:
            await self._discard()
        return outcome

    async def close(self) -> None:
        await self._discard()

    async def _started(self) -> AIOKafkaProducer:
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
                    await asyncio.wait_for(producer.stop(), 2)
                raise
            self._producer = producer
            logger.info("kafka producer connected to %s", self._bootstrap)
        return self._producer

    async def _discard(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            try:
                await asyncio.wait_for(producer.stop(), 5)
            except Exception as exc:  # a dead broker can make stop() hang or fail; the producer is dropped
                logger.warning("kafka producer did not stop cleanly: %s", exc)
