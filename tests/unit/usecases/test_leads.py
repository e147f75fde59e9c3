"""The lead use cases and the conversion of a lead, on in-memory fakes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from domain.clock import utcnow
from domain.contacts import ContactDraft
from domain.conversion import ConversionRequest
from domain.crm_events import ContactCreated, DealCreated, LeadConverted
from domain.deals import DealPolicy
from domain.errors import NotFound
from domain.ids import new_id
from domain.lead_events import LeadCreated, LeadDeleted, LeadUpdated
from domain.leads import Lead, LeadChanges, LeadDraft, LeadFilter, LeadPriority, LeadSource, LeadStatus
from domain.money import Money
from domain.paging import PageRequest
from engines.lead_scoring import LeadScoringPolicy
from server.contacts.usecases import new_contact
from server.leads.conversion import LeadConversionUseCases
from server.leads.usecases import LeadUseCases
from tests.unit.usecases.fakes_crm import FakeCrmUnitOfWork

TENANT = 7

OTHER_TENANT = 8


def a_draft(**overrides: object) -> LeadDraft:
    values: dict[str, object] = {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "email": "ada@analytical.example",
        "source": LeadSource.REFERRAL,
        "company": "Analytical Engines",
        "job_title": "CTO",
        "phone": "+44 20 7946 0000",
    }
    return LeadDraft(**{**values, **overrides})  # type: ignore[arg-type]


def leads_of(uow: FakeCrmUnitOfWork, policy: LeadScoringPolicy | None = None) -> LeadUseCases:
    return LeadUseCases(uow.factory, policy or LeadScoringPolicy())


def conversions_of(uow: FakeCrmUnitOfWork) -> LeadConversionUseCases:
    return LeadConversionUseCases(uow.factory, DealPolicy())


def closed_lead(tenant_id: int, status: LeadStatus) -> Lead:
    """A lead closed long ago, as the tenant's history the score learns from."""
    now = utcnow()
    return Lead(
        id=new_id(),
        tenant_id=tenant_id,
        first_name="Old",
        last_name="Lead",
        email=f"{new_id()}@example.com",
        phone="",
        company="",
        job_title="CTO",
        status=status,
        source=LeadSource.REFERRAL,
        priority=LeadPriority.LOW,
        score=50.0,
        score_factors=(),
        notes="",
        tags=(),
        assigned_to="",
        created_at=now,
        updated_at=now,
    )


async def test_a_new_lead_is_scored_stored_and_announced():
    uow = FakeCrmUnitOfWork()
    lead = await leads_of(uow).create(tenant_id=TENANT, draft=a_draft(), request_id=None)
    assert 0 < lead.score <= 100
    assert lead.score_factors
    assert lead.status is LeadStatus.NEW
    assert await uow.leads.get(TENANT, lead.id) == lead
    [created] = uow.events
    assert isinstance(created, LeadCreated)
    assert (created.tenant_id, created.lead) == (TENANT, lead)


async def test_a_lead_without_a_priority_gets_the_one_its_score_suggests():
    uow = FakeCrmUnitOfWork()
    policy = LeadScoringPolicy(urgent_at=101.0, high_at=101.0, medium_at=0.0)
    derived = await leads_of(uow, policy).create(tenant_id=TENANT, draft=a_draft(), request_id=None)
    chosen = await leads_of(uow, policy).create(
        tenant_id=TENANT, draft=a_draft(priority=LeadPriority.URGENT), request_id=None
    )
    assert derived.priority is LeadPriority.MEDIUM
    assert chosen.priority is LeadPriority.URGENT


async def test_a_repeated_request_id_answers_the_first_lead_and_stores_nothing_more():
    uow = FakeCrmUnitOfWork()
    leads = leads_of(uow)
    first = await leads.create(tenant_id=TENANT, draft=a_draft(), request_id="req-1")
    again = await leads.create(tenant_id=TENANT, draft=a_draft(first_name="Grace"), request_id="req-1")
    assert again == first
    assert await uow.leads.count(TENANT) == 1
    assert len(uow.events) == 1


async def test_the_score_learns_from_the_tenants_own_closed_leads_only():
    uow = FakeCrmUnitOfWork()
    for _ in range(40):
        await uow.leads.add(closed_lead(TENANT, LeadStatus.CLOSED_WON))
        await uow.leads.add(closed_lead(OTHER_TENANT, LeadStatus.CLOSED_LOST))
    leads = leads_of(uow)
    in_winning_tenant = await leads.create(tenant_id=TENANT, draft=a_draft(), request_id=None)
    in_losing_tenant = await leads.create(tenant_id=OTHER_TENANT, draft=a_draft(), request_id=None)
    without_history = await leads.create(tenant_id=9, draft=a_draft(), request_id=None)
    assert in_winning_tenant.score > without_history.score > in_losing_tenant.score


