"""A single-resource read is one round trip to PostgreSQL: its tenant scope and statements go out in one
pipeline (docs/performance.md). Counted on the real server, for every Get RPC of a resource the seeded
tenant holds, for every List RPC's first page, and for a list page whose total is past the exact count (its
page, capped count and the planner's estimate go together)."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator

import grpc
import pytest
import pytest_asyncio

from domain.tenancy import acting_for
from server.logging import current_call
from storage.execution import PsycopgSql
from storage.paging import TOTAL_EXACT_UP_TO
from tests.conftest import RunningServer
from tests.integration.conftest_catalog import seed_products
from tests.support.descriptors import UNARY_RPCS
from tests.support.tenant_data import SeededTenant, seed_tenant

# Get RPC -> (its id field, the seeded resource it names)
READS = {
    "LeadService.GetLead": ("lead_id", "lead"),
    "ContactService.GetContact": ("contact_id", "contact"),
    "DealService.GetDeal": ("deal_id", "deal"),
    "SupplierService.GetSupplier": ("supplier_id", "supplier"),
    "ProductService.GetProduct": ("product_id", "product"),
    "OrderService.GetOrder": ("order_id", "order"),
    "InventoryService.GetInventory": ("product_id", "product"),
    "WorkflowService.GetWorkflow": ("workflow_id", "workflow"),
    "SupplyService.GetOffer": ("offer_id", "offer"),
    "PurchaseOrderService.GetPurchaseOrder": ("purchase_order_id", "purchase_order"),
    "SourcingService.GetCandidate": ("candidate_id", "candidate"),
}
# List RPCs over the rows seed_products writes; one of each way a page and its total are read
# (storage/paging.list_page and page_and_total)
LISTS = ("ProductService.ListProducts", "InventoryService.ListInventory")
RPCS = {rpc.name: rpc for rpc in UNARY_RPCS}


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def seeded(postgres_server: RunningServer) -> AsyncIterator[tuple[grpc.aio.Channel, SeededTenant]]:
    async with grpc.aio.insecure_channel(postgres_server.target) as channel:
        yield channel, await seed_tenant(channel, random.randrange(1, 2**53))


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def crowded(postgres_server: RunningServer) -> AsyncIterator[tuple[grpc.aio.Channel, int]]:
    """A tenant with more products (and levels) than a list counts exactly."""
    tenant_id = random.randrange(1, 2**53)
    with acting_for(tenant_id):
        await seed_products(postgres_server.server.components.database, tenant_id, TOTAL_EXACT_UP_TO + 20)
    async with grpc.aio.insecure_channel(postgres_server.target) as channel:
        yield channel, tenant_id


async def round_trips_of(call, monkeypatch: pytest.MonkeyPatch) -> int:
    round_trips = 0
    read = PsycopgSql._alone

    async def counted(self: PsycopgSql, runs: object) -> None:
        nonlocal round_trips
        # the call's own, not the server's background tasks' (relay, runner claims, health monitor)
        if current_call.get() is not None:
            round_trips += 1
        await read(self, runs)  # type: ignore[arg-type]

    with monkeypatch.context() as patched:
        patched.setattr(PsycopgSql, "_alone", counted)
        await call()
    return round_trips


@pytest.mark.parametrize("name", LISTS)
async def test_a_list_page_past_the_exact_count_is_one_round_trip(crowded, name: str, monkeypatch):
    channel, tenant_id = crowded
    request = RPCS[name].new_request()
    request.tenant_id = tenant_id  # type: ignore[attr-defined]
    request.page_size = 5  # type: ignore[attr-defined]
    listed = await RPCS[name].on(channel)(request, timeout=30)  # warm: statements prepared
    assert listed.total_size > TOTAL_EXACT_UP_TO  # the planner's estimate, never less than counted

    assert await round_trips_of(lambda: RPCS[name].on(channel)(request, timeout=30), monkeypatch) == 1


LIST_RPCS = sorted(name for name in RPCS if name.split(".")[1].startswith("List"))


@pytest.mark.parametrize("name", LIST_RPCS)
async def test_a_list_page_is_one_round_trip(seeded, name: str, monkeypatch: pytest.MonkeyPatch):
    channel, tenant = seeded
    rpc = RPCS[name]
    request = rpc.new_request()
    request.tenant_id = tenant.tenant_id  # type: ignore[attr-defined]
    await rpc.on(channel)(request, timeout=30)  # warm: statements prepared, caches filled

    assert await round_trips_of(lambda: rpc.on(channel)(request, timeout=30), monkeypatch) == 1


@pytest.mark.parametrize("name", sorted(READS))
async def test_a_get_is_one_round_trip(seeded, name: str, monkeypatch: pytest.MonkeyPatch):
    channel, tenant = seeded
    field, resource = READS[name]
    rpc = RPCS[name]
    request = rpc.new_request()
    request.tenant_id = tenant.tenant_id  # type: ignore[attr-defined]
    setattr(request, field, tenant.ids[resource])
    await rpc.on(channel)(request, timeout=30)  # warm: statements prepared, caches filled

    assert await round_trips_of(lambda: rpc.on(channel)(request, timeout=30), monkeypatch) == 1
