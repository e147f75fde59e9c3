"""Intelligence and workflow events (topics <prefix>marketing, <prefix>workflows, <prefix>products)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from domain.events import DomainEvent
from domain.workflows import MarketingOutcome, Workflow, WorkflowError, WorkflowState
from engines.pricing import BulkSummary


@dataclass(frozen=True, kw_only=True)
class MarketingStrategyGenerated(DomainEvent):
    event_type: ClassVar[str] = "marketing.strategy_generated"
    aggregate_type: ClassVar[str] = "marketing"
    aggregate_field: ClassVar[str] = "product_id"
    product_id: uuid.UUID
    outcome: MarketingOutcome
    workflow_id: uuid.UUID | None = None


@dataclass(frozen=True, kw_only=True)
class WorkflowStarted(DomainEvent):
    event_type: ClassVar[str] = "workflow.started"
    aggregate_type: ClassVar[str] = "workflow"
    aggregate_field: ClassVar[str] = "workflow"
    workflow: Workflow


@dataclass(frozen=True, kw_only=True)
class WorkflowCompleted(DomainEvent):
    event_type: ClassVar[str] = "workflow.completed"
    aggregate_type: ClassVar[str] = "workflow"
    aggregate_field: ClassVar[str] = "workflow"
    workflow: Workflow


@dataclass(frozen=True, kw_only=True)
class WorkflowFailed(DomainEvent):
    event_type: ClassVar[str] = "workflow.failed"
    aggregate_type: ClassVar[str] = "workflow"
    aggregate_field: ClassVar[str] = "workflow"
    workflow: Workflow
    error: WorkflowError


@dataclass(frozen=True, kw_only=True)
class WorkflowCancelled(DomainEvent):
    event_type: ClassVar[str] = "workflow.cancelled"
    aggregate_type: ClassVar[str] = "workflow"
    aggregate_field: ClassVar[str] = "workflow"
    workflow: Workflow
    previous_state: WorkflowState


@dataclass(frozen=True, slots=True)
class PriceUpdate:
    product_id: uuid.UUID
    sku: str
    old_price: Decimal
    new_price: Decimal
    change_percent: float


@dataclass(frozen=True, kw_only=True)
class PricesOptimized(DomainEvent):
    event_type: ClassVar[str] = "products.prices_optimized"
    aggregate_type: ClassVar[str] = "product"
    aggregate_field: ClassVar[str] = "run_id"
    run_id: uuid.UUID
    workflow_id: uuid.UUID | None
    summary: BulkSummary
    currency: str
    applied_count: int
    updates: tuple[PriceUpdate, ...]
    batch_index: int
    batch_count: int
