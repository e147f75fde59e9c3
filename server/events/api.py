"""EventService over gRPC: the outbox as a paged history and a live stream."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

from crm.v2 import event_service_pb2 as pb
from crm.v2 import event_service_pb2_grpc
from domain.event_log import EventCriteria, RecordedEvent
from server.edge.context import Context
from server.edge.convert import to_timestamp
from server.edge.page_tokens import page_query, page_response
from server.edge.validation import Violations
from server.events.serialization import MESSAGE_TYPES, payload_to_any
from server.events.usecases import EventUseCases

DEFAULT_PAGE_SIZE = 50

MAX_PAGE_SIZE = 200

MAX_TYPES = 50


def event_to_proto(record: RecordedEvent) -> pb.Event:
    return pb.Event(
        id=str(record.id),
        tenant_id=record.tenant_id,
        type=record.event_type,
        aggregate_type=record.aggregate_type,
        aggregate_id=record.aggregate_id,
        occur_time=to_timestamp(record.occurred_at),
        data=payload_to_any(record.event_type, record.payload, record.message),
        publish_time=to_timestamp(record.published_at),
    )


def _is_sequence_number(text: str) -> bool:
    return re.fullmatch(r"[0-9]{1,18}", text) is not None


def _types(v: Violations, field: str, types: list[str]) -> tuple[str, ...]:
    if len(types) > MAX_TYPES:
        v.add(field, f"at most {MAX_TYPES} types")
    for index, name in enumerate(types):
        if name not in MESSAGE_TYPES:
            v.add(f"{field}[{index}]", f"unknown event type {name!r}")
    return tuple(sorted(set(types)))


class EventServicer(event_service_pb2_grpc.EventServiceServicer):
    def __init__(self, events: EventUseCases) -> None:
        self._events = events

    async def ListEvents(self, request: pb.ListEventsRequest, context: Context) -> pb.ListEventsResponse:
        v = Violations.of(request)
        criteria = EventCriteria(
            types=_types(v, "types", list(request.types)),
            aggregate_id=v.text("aggregate_id", request.aggregate_id, max_length=64) or None,
            start=v.timestamp("start_time", request.start_time) if request.HasField("start_time") else None,
            end=v.timestamp("end_time", request.end_time) if request.HasField("end_time") else None,
        )
        if criteria.start and criteria.end and criteria.end <= criteria.start:
            v.add("end_time", "must be after start_time")
        query = page_query(
            v,
            request,
            criteria,
            valid=_is_sequence_number,
            default_size=DEFAULT_PAGE_SIZE,
            max_size=MAX_PAGE_SIZE,
        )
        page = await self._events.list(tenant_id=query.tenant_id, criteria=query.criteria, page=query.page)
        return page_response(pb.ListEventsResponse, "events", page, event_to_proto, query)

    async def WatchEvents(self, request: pb.WatchEventsRequest, context: Context) -> AsyncIterator[pb.Event]:
        v = Violations.of(request)
        types = _types(v, "types", list(request.types))
        start = v.timestamp("start_time", request.start_time) if request.HasField("start_time") else None
        v.raise_if_any()
        async for record in self._events.watch(tenant_id=request.tenant_id, types=types, start=start):
            yield event_to_proto(record)
