"""In-memory stand-ins for the CRM ports (server/leads/ports.py, server/contacts/ports.py,
server/deals/ports.py).

The fakes keep the rules the tables enforce: a tenant's lead request_id and a tenant's contact email are
unique (a write that would break one raises UniqueViolation, as the real unit of work does), and a deal's
stage history is stored apart from the deal, so that a change the use case does not pass to `save` is not
recorded. The fake unit of work restores every repository to what it held when the block began unless the
block committed, as the real transaction does, and refuses to commit a read-only block.
"""

from __future__ import annotations

import copy
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise
from types import TracebackType
from typing import Protocol, Self, TypeVar

from domain.contacts import Contact, ContactFilter
from domain.deals import (
    CLOSED_STAGES,
    Deal,
    DealFilter,
    DealStage,
    PipelineQuery,
    PipelineSummary,
    StageChange,
    StageFigures,
)
from domain.errors import UniqueViolation
from domain.leads import Lead, LeadAnalytics, LeadFilter, LeadPriority, LeadStatus, OutcomeCount
from domain.money import DEFAULT_CURRENCY
from domain.paging import Page, PageRequest
from storage.leads.repository import SCORE_BUCKET_EDGES
from tests.unit.usecases.fakes import RollingBackUnitOfWork

Key = tuple[int, uuid.UUID]

ZERO = Decimal("0.00")

# What the CRM tables hold: leads, contacts, deals and the deals' stage histories.
CrmState = tuple[dict[Key, Lead], dict[Key, Contact], dict[Key, Deal], dict[Key, list[StageChange]]]


class HasId(Protocol):
    @property
    def id(self) -> uuid.UUID: ...


T = TypeVar("T", bound=HasId)


def newest_first_page(items: Sequence[T], page: PageRequest) -> Page[T]:
    """What storage.paging gives: UUIDv7 ids in creation order, so newest first is by id, descending."""
    ordered = sorted(items, key=lambda item: item.id, reverse=True)
    total = len(ordered)
    if page.after is not None:
        ordered = [item for item in ordered if item.id < uuid.UUID(page.after)]
    chosen = ordered[: page.size]
    next_after = str(chosen[-1].id) if len(ordered) > page.size else None
    return Page(items=chosen, next_after=next_after, total_size=total)


class FakeLeadRepository:
    def __init__(self) -> None:
        self.rows: dict[Key, Lead] = {}

    def of_tenant(self, tenant_id: int) -> list[Lead]:
        return [lead for (t, _), lead in self.rows.items() if t == tenant_id]

    async def add(self, lead: Lead) -> None:
        if lead.request_id and await self.get_by_request_id(lead.tenant_id, lead.request_id):
            raise UniqueViolation(f"leads of tenant {lead.tenant_id}: request_id {lead.request_id} taken")
        self.rows[(lead.tenant_id, lead.id)] = lead

    async def get(self, tenant_id: int, lead_id: uuid.UUID, *, for_update: bool = False) -> Lead | None:
        return self.rows.get((tenant_id, lead_id))

    async def get_by_request_id(self, tenant_id: int, request_id: str) -> Lead | None:
        return next((lead for lead in self.of_tenant(tenant_id) if lead.request_id == request_id), None)

    async def list(self, tenant_id: int, criteria: LeadFilter, page: PageRequest) -> Page[Lead]:
        matching = [
            lead
            for lead in self.of_tenant(tenant_id)
            if (criteria.status is None or lead.status is criteria.status)
            and (criteria.source is None or lead.source is criteria.source)
            and (not criteria.assigned_to or lead.assigned_to == criteria.assigned_to)
            and (criteria.converted is None or (lead.converted_at is not None) == criteria.converted)
        ]
        return newest_first_page(matching, page)

    async def save(self, lead: Lead) -> None:
        if (lead.tenant_id, lead.id) not in self.rows:
            raise LookupError(f"lead {lead.id} vanished during its update")
        self.rows[(lead.tenant_id, lead.id)] = lead

    async def delete(self, tenant_id: int, lead_id: uuid.UUID) -> bool:
        return self.rows.pop((tenant_id, lead_id), None) is not None

    async def analytics(self, tenant_id: int) -> LeadAnalytics:
        leads = self.of_tenant(tenant_id)
        top = SCORE_BUCKET_EDGES[-1]
        # Each bucket holds its lower edge; the last one holds its upper edge too.
        buckets = tuple(
            (low, high, sum(1 for lead in leads if low <= lead.score < high or lead.score == high == top))
            for low, high in pairwise(SCORE_BUCKET_EDGES)
        )
        return LeadAnalytics(
            total=len(leads),
            by_status=dict(Counter(lead.status for lead in leads)),
            by_source=dict(Counter(lead.source for lead in leads)),
            average_score=round(sum(lead.score for lead in leads) / len(leads), 2) if leads else 0.0,
            high_priority=sum(
                1 for lead in leads if lead.priority in (LeadPriority.HIGH, LeadPriority.URGENT)
            ),
            score_buckets=buckets,
            converted=sum(1 for lead in leads if lead.converted_at is not None),
        )

    async def count(self, tenant_id: int) -> int:
        return len(self.of_tenant(tenant_id))


