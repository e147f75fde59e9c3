"""Lead use cases: capture with scoring (learning from the tenant's closed leads), idempotent create,
masked update with re-scoring, analytics. Conversion lives in conversion.py."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from domain.clock import utcnow
from domain.errors import NotFound, UniqueViolation
from domain.ids import new_id
from domain.lead_events import LeadCreated, LeadDeleted, LeadUpdated
from domain.leads import (
    LEAD_SCORE_INPUTS,
    Lead,
    LeadAnalytics,
    LeadChanges,
    LeadDraft,
    LeadFilter,
    LeadPriority,
    LeadStatus,
)
from domain.paging import Page, PageRequest
from engines.lead_scoring import (
    ClosedLeadHistory,
    LeadProfile,
    LeadScore,
    LeadScoringPolicy,
    history_from_counts,
    score_lead,
)
from server import resources
from server.leads.history import ClosedLeadHistories
from server.leads.ports import LeadUnitOfWork
from server.resources import existing, with_changes

# The request log's name for CreateLead's request_ids.
SCOPE = "leads.create"

CLOSED_STATUSES = frozenset({LeadStatus.CLOSED_WON, LeadStatus.CLOSED_LOST})


class LeadUseCases:
    def __init__(
        self,
        uow: Callable[..., LeadUnitOfWork],
        policy: LeadScoringPolicy,
        histories: ClosedLeadHistories | None = None,
    ) -> None:
        self._uow = uow
        self._policy = policy
        # without a memory of histories (the fast tier), every score reads its tenant's history
        self._histories = histories or ClosedLeadHistories(refresh_seconds=0)

    async def create(
        self, *, tenant_id: int, draft: LeadDraft, request_id: str | None, fingerprint: str | None = None
    ) -> Lead:
        """Score and store a new lead; a repeated `request_id` returns the first lead unchanged, and one
        reused for a different request is RequestIdReused."""
        first_use = resources.first_use_of(SCOPE, tenant_id, request_id, fingerprint)
        try:
            async with self._uow() as uow:
                earlier = partial(uow.leads.get_by_request_id, tenant_id)
                if existing := await resources.replayed(uow, request_id, first_use, earlier):
                    return existing
                lead = self._new_lead(tenant_id, draft, request_id, await self._history(uow, tenant_id))
                await first_use(uow.requests, at=lead.created_at, replay=False)
                await uow.leads.add(lead)
                uow.emit(LeadCreated(tenant_id=tenant_id, lead=lead))
                await uow.commit()
            if lead.status in CLOSED_STATUSES:
                self._histories.forget(tenant_id)
            return lead
        except UniqueViolation:
            # A concurrent call with the same request_id committed first: answer with its lead.
            async with self._uow(read_only=True) as uow:
                earlier = partial(uow.leads.get_by_request_id, tenant_id)
                existing = await resources.replayed(uow, request_id, first_use, earlier)
            if existing is None:
                raise
            return existing

    async def get(self, *, tenant_id: int, lead_id: uuid.UUID) -> Lead:
        async with self._uow(read_only=True) as uow:
            return await existing(uow.leads, "lead", tenant_id, lead_id)

    async def list(self, *, tenant_id: int, criteria: LeadFilter, page: PageRequest) -> Page[Lead]:
        async with self._uow(read_only=True) as uow:
            return await uow.leads.list(tenant_id, criteria, page)

    async def update(self, *, tenant_id: int, lead_id: uuid.UUID, changes: LeadChanges) -> Lead:
        """Apply the changes; re-score when an input of the score changed. No change, no event."""
        async with self._uow() as uow:
            lead = await existing(uow.leads, "lead", tenant_id, lead_id, for_update=True)
            updated, changed = with_changes(lead, changes.values, updated_at=utcnow())
            if not changed:
                return lead
            changed.sort()
            if LEAD_SCORE_INPUTS.intersection(changed):
                scored = self._score(updated, await self._history(uow, tenant_id))
                updated = replace(updated, score=scored.score, score_factors=scored.factors)
                if updated.score != lead.score:
                    changed.append("score")
            await uow.leads.save(updated)
            uow.emit(
                LeadUpdated(
                    tenant_id=tenant_id,
                    lead=updated,
                    changed_fields=tuple(changed),
                    previous_score=lead.score,
                )
            )
            await uow.commit()
        if lead.status != updated.status and CLOSED_STATUSES.intersection((lead.status, updated.status)):
            self._histories.forget(tenant_id)
        return updated

    async def delete(self, *, tenant_id: int, lead_id: uuid.UUID) -> None:
        async with self._uow() as uow:
            if not await uow.leads.delete(tenant_id, lead_id):
                raise NotFound("lead", str(lead_id))
            uow.emit(LeadDeleted(tenant_id=tenant_id, lead_id=lead_id))
            await uow.commit()

    async def analytics(self, *, tenant_id: int) -> LeadAnalytics:
        async with self._uow(read_only=True) as uow:
            return await uow.leads.analytics(tenant_id)

    def _new_lead(
        self, tenant_id: int, draft: LeadDraft, request_id: str | None, history: ClosedLeadHistory
    ) -> Lead:
        scored = self._score(draft, history)
        now = utcnow()
        return Lead(
            id=new_id(),
            tenant_id=tenant_id,
            first_name=draft.first_name,
            last_name=draft.last_name,
            email=draft.email,
            phone=draft.phone,
            company=draft.company,
            job_title=draft.job_title,
            status=draft.status,
            source=draft.source,
            priority=draft.priority or LeadPriority(scored.suggested_priority),
            score=scored.score,
            score_factors=scored.factors,
            notes=draft.notes,
            tags=draft.tags,
            assigned_to=draft.assigned_to,
            request_id=request_id,
            created_at=now,
            updated_at=now,
        )

    async def _history(self, uow: LeadUnitOfWork, tenant_id: int) -> ClosedLeadHistory:
        """The tenant's own closed leads, which the score learns from (never another tenant's)."""

        async def read() -> ClosedLeadHistory:
            return history_from_counts(await uow.lead_history.closed_outcomes(tenant_id), self._policy)

        return await self._histories.of(tenant_id, read)

    def _score(self, lead: Lead | LeadDraft, history: ClosedLeadHistory) -> LeadScore:
        profile = LeadProfile(
            email=lead.email,
            source=lead.source.value,
            company=lead.company,
            job_title=lead.job_title,
            phone=lead.phone,
            notes=lead.notes,
        )
        return score_lead(profile, self._policy, history)
