"""The field rules the contract declares in its protos (protovalidate's buf.validate annotations) hold on
every RPC, worded as every other violation, and are declared wherever the contract has such a field: a new
RPC is covered the day it is added. Each RPC's own code checks nothing of them, so an RPC that skipped the
declared rules would take a negative tenant as a tenant."""

from __future__ import annotations

import math
from collections.abc import AsyncIterator

import grpc
import pytest
import pytest_asyncio
from buf.validate import validate_pb2
from google.protobuf.descriptor import FieldDescriptor

from server.edge.field_rules import RULE_WORDING
from tests.conftest import RunningServer
from tests.support.descriptors import UNARY_RPCS, Rpc, message_fields
from tests.support.status import field_violations


def declared(field: FieldDescriptor) -> validate_pb2.FieldRules:
    return field.GetOptions().Extensions[validate_pb2.field]


def declares(rpc: Rpc, field: str, kind: str, rule: str, value: int) -> bool:
    """Whether the request's `field` declares `kind.rule = value` (e.g. int64.gt = 0)."""
    rules = getattr(declared(rpc.request_type.fields_by_name[field]), kind)
    return bool(rules.HasField(rule)) and getattr(rules, rule) == value


def test_every_tenant_id_of_a_request_is_declared_positive():
    assert [rpc.name for rpc in UNARY_RPCS if not declares(rpc, "tenant_id", "int64", "gt", 0)] == []


def test_every_page_size_is_declared_not_negative():
    paged = [rpc for rpc in UNARY_RPCS if "page_size" in rpc.request_type.fields_by_name]
    assert len(paged) >= 10
    assert [rpc.name for rpc in paged if not declares(rpc, "page_size", "int32", "gte", 0)] == []


def rule_ids(rules: validate_pb2.FieldRules) -> set[str]:
    """`int64.gt`, `double.gte_lte`, … : the rules set on one field, named as protovalidate names their
    violations (a lower and an upper bound together are one range rule)."""
    ids = set()
    for kind, typed in rules.ListFields():
        if kind.message_type is None:
            continue
        names = [rule.name for rule, _ in typed.ListFields()]
        lower = [name for name in names if name in ("gt", "gte")]
        upper = [name for name in names if name in ("lt", "lte")]
        if lower and upper:
            names = [name for name in names if name not in (*lower, *upper)] + [f"{lower[0]}_{upper[0]}"]
        ids.update(f"{kind.name}.{name}" for name in names)
    return ids


def test_every_rule_the_contract_declares_is_worded_as_the_service_words_violations():
    declared_ids = {
        rule_id
        for rpc in UNARY_RPCS
        for path in message_fields(rpc.request_type)
        for rule_id in rule_ids(declared(path[-1]))
    }
    assert declared_ids  # the walk found the rules
    assert declared_ids - set(RULE_WORDING) == set()


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def shared_channel(sqlite_server: RunningServer) -> AsyncIterator[grpc.aio.Channel]:
    async with grpc.aio.insecure_channel(sqlite_server.target) as channel:
        yield channel


async def refusal(channel: grpc.aio.Channel, rpc: Rpc, **fields: float) -> dict[str, str]:
    request = rpc.new_request()
    for name, value in fields.items():
        setattr(request, name, value)
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await rpc.on(channel)(request, timeout=30)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT, refused.value.details()
    return field_violations(refused.value)


@pytest.mark.parametrize("rpc", UNARY_RPCS, ids=[rpc.name for rpc in UNARY_RPCS])
async def test_a_request_of_a_negative_tenant_is_refused_naming_it(shared_channel, rpc: Rpc):
    violations = await refusal(shared_channel, rpc, tenant_id=-7)
    assert violations["tenant_id"] == "must be a positive tenant id"


PAGED = [rpc for rpc in UNARY_RPCS if "page_size" in rpc.request_type.fields_by_name]


@pytest.mark.parametrize("rpc", PAGED, ids=[rpc.name for rpc in PAGED])
async def test_a_negative_page_size_is_refused_naming_it(shared_channel, rpc: Rpc):
    violations = await refusal(shared_channel, rpc, tenant_id=1, page_size=-1)
    assert violations["page_size"] == "must not be negative"


# The other declared rules, each with the words its check in code had before it moved into the schema.
WORDED_AS_BEFORE = [
    ("InventoryService.GetInventory", {"movement_limit": -1}, "movement_limit", "must not be negative"),
    ("InventoryService.UpdateInventory", {"set_available": -3}, "set_available", "must not be negative"),
    ("InventoryService.UpdateInventory", {"adjust_by": 0}, "adjust_by", "must not be zero"),
    ("InventoryService.UpdateInventory", {"reorder_point": -1}, "reorder_point", "must not be negative"),
    (
        "InventoryService.UpdateInventory",
        {"reorder_quantity": -1},
        "reorder_quantity",
        "must not be negative",
    ),
    ("InventoryService.UpdateInventory", {"max_stock": -1}, "max_stock", "must not be negative"),
    ("SourcingService.ListCandidates", {"min_score": 100.5}, "min_score", "must be between 0 and 100"),
    ("SourcingService.ListCandidates", {"min_score": -0.5}, "min_score", "must be between 0 and 100"),
    ("SourcingService.ListCandidates", {"min_score": math.nan}, "min_score", "must be between 0 and 100"),
]
RPC_BY_NAME = {rpc.name: rpc for rpc in UNARY_RPCS}


@pytest.mark.parametrize(("rpc_name", "fields", "field", "words"), WORDED_AS_BEFORE)
async def test_a_declared_rule_is_refused_in_the_words_it_always_had(
    shared_channel, rpc_name: str, fields: dict[str, float], field: str, words: str
):
    violations = await refusal(shared_channel, RPC_BY_NAME[rpc_name], tenant_id=1, **fields)
    assert violations[field] == words
