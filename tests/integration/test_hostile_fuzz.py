"""Every unary RPC of every service, driven from the descriptors rather than by hand, is answered with a
status the client can act on, never INTERNAL or UNKNOWN, never past its deadline, and a refusal leaves the
tenant without events (every change emits one in its own transaction, so none means nothing committed).

Three kinds of request per RPC:
- five fixed variants whose every field holds an extreme value (the largest and smallest numbers, NaN and
  infinities, 100,000-character and control-laden strings, unknown enum numbers);
- CRM_FUZZ_EXAMPLES random requests (default 36) from a generator seeded by CRM_FUZZ_SEED (default fixed):
  each field present or not, plausible or hostile (invalid Timestamps, Dates and Money, random masks,
  garbage page tokens, huge repeated fields, unicode and NUL), each request for a fresh tenant, which a
  refusal must leave without a row in any table;
- CRM_FUZZ_BYTES random bodies (default 2) that are not the message at all.
CI runs the defaults: 50 RPCs x (5 + 36 + 2) = 2,150 requests per backend. `make fuzz` runs a larger,
differently seeded one (the seed is in every failure message, to replay it)."""

from __future__ import annotations

import asyncio
import math
import os
import random
import string
import uuid

import grpc
import pytest
from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message
from sqlalchemy import select

from crm.v2 import event_service_pb2
from crm.v2.event_service_pb2_grpc import EventServiceStub
from server.config import Settings
from storage.database import Database, open_database
from storage.schema import Base
from tests.support.descriptors import SERVICE_MODULES, UNARY_RPCS, Rpc

# What the test servers accept, their default.
MAX_MESSAGE_BYTES = Settings.model_fields["MAX_MESSAGE_BYTES"].default
# Statuses a server must never answer: they tell the client nothing it can act on.
OPAQUE = {grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN}
# Nested messages are filled this deep; a recursive type (Struct, a tree) stops there.
MAX_DEPTH = 3
REPEATED_COUNT = 3

SEED = int(os.environ.get("CRM_FUZZ_SEED", "20261203"))
EXAMPLES = int(os.environ.get("CRM_FUZZ_EXAMPLES", "36"))
RANDOM_BODIES = int(os.environ.get("CRM_FUZZ_BYTES", "2"))
# Random requests in flight at once per RPC (the server shares the test's event loop).
CONCURRENCY = 4

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
        _fill(entries[key], variant, tenant_id, depth + 1)  # type: ignore[index]
    else:
        entries[key] = _scalar(value_field, variant, tenant_id)  # type: ignore[index]


def _hostile(rpc: Rpc, variant: str, tenant_id: int) -> Message:
    request = rpc.new_request()
    _fill(request, variant, tenant_id)
    return request


