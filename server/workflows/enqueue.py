"""Enqueueing a workflow: a PENDING row and its `workflow.started` event, in the caller's unit of work."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from domain.catalog import Product
from domain.clock import utcnow
from domain.ids import new_id
from domain.intelligence_events import WorkflowStarted
from domain.workflows import Workflow, WorkflowState, WorkflowType
from server.workflows.ports import EnqueueingUnitOfWork

# Marketing strategies enqueued by CreateProduct get this many attempts (AI_RETRY_COUNT's default + 1).
DEFAULT_MAX_ATTEMPTS = 4


async def enqueue(
    uow: EnqueueingUnitOfWork,
    *,
    tenant_id: int,
    kind: WorkflowType,
    product_id: uuid.UUID | None,
    max_attempts: int,
    params: dict[str, Any] | None = None,
) -> Workflow:
    now = utcnow()
    workflow = Workflow(
        id=new_id(),
        tenant_id=tenant_id,
        type=kind,
        state=WorkflowState.PENDING,
        product_id=product_id,
        progress=0.0,
        step="queued",
        attempts=0,
        max_attempts=max_attempts,
        params=params or {},
        created_at=now,
        updated_at=now,
    )
    await uow.workflows.add(workflow)
    uow.emit(WorkflowStarted(tenant_id=tenant_id, workflow=workflow, occurred_at=now))
    return workflow


@dataclass(frozen=True, slots=True)
class MarketingOnCreate:
    """Whether CreateProduct's analysis queues the marketing-strategy workflow, and its attempts."""

    enabled: bool
    max_attempts: int = DEFAULT_MAX_ATTEMPTS


async def enqueue_product_marketing(
    uow: EnqueueingUnitOfWork, product: Product, marketing: MarketingOnCreate
) -> Workflow | None:
    """The MARKETING_STRATEGY workflow of a new product's analysis, when enabled (see
    MARKETING_WORKFLOW_ON_CREATE: by default where the marketing crew is deployed, since without it the
    engine answers GenerateMarketingStrategy at once and a background run adds only events)."""
    if not marketing.enabled:
        return None
    return await enqueue(
        uow,
        tenant_id=product.tenant_id,
        kind=WorkflowType.MARKETING_STRATEGY,
        product_id=product.id,
        max_attempts=marketing.max_attempts,
    )


NO_MARKETING_ON_CREATE = MarketingOnCreate(enabled=False)
