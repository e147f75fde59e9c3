"""An order's lines are reserved in one round trip to PostgreSQL whatever their number: each line's
conditional UPDATE goes out in one pipeline, in product-id order (so two orders still lock shared levels in
one order). Counted on the real server through a real channel."""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable
from typing import Any

import grpc
import psycopg
import pytest

from crm.v2 import order_service_pb2_grpc, product_service_pb2_grpc
from server.logging import current_call
from storage.execution import PsycopgSql
from tests.conftest import RunningServer
from tests.integration.conftest_orders import place, stocked_product


async def test_more_lines_cost_no_more_round_trips(
    postgres_server: RunningServer, monkeypatch: pytest.MonkeyPatch
):
    tenant_id = random.randrange(1, 2**53)
    async with grpc.aio.insecure_channel(postgres_server.target) as channel:
        orders = order_service_pb2_grpc.OrderServiceStub(channel)
        products = product_service_pb2_grpc.ProductServiceStub(channel)
        stocked = [await stocked_product(products, tenant_id, 100) for _ in range(3)]
        await place(orders, tenant_id, *((p.id, 1) for p in stocked))  # warm: statements prepared

        syncs: list[str] = []
        monkeypatch.setattr(
            psycopg.AsyncPipeline, "sync", counting(psycopg.AsyncPipeline.sync, "sync", syncs)
        )
        counts = []
        for lines in (1, 3):
            syncs.clear()
            await place(orders, tenant_id, *((p.id, 1) for p in stocked[:lines]))
            counts.append(len(syncs))

    assert 0 < counts[0] == counts[1], f"1 line: {counts[0]} round trips, 3 lines: {counts[1]}"


async def test_an_order_is_four_round_trips(postgres_server: RunningServer, monkeypatch: pytest.MonkeyPatch):
    """Its reads (the catalog, the customer's history, the lists that concern it), its stock, its number (on
    a pool of its own, committed apart) and its commit (with the rows and events sent ahead)."""
    tenant_id = random.randrange(1, 2**53)
    async with grpc.aio.insecure_channel(postgres_server.target) as channel:
        orders = order_service_pb2_grpc.OrderServiceStub(channel)
        products = product_service_pb2_grpc.ProductServiceStub(channel)
        stocked = await stocked_product(products, tenant_id, 100)
        await place(orders, tenant_id, (stocked.id, 1))  # warm: statements prepared

        waits: list[str] = []
        for owner, name in ((psycopg.AsyncPipeline, "sync"), (PsycopgSql, "commit"), (PsycopgSql, "_alone")):
            monkeypatch.setattr(owner, name, counting(getattr(owner, name), name, waits))
        await place(orders, tenant_id, (stocked.id, 1))

    assert sorted(waits) == ["_alone", "commit", "sync", "sync"], waits


def counting(
    wait: Callable[..., Awaitable[None]], name: str, waits: list[str]
) -> Callable[..., Awaitable[None]]:
    """`wait`, noting each wait of a CreateOrder call: the server's background tasks (the relay's next
    batch after the warm-up order's commit, the runner's claims) share the process and are not counted."""

    async def counted(*args: Any) -> None:
        call = current_call.get()
        if call is not None and call.rpc == "/crm.v2.OrderService/CreateOrder":
            waits.append(name)
        await wait(*args)

    return counted
