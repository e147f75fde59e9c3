"""Domain events -> their protobuf messages (events.proto) in proto3 JSON, and back for reading.

The payload written to the outbox is exactly what Kafka consumers receive, so it is built once, here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from google.protobuf import any_pb2, json_format
from google.protobuf.message import Message

from domain import events as ev
from domain.event_log import EncodedEvent
from server.catalog import proto as catalog
from server.contacts import proto as contacts
from server.deals import proto as deals
from server.events.registration import EventRegistration
from server.intelligence import proto as intelligence
from server.inventory import proto as inventory
from server.leads import proto as leads
from server.orders import proto as orders
from server.purchasing import proto as purchasing
from server.sourcing import proto as sourcing
from server.suppliers import proto as suppliers
from server.supply import proto as supply
from server.workflows import proto as workflows

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
    "purchase_order": "purchasing",
    "risk_list": "orders",
    "sourcing_candidate": "sourcing",
}

# Each area registers its events (domain class, events.proto message, builder) beside its one mapping.
_REGISTRY: tuple[EventRegistration, ...] = (
    *leads.REGISTRATIONS,
    *contacts.REGISTRATIONS,
    *deals.REGISTRATIONS,
    *catalog.REGISTRATIONS,
    *suppliers.REGISTRATIONS,
    *supply.REGISTRATIONS,
    *orders.REGISTRATIONS,
    *purchasing.REGISTRATIONS,
    *inventory.REGISTRATIONS,
    *intelligence.REGISTRATIONS,
    *workflows.REGISTRATIONS,
    *sourcing.REGISTRATIONS,
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


def encode(event: ev.DomainEvent) -> EncodedEvent:
    """The event's message as the outbox keeps it: its compact proto3 JSON (the payload the relay publishes
    as the Kafka value), and its binary form for readers."""
    message = to_message(event)
    return EncodedEvent(json_format.MessageToJson(message, indent=None), message.SerializeToString())


_TYPE_URL_PREFIX = "type.googleapis.com/"


def payload_to_any(event_type: str, payload: str, message: bytes | None = None) -> any_pb2.Any:
    """A stored event packed as google.protobuf.Any (for ListEvents/WatchEvents): its binary form as it is,
    or, for an event stored without one, its JSON parsed."""
    if message is not None:
        return any_pb2.Any(
            type_url=_TYPE_URL_PREFIX + MESSAGE_TYPES[event_type].DESCRIPTOR.full_name, value=message
        )
    parsed = json_format.Parse(payload, MESSAGE_TYPES[event_type](), ignore_unknown_fields=True)
    packed = any_pb2.Any()
    packed.Pack(parsed, type_url_prefix=_TYPE_URL_PREFIX)
    return packed


# CloudEvents `dataschema` of an event: the protobuf message its JSON payload encodes (docs/events.md).
DATASCHEMA_PREFIX = "urn:protobuf:"


def schema_for(event_type: str) -> str:
    return DATASCHEMA_PREFIX + MESSAGE_TYPES[event_type].DESCRIPTOR.full_name


@dataclass(frozen=True, slots=True)
class EventContract:
    event_type: str
    family: str
    schema: str


def event_contract() -> list[EventContract]:
    """Every event type published, with its topic family and message, sorted by type (docs/events.md)."""
    return sorted(
        (
            EventContract(cls.event_type, family_of(cls.aggregate_type), schema_for(cls.event_type))
            for cls, _, _ in _REGISTRY
        ),
        key=lambda c: c.event_type,
    )


def family_of(aggregate_type: str) -> str:
    return TOPIC_FAMILIES.get(aggregate_type, aggregate_type + "s")


def topic_for(prefix: str, aggregate_type: str) -> str:
    return prefix + family_of(aggregate_type)
