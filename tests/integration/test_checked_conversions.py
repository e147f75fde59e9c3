"""Every Timestamp, Date and Money field of every request message, found by walking the descriptors, goes
through one checked conversion: an invalid value (nanos out of range, a time past year 9999 or before year
1, a year 0 or 10000, a currency that is not ISO 4217, units and nanos of opposite signs) is answered
INVALID_ARGUMENT with a field violation naming that field's path, and changes nothing.

Fields the contract documents as "Output only" are ignored by the server (AIP-203): for them the check is
that the garbage is not answered INTERNAL or UNKNOWN. A new request field of these types is covered the
day it is added."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

import grpc
import pytest
from google.protobuf import descriptor_pb2
from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message

from tests.support.descriptors import UNARY_RPCS, Rpc, message_fields
from tests.support.status import field_violations
from tests.support.tenant_data import fingerprint

OPAQUE = {grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN}
CHECKED_TYPES = {"google.protobuf.Timestamp", "google.type.Date", "google.type.Money"}

# One invalid value of each kind, per type: (label, fields to set on the message).
INVALID: dict[str, list[tuple[str, dict[str, object]]]] = {
    "google.protobuf.Timestamp": [
        ("nanos of a whole second", {"seconds": 1_700_000_000, "nanos": 1_000_000_000}),
        ("negative nanos", {"seconds": 1_700_000_000, "nanos": -1}),
        ("after year 9999", {"seconds": 253_402_300_800}),
        ("before year 1", {"seconds": -62_135_596_801}),
    ],
    "google.type.Date": [
        ("year 0", {"year": 0, "month": 6, "day": 1}),
        ("year 10000", {"year": 10_000, "month": 6, "day": 1}),
        ("month 13", {"year": 2026, "month": 13, "day": 1}),
        ("February 30", {"year": 2026, "month": 2, "day": 30}),
    ],
    "google.type.Money": [
        ("a currency outside ISO 4217", {"currency_code": "ZZ9", "units": 10}),
        ("units and nanos of opposite signs", {"currency_code": "USD", "units": 10, "nanos": -500_000_000}),
        ("nanos out of range", {"currency_code": "USD", "units": 1, "nanos": 1_000_000_000}),
    ],
}


@dataclass(frozen=True)
class CheckedField:
    rpc: Rpc
    path: tuple[FieldDescriptor, ...]
    output_only: bool

    @property
    def violation_path(self) -> str:
        """How a violation names the field: dotted, with [0] after a repeated field."""
        return ".".join(f"{f.name}[0]" if f.is_repeated else f.name for f in self.path)

    @property
    def kind(self) -> str:
        return self.path[-1].message_type.full_name

    def __str__(self) -> str:
        return f"{self.rpc.name}:{self.violation_path}"


@cache
def _comments() -> dict[str, str]:
    """Leading comment of every field of the contract, by full name (the descriptor set `make protos`
    writes with source info)."""
    data = resources.files("crm.v2").joinpath("descriptors.binpb").read_bytes()
    comments: dict[str, str] = {}
    for file in descriptor_pb2.FileDescriptorSet.FromString(data).file:
        located = {tuple(loc.path): loc.leading_comments for loc in file.source_code_info.location}

        _walk(file.message_type, file.package, (4,), located, comments)
    return comments


def _walk(messages, prefix: str, path: tuple[int, ...], located: dict, comments: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """Source-info paths: 4 = a file's messages, 3 = a message's nested messages, 2 = its fields."""
    for i, message in enumerate(messages):
        here = (*path, i)
        for j, field in enumerate(message.field):
            comments[f"{prefix}.{message.name}.{field.name}"] = located.get((*here, 2, j), "")
        _walk(message.nested_type, f"{prefix}.{message.name}", (*here, 3), located, comments)


def _output_only(field: FieldDescriptor) -> bool:
    return _comments().get(field.full_name, "").strip().lower().startswith("output only")


def _checked_fields() -> Iterator[CheckedField]:
    for rpc in UNARY_RPCS:
        for path in message_fields(rpc.request_type):
            last = path[-1]
            if last.type == FieldDescriptor.TYPE_MESSAGE and last.message_type.full_name in CHECKED_TYPES:
                yield CheckedField(rpc, path, any(_output_only(f) for f in path))


CHECKED_FIELDS = list(_checked_fields())
CASES = [
    (field, label, values)
    for field in CHECKED_FIELDS
    for label, values in INVALID[field.kind]
    if not field.output_only
]
IGNORED_CASES = [
    (field, label, values)
    for field in CHECKED_FIELDS
    for label, values in INVALID[field.kind]
    if field.output_only
]


def _request_with(field: CheckedField, values: dict[str, object], tenant_id: int) -> Message:
    """The RPC's request naming `tenant_id`, with the field (the first item of a repeated one) set to
    `values`; everything else left unset."""
    request = field.rpc.new_request()
    request.tenant_id = tenant_id  # type: ignore[attr-defined]
    message = request
    for step in field.path:
        _give_ids(message)  # an update names its resource: without an id it stops before the field
        child: Callable[[], Message] | Message
        if step.is_repeated:
            child = getattr(message, step.name).add()
        else:
            child = getattr(message, step.name)
            child.SetInParent()
        message = child
    for name, value in values.items():
        setattr(message, name, value)
    return request


def _give_ids(message: Message) -> None:
    """A made-up UUID in every single id field of `message` (the resource is never found: the invalid
    field is refused first)."""
    for candidate in message.DESCRIPTOR.fields:
        named_id = candidate.name == "id" or candidate.name.endswith("_id")
        if named_id and candidate.type == FieldDescriptor.TYPE_STRING and not candidate.is_repeated:
            setattr(message, candidate.name, str(uuid.uuid4()))


def test_the_walk_finds_the_fields_it_must_check():
    """Guards the walk: the contract has such fields in many requests, each checked or documented as
    output only."""
    assert len({f.rpc.name for f in CHECKED_FIELDS if not f.output_only}) >= 10
    assert {f.kind for f in CHECKED_FIELDS if not f.output_only} == CHECKED_TYPES


@pytest.mark.parametrize(
    ("field", "label", "values"), CASES, ids=[f"{field}[{label}]" for field, label, _ in CASES]
)
async def test_an_invalid_value_is_invalid_argument_naming_its_field_and_changes_nothing(
    crm_server, channel, field: CheckedField, label: str, values: dict[str, object]
):
    tenant_id = random.randrange(1, 2**53)
    request = _request_with(field, values, tenant_id)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await field.rpc.on(channel)(request, timeout=30)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT, refused.value.details()
    named = field.violation_path
    violations = field_violations(refused.value)
    if set(violations) == {"update_mask"} and len(field.path) > 1:
        # An update reads only the fields its mask may name (AIP-134); ask for this one by name: the
        # answer names the field, or says the update cannot change it (so it never reads the value).
        request.update_mask.paths.append(".".join(f.name for f in field.path[1:]))  # type: ignore[attr-defined]
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await field.rpc.on(channel)(request, timeout=30)
        assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT, refused.value.details()
        violations = field_violations(refused.value)
    never_read = "immutable" in violations.get("update_mask", "")
    assert never_read or any(path == named or path.startswith(f"{named}.") for path in violations), (
        f"{field} [{label}]: no violation names {named}: {violations}"
    )
    stored = await fingerprint(crm_server.server.components.database, tenant_id)
    assert {table: count for table, (count, _) in stored.items() if count} == {}


@pytest.mark.parametrize(
    ("field", "label", "values"),
    IGNORED_CASES,
    ids=[f"{field}[{label}]" for field, label, _ in IGNORED_CASES],
)
async def test_an_invalid_output_only_value_is_ignored_not_answered_opaquely(
    channel, field: CheckedField, label: str, values: dict[str, object]
):
    request = _request_with(field, values, random.randrange(1, 2**53))
    try:
        await field.rpc.on(channel)(request, timeout=30)
    except grpc.aio.AioRpcError as error:
        assert error.code() not in OPAQUE, f"{field} [{label}]: {error.code()} {error.details()}"
