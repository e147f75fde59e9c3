"""Tenant isolation, for every unary RPC of the contract, enumerated from the descriptors: a new RPC is
covered the day it is added, without a test of its own.

Tenant A holds one of each resource (tests/support/tenant_data.py). For each RPC the suite builds a valid
request that names tenant B and carries A's ids wherever the request takes an id (and, for a create, is A's
own create request under B's name): the answer is NOT_FOUND or PERMISSION_DENIED, or an answer that shows
nothing of A (none of A's data, none of A's ids the request did not carry), and A's rows are unchanged
(row count and hash of every table, before and after). With auth on, a token granting only tenant B that
names tenant A is refused with PERMISSION_DENIED, and A's rows are unchanged again.

A request the builder cannot make valid fails here (INVALID_ARGUMENT is not an acceptable answer: the
call must reach the code that looks A's ids up). The builder follows field-name conventions of the
contract (`*_id` names its resource, an update takes a resource and a mask), so give a new field a
conventional name or a value in PLAUSIBLE."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from dataclasses import dataclass

import grpc
import pytest
import pytest_asyncio
from google.protobuf import timestamp_pb2
from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message

from crm.v2 import event_service_pb2, event_service_pb2_grpc, lead_service_pb2, lead_service_pb2_grpc
from tests.conftest import PostgresDatabases, RunningServer, make_settings, serving
from tests.integration.test_auth import AUDIENCE, ISSUER, SECRET, bearer, token
from tests.support.descriptors import SERVICE_MODULES, UNARY_RPCS, Rpc
from tests.support.status import field_violations
from tests.support.tenant_data import SeededTenant, fingerprint, seed_tenant

ACCEPTED_REFUSALS = {grpc.StatusCode.NOT_FOUND, grpc.StatusCode.PERMISSION_DENIED}

# Which of A's resources an id field names, by its name (`*_ids` as its `*_id`).
RESOURCE_OF_ID_FIELD = {
    "lead_id": "lead",
    "source_lead_id": "lead",
    "contact_id": "contact",
    "deal_id": "deal",
    "supplier_id": "supplier",
    "product_id": "product",
    "order_id": "order",
    "workflow_id": "workflow",
    "offer_id": "offer",
    "purchase_order_id": "purchase_order",
    "entry_id": "risk_list_entry",
    "candidate_id": "candidate",
    "aggregate_id": "lead",  # the events of A's lead
}
# The text field an update changes (the first a resource has), with this value.
EDITABLE_FIELDS = ("notes", "description", "title", "name", "customer_name", "supplier_sku")
EDITED = "changed by tenant B"
# Values for fields a request needs that carry no id.
PLAUSIBLE: dict[str, object] = {
    "adjust_by": 1,
    "reason": "isolation check",
    "limit": 5,
    "days": 30,
    "result_limit": 10,
    "movement_limit": 5,
    "page_size": 10,
    "deal_title": "Converted",
    "actor": "tenant-b",
}


# Parts of a request that are requests of their own (what to change, the market to price for).
NESTED_REQUESTS = {"changes", "market_conditions"}


def _first_defined(field: FieldDescriptor) -> int:
    """The first value of an enum after its *_UNSPECIFIED zero (a required enum needs one)."""
    return next(value.number for value in field.enum_type.values if value.number != 0)


@dataclass
class World:
    running: RunningServer
    channel: grpc.aio.Channel
    a: SeededTenant


def _random_tenant() -> int:
    return random.randrange(1, 2**53)


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def shared_server(request: pytest.FixtureRequest) -> RunningServer:
    return request.getfixturevalue(f"{request.param}_server")


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def world(shared_server: RunningServer) -> AsyncIterator[World]:
    running = shared_server
    async with grpc.aio.insecure_channel(running.target) as channel:
        a = await seed_tenant(channel, _random_tenant())
        yield World(running, channel, a)


def _resource_field(field: FieldDescriptor, a: SeededTenant) -> Message | None:
    return a.resources.get(field.message_type.full_name) if field.message_type is not None else None


def request_of_tenant_b(rpc: Rpc, a: SeededTenant, tenant_b: int) -> Message:
    """A valid request of `rpc` that names tenant B and carries A's ids."""
    request = rpc.new_request()
    template = a.creates.get(rpc.request_type.full_name)
    if template is not None:  # A's own create (it names A's supplier, contact, lead, product) as B's
        request.CopyFrom(template)
    else:
        _fill(request, a)
    _retenant(request, tenant_b)
    return request


