"""The deal use cases: the pipeline's stages, their recorded history and the closed-deal rule, on in-memory
fakes."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest

from domain.clock import utcnow
from domain.contacts import ContactDraft
from domain.crm_events import DealCreated, DealDeleted, DealStageChanged, DealUpdated
from domain.deals import DealChanges, DealDraft, DealPolicy, DealStage, PipelineQuery, StageChange
from domain.errors import FailedPrecondition, FieldViolation, InvalidArgument, NotFound
from domain.ids import new_id
from domain.money import Money
from server.contacts.usecases import new_contact
from server.deals.usecases import DealUseCases
from tests.unit.usecases.fakes_crm import FakeCrmUnitOfWork

TENANT = 7

OTHER_TENANT = 8


def deals_of(uow: FakeCrmUnitOfWork) -> DealUseCases:
    return DealUseCases(uow.factory, DealPolicy())


def a_draft(**overrides: object) -> DealDraft:
    values: dict[str, object] = {"title": "Analytical Engine", "amount": Money(Decimal("1000.00"), "USD")}
    return DealDraft(**{**values, **overrides})  # type: ignore[arg-type]


async def test_a_new_deal_takes_its_stages_default_probability_and_records_its_first_stage():
    uow = FakeCrmUnitOfWork()
    deal = await deals_of(uow).create(tenant_id=TENANT, draft=a_draft(stage=DealStage.PROPOSAL), actor="ada")
    assert deal.probability == 0.5
    assert deal.weighted_amount == Money(Decimal("500.00"), "USD")
    assert [(c.from_stage, c.to_stage, c.changed_by) for c in deal.stage_history] == [
        (None, DealStage.PROPOSAL, "ada")
    ]
    assert await uow.deals.get(TENANT, deal.id) == deal
    [created] = uow.events
    assert isinstance(created, DealCreated) and created.deal == deal


async def test_a_deal_created_closed_is_closed_at_once_with_the_closed_probability():
    uow = FakeCrmUnitOfWork()
    deal = await deals_of(uow).create(
        tenant_id=TENANT, draft=a_draft(stage=DealStage.CLOSED_WON, probability=0.3), actor="ada"
    )
    assert deal.probability == 1.0
    assert deal.closed_at is not None


async def test_a_deal_naming_a_contact_or_lead_the_tenant_does_not_have_is_refused_naming_both():
    uow = FakeCrmUnitOfWork()
    contact = new_contact(OTHER_TENANT, ContactDraft(first_name="A", last_name="B", email="a@b.example"))
    await uow.contacts.add(contact)
    lead_id = new_id()
    with pytest.raises(InvalidArgument) as caught:
        await deals_of(uow).create(
            tenant_id=TENANT, draft=a_draft(contact_id=contact.id, lead_id=lead_id), actor="ada"
        )
    assert caught.value.violations == (
        FieldViolation("deal.contact_id", f"no contact {contact.id} in this tenant"),
        FieldViolation("deal.lead_id", f"no lead {lead_id} in this tenant"),
    )
    assert uow.deals.of_tenant(TENANT) == [] and uow.events == []


async def test_a_deal_may_name_the_tenants_own_contact():
    uow = FakeCrmUnitOfWork()
    contact = new_contact(TENANT, ContactDraft(first_name="A", last_name="B", email="a@b.example"))
    await uow.contacts.add(contact)
    deal = await deals_of(uow).create(tenant_id=TENANT, draft=a_draft(contact_id=contact.id), actor="ada")
    assert deal.contact_id == contact.id


async def test_getting_a_missing_deal_is_not_found():
    uow = FakeCrmUnitOfWork()
    deals = deals_of(uow)
    deal = await deals.create(tenant_id=TENANT, draft=a_draft(), actor="ada")
    for tenant_id, deal_id in ((OTHER_TENANT, deal.id), (TENANT, new_id())):
        with pytest.raises(NotFound) as caught:
            await deals.get(tenant_id=tenant_id, deal_id=deal_id)
        assert caught.value.reason == "DEAL_NOT_FOUND"


async def test_a_stage_change_is_recorded_resets_the_probability_and_is_announced():
    uow = FakeCrmUnitOfWork()
    deals = deals_of(uow)
    deal = await deals.create(tenant_id=TENANT, draft=a_draft(probability=0.9), actor="ada")
    moved = await deals.update(
        tenant_id=TENANT,
        deal_id=deal.id,
        changes=DealChanges({"stage": DealStage.NEGOTIATION}),
        allow_reopen=False,
        actor="grace",
    )
    assert moved.probability == 0.75
    stored = await uow.deals.get(TENANT, deal.id)
    assert stored is not None
    assert [(c.from_stage, c.to_stage, c.changed_by) for c in stored.stage_history] == [
        (None, DealStage.PROSPECTING, "ada"),
        (DealStage.PROSPECTING, DealStage.NEGOTIATION, "grace"),
    ]
    assert stored == moved
    updated, stage_changed = uow.events[1:]
    assert isinstance(updated, DealUpdated) and updated.changed_fields == ("probability", "stage")
    assert isinstance(stage_changed, DealStageChanged)
    assert (stage_changed.from_stage, stage_changed.changed_by, stage_changed.reopened) == (
        DealStage.PROSPECTING,
        "grace",
        False,
    )


async def test_a_probability_given_with_the_stage_wins_over_the_stages_default():
    uow = FakeCrmUnitOfWork()
    deals = deals_of(uow)
    deal = await deals.create(tenant_id=TENANT, draft=a_draft(), actor="ada")
    moved = await deals.update(
        tenant_id=TENANT,
        deal_id=deal.id,
        changes=DealChanges({"stage": DealStage.PROPOSAL, "probability": 0.6}),
        allow_reopen=False,
        actor="ada",
    )
    assert moved.probability == 0.6


async def test_winning_a_deal_closes_it():
    uow = FakeCrmUnitOfWork()
    deals = deals_of(uow)
    deal = await deals.create(tenant_id=TENANT, draft=a_draft(), actor="ada")
    won = await deals.update(
        tenant_id=TENANT,
        deal_id=deal.id,
        changes=DealChanges({"stage": DealStage.CLOSED_WON}),
        allow_reopen=False,
        actor="ada",
    )
    assert (won.probability, won.closed_at is not None) == (1.0, True)


async def test_the_stage_of_a_closed_deal_changes_only_when_reopening_is_allowed():
    uow = FakeCrmUnitOfWork()
    deals = deals_of(uow)
    deal = await deals.create(tenant_id=TENANT, draft=a_draft(stage=DealStage.CLOSED_LOST), actor="ada")
    reopen = DealChanges({"stage": DealStage.NEGOTIATION})
    with pytest.raises(FailedPrecondition) as caught:
        await deals.update(tenant_id=TENANT, deal_id=deal.id, changes=reopen, allow_reopen=False, actor="ada")
    assert caught.value.reason == "DEAL_CLOSED"
    assert caught.value.metadata == {"deal_id": str(deal.id), "stage": "closed_lost"}
    assert await uow.deals.get(TENANT, deal.id) == deal
    reopened = await deals.update(
        tenant_id=TENANT, deal_id=deal.id, changes=reopen, allow_reopen=True, actor="ada"
    )
    assert (reopened.stage, reopened.closed_at, reopened.probability) == (DealStage.NEGOTIATION, None, 0.75)
    stage_changed = uow.events[-1]
    assert isinstance(stage_changed, DealStageChanged) and stage_changed.reopened


async def test_other_fields_of_a_closed_deal_may_change_without_reopening_it():
    uow = FakeCrmUnitOfWork()
    deals = deals_of(uow)
    deal = await deals.create(tenant_id=TENANT, draft=a_draft(stage=DealStage.CLOSED_WON), actor="ada")
    noted = await deals.update(
        tenant_id=TENANT,
        deal_id=deal.id,
        changes=DealChanges({"notes": "paid in full"}),
        allow_reopen=False,
        actor="ada",
    )
    assert (noted.notes, noted.stage, noted.closed_at) == (
        "paid in full",
        DealStage.CLOSED_WON,
        deal.closed_at,
    )
    assert noted.stage_history == deal.stage_history


async def test_an_update_that_changes_nothing_writes_nothing_and_announces_nothing():
    uow = FakeCrmUnitOfWork()
    deals = deals_of(uow)
    deal = await deals.create(tenant_id=TENANT, draft=a_draft(), actor="ada")
    commits = uow.commits
    same = await deals.update(
        tenant_id=TENANT,
        deal_id=deal.id,
        changes=DealChanges({"title": "Analytical Engine", "stage": DealStage.PROSPECTING}),
        allow_reopen=False,
        actor="ada",
    )
    assert same == deal
    assert (uow.commits, len(uow.events)) == (commits, 1)


async def test_updating_a_missing_deal_is_not_found():
    uow = FakeCrmUnitOfWork()
    with pytest.raises(NotFound):
        await deals_of(uow).update(
            tenant_id=TENANT,
            deal_id=new_id(),
            changes=DealChanges({"notes": "x"}),
            allow_reopen=False,
            actor="a",
        )
    assert not uow.committed


async def test_a_deleted_deal_is_gone_with_its_history_and_announced_with_its_last_stage():
    uow = FakeCrmUnitOfWork()
    deals = deals_of(uow)
    deal = await deals.create(tenant_id=TENANT, draft=a_draft(stage=DealStage.PROPOSAL), actor="ada")
    await deals.delete(tenant_id=TENANT, deal_id=deal.id)
    assert await uow.deals.get(TENANT, deal.id) is None
    assert (TENANT, deal.id) not in uow.deals.histories
    deleted = uow.events[-1]
    assert isinstance(deleted, DealDeleted) and (deleted.deal_id, deleted.stage) == (
        deal.id,
        DealStage.PROPOSAL,
    )
    with pytest.raises(NotFound):
        await deals.delete(tenant_id=TENANT, deal_id=deal.id)


async def test_the_pipeline_counts_the_main_currency_and_names_how_many_deals_it_left_out():
    uow = FakeCrmUnitOfWork()
    deals = deals_of(uow)
    for stage in (DealStage.PROPOSAL, DealStage.PROPOSAL, DealStage.CLOSED_WON):
        await deals.create(tenant_id=TENANT, draft=a_draft(stage=stage), actor="ada")
    await deals.create(tenant_id=TENANT, draft=a_draft(amount=Money(Decimal("5.00"), "EUR")), actor="ada")
    now = utcnow()
    summary = await deals.pipeline(
        tenant_id=TENANT,
        query=PipelineQuery(period_start=now - timedelta(days=1), period_end=now + timedelta(days=1)),
    )
    proposal = next(s for s in summary.stages if s.stage is DealStage.PROPOSAL)
    assert (summary.currency, summary.excluded_count) == ("USD", 1)
    assert (proposal.count, proposal.amount, proposal.weighted_amount) == (
        2,
        Decimal("2000.00"),
        Decimal("1000.00"),
    )
    assert (summary.won_count, summary.won_amount) == (1, Decimal("1000.00"))


async def test_the_history_a_use_case_forgets_to_hand_to_the_repository_is_not_recorded():
    """The fake keeps stage history apart from the deal, as the tables do: what the stage-change test
    above reads back was recorded, not merely carried inside the saved deal."""
    uow = FakeCrmUnitOfWork()
    deal = await deals_of(uow).create(tenant_id=TENANT, draft=a_draft(), actor="ada")
    change = StageChange(DealStage.PROSPECTING, DealStage.PROPOSAL, "ada", utcnow())
    await uow.deals.save(replace(deal, stage_history=(*deal.stage_history, change)))
    stored = await uow.deals.get(TENANT, deal.id)
    assert stored is not None and stored.stage_history == deal.stage_history


async def test_closing_a_deal_closes_the_lead_it_came_from_and_reopening_it_reopens_the_lead():
    from domain.lead_events import LeadUpdated
    from domain.leads import LeadStatus
    from tests.unit.usecases.test_leads import closed_lead

    uow = FakeCrmUnitOfWork()
    lead = replace(closed_lead(TENANT, LeadStatus.PROPOSAL), tenant_id=TENANT)
    await uow.leads.add(lead)
    deals = deals_of(uow)
    deal = await deals.create(tenant_id=TENANT, draft=a_draft(lead_id=lead.id), actor="ada")

    async def move(stage: DealStage) -> LeadStatus:
        await deals.update(
            tenant_id=TENANT,
            deal_id=deal.id,
            changes=DealChanges({"stage": stage}),
            allow_reopen=True,
            actor="ada",
        )
        stored = await uow.leads.get(TENANT, lead.id)
        assert stored is not None
        return stored.status

    assert await move(DealStage.CLOSED_LOST) is LeadStatus.CLOSED_LOST
    assert isinstance(uow.events[-1], LeadUpdated) and uow.events[-1].changed_fields == ("status",)
    assert await move(DealStage.NEGOTIATION) is LeadStatus.NEGOTIATION
    assert await move(DealStage.CLOSED_WON) is LeadStatus.CLOSED_WON
