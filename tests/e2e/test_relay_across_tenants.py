"""Behind row-level security the relay still publishes every tenant's events: it reads and marks the outbox
in the cross-tenant scope the outbox alone admits (storage/tenant_walls.py), as the service's own role,
which owns nothing (the fixtures' crm_service)."""

from __future__ import annotations

import json
import random

from crm.v2 import lead_service_pb2 as pb
from crm.v2 import lead_service_pb2_grpc, system_service_pb2, system_service_pb2_grpc
from tests.e2e.conftest import PublishingServer
from tests.integration.test_leads import a_lead
from tests.support.waiting import eventually


async def test_the_relay_publishes_the_events_of_every_tenant(publishing_server: PublishingServer):
    channel = publishing_server.channel
    leads = lead_service_pb2_grpc.LeadServiceStub(channel)
    tenants = [random.randrange(1, 2**53) for _ in range(3)]
    created = {
        tenant: (await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant, lead=a_lead()))).id
        for tenant in tenants
    }

    records = await publishing_server.read(
        "leads", until=lambda rs: set(created.values()) <= {r.key for r in rs}
    )

    published = {json.loads(r.value)["lead"]["id"]: json.loads(r.value)["tenantId"] for r in records}
    assert {lead: int(published[lead]) for lead in created.values()} == {
        lead: tenant for tenant, lead in created.items()
    }
    system = system_service_pb2_grpc.SystemServiceStub(channel)

    async def backlog() -> int:  # every tenant's waiting events, as GetHealth reads them across tenants
        health = await system.GetHealth(system_service_pb2.GetHealthRequest(tenant_id=tenants[0]))
        return health.kafka.outbox_backlog

    assert await eventually(backlog, until=lambda n: n == 0, timeout=30) == 0
