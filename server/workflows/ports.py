"""What enqueueing and running workflows need of storage: the durable workflow rows and their guarded
transitions, and a unit of work to enqueue in."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Protocol

from domain.events import DomainEvent
from domain.paging import Page, PageRequest
from domain.workflows import (
    ResultSource,
    Workflow,
    WorkflowError,
    WorkflowFilter,
    WorkflowResult,
    WorkflowType,
)


class WorkflowRepository(Protocol):
    async def add(self, workflow: Workflow) -> None: ...

    async def get(self, tenant_id: int, workflow_id: uuid.UUID) -> Workflow | None: ...

    async def unfinished_for(
        self, tenant_id: int, product_id: uuid.UUID, kind: WorkflowType
    ) -> Workflow | None: ...

    async def list(self, tenant_id: int, criteria: WorkflowFilter, page: PageRequest) -> Page[Workflow]: ...

    async def cancel(self, tenant_id: int, workflow_id: uuid.UUID, now: datetime) -> Workflow | None:
        """None when the workflow was already finished (or is not the tenant's)."""
        ...

    async def any_claimable(self, now: datetime) -> bool: ...

    async def claim(self, *, owner: str, now: datetime, lease: timedelta) -> Workflow | None:
        """Start the next attempt of the oldest claimable workflow of any tenant; None when none is."""
        ...

    async def heartbeat(
        self, workflow: Workflow, *, owner: str, now: datetime, lease: timedelta, progress: float, step: str
    ) -> bool:
        """False when the attempt no longer holds the workflow (cancelled, or taken over)."""
        ...

    async def succeed(
        self, workflow: Workflow, *, owner: str, now: datetime, result: WorkflowResult, source: ResultSource
    ) -> Workflow | None:
        """None when the attempt no longer holds the workflow: its completion is refused."""
        ...

    async def fail_attempt(
        self,
        workflow: Workflow,
        *,
        owner: str,
        now: datetime,
        error: WorkflowError,
        retry_at: datetime | None,
    ) -> Workflow | None:
        """PENDING again until `retry_at`, FAILED when it is None; guarded like `succeed`."""
        ...


class EnqueueingUnitOfWork(Protocol):
    """Any area's unit of work that can add a workflow and record its `workflow.started` event."""

    @property
    def workflows(self) -> WorkflowRepository: ...

    def emit(self, event: DomainEvent) -> None: ...