class FakeLeadHistoryRepository:
    """The closed outcomes of the leads the fake lead repository holds, grouped as the SQL groups them."""

    def __init__(self, leads: FakeLeadRepository) -> None:
        self._leads = leads

    async def closed_outcomes(self, tenant_id: int) -> list[OutcomeCount]:
        won: Counter[tuple[str, str]] = Counter()
        lost: Counter[tuple[str, str]] = Counter()
        for lead in self._leads.of_tenant(tenant_id):
            key = (lead.source.value, lead.job_title.strip().lower())
            if lead.status is LeadStatus.CLOSED_WON:
                won[key] += 1
            elif lead.status is LeadStatus.CLOSED_LOST:
                lost[key] += 1
        return [(source, title, won[(source, title)], lost[(source, title)]) for source, title in won | lost]


class FakeDealRepository:
    def __init__(self) -> None:
        # The deals without their history, and the history apart, as the two tables hold them.
        self.rows: dict[Key, Deal] = {}
        self.histories: dict[Key, list[StageChange]] = {}

    def of_tenant(self, tenant_id: int) -> list[Deal]:
        return [self._with_history(deal) for (t, _), deal in self.rows.items() if t == tenant_id]

    def _with_history(self, deal: Deal) -> Deal:
        return replace(deal, stage_history=tuple(self.histories[(deal.tenant_id, deal.id)]))

    async def add(self, deal: Deal) -> None:
        self.rows[(deal.tenant_id, deal.id)] = replace(deal, stage_history=())
        self.histories[(deal.tenant_id, deal.id)] = list(deal.stage_history)

    async def get(self, tenant_id: int, deal_id: uuid.UUID, *, for_update: bool = False) -> Deal | None:
        deal = self.rows.get((tenant_id, deal_id))
        return self._with_history(deal) if deal else None

    async def list(self, tenant_id: int, criteria: DealFilter, page: PageRequest) -> Page[Deal]:
        def matches(deal: Deal) -> bool:
            close = deal.expected_close_date
            return (
                (not criteria.stages or deal.stage in criteria.stages)
                and (not criteria.open_only or deal.stage not in CLOSED_STAGES)
                and (not criteria.owner or deal.owner == criteria.owner)
                and (criteria.contact_id is None or deal.contact_id == criteria.contact_id)
                and (criteria.close_from is None or (close is not None and close >= criteria.close_from))
                and (criteria.close_to is None or (close is not None and close <= criteria.close_to))
            )

        return newest_first_page([d for d in self.of_tenant(tenant_id) if matches(d)], page)

    async def save(self, deal: Deal, new_changes: Sequence[StageChange] = ()) -> None:
        key = (deal.tenant_id, deal.id)
        if key not in self.rows:
            raise LookupError(f"deal {deal.id} vanished during its update")
        self.rows[key] = replace(deal, stage_history=())
        self.histories[key].extend(new_changes)

    async def delete(self, tenant_id: int, deal_id: uuid.UUID) -> DealStage | None:
        deal = self.rows.pop((tenant_id, deal_id), None)
        self.histories.pop((tenant_id, deal_id), None)
        return deal.stage if deal else None

    async def pipeline(self, tenant_id: int, query: PipelineQuery) -> PipelineSummary:
        in_scope = [d for d in self.of_tenant(tenant_id) if not query.owner or d.owner == query.owner]
        by_currency = Counter(d.amount.currency for d in in_scope)
        # The most used currency, the alphabetically first of a tie, as the SQL orders it.
        main = min(by_currency, key=lambda c: (-by_currency[c], c)) if by_currency else DEFAULT_CURRENCY
        currency = query.currency or main
        counted = [d for d in in_scope if d.amount.currency == currency]

        def closed_in_period(stage: DealStage) -> list[Deal]:
            return [
                d
                for d in counted
                if d.stage is stage
                and d.closed_at is not None
                and query.period_start <= d.closed_at < query.period_end
            ]

        def figures(stage: DealStage) -> StageFigures:
            deals = [d for d in counted if d.stage is stage]
            return StageFigures(
                stage,
                len(deals),
                sum((d.amount.amount for d in deals), ZERO),
                sum((d.weighted_amount.amount for d in deals), ZERO),
                round(sum(d.probability for d in deals) / len(deals), 4) if deals else 0.0,
            )

        won, lost = closed_in_period(DealStage.CLOSED_WON), closed_in_period(DealStage.CLOSED_LOST)
        return PipelineSummary(
            stages=tuple(figures(stage) for stage in DealStage),
            won_count=len(won),
            won_amount=sum((d.amount.amount for d in won), ZERO),
            lost_count=len(lost),
            lost_amount=sum((d.amount.amount for d in lost), ZERO),
            period_start=query.period_start,
            period_end=query.period_end,
            currency=currency,
            excluded_count=len(in_scope) - len(counted),
        )


