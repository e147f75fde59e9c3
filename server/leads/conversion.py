"""ConvertLead: in one transaction, a contact (reused by email) and optionally a deal; once per lead."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from domain.clock import utcnow
from domain.contacts import Contact, ContactDraft
from domain.conversion import Conversion, ConversionRequest
from domain.crm_events import ContactCreated, DealCreated, LeadConverted
from domain.deals import Deal, DealDraft, DealPolicy
from domain.errors import UniqueViolation
from domain.leads import Lead
from domain.money import Money
from server.contacts.usecases import new_contact
from server.deals.usecases import new_deal
from server.leads.ports import ConversionUnitOfWork
from server.resources import existing

# Tries of a conversion: a concurrent CreateContact may take the lead's email between our lookup and
# our insert; the next try then reuses that contact.
CONVERSION_ATTEMPTS = 2


class LeadConversionUseCases:
    def __init__(self, uow: Callable[..., ConversionUnitOfWork], policy: DealPolicy) -> None:
        self._uow = uow
        self._policy = policy

    async def convert(
        self, *, tenant_id: int, lead_id: uuid.UUID, request: ConversionRequest, actor: str
    ) -> Conversion:
        """Convert the lead in one transaction; converting it again returns the first conversion."""
        for attempt in range(1, CONVERSION_ATTEMPTS + 1):
            try:
                async with self._uow() as uow:
                    lead = await existing(uow.leads, "lead", tenant_id, lead_id, for_update=True)
                    conversion = await convert_lead(uow, lead, request, actor=actor, policy=self._policy)
                    await uow.commit()
                    return conversion
            except UniqueViolation:
                if attempt == CONVERSION_ATTEMPTS:
                    raise
        raise AssertionError("unreachable")


async def convert_lead(
    uow: ConversionUnitOfWork, lead: Lead, request: ConversionRequest, *, actor: str, policy: DealPolicy
) -> Conversion:
    """Convert a lead locked by the caller's unit of work; an already converted lead answers its first
    conversion and changes nothing."""
    if lead.converted_at is not None:
        return await first_conversion(uow, lead)
    contact = await uow.contacts.get_by_email(lead.tenant_id, lead.email)
    reused = contact is not None
    if contact is None:
        contact = new_contact(lead.tenant_id, _contact_draft(lead), source_lead_id=lead.id)
        await uow.contacts.add(contact)
        uow.emit(ContactCreated(tenant_id=lead.tenant_id, contact=contact))
    deal = None
    if request.create_deal:
        deal = new_deal(lead.tenant_id, _deal_draft(lead, contact, request), actor=actor, policy=policy)
        await uow.deals.add(deal)
        uow.emit(DealCreated(tenant_id=lead.tenant_id, deal=deal))
    now = utcnow()
    converted = replace(
        lead,
        converted_contact_id=contact.id,
        converted_deal_id=deal.id if deal else None,
        converted_at=now,
        updated_at=now,
    )
    await uow.leads.save(converted)
    uow.emit(
        LeadConverted(
            tenant_id=lead.tenant_id,
            lead_id=lead.id,
            contact_id=contact.id,
            contact_reused=reused,
            deal_id=deal.id if deal else None,
            score=lead.score,
            converted_at=now,
        )
    )
    return Conversion(lead=converted, contact=contact, deal=deal, contact_reused=reused)


async def first_conversion(uow: ConversionUnitOfWork, lead: Lead) -> Conversion:
    """The conversion a lead already went through, as it stands now."""
    contact: Contact | None = None
    deal: Deal | None = None
    if lead.converted_contact_id is not None:
        contact = await uow.contacts.get(lead.tenant_id, lead.converted_contact_id)
    if lead.converted_deal_id is not None:
        deal = await uow.deals.get(lead.tenant_id, lead.converted_deal_id)
    # The conversion created the contact exactly when the contact records this lead as its source.
    reused = contact is not None and contact.source_lead_id != lead.id
    return Conversion(lead=lead, contact=contact, deal=deal, contact_reused=reused)


def _contact_draft(lead: Lead) -> ContactDraft:
    return ContactDraft(
        first_name=lead.first_name,
        last_name=lead.last_name,
        email=lead.email.lower(),
        phone=lead.phone,
        company=lead.company,
        job_title=lead.job_title,
        notes=lead.notes,
        tags=lead.tags,
        owner=lead.assigned_to,
    )


def _deal_draft(lead: Lead, contact: Contact, request: ConversionRequest) -> DealDraft:
    name = lead.company or f"{lead.first_name} {lead.last_name}"
    return DealDraft(
        title=request.deal_title or f"{name} deal"[:200],
        amount=request.deal_amount or Money(Decimal("0.00")),
        contact_id=contact.id,
        owner=request.deal_owner or lead.assigned_to,
        lead_id=lead.id,
        expected_close_date=request.expected_close_date,
    )