class RandomRequests:
    """Random messages of any type: every field present or not, plausible or hostile, from one seed."""

    HOSTILE_STRINGS = (
        "",
        " ",
        "\x00",
        "../../etc/passwd",
        "\u202e\U0001f4a5 ünïcødé ✓",
        "'; DROP TABLE leads;--",
        "%s%n%x",
        "\ud7ff\ue000\uffff",
        "1e309",
        "-0",
        "NaN",
        "null",
        "*",
    )
    CURRENCIES = ("USD", "EUR", "JPY", "usd", "US", "XXX", "ZZZ", "", "USDD", "€")

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def request(self, rpc: Rpc, tenant_id: int) -> Message:
        message = rpc.new_request()
        self._fill(message, tenant_id, depth=0)
        return message

    def bytes_body(self) -> bytes:
        return self.rng.randbytes(self.rng.choice((1, 7, 64, 1024)))

    def _fill(self, message: Message, tenant_id: int, depth: int) -> None:
        rng = self.rng
        for field in message.DESCRIPTOR.fields:
            if field.name != "tenant_id" and rng.random() < 0.3:
                continue  # absent
            if field.type == FieldDescriptor.TYPE_MESSAGE:
                if depth >= MAX_DEPTH or field.message_type.GetOptions().map_entry:
                    continue
                if field.is_repeated:
                    for _ in range(self._count()):
                        self._fill(getattr(message, field.name).add(), tenant_id, depth + 1)
                else:
                    self._fill(getattr(message, field.name), tenant_id, depth + 1)
                    getattr(message, field.name).SetInParent()
            elif field.is_repeated:
                getattr(message, field.name).extend(
                    self._scalar(field, tenant_id) for _ in range(self._count())
                )
            else:
                setattr(message, field.name, self._scalar(field, tenant_id))

    def _count(self) -> int:
        roll = self.rng.random()
        return 1000 if roll < 0.02 else self.rng.randint(0, 4)  # now and then a huge repeated field

    def _scalar(self, field: FieldDescriptor, tenant_id: int) -> object:
        rng = self.rng
        plausible = rng.random() < 0.5
        kind, name = field.type, field.name
        if name == "tenant_id" and rng.random() < 0.9:
            return tenant_id
        if kind in _INT_RANGES:
            low, high = _INT_RANGES[kind]
            if name == "nanos" and plausible:
                return rng.choice((0, 500_000_000, 999_999_999, -1, 1_000_000_000, -999_999_999))
            if name == "seconds" and plausible:  # around the Timestamp range (years 1-9999)
                return rng.choice((0, 1_700_000_000, -62_135_596_800, 253_402_300_799, 253_402_300_800))
            if name in ("year", "month", "day") and plausible:
                return rng.choice((0, 1, 2, 12, 13, 28, 29, 31, 32, 2025, 9999, 10000))
            return rng.choice((0, 1, -1, 2, 7, 100, rng.randint(-1000, 1000), low, high))
        if kind in (FieldDescriptor.TYPE_DOUBLE, FieldDescriptor.TYPE_FLOAT):
            return rng.choice((0.0, 0.5, 1.0, -1.0, 1e308, -1e308, 5e-324, math.nan, math.inf, -math.inf))
        if kind == FieldDescriptor.TYPE_BOOL:
            return rng.random() < 0.5
        if kind == FieldDescriptor.TYPE_ENUM:
            numbers = [value.number for value in field.enum_type.values]
            return rng.choice((*numbers, *numbers, max(numbers) + 1, -1, 2**31 - 1))
        if kind == FieldDescriptor.TYPE_STRING:
            return self._string(field) if plausible else self._hostile_string()
        if kind == FieldDescriptor.TYPE_BYTES:
            return rng.randbytes(rng.randint(0, 64))
        raise AssertionError(f"unhandled field type {kind} of {field.full_name}")

    def _string(self, field: FieldDescriptor) -> str:
        rng, name = self.rng, field.name
        if name == "currency_code":
            return rng.choice(self.CURRENCIES)
        if name == "paths":
            return rng.choice(("*", "id", "tenant_id", "name", "status", "notes", "a.b", "", "no_such_field"))
        if name == "page_token":
            return rng.choice(("", "abc", "gAAAAA" + "x" * 40, "=" * 8, str(uuid.uuid4())))
        if name == "id" or name.endswith(("_id", "_ids")):
            return rng.choice((str(uuid.uuid4()), uuid.uuid4().hex, "{" + str(uuid.uuid4()) + "}", "0"))
        if "email" in name:
            return rng.choice(("a@example.com", "@", "a@", "a@b", "a" * 300 + "@example.com"))
        return "".join(rng.choice(string.printable) for _ in range(rng.choice((1, 8, 40, 300, 5000))))

    def _hostile_string(self) -> str:
        if self.rng.random() < 0.05:
            return "y" * self.rng.choice((10_000, 100_000))
        return self.rng.choice(self.HOSTILE_STRINGS)


def test_every_service_offers_unary_rpcs_to_fuzz():
    """Guards the fuzz itself: an import or descriptor mistake would leave it nothing to call."""
    assert len({rpc.service.full_name for rpc in UNARY_RPCS}) == len(SERVICE_MODULES)
    assert len(UNARY_RPCS) >= 50


