"""Every unary RPC of every service, driven from the descriptors rather than by hand: a request whose every
field holds an extreme value (the largest and smallest numbers, NaN and infinities, long and control-laden
strings, unknown enum numbers, undecodable-looking bytes) is answered with a status the client can act
on, never INTERNAL or UNKNOWN, and a refusal leaves the tenant without events (nothing changed). The tenant
stays the test's own, so validation runs past the tenant check."""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable, Iterator

import grpc
import pytest
from google.protobuf import message_factory
from google.protobuf.descriptor import Descriptor, FieldDescriptor, MethodDescriptor, ServiceDescriptor
from google.protobuf.message import Message

from crm.v2 import (
    analytics_service_pb2,
    contact_service_pb2,
    deal_service_pb2,
    event_service_pb2,
    intelligence_service_pb2,
    inventory_service_pb2,
    lead_service_pb2,
    order_service_pb2,
    product_service_pb2,
    supplier_service_pb2,
    system_service_pb2,
    workflow_service_pb2,
)
from crm.v2.event_service_pb2_grpc import EventServiceStub
from server.config import Settings

SERVICE_MODULES = [
    analytics_service_pb2,
    contact_service_pb2,
    deal_service_pb2,
    event_service_pb2,
    intelligence_service_pb2,
    inventory_service_pb2,
    lead_service_pb2,
    order_service_pb2,
    product_service_pb2,
    supplier_service_pb2,
    system_service_pb2,
    workflow_service_pb2,
]

# What the test servers accept, their default.
MAX_MESSAGE_BYTES = Settings.model_fields["MAX_MESSAGE_BYTES"].default
# Statuses a server must never answer: they tell the client nothing it can act on.
OPAQUE = {grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN}
# Nested messages are filled this deep; a recursive type (Struct, a tree) stops there.
MAX_DEPTH = 3
REPEATED_COUNT = 3

_INT_RANGES = {
    FieldDescriptor.TYPE_INT32: (-(2**31), 2**31 - 1),
    FieldDescriptor.TYPE_SINT32: (-(2**31), 2**31 - 1),
    FieldDescriptor.TYPE_SFIXED32: (-(2**31), 2**31 - 1),
    FieldDescriptor.TYPE_INT64: (-(2**63), 2**63 - 1),
    FieldDescriptor.TYPE_SINT64: (-(2**63), 2**63 - 1),
    FieldDescriptor.TYPE_SFIXED64: (-(2**63), 2**63 - 1),
    FieldDescriptor.TYPE_UINT32: (0, 2**32 - 1),
    FieldDescriptor.TYPE_FIXED32: (0, 2**32 - 1),
    FieldDescriptor.TYPE_UINT64: (0, 2**64 - 1),
    FieldDescriptor.TYPE_FIXED64: (0, 2**64 - 1),
}


# Each variant makes some kinds of field hostile; in the numeric ones strings stay plausible (ids are
# UUIDs, currencies ISO codes), so the numbers reach the checks behind the string checks.
VARIANTS = ["long-strings", "control-strings", "largest-numbers", "smallest-numbers", "nan-and-odd"]


def _plausible_string(field: FieldDescriptor) -> str:
    name = field.name
    if name == "id" or name.endswith(("_id", "_ids")):
        return str(uuid.uuid4())
    if "email" in name:
        return "fuzz@example.com"
    if name == "currency_code":
        return "USD"
    if name == "paths":  # a FieldMask: every field, so an update reaches every field's check
        return "*"
    if name == "page_token":
        return ""
    return "fuzz"


def _scalar(field: FieldDescriptor, variant: str, tenant_id: int) -> object:
    """The hostile value of one scalar field in one variant."""
    if field.name == "tenant_id":
        return tenant_id
    kind = field.type
    if kind in _INT_RANGES:
        low, high = _INT_RANGES[kind]
        return (
            high
            if variant in ("long-strings", "largest-numbers")
            else low
            if variant != "nan-and-odd"
            else -1
        )
    if kind in (FieldDescriptor.TYPE_DOUBLE, FieldDescriptor.TYPE_FLOAT):
        return {"largest-numbers": math.inf, "smallest-numbers": -math.inf}.get(variant, math.nan)
    if kind == FieldDescriptor.TYPE_BOOL:
        return variant != "smallest-numbers"
    if kind == FieldDescriptor.TYPE_ENUM:
        return {"largest-numbers": 2**31 - 1, "smallest-numbers": -(2**31)}.get(variant, 999)
    if kind == FieldDescriptor.TYPE_STRING:
        if variant == "long-strings":
            return "x" * 100_000
        if variant == "control-strings":
            return "../\u202e\U0001f4a5'; DROP TABLE orders;--\x00\x7f\n"
        return _plausible_string(field)
    if kind == FieldDescriptor.TYPE_BYTES:
        return b"\xff" * 10_000 if variant == "long-strings" else b"\x00\xff\xfe"
    raise AssertionError(f"unhandled field type {kind} of {field.full_name}")


