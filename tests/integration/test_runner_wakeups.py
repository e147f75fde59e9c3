"""The workflow runner looks for due workflows when one was queued (and once a poll interval), not after
every commit: a look is a read transaction, which every write call paid for before (two on PostgreSQL,
where the commit's own NOTIFY came back to wake it again)."""

from __future__ import annotations

from crm.v2 import lead_service_pb2 as pb
from crm.v2 import lead_service_pb2_grpc
from tests.integration.test_leads import a_lead

WRITES = 30


async def test_writes_that_queue_no_workflow_do_not_wake_the_workflow_runner(crm_server, channel, tenant_id):
    runner = crm_server.server.components.workflow_runner
    leads = lead_service_pb2_grpc.LeadServiceStub(channel)
    before = runner.claim_checks
    for _ in range(WRITES):
        await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead()))
    looks = runner.claim_checks - before
    # its polls alone (one a second) while the writes ran; a look after each commit gave >= WRITES
    assert looks < WRITES // 3
