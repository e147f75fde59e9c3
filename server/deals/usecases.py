"""Deal use cases: the pipeline with default probabilities, a recorded stage history and closed-deal
protection, plus the pipeline summary."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from domain.clock import utcnow
from domain.crm_events import DealCreated, DealDeleted, DealStageChanged, DealUpdated
from domain.deals import (
    Deal,
    DealChanges,
    DealDraft,
    DealFilter,
    DealPolicy,
    DealStage,
    PipelineQuery,
    PipelineSummary,
    StageChange,
)
from domain.errors import FailedPrecondition, FieldViolation, InvalidArgument, NotFound
from domain.ids import new_id
from domain.paging import Page, PageRequest
from server.deals.outcomes import follow_lead_outcome
from server.deals.ports import DealUnitOfWork
from server.leads.history import ClosedLeadHistories
from server.resources import existing


class DealUseCases:
    def __init__(
        self,
        uow: Callable[..., DealUnitOfWork],
        policy: DealPolicy,
        lead_histories: ClosedLeadHistories | None = None,
    ) -> None:
        self._uow = uow
        self._policy = policy
        # the lead scores' memory of closed leads, which a deal closing or reopening its lead makes stale
        self._lead_histories = lead_histories or ClosedLeadHistories(refresh_seconds=0)

    async def create(self, *, tenant_id: int, draft: DealDraft, actor: str) -> Deal:
        async with self._uow() as uow:
            await check_references(uow, tenant_id, draft.contact_id, draft.lead_id)
            deal = new_deal(tenant_id, draft, actor=actor, policy=self._policy)
            await uow.deals.add(deal)
            uow.emit(DealCreated(tenant_id=tenant_id, deal=deal))
            if deal.stage.is_closed:
                await follow_lead_outcome(uow, deal)
            await uow.commit()
        if deal.stage.is_closed and deal.lead_id is not None:
            self._lead_histories.forget(tenant_id)
        return deal

    async def get(self, *, tenant_id: int, deal_id: uuid.UUID) -> Deal:
        async with self._uow(read_only=True) as uow:
            return await existing(uow.deals, "deal", tenant_id, deal_id)

    async def list(self, *, tenant_id: int, criteria: DealFilter, page: PageRequest) -> Page[Deal]:
        async with self._uow(read_only=True) as uow:
            return await uow.deals.list(tenant_id, criteria, page)

    async def update(
        self, *, tenant_id: int, deal_id: uuid.UUID, changes: DealChanges, allow_reopen: bool, actor: str
    ) -> Deal:
        """Apply the changes; a stage change is recorded, resets the probability and may close or reopen."""
        async with self._uow() as uow:
            deal = await existing(uow.deals, "deal", tenant_id, deal_id, for_update=True)
            values = dict(changes.values)
            stage_moves = "stage" in values and values["stage"] != deal.stage
            if stage_moves and deal.stage.is_closed and not allow_reopen:
                raise _closed(deal)
            await check_references(
                uow, tenant_id, _changed_id(values, deal, "contact_id"), _changed_id(values, deal, "lead_id")
            )
            now = utcnow()
            updated = self._apply(deal, values, stage_moves, now)
            changed = tuple(
                sorted(k for k in {*values, "probability"} if getattr(updated, k) != getattr(deal, k))
            )
            if not changed:
                return deal
            new_changes = [StageChange(deal.stage, updated.stage, actor, now)] if stage_moves else []
            updated = replace(updated, stage_history=(*deal.stage_history, *new_changes))
            await uow.deals.save(updated, new_changes)
            uow.emit(DealUpdated(tenant_id=tenant_id, deal=updated, changed_fields=changed))
            if stage_moves:
                uow.emit(
                    DealStageChanged(
                        tenant_id=tenant_id,
                        deal=updated,
                        from_stage=deal.stage,
                        changed_by=actor,
                        changed_at=now,
                        reopened=deal.stage.is_closed,
                    )
                )
                if deal.stage.is_closed or updated.stage.is_closed:
                    await follow_lead_outcome(uow, updated)
            await uow.commit()
        if stage_moves and updated.lead_id is not None and (deal.stage.is_closed or updated.stage.is_closed):
            self._lead_histories.forget(tenant_id)
        return updated

    async def delete(self, *, tenant_id: int, deal_id: uuid.UUID) -> None:
        async with self._uow() as uow:
            stage = await uow.deals.delete(tenant_id, deal_id)
            if stage is None:
                raise NotFound("deal", str(deal_id))
            uow.emit(DealDeleted(tenant_id=tenant_id, deal_id=deal_id, stage=stage))
            await uow.commit()

    async def pipeline(self, *, tenant_id: int, query: PipelineQuery) -> PipelineSummary:
        async with self._uow(read_only=True) as uow:
            return await uow.deals.pipeline(tenant_id, query)

    def _apply(self, deal: Deal, values: dict[str, object], stage_moves: bool, now: datetime) -> Deal:
        stage = values.get("stage", deal.stage)
        assert isinstance(stage, DealStage)
        # Masked probability wins (unset: the stage's default); a stage move alone resets it to the default.
        if "probability" in values:
            requested = values["probability"]
        else:
            requested = None if stage_moves else deal.probability
        probability = self._policy.probability_for(stage, requested)  # type: ignore[arg-type]
        closed_at = deal.closed_at
        if stage_moves:
            closed_at = now if stage.is_closed else None
        # Mapped per field by the request's validation, each value has the type of its field.
        fields: dict[str, Any] = {
            **values,
            "probability": probability,
            "closed_at": closed_at,
            "updated_at": now,
        }
        return replace(deal, **fields)


def new_deal(tenant_id: int, draft: DealDraft, *, actor: str, policy: DealPolicy) -> Deal:
    """A new deal with its first stage_history entry (from no stage to the initial one)."""
    now = utcnow()
    return Deal(
        id=new_id(),
        tenant_id=tenant_id,
        title=draft.title,
        amount=draft.amount,
        stage=draft.stage,
        probability=policy.probability_for(draft.stage, draft.probability),
        expected_close_date=draft.expected_close_date,
        contact_id=draft.contact_id,
        owner=draft.owner,
        lead_id=draft.lead_id,
        notes=draft.notes,
        close_reason=draft.close_reason,
        closed_at=now if draft.stage.is_closed else None,
        created_at=now,
        updated_at=now,
        stage_history=(StageChange(None, draft.stage, actor, now),),
    )


async def check_references(
    uow: DealUnitOfWork, tenant_id: int, contact_id: uuid.UUID | None, lead_id: uuid.UUID | None
) -> None:
    """INVALID_ARGUMENT naming each referenced contact or lead that does not exist in the tenant."""
    violations = []
    # Locking the contact row orders this against a concurrent DeleteContact, so its detach sees our deal.
    if contact_id is not None and await uow.contacts.get(tenant_id, contact_id, for_update=True) is None:
        violations.append(FieldViolation("deal.contact_id", f"no contact {contact_id} in this tenant"))
    if lead_id is not None and await uow.leads.get(tenant_id, lead_id) is None:
        violations.append(FieldViolation("deal.lead_id", f"no lead {lead_id} in this tenant"))
    if violations:
        raise InvalidArgument(violations)


def _closed(deal: Deal) -> FailedPrecondition:
    return FailedPrecondition(
        f"deal {deal.id} is {deal.stage.value}; set allow_reopen to change the stage of a closed deal",
        reason="DEAL_CLOSED",
        metadata={"deal_id": str(deal.id), "stage": deal.stage.value},
    )


def _changed_id(values: dict[str, object], deal: Deal, name: str) -> uuid.UUID | None:
    value = values.get(name)
    return value if isinstance(value, uuid.UUID) and value != getattr(deal, name) else None
