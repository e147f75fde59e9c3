"""The recorded event log as readers see it: events as stored, and how to select them."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class RecordedEvent:
    """A domain event as recorded in the outbox; `payload` is its proto3 JSON."""

    seq: int
    id: uuid.UUID
    tenant_id: int
    aggregate_type: str
    aggregate_id: str
    event_type: str
    payload: str
    occurred_at: datetime
    published_at: datetime | None
    attempts: int
    # W3C traceparent of the request that recorded it, sent with the Kafka record (None: not traced)
    traceparent: str | None = None
    # the same message in protobuf's binary form (None: recorded before the outbox kept it)
    message: bytes | None = None


@dataclass(frozen=True, slots=True)
class EventCriteria:
    types: Collection[str] = ()
    aggregate_id: str | None = None
    start: datetime | None = None
    end: datetime | None = None


# Where a live tail stands: (transaction id, seq) on PostgreSQL, (0, seq) on SQLite.
TailPosition = tuple[int, int]


@dataclass(frozen=True, slots=True)
class TailBatch:
    """Events for a live tail and the position to continue after."""

    records: list[RecordedEvent]
    position: TailPosition


@dataclass(frozen=True, slots=True)
class EncodedEvent:
    """An event's message as it is published (proto3 JSON) and as readers pack it (protobuf binary)."""

    payload: str
    message: bytes