async def test_getting_a_lead_of_another_tenant_or_none_at_all_is_not_found():
    uow = FakeCrmUnitOfWork()
    leads = leads_of(uow)
    lead = await leads.create(tenant_id=TENANT, draft=a_draft(), request_id=None)
    assert await leads.get(tenant_id=TENANT, lead_id=lead.id) == lead
    for tenant_id, lead_id in ((OTHER_TENANT, lead.id), (TENANT, new_id())):
        with pytest.raises(NotFound) as caught:
            await leads.get(tenant_id=tenant_id, lead_id=lead_id)
        assert caught.value.reason == "LEAD_NOT_FOUND"


async def test_an_update_changes_the_named_fields_and_reports_them_with_the_previous_score():
    uow = FakeCrmUnitOfWork()
    leads = leads_of(uow)
    lead = await leads.create(tenant_id=TENANT, draft=a_draft(), request_id=None)
    changes = LeadChanges({"status": LeadStatus.CONTACTED, "assigned_to": "grace"})
    updated = await leads.update(tenant_id=TENANT, lead_id=lead.id, changes=changes)
    assert (updated.status, updated.assigned_to, updated.score) == (LeadStatus.CONTACTED, "grace", lead.score)
    assert await uow.leads.get(TENANT, lead.id) == updated
    event = uow.events[-1]
    assert isinstance(event, LeadUpdated)
    assert (event.changed_fields, event.previous_score) == (("assigned_to", "status"), lead.score)


async def test_changing_an_input_of_the_score_rescores_the_lead():
    uow = FakeCrmUnitOfWork()
    leads = leads_of(uow)
    lead = await leads.create(tenant_id=TENANT, draft=a_draft(), request_id=None)
    updated = await leads.update(
        tenant_id=TENANT, lead_id=lead.id, changes=LeadChanges({"job_title": "Intern", "phone": ""})
    )
    assert updated.score < lead.score
    event = uow.events[-1]
    assert isinstance(event, LeadUpdated)
    assert event.changed_fields == ("job_title", "phone", "score")
    assert event.previous_score == lead.score


async def test_an_update_that_changes_nothing_writes_nothing_and_announces_nothing():
    uow = FakeCrmUnitOfWork()
    leads = leads_of(uow)
    lead = await leads.create(tenant_id=TENANT, draft=a_draft(), request_id=None)
    commits = uow.commits
    same = await leads.update(tenant_id=TENANT, lead_id=lead.id, changes=LeadChanges({"first_name": "Ada"}))
    assert same == lead
    assert uow.commits == commits
    assert len(uow.events) == 1


async def test_updating_a_missing_lead_is_not_found():
    uow = FakeCrmUnitOfWork()
    with pytest.raises(NotFound):
        await leads_of(uow).update(tenant_id=TENANT, lead_id=new_id(), changes=LeadChanges({"notes": "x"}))
    assert not uow.committed


async def test_a_deleted_lead_is_gone_and_announced_and_deleting_it_again_is_not_found():
    uow = FakeCrmUnitOfWork()
    leads = leads_of(uow)
    lead = await leads.create(tenant_id=TENANT, draft=a_draft(), request_id=None)
    await leads.delete(tenant_id=TENANT, lead_id=lead.id)
    assert await uow.leads.get(TENANT, lead.id) is None
    assert isinstance(uow.events[-1], LeadDeleted)
    assert uow.events[-1].lead_id == lead.id
    with pytest.raises(NotFound):
        await leads.delete(tenant_id=TENANT, lead_id=lead.id)
    assert len(uow.events) == 2


async def test_the_list_filters_and_pages_newest_first():
    uow = FakeCrmUnitOfWork()
    leads = leads_of(uow)
    made = [
        await leads.create(tenant_id=TENANT, draft=a_draft(status=status), request_id=None)
        for status in (LeadStatus.NEW, LeadStatus.QUALIFIED, LeadStatus.NEW, LeadStatus.NEW)
    ]
    new_ones = [lead for lead in reversed(made) if lead.status is LeadStatus.NEW]
    criteria = LeadFilter(status=LeadStatus.NEW)
    first = await leads.list(tenant_id=TENANT, criteria=criteria, page=PageRequest(size=2))
    rest = await leads.list(
        tenant_id=TENANT, criteria=criteria, page=PageRequest(size=2, after=first.next_after)
    )
    assert [*first.items, *rest.items] == new_ones
    assert (first.total_size, rest.next_after) == (3, None)


