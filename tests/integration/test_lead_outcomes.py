"""A lead's outcome follows what happened to it (issue 13), through a real channel on SQLite and PostgreSQL:
a converted lead says so and can be filtered on, and the deal it became closes it as won or lost, so the
learned lead score learns from deals."""

from __future__ import annotations

from crm.v2 import deal_service_pb2 as dpb
from crm.v2 import lead_service_pb2 as pb
from tests.integration.conftest_orders import event_types
from tests.integration.test_lead_learning import MIN_CLOSED, score_of
from tests.integration.test_leads import a_lead


async def convert(leads, tenant_id: int, lead_id: str) -> pb.ConvertLeadResponse:
    return await leads.ConvertLead(
        pb.ConvertLeadRequest(tenant_id=tenant_id, lead_id=lead_id, create_deal=True)
    )


async def close_deal(deals, tenant_id: int, deal_id: str, stage: int) -> dpb.Deal:
    return await deals.UpdateDeal(
        dpb.UpdateDealRequest(
            tenant_id=tenant_id, deal=dpb.Deal(id=deal_id, stage=stage), update_mask={"paths": ["stage"]}
        )
    )


async def test_a_converted_lead_is_marked_and_can_be_filtered_on(leads, tenant_id):
    kept = await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead()))
    won = await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead()))
    assert not kept.converted
    await convert(leads, tenant_id, won.id)

    assert (await leads.GetLead(pb.GetLeadRequest(tenant_id=tenant_id, lead_id=won.id))).converted

    async def ids(**filters: object) -> list[str]:
        page = await leads.ListLeads(pb.ListLeadsRequest(tenant_id=tenant_id, **filters))  # type: ignore[arg-type]
        return [lead.id for lead in page.leads]

    assert await ids(converted=True) == [won.id]
    assert await ids(converted=False) == [kept.id]
    assert await ids() == [won.id, kept.id]


async def test_a_won_or_lost_deal_closes_its_lead_and_a_reopened_one_reopens_it(
    leads, deals, events, tenant_id
):
    lead = await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead()))
    deal = (await convert(leads, tenant_id, lead.id)).deal

    await close_deal(deals, tenant_id, deal.id, dpb.DEAL_STAGE_CLOSED_WON)
    closed = await leads.GetLead(pb.GetLeadRequest(tenant_id=tenant_id, lead_id=lead.id))
    assert closed.status == pb.LEAD_STATUS_CLOSED_WON
    assert (await event_types(events, tenant_id))[-1] == "lead.updated"

    await deals.UpdateDeal(
        dpb.UpdateDealRequest(
            tenant_id=tenant_id,
            deal=dpb.Deal(id=deal.id, stage=dpb.DEAL_STAGE_NEGOTIATION),
            update_mask={"paths": ["stage"]},
            allow_reopen=True,
        )
    )
    reopened = await leads.GetLead(pb.GetLeadRequest(tenant_id=tenant_id, lead_id=lead.id))
    assert reopened.status == pb.LEAD_STATUS_NEGOTIATION

    await close_deal(deals, tenant_id, deal.id, dpb.DEAL_STAGE_CLOSED_LOST)
    lost = await leads.GetLead(pb.GetLeadRequest(tenant_id=tenant_id, lead_id=lead.id))
    assert lost.status == pb.LEAD_STATUS_CLOSED_LOST


async def test_the_learned_lead_score_learns_from_the_deals_leads_became(leads, deals, tenant_id):
    untrained = await score_of(leads, tenant_id + 1)
    for index in range(MIN_CLOSED):
        source = pb.LEAD_SOURCE_REFERRAL if index % 2 else pb.LEAD_SOURCE_COLD_CALL
        lead = await leads.CreateLead(pb.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead(source=source)))
        deal = (await convert(leads, tenant_id, lead.id)).deal
        won = source == pb.LEAD_SOURCE_REFERRAL
        await close_deal(
            deals, tenant_id, deal.id, dpb.DEAL_STAGE_CLOSED_WON if won else dpb.DEAL_STAGE_CLOSED_LOST
        )

    referral = await score_of(leads, tenant_id)
    learned = {f.name: f for f in referral.score_factors}["learned_win_rate"]
    assert learned.value > 90 and f"{MIN_CLOSED} closed leads" in learned.explanation
    assert referral.score > untrained.score