def _fill(request: Message, a: SeededTenant) -> None:
    edited: list[str] = []
    for field in request.DESCRIPTOR.fields:
        resource = RESOURCE_OF_ID_FIELD.get(field.name.removesuffix("s") if field.is_repeated else field.name)
        if field.type == FieldDescriptor.TYPE_STRING and resource is not None:
            if field.is_repeated:
                getattr(request, field.name).append(a.ids[resource])
            else:
                setattr(request, field.name, a.ids[resource])
        elif field.type == FieldDescriptor.TYPE_MESSAGE and (theirs := _resource_field(field, a)) is not None:
            if field.is_repeated:  # a batch of creates: A's resource as B's, as a single create carries it
                getattr(request, field.name).add().CopyFrom(theirs)
            else:
                edited = _edit(getattr(request, field.name), theirs)
        elif field.name in PLAUSIBLE:
            setattr(request, field.name, PLAUSIBLE[field.name])
        elif field.type == FieldDescriptor.TYPE_ENUM and not field.is_repeated:
            setattr(request, field.name, _first_defined(field))
        elif field.type == FieldDescriptor.TYPE_MESSAGE and field.name in NESTED_REQUESTS:
            _fill(getattr(request, field.name), a)
    if "update_mask" in request.DESCRIPTOR.fields_by_name and edited:
        request.update_mask.paths.extend(edited)  # type: ignore[attr-defined]


def _edit(target: Message, theirs: Message) -> list[str]:
    """`target` becomes A's resource by id with one text field changed; the mask paths of that change."""
    target.id = theirs.id  # type: ignore[attr-defined]
    for name in EDITABLE_FIELDS:
        if name in target.DESCRIPTOR.fields_by_name:
            setattr(target, name, EDITED)
            return [name]
    raise AssertionError(f"{target.DESCRIPTOR.full_name} has none of {EDITABLE_FIELDS} to update")


def _retenant(message: Message, tenant_id: int) -> None:
    """The request's tenant_id, and every tenant_id set in its messages, names `tenant_id`."""
    if "tenant_id" in message.DESCRIPTOR.fields_by_name:
        message.tenant_id = tenant_id  # type: ignore[attr-defined]
    for field, value in message.ListFields():
        if field.type == FieldDescriptor.TYPE_MESSAGE and not field.message_type.GetOptions().map_entry:
            for item in value if field.is_repeated else [value]:
                _retenant(item, tenant_id)


def shown_of(a: SeededTenant, request: Message, answer: str) -> list[str]:
    """What of A the answer shows: its data (the marker every text of A carries), or one of its ids, that
    the request did not carry itself (echoing the caller's own input, as "not found" does, is no leak)."""
    carried = str(request)
    shown = ["data"] if a.marker in answer and a.marker not in carried else []
    return shown + [name for name, value in a.ids.items() if value in answer and value not in carried]


def refused_for_carried_ids_only(error: grpc.aio.AioRpcError, a: SeededTenant) -> bool:
    """A create that names A's resources in its body (a deal of A's contact) is refused INVALID_ARGUMENT
    with a violation per reference, as for a made-up id: acceptable when every violation is such a
    reference, so that the call got past every other check to the lookup of A's ids."""
    if error.code() != grpc.StatusCode.INVALID_ARGUMENT:
        return False
    violations = field_violations(error)
    return bool(violations) and all(
        any(value in description for value in a.ids.values()) for description in violations.values()
    )


def carries_nothing_of(a: SeededTenant, request: Message) -> bool:
    """A request with none of A's ids or data has nothing of A to look up: a refusal for what this
    deployment lacks (a discovery without a sourcing crew) cannot be A's doing."""
    carried = str(request)
    return a.marker not in carried and not any(value in carried for value in a.ids.values())


def error_text(error: grpc.aio.AioRpcError) -> str:
    return f"{error.details()} {error.trailing_metadata()!r}"


def test_every_request_names_its_tenant():
    """The isolation rules start from tenant_id; a request without one would be outside them."""
    assert [rpc.name for rpc in UNARY_RPCS if "tenant_id" not in rpc.request_type.fields_by_name] == []