def _fill(message: Message, variant: str, tenant_id: int, depth: int = 0) -> None:
    for field in message.DESCRIPTOR.fields:
        if field.type == FieldDescriptor.TYPE_MESSAGE:
            if depth >= MAX_DEPTH:
                continue
            if field.message_type.GetOptions().map_entry:
                _fill_map(getattr(message, field.name), field, variant, tenant_id, depth)
            elif field.is_repeated:
                for _ in range(REPEATED_COUNT):
                    _fill(getattr(message, field.name).add(), variant, tenant_id, depth + 1)
            else:
                _fill(getattr(message, field.name), variant, tenant_id, depth + 1)
                getattr(message, field.name).SetInParent()
        elif field.is_repeated:
            getattr(message, field.name).extend([_scalar(field, variant, tenant_id)] * REPEATED_COUNT)
        else:
            setattr(message, field.name, _scalar(field, variant, tenant_id))


def _fill_map(entries: object, field: FieldDescriptor, variant: str, tenant_id: int, depth: int) -> None:
    key_field = field.message_type.fields_by_name["key"]
    value_field = field.message_type.fields_by_name["value"]
    key = _scalar(key_field, variant, tenant_id)
    if value_field.type == FieldDescriptor.TYPE_MESSAGE:
        _fill(entries[key], variant, tenant_id, depth + 1)
    else:
        entries[key] = _scalar(value_field, variant, tenant_id)


def _hostile(descriptor: Descriptor, variant: str, tenant_id: int) -> Message:
    request = message_factory.GetMessageClass(descriptor)()
    _fill(request, variant, tenant_id)
    return request


def _unary_methods() -> Iterator[tuple[ServiceDescriptor, MethodDescriptor]]:
    for module in SERVICE_MODULES:
        for service in module.DESCRIPTOR.services_by_name.values():
            for method in service.methods:
                if not method.client_streaming and not method.server_streaming:
                    yield service, method


METHODS = list(_unary_methods())


def _caller(
    channel: grpc.aio.Channel, service: ServiceDescriptor, method: MethodDescriptor
) -> Callable[..., grpc.aio.UnaryUnaryCall]:
    response_class = message_factory.GetMessageClass(method.output_type)
    return channel.unary_unary(
        f"/{service.full_name}/{method.name}",
        request_serializer=lambda m: m.SerializeToString(),
        response_deserializer=response_class.FromString,
    )


def test_every_service_offers_unary_rpcs_to_fuzz():
    """Guards the fuzz itself: an import or descriptor mistake would leave it nothing to call."""
    assert len({service.full_name for service, _ in METHODS}) == len(SERVICE_MODULES)
    assert len(METHODS) >= 50


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize(("service", "method"), METHODS, ids=[f"{s.name}.{m.name}" for s, m in METHODS])
async def test_a_request_of_extreme_values_is_never_answered_opaquely(
    channel, tenant_id, service, method, variant
):
    request = _hostile(method.input_type, variant, tenant_id)
    try:
        await _caller(channel, service, method)(request, timeout=30)
    except grpc.aio.AioRpcError as error:
        # Every change emits an event in the same transaction, so a refusal that changed nothing leaves
        # the test's own tenant without events.
        left = await EventServiceStub(channel).ListEvents(
            event_service_pb2.ListEventsRequest(tenant_id=tenant_id)
        )
        assert [e.type for e in left.events] == [], f"{method.full_name} [{variant}] refused after a change"
        assert error.code() not in OPAQUE, f"{method.full_name} [{variant}]: {error.code()} {error.details()}"
        assert error.code() != grpc.StatusCode.DEADLINE_EXCEEDED, f"{method.full_name} [{variant}] hung"
        if error.code() == grpc.StatusCode.RESOURCE_EXHAUSTED:
            # Only a request past the message limit may be refused so; a refusal whose own trailers are
            # too big for the client ("metadata size exceeds hard limit") loses its details.
            refused = f"{method.full_name} [{variant}]: {error.details()}"
            assert request.ByteSize() > MAX_MESSAGE_BYTES, refused
