"""One stub fixture per service, on the `channel` of the root conftest (so once per backend). The area
modules conftest_*.py hold the factories and readers the tests import."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import grpc
import pytest

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
    purchase_order_service_pb2_grpc,
    sourcing_service_pb2_grpc,
    supplier_service_pb2_grpc,
    supply_service_pb2_grpc,
    workflow_service_pb2_grpc,
)

Stub = TypeVar("Stub")


@dataclass(frozen=True)
class OwnDatabase:
    backend: str
    url: str  # the service's
    migration_url: str  # the owner's (the same on SQLite)


@pytest.fixture(params=["sqlite", "postgres"])
def own_database(request: pytest.FixtureRequest, tmp_path: Path) -> OwnDatabase:
    """An empty database of the test's own (for a server or components it builds itself), once per backend."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'crm.db'}"
        return OwnDatabase("sqlite", url, url)
    postgres = request.getfixturevalue("postgres")
    url = postgres.new_database()
    return OwnDatabase("postgres", url, postgres.migration_url(url))


def stub_fixture(stub: Callable[[grpc.aio.Channel], Stub]) -> Any:
    """A fixture of the service's stub; pytest names it after the module attribute it is assigned to."""

    def on_channel(channel: grpc.aio.Channel) -> Stub:
        return stub(channel)

    return pytest.fixture(on_channel)


analytics = stub_fixture(analytics_service_pb2_grpc.AnalyticsServiceStub)
contacts = stub_fixture(contact_service_pb2_grpc.ContactServiceStub)
deals = stub_fixture(deal_service_pb2_grpc.DealServiceStub)
events = stub_fixture(event_service_pb2_grpc.EventServiceStub)
intelligence = stub_fixture(intelligence_service_pb2_grpc.IntelligenceServiceStub)
inventory = stub_fixture(inventory_service_pb2_grpc.InventoryServiceStub)
leads = stub_fixture(lead_service_pb2_grpc.LeadServiceStub)
orders = stub_fixture(order_service_pb2_grpc.OrderServiceStub)
products = stub_fixture(product_service_pb2_grpc.ProductServiceStub)
# The intelligence tests' name for the product service: the catalog they analyse.
catalog = stub_fixture(product_service_pb2_grpc.ProductServiceStub)
sourcing = stub_fixture(sourcing_service_pb2_grpc.SourcingServiceStub)
suppliers = stub_fixture(supplier_service_pb2_grpc.SupplierServiceStub)
supply = stub_fixture(supply_service_pb2_grpc.SupplyServiceStub)
purchasing = stub_fixture(purchase_order_service_pb2_grpc.PurchaseOrderServiceStub)
workflows = stub_fixture(workflow_service_pb2_grpc.WorkflowServiceStub)
