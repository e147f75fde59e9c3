"""LeadService.ConvertLead through a real gRPC channel, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import uuid
from decimal import Decimal

import grpc
import pytest
from google.type import date_pb2

from crm.v2 import contact_service_pb2, deal_service_pb2, event_service_pb2, events_pb2
from crm.v2 import lead_service_pb2 as pb
from tests.integration.conftest_crm import (
    a_contact,
    decimal_of,
    event_types,
    usd,
)
from tests.integration.test_leads import a_lead
from tests.support.status import error_info, field_violations


async def new_lead(leads, tenant_id: int, **overrides: object) -> pb.Lead:
    return await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead(**overrides)))


async def written(contacts, deals, events, tenant_id: int) -> tuple[int, int, list[str]]:
    """What the tenant holds: contacts, deals and recorded event types."""
    contact_count = (
        await contacts.ListContacts(contact_service_pb2.ListContactsRequest(tenant_id=tenant_id))
    ).total_size
    deal_count = (await deals.ListDeals(deal_service_pb2.ListDealsRequest(tenant_id=tenant_id))).total_size
    return contact_count, deal_count, await event_types(events, tenant_id)


async def test_conversion_creates_a_contact_and_a_deal_and_links_the_lead(leads, deals, events, tenant_id):
    lead = await new_lead(leads, tenant_id, assigned_to="rep@corp.example", email="Ada.X@Analytical.io")
    converted = await leads.ConvertLead(
        pb.ConvertLeadRequest(
            tenant_id=tenant_id,
            lead_id=lead.id,
            create_deal=True,
            deal_amount=usd("2500.00"),
            expected_close_date=date_pb2.Date(year=2027, month=6, day=30),
        )
    )

    contact, deal = converted.contact, converted.deal
    assert not converted.contact_reused
    assert (contact.first_name, contact.last_name, contact.company) == (
        lead.first_name,
        lead.last_name,
        lead.company,
    )
    assert contact.email == lead.email.lower() and contact.source_lead_id == lead.id
    assert contact.owner == "rep@corp.example"
    assert deal.contact_id == contact.id and deal.lead_id == lead.id
    assert deal.title == f"{lead.company} deal" and deal.owner == "rep@corp.example"
    assert (
        decimal_of(deal.amount) == Decimal("2500.00")
        and deal.stage == deal_service_pb2.DEAL_STAGE_PROSPECTING
    )
    assert converted.lead.converted_contact_id == contact.id
    assert converted.lead.converted_deal_id == deal.id
    assert converted.lead.HasField("convert_time")
    assert await leads.GetLead(pb.GetLeadRequest(tenant_id=tenant_id, lead_id=lead.id)) == converted.lead
    assert await deals.GetDeal(deal_service_pb2.GetDealRequest(tenant_id=tenant_id, deal_id=deal.id)) == deal

    recorded = await events.ListEvents(event_service_pb2.ListEventsRequest(tenant_id=tenant_id))
    assert [e.type for e in reversed(recorded.events)] == [
        "lead.created",
        "contact.created",
        "deal.created",
        "lead.converted",
    ]
    payload = events_pb2.LeadConverted()
    assert recorded.events[0].data.Unpack(payload)
    assert (payload.lead_id, payload.contact_id, payload.deal_id) == (lead.id, contact.id, deal.id)
    assert not payload.contact_reused and payload.score == pytest.approx(lead.score)


async def test_an_existing_contact_with_the_leads_email_is_reused(leads, contacts, events, tenant_id):
    lead = await new_lead(leads, tenant_id)
    existing = await contacts.CreateContact(
        contact_service_pb2.CreateContactRequest(
            tenant_id=tenant_id, contact=a_contact(email=lead.email.upper(), first_name="Known")
        )
    )
    converted = await leads.ConvertLead(pb.ConvertLeadRequest(tenant_id=tenant_id, lead_id=lead.id))

    assert converted.contact_reused and converted.contact == existing
    assert not converted.HasField("deal") and converted.lead.converted_deal_id == ""
    assert await event_types(events, tenant_id) == ["lead.created", "contact.created", "lead.converted"]


async def test_converting_twice_changes_nothing_more_and_returns_the_first_conversion(
    leads, contacts, deals, events, tenant_id
):
    lead = await new_lead(leads, tenant_id)
    request = pb.ConvertLeadRequest(tenant_id=tenant_id, lead_id=lead.id, create_deal=True)
    first = await leads.ConvertLead(request)
    before = await written(contacts, deals, events, tenant_id)

    again = await leads.ConvertLead(
        pb.ConvertLeadRequest(tenant_id=tenant_id, lead_id=lead.id, create_deal=True, deal_title="Other")
    )
    assert again == first
    assert await written(contacts, deals, events, tenant_id) == before == (1, 1, before[2])


async def test_concurrent_conversions_of_one_lead_convert_it_once(leads, contacts, deals, events, tenant_id):
    lead = await new_lead(leads, tenant_id)
    request = pb.ConvertLeadRequest(tenant_id=tenant_id, lead_id=lead.id, create_deal=True)
    results = await asyncio.gather(*(leads.ConvertLead(request) for _ in range(5)))

    assert len({r.contact.id for r in results}) == 1 and len({r.deal.id for r in results}) == 1
    contact_count, deal_count, types = await written(contacts, deals, events, tenant_id)
    assert (contact_count, deal_count, types.count("lead.converted")) == (1, 1, 1)


async def test_converting_a_lead_of_another_tenant_is_not_found_and_writes_nothing(
    leads, contacts, deals, events, tenant_id
):
    lead = await new_lead(leads, tenant_id)
    other = tenant_id + 1
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await leads.ConvertLead(pb.ConvertLeadRequest(tenant_id=other, lead_id=lead.id, create_deal=True))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    info = error_info(caught.value)
    assert info.reason == "LEAD_NOT_FOUND" and info.metadata["id"] == lead.id
    assert await written(contacts, deals, events, other) == (0, 0, [])
    assert await written(contacts, deals, events, tenant_id) == (0, 0, ["lead.created"])
    unchanged = await leads.GetLead(pb.GetLeadRequest(tenant_id=tenant_id, lead_id=lead.id))
    assert unchanged == lead and unchanged.converted_contact_id == ""


async def test_an_unknown_lead_is_not_found(leads, tenant_id):
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await leads.ConvertLead(pb.ConvertLeadRequest(tenant_id=tenant_id, lead_id=str(uuid.uuid4())))
    assert caught.value.code() == grpc.StatusCode.NOT_FOUND


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"lead_id": "not-a-uuid"}, "lead_id"),
        ({"deal_amount": usd("-10.00")}, "deal_amount"),
        ({"deal_amount": usd("1.005")}, "deal_amount.nanos"),
        ({"deal_title": "t" * 201}, "deal_title"),
        ({"deal_owner": "o" * 201}, "deal_owner"),
        ({"expected_close_date": date_pb2.Date(year=2027, month=13, day=1)}, "expected_close_date"),
    ],
)
async def test_bad_conversions_are_invalid_and_write_nothing(
    leads, contacts, deals, events, tenant_id, fields, field
):
    lead = await new_lead(leads, tenant_id)
    values = {"tenant_id": tenant_id, "lead_id": lead.id, "create_deal": True, **fields}
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await leads.ConvertLead(pb.ConvertLeadRequest(**values))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in field_violations(caught.value)
    assert await written(contacts, deals, events, tenant_id) == (0, 0, ["lead.created"])
    assert await leads.GetLead(pb.GetLeadRequest(tenant_id=tenant_id, lead_id=lead.id)) == lead
