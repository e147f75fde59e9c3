"""A deal decides the outcome of the lead it came from: closing the deal closes the lead as won or lost (and
reopening it reopens the lead), so the lead score, which learns from the tenant's closed leads, learns from
deals."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType

from domain.deals import Deal, DealStage
from domain.lead_events import LeadUpdated
from domain.leads import LeadStatus
from server.deals.ports import DealUnitOfWork

# The lead status a deal's stage stands for.
LEAD_STATUS_OF_STAGE: Mapping[DealStage, LeadStatus] = MappingProxyType(
    {
        DealStage.PROSPECTING: LeadStatus.QUALIFIED,
        DealStage.QUALIFICATION: LeadStatus.QUALIFIED,
        DealStage.PROPOSAL: LeadStatus.PROPOSAL,
        DealStage.NEGOTIATION: LeadStatus.NEGOTIATION,
        DealStage.CLOSED_WON: LeadStatus.CLOSED_WON,
        DealStage.CLOSED_LOST: LeadStatus.CLOSED_LOST,
    }
)


async def follow_lead_outcome(uow: DealUnitOfWork, deal: Deal) -> None:
    """Give the deal's lead the status of the deal's stage (in the deal's transaction), with a
    `lead.updated`; nothing when the deal names no lead, the lead is gone or already has that status."""
    if deal.lead_id is None:
        return
    lead = await uow.leads.get(deal.tenant_id, deal.lead_id, for_update=True)
    status = LEAD_STATUS_OF_STAGE[deal.stage]
    if lead is None or lead.status is status:
        return
    updated = replace(lead, status=status, updated_at=deal.updated_at)
    await uow.leads.save(updated)
    uow.emit(
        LeadUpdated(
            tenant_id=deal.tenant_id, lead=updated, changed_fields=("status",), previous_score=lead.score
        )
    )
