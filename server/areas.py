"""The areas the server is made of. Each serves one crm.v2 service; its `wiring.build` makes the servicer
from the components. Registration is explicit: a service of the contract without an area here fails a test,
and an area that cannot be built stops start-up with its name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import grpc

from crm.v2 import (
    analytics_service_pb2_grpc,
    contact_service_pb2_grpc,
    deal_service_pb2_grpc,
    event_service_pb2_grpc,
    intelligence_service_pb2_grpc,
    inventory_service_pb2_grpc,
    lead_service_pb2_grpc,
    order_service_pb2_grpc,
    product_service_pb2_grpc,
    prototype_rest_service_pb2_grpc,
    purchase_order_service_pb2_grpc,
    sourcing_service_pb2_grpc,
    supplier_service_pb2_grpc,
    supply_service_pb2_grpc,
    system_service_pb2_grpc,
    workflow_service_pb2_grpc,
)
from server.analytics import wiring as analytics
from server.catalog import wiring as catalog
from server.contacts import wiring as contacts
from server.deals import wiring as deals
from server.events import wiring as events
from server.intelligence import wiring as intelligence
from server.inventory import wiring as inventory
from server.leads import wiring as leads
from server.orders import wiring as orders
from server.prototype import wiring as prototype
from server.purchasing import wiring as purchasing
from server.sourcing import wiring as sourcing
from server.suppliers import wiring as suppliers
from server.supply import wiring as supply
from server.system import wiring as system
from server.workflows import wiring as workflows

if TYPE_CHECKING:
    from server.bootstrap import Components


@dataclass(frozen=True, slots=True)
class Area:
    name: str
    service: str  # the full name of the crm.v2 service it serves
    build: Callable[[Components], Any]
    add_to_server: Callable[[Any, grpc.aio.Server], None]


AREAS: tuple[Area, ...] = (
    Area("leads", "crm.v2.LeadService", leads.build, lead_service_pb2_grpc.add_LeadServiceServicer_to_server),
    Area(
        "contacts",
        "crm.v2.ContactService",
        contacts.build,
        contact_service_pb2_grpc.add_ContactServiceServicer_to_server,
    ),
    Area("deals", "crm.v2.DealService", deals.build, deal_service_pb2_grpc.add_DealServiceServicer_to_server),
    Area(
        "catalog",
        "crm.v2.ProductService",
        catalog.build,
        product_service_pb2_grpc.add_ProductServiceServicer_to_server,
    ),
    Area(
        "suppliers",
        "crm.v2.SupplierService",
        suppliers.build,
        supplier_service_pb2_grpc.add_SupplierServiceServicer_to_server,
    ),
    Area(
        "supply",
        "crm.v2.SupplyService",
        supply.build,
        supply_service_pb2_grpc.add_SupplyServiceServicer_to_server,
    ),
    Area(
        "orders",
        "crm.v2.OrderService",
        orders.build,
        order_service_pb2_grpc.add_OrderServiceServicer_to_server,
    ),
    Area(
        "purchasing",
        "crm.v2.PurchaseOrderService",
        purchasing.build,
        purchase_order_service_pb2_grpc.add_PurchaseOrderServiceServicer_to_server,
    ),
    Area(
        "inventory",
        "crm.v2.InventoryService",
        inventory.build,
        inventory_service_pb2_grpc.add_InventoryServiceServicer_to_server,
    ),
    Area(
        "sourcing",
        "crm.v2.SourcingService",
        sourcing.build,
        sourcing_service_pb2_grpc.add_SourcingServiceServicer_to_server,
    ),
    Area(
        "intelligence",
        "crm.v2.IntelligenceService",
        intelligence.build,
        intelligence_service_pb2_grpc.add_IntelligenceServiceServicer_to_server,
    ),
    Area(
        "workflows",
        "crm.v2.WorkflowService",
        workflows.build,
        workflow_service_pb2_grpc.add_WorkflowServiceServicer_to_server,
    ),
    Area(
        "analytics",
        "crm.v2.AnalyticsService",
        analytics.build,
        analytics_service_pb2_grpc.add_AnalyticsServiceServicer_to_server,
    ),
    Area(
        "events",
        "crm.v2.EventService",
        events.build,
        event_service_pb2_grpc.add_EventServiceServicer_to_server,
    ),
    Area(
        "system",
        "crm.v2.SystemService",
        system.build,
        system_service_pb2_grpc.add_SystemServiceServicer_to_server,
    ),
    Area(
        "prototype",
        "crm.v2.PrototypeRestService",
        prototype.build,
        prototype_rest_service_pb2_grpc.add_PrototypeRestServiceServicer_to_server,
    ),
)


class AreaFailed(RuntimeError):
    """An area's wiring raised while building its servicer; start-up stops."""


def build_servicers(components: Components, areas: tuple[Area, ...] = AREAS) -> list[tuple[Area, Any]]:
    """Every area's servicer, built now so that a broken area stops start-up before the port is bound."""
    built = []
    for area in areas:
        try:
            built.append((area, area.build(components)))
        except Exception as exc:
            raise AreaFailed(f"the {area.name} area could not be built: {exc}") from exc
    return built


def service_names() -> list[str]:
    return [area.service for area in AREAS]