class FakeContactRepository:
    def __init__(self, deals: FakeDealRepository) -> None:
        self.rows: dict[Key, Contact] = {}
        self._deals = deals

    def of_tenant(self, tenant_id: int) -> list[Contact]:
        return [contact for (t, _), contact in self.rows.items() if t == tenant_id]

    def _check_unique(self, contact: Contact) -> None:
        for other in self.of_tenant(contact.tenant_id):
            if other.id != contact.id and other.email == contact.email.lower():
                raise UniqueViolation(f"contacts of tenant {contact.tenant_id}: email {contact.email} taken")

    async def add(self, contact: Contact) -> None:
        self._check_unique(contact)
        self.rows[(contact.tenant_id, contact.id)] = replace(contact, email=contact.email.lower())

    async def get(self, tenant_id: int, contact_id: uuid.UUID, *, for_update: bool = False) -> Contact | None:
        return self.rows.get((tenant_id, contact_id))

    async def get_by_email(self, tenant_id: int, email: str) -> Contact | None:
        return next((c for c in self.of_tenant(tenant_id) if c.email == email.lower()), None)

    async def list(self, tenant_id: int, criteria: ContactFilter, page: PageRequest) -> Page[Contact]:
        query = criteria.query.lower()

        def matches(contact: Contact) -> bool:
            searched = (
                contact.first_name,
                contact.last_name,
                f"{contact.first_name} {contact.last_name}",
                contact.email,
                contact.company,
            )
            return (
                (not query or any(query in text.lower() for text in searched))
                and (not criteria.owner or contact.owner == criteria.owner)
                and (not criteria.company or contact.company.lower() == criteria.company.lower())
                and (not criteria.tag or criteria.tag in contact.tags)
            )

        return newest_first_page([c for c in self.of_tenant(tenant_id) if matches(c)], page)

    async def save(self, contact: Contact) -> None:
        if (contact.tenant_id, contact.id) not in self.rows:
            raise LookupError(f"contact {contact.id} vanished during its update")
        self._check_unique(contact)
        self.rows[(contact.tenant_id, contact.id)] = replace(contact, email=contact.email.lower())

    async def delete(self, tenant_id: int, contact_id: uuid.UUID) -> bool:
        return self.rows.pop((tenant_id, contact_id), None) is not None

    async def detach_deals(self, tenant_id: int, contact_id: uuid.UUID) -> tuple[uuid.UUID, ...]:
        detached = sorted(
            key
            for key, deal in self._deals.rows.items()
            if key[0] == tenant_id and deal.contact_id == contact_id
        )
        for key in detached:
            self._deals.rows[key] = replace(self._deals.rows[key], contact_id=None)
        return tuple(deal_id for _, deal_id in detached)


class FakeCrmUnitOfWork(RollingBackUnitOfWork):
    """One unit of work for the lead, contact and deal use cases and the conversion, as
    SqlAlchemyUnitOfWork is."""

    def __init__(self) -> None:
        super().__init__()
        self.leads = FakeLeadRepository()
        self.lead_history = FakeLeadHistoryRepository(self.leads)
        self.deals = FakeDealRepository()
        self.contacts = FakeContactRepository(self.deals)
        self.read_only = False
        self._committed_state = self._state()

    # The contact repository holds the deal repository: copying whole repositories would sever that link,
    # so only their rows are saved and put back.
    def _state(self) -> CrmState:
        return copy.deepcopy((self.leads.rows, self.contacts.rows, self.deals.rows, self.deals.histories))

    def _restore(self, state: CrmState) -> None:
        self.leads.rows, self.contacts.rows, self.deals.rows, self.deals.histories = state

    def factory(self, *, read_only: bool = False) -> Self:
        self.read_only = read_only
        return self

    async def commit(self) -> None:
        if self.read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        await super().commit()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.read_only = False
        await super().__aexit__(exc_type, exc, tb)
