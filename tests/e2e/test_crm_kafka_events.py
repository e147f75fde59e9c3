"""CRM events reach a real Kafka broker on their families' topics, keyed by aggregate, in order."""

from __future__ import annotations

from google.protobuf import field_mask_pb2, json_format

from crm.v2 import (
    deal_service_pb2,
    deal_service_pb2_grpc,
    events_pb2,
    lead_service_pb2,
    lead_service_pb2_grpc,
)
from tests.e2e.conftest import PublishingServer
from tests.integration.test_leads import a_lead


async def test_conversion_and_stage_changes_are_published_per_family(publishing_server: PublishingServer):
    tenant_id = 7301
    leads = lead_service_pb2_grpc.LeadServiceStub(publishing_server.channel)
    lead = await leads.CreateLead(lead_service_pb2.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead()))
    converted = await leads.ConvertLead(
        lead_service_pb2.ConvertLeadRequest(tenant_id=tenant_id, lead_id=lead.id, create_deal=True)
    )
    deal_id = converted.deal.id
    await deal_service_pb2_grpc.DealServiceStub(publishing_server.channel).UpdateDeal(
        deal_service_pb2.UpdateDealRequest(
            tenant_id=tenant_id,
            deal=deal_service_pb2.Deal(id=deal_id, stage=deal_service_pb2.DEAL_STAGE_CLOSED_WON),
            update_mask=field_mask_pb2.FieldMask(paths=["stage"]),
        )
    )
    contacts = await publishing_server.read("contacts", until=lambda rs: len(rs) >= 1)
    deals = await publishing_server.read("deals", until=lambda rs: len(rs) >= 3)
    leads_topic = await publishing_server.read("leads", until=lambda rs: len(rs) >= 3)

    assert [(r.key, r.headers["ce_type"]) for r in contacts] == [(converted.contact.id, "contact.created")]
    assert [r.headers["ce_type"] for r in deals] == ["deal.created", "deal.updated", "deal.stage_changed"]
    assert {r.key for r in deals} == {deal_id}
    # The deal won closes the lead it came from (issue 13): the learned lead score learns from deals.
    assert [r.headers["ce_type"] for r in leads_topic] == ["lead.created", "lead.converted", "lead.updated"]
    closed = json_format.Parse(leads_topic[2].value, events_pb2.LeadUpdated())
    assert closed.lead.status == lead_service_pb2.LEAD_STATUS_CLOSED_WON and list(closed.changed_fields) == [
        "status"
    ]
    stage_changed = json_format.Parse(deals[-1].value, events_pb2.DealStageChanged())
    assert (
        stage_changed.to_stage == deal_service_pb2.DEAL_STAGE_CLOSED_WON and stage_changed.probability == 1.0
    )
    converted_event = json_format.Parse(leads_topic[1].value, events_pb2.LeadConverted())
    assert converted_event.contact_id == converted.contact.id and converted_event.deal_id == deal_id
