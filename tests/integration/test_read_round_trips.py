"""A single-resource read is one round trip to PostgreSQL: its BEGIN READ ONLY, tenant scope, statements and
COMMIT go out in one pipeline (docs/performance.md). Counted on the real server, for every Get RPC of a
resource the seeded tenant holds."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator

import grpc
import pytest
import pytest_asyncio

from storage.execution import PsycopgSql
from tests.conftest import RunningServer
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
RPCS = {rpc.name: rpc for rpc in UNARY_RPCS}


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def seeded(postgres_server: RunningServer) -> AsyncIterator[tuple[grpc.aio.Channel, SeededTenant]]:
    async with grpc.aio.insecure_channel(postgres_server.target) as channel:
        yield channel, await seed_tenant(channel, random.randrange(1, 2**53))


@pytest.mark.parametrize("name", sorted(READS))
async def test_a_get_is_one_round_trip(seeded, name: str, monkeypatch: pytest.MonkeyPatch):
    channel, tenant = seeded
    field, resource = READS[name]
    rpc = RPCS[name]
    request = rpc.new_request()
    request.tenant_id = tenant.tenant_id  # type: ignore[attr-defined]
    setattr(request, field, tenant.ids[resource])
    await rpc.on(channel)(request, timeout=30)  # warm: statements prepared, caches filled

    round_trips = 0
    read = PsycopgSql._alone

    async def counted(self: PsycopgSql, runs: object) -> None:
        nonlocal round_trips
        round_trips += 1
        await read(self, runs)  # type: ignore[arg-type]

    monkeypatch.setattr(PsycopgSql, "_alone", counted)
    await rpc.on(channel)(request, timeout=30)
    assert round_trips == 1
