"""The contract as data: every unary RPC of every crm.v2 service, read from the generated descriptors, and a
way to call any of them on a channel. The suites that must cover a new RPC without being edited (the
hostile-input fuzz, the tenant isolation suite, the checked conversions) walk these."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import grpc
from google.protobuf import message_factory
from google.protobuf.descriptor import Descriptor, FieldDescriptor, MethodDescriptor, ServiceDescriptor
from google.protobuf.message import Message

import crm.v2

# Every service of the contract, found in the generated package, so that a new service is walked the day it
# is added. The prototype's REST shapes are left out: they answer through these same RPCs (server/prototype)
# and have suites of their own.
SERVICE_MODULES = [
    importlib.import_module(f"crm.v2.{module.name}")
    for module in pkgutil.iter_modules(crm.v2.__path__)
    if module.name.endswith("_service_pb2") and module.name != "prototype_rest_service_pb2"
]


@dataclass(frozen=True)
class Rpc:
    service: ServiceDescriptor
    method: MethodDescriptor

    @property
    def name(self) -> str:
        """e.g. LeadService.GetLead: the test id."""
        return f"{self.service.name}.{self.method.name}"

    @property
    def request_type(self) -> Descriptor:
        return self.method.input_type

    def new_request(self) -> Message:
        return message_factory.GetMessageClass(self.method.input_type)()

    def on(self, channel: grpc.aio.Channel) -> Callable[..., grpc.aio.UnaryUnaryCall]:
        """The RPC as a callable on `channel` (serialising whatever message it is given)."""
        response_class = message_factory.GetMessageClass(self.method.output_type)
        return channel.unary_unary(
            f"/{self.service.full_name}/{self.method.name}",
            request_serializer=lambda m: m.SerializeToString(),
            response_deserializer=response_class.FromString,
        )


def _unary_rpcs() -> Iterator[Rpc]:
    for module in SERVICE_MODULES:
        for service in module.DESCRIPTOR.services_by_name.values():
            for method in service.methods:
                if not method.client_streaming and not method.server_streaming:
                    yield Rpc(service, method)


# Every unary RPC of the contract; streaming RPCs (WatchEvents) are left to their own tests.
UNARY_RPCS = list(_unary_rpcs())


def message_fields(
    descriptor: Descriptor, *, max_depth: int = 4, _prefix: tuple[FieldDescriptor, ...] = ()
) -> Iterator[tuple[FieldDescriptor, ...]]:
    """Every field reachable from `descriptor`, as the path of fields that leads to it (depth-first,
    stopping at `max_depth` so that recursive types end)."""
    for field in descriptor.fields:
        path = (*_prefix, field)
        yield path
        if field.type == FieldDescriptor.TYPE_MESSAGE and len(path) < max_depth:
            if field.message_type.GetOptions().map_entry:
                continue
            yield from message_fields(field.message_type, max_depth=max_depth, _prefix=path)


def dotted(path: tuple[FieldDescriptor, ...]) -> str:
    return ".".join(field.name for field in path)
