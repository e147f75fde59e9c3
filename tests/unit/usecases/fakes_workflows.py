"""In-memory stand-in for the workflow repository (server/workflows/ports.py), kept apart because the
catalog's and the intelligence's fake units of work both hold one. It keeps the guards of the SQL transitions:
only an unfinished workflow can be cancelled, and only the attempt holding the lease can heartbeat, succeed or
fail."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from domain.paging import Page, PageRequest
from domain.workflows import (
    ResultSource,
    Workflow,
    WorkflowError,
    WorkflowFilter,
    WorkflowResult,
    WorkflowState,
    WorkflowType,
)

UNFINISHED = (WorkflowState.PENDING, WorkflowState.RUNNING)


@dataclass(slots=True)
class _Lease:
    owner: str | None = None
    expires_at: datetime | None = None
    available_at: datetime | None = None


class FakeWorkflowRepository:
    def __init__(self) -> None:
        self.workflows: dict[uuid.UUID, Workflow] = {}
        self._leases: dict[uuid.UUID, _Lease] = {}

    async def add(self, workflow: Workflow) -> None:
        self.workflows[workflow.id] = workflow
        self._leases[workflow.id] = _Lease(available_at=workflow.created_at)

    async def get(self, tenant_id: int, workflow_id: uuid.UUID) -> Workflow | None:
        workflow = self.workflows.get(workflow_id)
        return workflow if workflow is not None and workflow.tenant_id == tenant_id else None

    async def unfinished_for(
        self, tenant_id: int, product_id: uuid.UUID, kind: WorkflowType
    ) -> Workflow | None:
        found = [
            w
            for w in self.workflows.values()
            if (w.tenant_id, w.product_id, w.type) == (tenant_id, product_id, kind) and w.state in UNFINISHED
        ]
        return max(found, key=lambda w: w.id, default=None)

    async def list(self, tenant_id: int, criteria: WorkflowFilter, page: PageRequest) -> Page[Workflow]:
        matching = sorted(
            (
                w
                for w in self.workflows.values()
                if w.tenant_id == tenant_id
                and (criteria.type is None or w.type is criteria.type)
                and (not criteria.states or w.state in criteria.states)
                and (criteria.product_id is None or w.product_id == criteria.product_id)
            ),
            key=lambda w: w.id,
            reverse=True,
        )
        after = [w for w in matching if page.after is None or str(w.id) < page.after]
        items = after[: page.size]
        next_after = str(items[-1].id) if len(after) > page.size else None
        return Page(items=items, next_after=next_after, total_size=len(matching))

    async def cancel(self, tenant_id: int, workflow_id: uuid.UUID, now: datetime) -> Workflow | None:
        workflow = await self.get(tenant_id, workflow_id)
        if workflow is None or workflow.state not in UNFINISHED:
            return None
        self._leases[workflow_id] = replace(self._leases[workflow_id], owner=None, expires_at=None)
        return self._store(workflow, state=WorkflowState.CANCELLED, ended_at=now, updated_at=now)

    def _claimable(self, workflow: Workflow, now: datetime) -> bool:
        lease = self._leases[workflow.id]
        if workflow.state is WorkflowState.PENDING:
            return lease.available_at is not None and lease.available_at <= now
        return (
            workflow.state is WorkflowState.RUNNING
            and lease.expires_at is not None
            and lease.expires_at < now
        )

    async def any_claimable(self, now: datetime) -> bool:
        return any(self._claimable(w, now) for w in self.workflows.values())

    async def claim(self, *, owner: str, now: datetime, lease: timedelta) -> Workflow | None:
        claimable = [w for w in self.workflows.values() if self._claimable(w, now)]
        if not claimable:
            return None
        workflow = min(claimable, key=lambda w: self._leases[w.id].available_at or now)
        self._leases[workflow.id] = replace(self._leases[workflow.id], owner=owner, expires_at=now + lease)
        return self._store(
            workflow,
            state=WorkflowState.RUNNING,
            attempts=workflow.attempts + 1,
            started_at=workflow.started_at or now,
            step="starting",
            updated_at=now,
        )

    def _held(self, workflow: Workflow, owner: str) -> Workflow | None:
        current = self.workflows.get(workflow.id)
        held = (
            current is not None
            and current.state is WorkflowState.RUNNING
            and self._leases[workflow.id].owner == owner
            and current.attempts == workflow.attempts
        )
        return current if held else None

    async def heartbeat(
        self, workflow: Workflow, *, owner: str, now: datetime, lease: timedelta, progress: float, step: str
    ) -> bool:
        current = self._held(workflow, owner)
        if current is None:
            return False
        self._leases[workflow.id] = replace(self._leases[workflow.id], expires_at=now + lease)
        self._store(current, progress=progress, step=step[:200], updated_at=now)
        return True

    async def succeed(
        self, workflow: Workflow, *, owner: str, now: datetime, result: WorkflowResult, source: ResultSource
    ) -> Workflow | None:
        current = self._held(workflow, owner)
        if current is None:
            return None
        self._leases[workflow.id] = _Lease()
        return self._store(
            current,
            state=WorkflowState.SUCCEEDED,
            result=result,
            source=source,
            progress=1.0,
            step="done",
            error=None,
            ended_at=now,
            updated_at=now,
        )

    async def fail_attempt(
        self,
        workflow: Workflow,
        *,
        owner: str,
        now: datetime,
        error: WorkflowError,
        retry_at: datetime | None,
    ) -> Workflow | None:
        current = self._held(workflow, owner)
        if current is None:
            return None
        self._leases[workflow.id] = _Lease(available_at=retry_at)
        if retry_at is None:
            return self._store(current, state=WorkflowState.FAILED, error=error, ended_at=now, step="failed")
        return self._store(current, state=WorkflowState.PENDING, error=error, step="waiting to retry")

    def _store(self, workflow: Workflow, **changes: Any) -> Workflow:
        changed = replace(workflow, **changes)
        self.workflows[workflow.id] = changed
        return changed
