"""The calls the benchmark measures: for each, its method, its kind (the target it is held to) and a
factory of distinct requests against a seeded tenant (a create never repeats a SKU or an email)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from google.protobuf.message import Message
from grpc_health.v1 import health_pb2

from crm.v2 import (
    contact_service_pb2,
    event_service_pb2,
    intelligence_service_pb2,
    inventory_service_pb2,
    lead_service_pb2,
    order_service_pb2,
    product_service_pb2,
)
from tests.bench.dataset import CATEGORIES, Tenant, new_lead, new_order, new_product, row_id

HEALTH = "grpc.health.v1.Health.Check"
PAGE = 20
SAMPLE = 2000  # distinct ids a read cycles through
_serial = itertools.count(1)


@dataclass(frozen=True, slots=True)
class Call:
    name: str
    method: str
    kind: str  # ceiling, read, list, analytic, write, order
    requests: Callable[[Tenant, int], list[Message]]

    @property
    def data_dependent(self) -> bool:
        """Measured at 1,000 and 1,000,000 rows (the issue's "non-analytic" calls)."""
        return self.kind in ("read", "list", "write", "order")


def _cycle(make: Callable[[str], Message], tenant: Tenant, kind: str, n: int) -> list[Message]:
    ids = tenant.ids(kind, min(n, SAMPLE), seed=next(_serial))
    return [make(ids[i % len(ids)]) for i in range(min(n, SAMPLE))]


def _unique(make: Callable[[int], Message], n: int) -> list[Message]:
    return [make(next(_serial)) for _ in range(n)]


def _order(tenant: Tenant, serial: int) -> Message:
    first = 1 + (serial * 7919) % tenant.rows
    second = 1 + (first + 1 + serial % 97) % tenant.rows
    if second == first:
        second = 1 + first % tenant.rows
    products = (row_id(tenant.id, "product", first), row_id(tenant.id, "product", second))
    return order_service_pb2.CreateOrderRequest(
        tenant_id=tenant.id, order=new_order(f"{tenant.id}-{serial}", products)
    )


CALLS: dict[str, Call] = {
    c.name: c
    for c in (
        Call("health", HEALTH, "ceiling", lambda t, n: [health_pb2.HealthCheckRequest()]),
        Call(
            "GetProduct",
            "crm.v2.ProductService.GetProduct",
            "read",
            lambda t, n: _cycle(
                lambda i: product_service_pb2.GetProductRequest(tenant_id=t.id, product_id=i), t, "product", n
            ),
        ),
        Call(
            "GetLead",
            "crm.v2.LeadService.GetLead",
            "read",
            lambda t, n: _cycle(
                lambda i: lead_service_pb2.GetLeadRequest(tenant_id=t.id, lead_id=i), t, "lead", n
            ),
        ),
        Call(
            "GetOrder",
            "crm.v2.OrderService.GetOrder",
            "read",
            lambda t, n: _cycle(
                lambda i: order_service_pb2.GetOrderRequest(tenant_id=t.id, order_id=i), t, "order", n
            ),
        ),
        Call(
            "GetContact",
            "crm.v2.ContactService.GetContact",
            "read",
            lambda t, n: _cycle(
                lambda i: contact_service_pb2.GetContactRequest(tenant_id=t.id, contact_id=i),
                t,
                "contact",
                n,
            ),
        ),
        Call(
            "GetInventory",
            "crm.v2.InventoryService.GetInventory",
            "read",
            lambda t, n: _cycle(
                lambda i: inventory_service_pb2.GetInventoryRequest(tenant_id=t.id, product_id=i),
                t,
                "product",
                n,
            ),
        ),
        Call(
            "ListProducts",
            "crm.v2.ProductService.ListProducts",
            "list",
            lambda t, n: [
                product_service_pb2.ListProductsRequest(tenant_id=t.id, page_size=PAGE, category=c)
                for c in CATEGORIES
            ],
        ),
        Call(
            "ListLeads",
            "crm.v2.LeadService.ListLeads",
            "list",
            lambda t, n: [lead_service_pb2.ListLeadsRequest(tenant_id=t.id, page_size=PAGE)],
        ),
        Call(
            "ListEvents",
            "crm.v2.EventService.ListEvents",
            "list",
            lambda t, n: [event_service_pb2.ListEventsRequest(tenant_id=t.id, page_size=PAGE)],
        ),
        Call(
            "RecommendCrossSell",
            "crm.v2.IntelligenceService.RecommendCrossSell",
            "analytic",
            lambda t, n: _cycle(
                lambda i: intelligence_service_pb2.RecommendCrossSellRequest(
                    tenant_id=t.id,
                    product_id=i,
                    type=intelligence_service_pb2.CROSS_SELL_TYPE_CROSS_SELL,
                    limit=5,
                ),
                t,
                "product",
                n,
            ),
        ),
        Call(
            "CreateLead",
            "crm.v2.LeadService.CreateLead",
            "write",
            lambda t, n: _unique(
                lambda s: lead_service_pb2.CreateLeadRequest(tenant_id=t.id, lead=new_lead(f"b{s}")), n
            ),
        ),
        Call(
            "CreateProduct",
            "crm.v2.ProductService.CreateProduct",
            "write",
            lambda t, n: _unique(
                lambda s: product_service_pb2.CreateProductRequest(
                    tenant_id=t.id, product=new_product(f"b{s}", CATEGORIES[s % len(CATEGORIES)])
                ),
                n,
            ),
        ),
        Call(
            "UpdateInventory",
            "crm.v2.InventoryService.UpdateInventory",
            "write",
            lambda t, n: _cycle(
                lambda i: inventory_service_pb2.UpdateInventoryRequest(
                    tenant_id=t.id,
                    product_id=i,
                    adjust_by=1,
                    reason="bench count",
                    movement_type=inventory_service_pb2.MOVEMENT_TYPE_ADJUSTMENT,
                ),
                t,
                "product",
                n,
            ),
        ),
        Call(
            "CreateOrder",
            "crm.v2.OrderService.CreateOrder",
            "order",
            lambda t, n: [_order(t, next(_serial)) for _ in range(n)],
        ),
    )
}