async def test_the_analytics_count_the_tenants_leads():
    uow = FakeCrmUnitOfWork()
    leads = leads_of(uow)
    await leads.create(tenant_id=TENANT, draft=a_draft(), request_id=None)
    await leads.create(tenant_id=TENANT, draft=a_draft(source=LeadSource.WEBSITE), request_id=None)
    await leads.create(tenant_id=OTHER_TENANT, draft=a_draft(), request_id=None)
    figures = await leads.analytics(tenant_id=TENANT)
    assert figures.total == 2
    assert figures.by_source == {LeadSource.REFERRAL: 1, LeadSource.WEBSITE: 1}
    assert sum(count for _, _, count in figures.score_buckets) == 2


async def test_a_conversion_creates_the_contact_from_the_lead_and_marks_the_lead_converted():
    uow = FakeCrmUnitOfWork()
    lead = await leads_of(uow).create(
        tenant_id=TENANT, draft=a_draft(email="Ada@Analytical.example"), request_id=None
    )
    conversion = await conversions_of(uow).convert(
        tenant_id=TENANT, lead_id=lead.id, request=ConversionRequest(), actor="grace"
    )
    contact = conversion.contact
    assert contact is not None
    assert (contact.email, contact.company, contact.source_lead_id) == (
        "ada@analytical.example",
        lead.company,
        lead.id,
    )
    assert not conversion.contact_reused and conversion.deal is None
    stored = await uow.leads.get(TENANT, lead.id)
    assert (
        stored is not None and stored.converted_contact_id == contact.id and stored.converted_at is not None
    )
    assert [type(e) for e in uow.events[1:]] == [ContactCreated, LeadConverted]


async def test_a_conversion_reuses_the_contact_that_already_has_the_leads_email():
    uow = FakeCrmUnitOfWork()
    lead = await leads_of(uow).create(tenant_id=TENANT, draft=a_draft(), request_id=None)
    existing = new_contact(
        TENANT, ContactDraft(first_name="A.", last_name="L.", email="ada@analytical.example")
    )
    await uow.contacts.add(existing)
    conversion = await conversions_of(uow).convert(
        tenant_id=TENANT, lead_id=lead.id, request=ConversionRequest(), actor="grace"
    )
    assert conversion.contact == existing
    assert conversion.contact_reused
    assert len(uow.contacts.of_tenant(TENANT)) == 1
    converted = uow.events[-1]
    assert isinstance(converted, LeadConverted) and converted.contact_reused
    assert not any(isinstance(e, ContactCreated) for e in uow.events)


async def test_a_conversion_asked_for_a_deal_opens_one_for_the_contact():
    uow = FakeCrmUnitOfWork()
    lead = await leads_of(uow).create(tenant_id=TENANT, draft=a_draft(), request_id=None)
    request = ConversionRequest(create_deal=True, deal_amount=Money(Decimal("1200.00"), "EUR"))
    conversion = await conversions_of(uow).convert(
        tenant_id=TENANT, lead_id=lead.id, request=request, actor="grace"
    )
    deal, contact = conversion.deal, conversion.contact
    assert deal is not None and contact is not None
    assert (deal.title, deal.contact_id, deal.lead_id) == ("Analytical Engines deal", contact.id, lead.id)
    assert deal.amount == Money(Decimal("1200.00"), "EUR")
    assert deal.stage_history[0].changed_by == "grace"
    assert await uow.deals.get(TENANT, deal.id) == deal
    assert [type(e) for e in uow.events[1:]] == [ContactCreated, DealCreated, LeadConverted]


async def test_converting_a_lead_again_answers_the_first_conversion_and_changes_nothing():
    uow = FakeCrmUnitOfWork()
    lead = await leads_of(uow).create(tenant_id=TENANT, draft=a_draft(), request_id=None)
    conversions = conversions_of(uow)
    first = await conversions.convert(
        tenant_id=TENANT, lead_id=lead.id, request=ConversionRequest(create_deal=True), actor="grace"
    )
    events = list(uow.events)
    again = await conversions.convert(
        tenant_id=TENANT, lead_id=lead.id, request=ConversionRequest(create_deal=True), actor="grace"
    )
    assert again == first
    assert not again.contact_reused
    assert uow.events == events
    assert len(uow.deals.of_tenant(TENANT)) == 1


async def test_converting_a_missing_lead_is_not_found_and_creates_nothing():
    uow = FakeCrmUnitOfWork()
    with pytest.raises(NotFound):
        await conversions_of(uow).convert(
            tenant_id=TENANT, lead_id=new_id(), request=ConversionRequest(create_deal=True), actor="grace"
        )
    assert uow.contacts.of_tenant(TENANT) == [] and uow.deals.of_tenant(TENANT) == []