def _refusal_problem(rpc: Rpc, request: Message | bytes, error: grpc.aio.AioRpcError, label: str) -> str:
    """Why this refusal is unacceptable, or "" when it is fine."""
    if error.code() in OPAQUE:
        return f"{rpc.name} [{label}]: {error.code()} {error.details()}"
    if error.code() == grpc.StatusCode.DEADLINE_EXCEEDED:
        return f"{rpc.name} [{label}] hung"
    size = len(request) if isinstance(request, bytes) else request.ByteSize()
    if error.code() == grpc.StatusCode.RESOURCE_EXHAUSTED and size <= MAX_MESSAGE_BYTES:
        # Only a request past the message limit may be refused so; a refusal whose own trailers are too
        # big for the client ("metadata size exceeds hard limit") loses its details.
        return f"{rpc.name} [{label}]: {error.details()}"
    return ""


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("rpc", UNARY_RPCS, ids=[rpc.name for rpc in UNARY_RPCS])
async def test_a_request_of_extreme_values_is_never_answered_opaquely(channel, tenant_id, rpc, variant):
    request = _hostile(rpc, variant, tenant_id)
    try:
        await rpc.on(channel)(request, timeout=30)
    except grpc.aio.AioRpcError as error:
        left = await EventServiceStub(channel).ListEvents(
            event_service_pb2.ListEventsRequest(tenant_id=tenant_id)
        )
        assert [e.type for e in left.events] == [], f"{rpc.name} [{variant}] refused after a change"
        assert _refusal_problem(rpc, request, error, variant) == ""


@pytest.mark.parametrize("rpc", UNARY_RPCS, ids=[rpc.name for rpc in UNARY_RPCS])
async def test_random_requests_are_never_answered_opaquely_and_a_refusal_changes_nothing(
    crm_server, channel, rpc, request
):
    seed = SEED * 1000 + UNARY_RPCS.index(rpc)
    generator = RandomRequests(seed)
    cases = [(generator.rng.randrange(1, 2**53), None) for _ in range(EXAMPLES)]
    cases = [(tenant, generator.request(rpc, tenant)) for tenant, _ in cases]
    bodies = [generator.bytes_body() for _ in range(RANDOM_BODIES)]
    gate = asyncio.Semaphore(CONCURRENCY)
    problems: list[str] = []
    refused_tenants: set[int] = set()

    async def send(index: int, tenant: int, message: Message) -> None:
        async with gate:
            try:
                await rpc.on(channel)(message, timeout=30)
            except grpc.aio.AioRpcError as error:
                refused_tenants.add(tenant)
                problems.append(_refusal_problem(rpc, message, error, f"seed {seed} example {index}"))

    async def send_bytes(index: int, body: bytes) -> None:
        raw = channel.unary_unary(
            f"/{rpc.service.full_name}/{rpc.method.name}",
            request_serializer=lambda b: b,
            response_deserializer=lambda b: b,
        )
        async with gate:
            try:
                await raw(body, timeout=30)
            except grpc.aio.AioRpcError as error:
                problems.append(_refusal_problem(rpc, body, error, f"seed {seed} body {index}"))

    await asyncio.gather(
        *(send(i, tenant, request) for i, (tenant, request) in enumerate(cases)),
        *(send_bytes(i, body) for i, body in enumerate(bodies)),
    )
    assert [p for p in problems if p] == []
    database = unwalled(crm_server, request)
    try:
        changed = await tenants_with_rows(database, refused_tenants)
    finally:
        await database.dispose()
    assert changed == {}, f"{rpc.name} [seed {seed}]: refused requests left rows: {changed}"


def unwalled(crm_server, request: pytest.FixtureRequest) -> Database:
    """The server's database as a role row-level security does not hold (PostgreSQL: the superuser), to
    look at many tenants' rows at once."""
    url = crm_server.server.settings.database_url
    if crm_server.backend == "postgres":
        url = request.getfixturevalue("postgres").superuser_url(url)
    return open_database(url, pool_size=1)


async def tenants_with_rows(database: Database, tenants: set[int]) -> dict[str, set[int]]:
    """Which of `tenants` have rows, per table (one query per tenant table for the lot)."""
    if not tenants:
        return {}
    found: dict[str, set[int]] = {}
    async with database.sessions() as session:
        for table in Base.metadata.sorted_tables:
            if "tenant_id" in table.c:
                stmt = select(table.c.tenant_id).where(table.c.tenant_id.in_(list(tenants))).distinct()
                if owners := set(await session.scalars(stmt)):
                    found[table.name] = owners
    return found
