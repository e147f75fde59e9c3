"""Domain events -> their protobuf messages (events.proto) in proto3 JSON, and back for reading.

The payload written to the outbox is exactly what Kafka consumers receive, so it is built once, here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from google.protobuf import any_pb2, json_format
from google.protobuf.message import Message

from domain import events as ev
from server.events import catalog_events, crm_events, intelligence_events, lead_events, order_events
from server.events.registration import EventRegistration

# Kafka topic family of each aggregate type: the topic is `<prefix><family>`.
TOPIC_FAMILIES: dict[str, str] = {
    "lead": "leads",
    "contact": "contacts",
    "deal": "deals",
    "product": "products",
    "supplier": "suppliers",
    "order": "orders",
    "inventory": "inventory",
    "marketing": "marketing",
    "workflow": "workflows",
}

# Each area registers its events (domain class, events.proto message, builder) in its own module.
_REGISTRY: tuple[EventRegistration, ...] = (
    *lead_events.REGISTRATIONS,
    *catalog_events.REGISTRATIONS,
    *crm_events.REGISTRATIONS,
    *order_events.REGISTRATIONS,
    *intelligence_events.REGISTRATIONS,
)
_BUILDERS: dict[type[ev.DomainEvent], Callable[[Any], Message]] = {cls: build for cls, _, build in _REGISTRY}
# Event type name -> message class, for turning stored payloads back into messages.
MESSAGE_TYPES: dict[str, type[Message]] = {cls.event_type: message for cls, message, _ in _REGISTRY}


def to_message(event: ev.DomainEvent) -> Message:
    try:
        build = _BUILDERS[type(event)]
    except KeyError:
        raise TypeError(f"no protobuf message is mapped for event {type(event).__name__}") from None
    return build(event)


def serialize(event: ev.DomainEvent) -> str:
    """The event's message in compact proto3 JSON (the outbox payload and the Kafka value)."""
    return json_format.MessageToJson(to_message(event), indent=None)


def payload_to_any(event_type: str, payload: str) -> any_pb2.Any:
    """A stored payload packed as google.protobuf.Any (for ListEvents/WatchEvents)."""
    message = json_format.Parse(payload, MESSAGE_TYPES[event_type](), ignore_unknown_fields=True)
    packed = any_pb2.Any()
    packed.Pack(message, type_url_prefix="type.googleapis.com/")
    return packed


def topic_for(prefix: str, aggregate_type: str) -> str:
    return f"{prefix}{TOPIC_FAMILIES.get(aggregate_type, aggregate_type + 's')}"