@pytest.mark.parametrize("rpc", UNARY_RPCS, ids=[rpc.name for rpc in UNARY_RPCS])
async def test_tenant_b_gets_nothing_of_tenant_a(world: World, rpc: Rpc):
    a, database = world.a, world.running.server.components.database
    request = request_of_tenant_b(rpc, a, _random_tenant())  # a B of its own: nothing from other RPCs
    before = await fingerprint(database, a.tenant_id)
    try:
        answer = await rpc.on(world.channel)(request, timeout=30)
    except grpc.aio.AioRpcError as error:
        accepted = (
            error.code() in ACCEPTED_REFUSALS
            or refused_for_carried_ids_only(error, a)
            or (error.code() == grpc.StatusCode.FAILED_PRECONDITION and carries_nothing_of(a, request))
        )
        assert accepted, f"{rpc.name}: {error.code().name} {error.details()}"
        assert shown_of(a, request, error_text(error)) == []
    else:
        assert shown_of(a, request, str(answer)) == [], f"{rpc.name} answered with A's: {answer}"
    assert await fingerprint(database, a.tenant_id) == before, f"{rpc.name} changed tenant A's rows"


@dataclass
class GuardedWorld:
    running: RunningServer
    channel: grpc.aio.Channel
    a: SeededTenant
    tenant_b: int
    b_token: str


@pytest_asyncio.fixture(scope="module", loop_scope="session", params=["sqlite", "postgres"])
async def guarded(request: pytest.FixtureRequest, tmp_path_factory) -> AsyncIterator[GuardedWorld]:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('isolation') / 'crm.db'}"
    else:
        postgres: PostgresDatabases = request.getfixturevalue("postgres")
        url = postgres.new_database("isolation")
    settings = make_settings(
        url, AUTH_MODE="jwt", JWT_SECRET=SECRET, JWT_AUDIENCE=AUDIENCE, JWT_ISSUER=ISSUER
    )
    tenant_a, tenant_b = _random_tenant(), _random_tenant()
    async with serving(settings, request.param) as running:
        async with grpc.aio.insecure_channel(running.target) as channel:
            a_token = token(tenants=[tenant_a], roles=("admin",))
            a = await seed_tenant(channel, tenant_a, metadata=bearer(a_token))
            b_token = token(tenants=[tenant_b], roles=("admin",))
            yield GuardedWorld(running, channel, a, tenant_b, b_token)


@pytest.mark.parametrize("rpc", UNARY_RPCS, ids=[rpc.name for rpc in UNARY_RPCS])
async def test_a_token_of_tenant_b_naming_tenant_a_is_permission_denied(guarded: GuardedWorld, rpc: Rpc):
    a, database = guarded.a, guarded.running.server.components.database
    request = request_of_tenant_b(rpc, a, guarded.tenant_b)
    _retenant(request, a.tenant_id)
    before = await fingerprint(database, a.tenant_id)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await rpc.on(guarded.channel)(request, timeout=30, metadata=bearer(guarded.b_token))
    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED, refused.value.details()
    assert await fingerprint(database, a.tenant_id) == before, f"{rpc.name} changed tenant A's rows"


def _streaming_rpcs() -> list[str]:
    return [
        f"{service.name}.{method.name}"
        for module in SERVICE_MODULES
        for service in module.DESCRIPTOR.services_by_name.values()
        for method in service.methods
        if method.server_streaming or method.client_streaming
    ]


# The streaming RPCs, each with its isolation test here (the walk above covers the unary ones).
STREAMING_ISOLATION_TESTS = {"EventService.WatchEvents": "test_a_watch_of_tenant_b_replays_nothing_of_a"}


def test_every_streaming_rpc_has_an_isolation_test():
    assert sorted(_streaming_rpcs()) == sorted(STREAMING_ISOLATION_TESTS)
    assert all(name in globals() for name in STREAMING_ISOLATION_TESTS.values())


async def test_a_watch_of_tenant_b_replays_nothing_of_a(world: World):
    """From the beginning of time, B's watch replays and tails: the first event it sees is B's own."""
    tenant_b = _random_tenant()
    events = event_service_pb2_grpc.EventServiceStub(world.channel)
    stream = events.WatchEvents(
        event_service_pb2.WatchEventsRequest(
            tenant_id=tenant_b, start_time=timestamp_pb2.Timestamp(seconds=0)
        )
    )
    await stream.wait_for_connection()
    leads = lead_service_pb2_grpc.LeadServiceStub(world.channel)
    mine = await leads.CreateLead(
        lead_service_pb2.CreateLeadRequest(
            tenant_id=tenant_b,
            lead=lead_service_pb2.Lead(
                first_name="Bea",
                last_name="Bee",
                email="bea@example.com",
                source=lead_service_pb2.LEAD_SOURCE_OTHER,
            ),
        )
    )
    first = await asyncio.wait_for(stream.read(), 30)
    stream.cancel()
    assert (first.tenant_id, first.aggregate_id) == (tenant_b, mine.id)
