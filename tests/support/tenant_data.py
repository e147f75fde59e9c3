"""A tenant holding one of each resource, made through the real channel, and a fingerprint of every row a
tenant owns (row counts and a hash per table), so a test can tell whether anything of the tenant changed.

Every text the seeding writes carries the tenant's `marker`, so an answer that shows any of its data to
someone else can be spotted without knowing which field it would travel in."""

from __future__ import annotations

import asyncio
import hashlib
import secrets
import string
import time
from dataclasses import dataclass, field
from decimal import Decimal

import grpc
from google.protobuf.message import Message
from google.type import money_pb2, postal_address_pb2
from sqlalchemy import select

from crm.v2 import contact_service_pb2 as cpb
from crm.v2 import (
    contact_service_pb2_grpc,
    deal_service_pb2_grpc,
    lead_service_pb2_grpc,
    order_service_pb2_grpc,
    product_service_pb2_grpc,
    purchase_order_service_pb2_grpc,
    sourcing_service_pb2_grpc,
    supplier_service_pb2_grpc,
    supply_service_pb2_grpc,
    workflow_service_pb2_grpc,
)
from crm.v2 import deal_service_pb2 as dpb
from crm.v2 import lead_service_pb2 as lpb
from crm.v2 import order_service_pb2 as opb
from crm.v2 import product_service_pb2 as ppb
from crm.v2 import purchase_order_service_pb2 as popb
from crm.v2 import sourcing_service_pb2 as srcpb
from crm.v2 import supplier_service_pb2 as spb
from crm.v2 import supply_service_pb2 as sopb
from crm.v2 import workflow_service_pb2 as wpb
from domain.tenancy import acting_for
from storage.database import Database
from storage.schema import Base

FINISHED_WORKFLOW = {wpb.WORKFLOW_STATE_SUCCEEDED, wpb.WORKFLOW_STATE_FAILED, wpb.WORKFLOW_STATE_CANCELLED}


def money(amount: str, currency: str = "USD") -> money_pb2.Money:
    value = Decimal(amount)
    units = int(value)
    return money_pb2.Money(currency_code=currency, units=units, nanos=int((value - units) * 1_000_000_000))


@dataclass
class SeededTenant:
    tenant_id: int
    marker: str
    # resource name (lead, contact, deal, supplier, product, order, workflow) -> its id
    ids: dict[str, str] = field(default_factory=dict)
    # the full name of each create request's type -> the request that made the tenant's resource
    creates: dict[str, Message] = field(default_factory=dict)
    # the full name of each resource's message type (crm.v2.Lead, ...) -> the resource as stored
    resources: dict[str, Message] = field(default_factory=dict)

    def _made(self, name: str, request: Message, resource: Message) -> None:
        self.ids[name] = getattr(resource, "id")  # noqa: B009 - every resource message has an id
        self.creates[request.DESCRIPTOR.full_name] = request
        self.resources[resource.DESCRIPTOR.full_name] = resource


def new_marker() -> str:
    """Letters only, so that every name and title field accepts it."""
    return "Zq" + "".join(secrets.choice(string.ascii_lowercase) for _ in range(12))


