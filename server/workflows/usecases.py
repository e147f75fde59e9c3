"""WorkflowService use cases: start a product classification, read, list and cancel workflows."""

from __future__ import annotations

import uuid

from domain.clock import utcnow
from domain.errors import NotFound
from domain.intelligence_events import WorkflowCancelled
from domain.paging import Page, PageRequest
from domain.workflows import Workflow, WorkflowFilter, WorkflowFinished, WorkflowType
from server.intelligence.ports import UnitOfWorkFactory
from server.resources import existing
from server.workflows.enqueue import enqueue


class WorkflowUseCases:
    def __init__(self, uow: UnitOfWorkFactory, *, max_attempts: int) -> None:
        self._uow = uow
        self._max_attempts = max_attempts

    async def start_classification(self, *, tenant_id: int, product_id: uuid.UUID) -> Workflow:
        """A PENDING classification of the product, or the one already PENDING or RUNNING."""
        async with self._uow() as uow:
            await existing(uow.products, "product", tenant_id, product_id)
            kind = WorkflowType.PRODUCT_CLASSIFICATION
            running = await uow.workflows.unfinished_for(tenant_id, product_id, kind)
            if running is not None:
                return running
            workflow = await enqueue(
                uow, tenant_id=tenant_id, kind=kind, product_id=product_id, max_attempts=self._max_attempts
            )
            await uow.commit()
            return workflow

    async def get(self, *, tenant_id: int, workflow_id: uuid.UUID) -> Workflow:
        async with self._uow(read_only=True) as uow:
            workflow = await uow.workflows.get(tenant_id, workflow_id)
        if workflow is None:
            raise NotFound("workflow", str(workflow_id))
        return workflow

    async def list(self, *, tenant_id: int, criteria: WorkflowFilter, page: PageRequest) -> Page[Workflow]:
        async with self._uow(read_only=True) as uow:
            return await uow.workflows.list(tenant_id, criteria, page)

    async def cancel(self, *, tenant_id: int, workflow_id: uuid.UUID) -> Workflow:
        """CANCELLED from PENDING or RUNNING (one conditional UPDATE); a running attempt notices at its
        next heartbeat and its completion is refused."""
        async with self._uow() as uow:
            before = await uow.workflows.get(tenant_id, workflow_id)
            if before is None:
                raise NotFound("workflow", str(workflow_id))
            cancelled = await uow.workflows.cancel(tenant_id, workflow_id, utcnow())
            if cancelled is None:
                current = await uow.workflows.get(tenant_id, workflow_id)
                raise WorkflowFinished(workflow_id, (current or before).state)
            uow.emit(WorkflowCancelled(tenant_id=tenant_id, workflow=cancelled, previous_state=before.state))
            await uow.commit()
            return cancelled
