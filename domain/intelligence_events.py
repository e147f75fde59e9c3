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
    product_id: uuid.UUID
    outcome: MarketingOutcome
    workflow_id: uuid.UUID | None = None

    @property
    def aggregate_id(self) -> str:
        return str(self.product_id)


@dataclass(frozen=True, kw_only=True)
class WorkflowStarted(DomainEvent):
    event_type: ClassVar[str] = "workflow.started"
    aggregate_type: ClassVar[str] = "workflow"
    workflow: Workflow

    @property
    def aggregate_id(self) -> str:
        return str(self.workflow.id)


@dataclass(frozen=True, kw_only=True)
class WorkflowCompleted(DomainEvent):
    event_type: ClassVar[str] = "workflow.completed"
    aggregate_type: ClassVar[str] = "workflow"
    workflow: Workflow

    @property
    def aggregate_id(self) -> str:
        return str(self.workflow.id)


@dataclass(frozen=True, kw_only=True)
class WorkflowFailed(DomainEvent):
    event_type: ClassVar[str] = "workflow.failed"
    aggregate_type: ClassVar[str] = "workflow"
    workflow: Workflow
    error: WorkflowError

    @property
    def aggregate_id(self) -> str:
        return str(self.workflow.id)


@dataclass(frozen=True, kw_only=True)
class WorkflowCancelled(DomainEvent):
    event_type: ClassVar[str] = "workflow.cancelled"
    aggregate_type: ClassVar[str] = "workflow"
    workflow: Workflow
    previous_state: WorkflowState

    @property
    def aggregate_id(self) -> str:
        return str(self.workflow.id)


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
    run_id: uuid.UUID
    workflow_id: uuid.UUID | None
    summary: BulkSummary
    currency: str
    applied_count: int
    updates: tuple[PriceUpdate, ...]
    batch_index: int
    batch_count: int

    @property
    def aggregate_id(self) -> str:
        return str(self.run_id)