async def seed_tenant(channel: grpc.aio.Channel, tenant_id: int, *, metadata: tuple = ()) -> SeededTenant:
    """One lead, contact, deal (of the contact and lead), supplier, product (of the supplier, in stock),
    offer (of the supplier for the product), replenishment purchase order (of the product), order (of the
    product), risk list entry, sourcing candidate (of the supplier) and finished classification workflow (of
    the product) for `tenant_id`."""
    tenant = SeededTenant(tenant_id, new_marker())
    m, options = tenant.marker, {"metadata": metadata}

    request: Message = spb.CreateSupplierRequest(
        tenant_id=tenant_id,
        supplier=spb.Supplier(
            name=f"{m} Iron Works", marketplace=spb.MARKETPLACE_ALIBABA, contact_email=f"{m}@example.com"
        ),
    )
    stub_s = supplier_service_pb2_grpc.SupplierServiceStub(channel)
    tenant._made("supplier", request, await stub_s.CreateSupplier(request, **options))

    request = ppb.CreateProductRequest(
        tenant_id=tenant_id,
        product=ppb.Product(
            sku=f"SKU-{m}",
            title=f"{m} Dumbbell",
            category="fitness",
            status=ppb.PRODUCT_STATUS_ACTIVE,
            supplier_id=tenant.ids["supplier"],
            initial_stock=50,
            pricing=ppb.ProductPricing(source_price=money("10.00"), current_selling_price=money("20.00")),
        ),
        request_id=f"seed-{m}-product",
    )
    stub_p = product_service_pb2_grpc.ProductServiceStub(channel)
    tenant._made("product", request, await stub_p.CreateProduct(request, **options))

    request = sopb.CreateOfferRequest(
        tenant_id=tenant_id,
        offer=sopb.SupplierOffer(
            product_id=tenant.ids["product"],
            supplier_id=tenant.ids["supplier"],
            supplier_sku=f"{m}-SKU",
            unit_cost=money("8.00"),
            shipping_cost=money("1.00"),
        ),
        request_id=f"seed-{m}-offer",
    )
    stub_so = supply_service_pb2_grpc.SupplyServiceStub(channel)
    tenant._made("offer", request, await stub_so.CreateOffer(request, **options))

    request = popb.CreatePurchaseOrderRequest(
        tenant_id=tenant_id,
        purchase_order=popb.PurchaseOrder(
            supplier_id=tenant.ids["supplier"],
            lines=[popb.PurchaseOrderLine(product_id=tenant.ids["product"], quantity=5)],
            notes=f"{m} restock",
        ),
        request_id=f"seed-{m}-purchase-order",
    )
    stub_po = purchase_order_service_pb2_grpc.PurchaseOrderServiceStub(channel)
    tenant._made("purchase_order", request, await stub_po.CreatePurchaseOrder(request, **options))

    request = lpb.CreateLeadRequest(
        tenant_id=tenant_id,
        lead=lpb.Lead(
            first_name="Ada",
            last_name=m,
            email=f"ada.{m}@analytical.io",
            company=f"{m} Engines",
            source=lpb.LEAD_SOURCE_REFERRAL,
        ),
        request_id=f"seed-{m}-lead",
    )
    stub_l = lead_service_pb2_grpc.LeadServiceStub(channel)
    tenant._made("lead", request, await stub_l.CreateLead(request, **options))

    request = cpb.CreateContactRequest(
        tenant_id=tenant_id,
        contact=cpb.Contact(
            first_name="Grace", last_name=m, email=f"grace.{m}@navy.example", company=f"{m} Navy"
        ),
    )
    stub_c = contact_service_pb2_grpc.ContactServiceStub(channel)
    tenant._made("contact", request, await stub_c.CreateContact(request, **options))

    request = dpb.CreateDealRequest(
        tenant_id=tenant_id,
        deal=dpb.Deal(
            title=f"{m} fleet",
            amount=money("1000.00"),
            owner="alice",
            contact_id=tenant.ids["contact"],
            lead_id=tenant.ids["lead"],
        ),
    )
    stub_d = deal_service_pb2_grpc.DealServiceStub(channel)
    tenant._made("deal", request, await stub_d.CreateDeal(request, **options))

    request = opb.CreateOrderRequest(
        tenant_id=tenant_id,
        order=opb.Order(
            customer_email=f"buyer.{m}@example.com",
            customer_name=f"{m} Buyer",
            billing_address=postal_address_pb2.PostalAddress(
                region_code="US", postal_code="95014", locality="Cupertino", address_lines=[f"1 {m} Loop"]
            ),
            items=[opb.OrderItem(product_id=tenant.ids["product"], quantity=1)],
        ),
        request_id=f"seed-{m}-order",
    )
    stub_o = order_service_pb2_grpc.OrderServiceStub(channel)
    tenant._made("order", request, await stub_o.CreateOrder(request, **options))

    request = opb.CreateRiskListEntryRequest(
        tenant_id=tenant_id,
        entry=opb.RiskListEntry(
            list=opb.RISK_LIST_BLOCK,
            kind=opb.RISK_LIST_KIND_EMAIL,
            value=f"fraud.{m.lower()}@example.com",
            reason=f"{m} chargebacks",
        ),
    )
    tenant._made("risk_list_entry", request, await stub_o.CreateRiskListEntry(request, **options))

    request = srcpb.CreateCandidateRequest(
        tenant_id=tenant_id,
        candidate=srcpb.Candidate(
            marketplace=spb.MARKETPLACE_ALIEXPRESS,
            marketplace_id=f"{secrets.randbelow(10**15):015d}",
            title=f"{m} Kettlebell",
            category="fitness",
            source_price=money("12.00"),
            supplier_id=tenant.ids["supplier"],
        ),
        request_id=f"seed-{m}-candidate",
    )
    stub_src = sourcing_service_pb2_grpc.SourcingServiceStub(channel)
    tenant._made("candidate", request, await stub_src.CreateCandidate(request, **options))

    request = wpb.StartProductClassificationRequest(tenant_id=tenant_id, product_id=tenant.ids["product"])
    stub_w = workflow_service_pb2_grpc.WorkflowServiceStub(channel)
    started = await stub_w.StartProductClassification(request, **options)
    tenant._made("workflow", request, await _finished(stub_w, tenant_id, started.id, options))
    return tenant


async def _finished(
    workflows: workflow_service_pb2_grpc.WorkflowServiceStub, tenant_id: int, workflow_id: str, options: dict
) -> wpb.Workflow:
    """The workflow once it has ended, so that nothing of the tenant changes after seeding."""
    deadline = time.monotonic() + 60
    while True:
        workflow = await workflows.GetWorkflow(
            wpb.GetWorkflowRequest(tenant_id=tenant_id, workflow_id=workflow_id), **options
        )
        if workflow.state in FINISHED_WORKFLOW:
            return workflow
        assert time.monotonic() < deadline, f"workflow {workflow_id} still {workflow.state} after 60s"
        await asyncio.sleep(0.05)


def tenant_tables() -> list[str]:
    """Every declared table that carries tenant_id."""
    return [t.name for t in Base.metadata.sorted_tables if "tenant_id" in t.c]


async def fingerprint(database: Database, tenant_id: int) -> dict[str, tuple[int, str]]:
    """Per tenant table, how many rows the tenant has and a hash of them all (read in the tenant's own
    scope, as the service reads)."""
    prints = {}
    with acting_for(tenant_id):
        async with database.sessions() as session:
            for name in tenant_tables():
                table = Base.metadata.tables[name]
                rows = (await session.execute(select(table).where(table.c.tenant_id == tenant_id))).all()
                digest = hashlib.sha256(repr(sorted(repr(tuple(row)) for row in rows)).encode()).hexdigest()
                prints[name] = (len(rows), digest)
    return prints
