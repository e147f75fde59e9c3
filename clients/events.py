"""Unpack the `google.protobuf.Any` payload of an Event into its `crm.v2.events` message."""

from __future__ import annotations

from google.protobuf.message import Message

from crm.v2 import event_service_pb2, events_pb2

_PACKAGE = events_pb2.DESCRIPTOR.package


def event_message_class(type_url: str) -> type[Message] | None:
    """The events_pb2 class for an Any type URL such as `type.googleapis.com/crm.v2.LeadCreated`."""
    full_name = type_url.rpartition("/")[2]
    package, _, name = full_name.rpartition(".")
    if package != _PACKAGE or name not in events_pb2.DESCRIPTOR.message_types_by_name:
        return None
    message_class: type[Message] = getattr(events_pb2, name)
    return message_class


def unpack_event_data(event: event_service_pb2.Event) -> Message | None:
    """The event's payload message, or None when it is empty or of a type this build does not know."""
    cls = event_message_class(event.data.type_url) if event.HasField("data") else None
    if cls is None:
        return None
    message = cls()
    return message if event.data.Unpack(message) else None
