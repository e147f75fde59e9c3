"""Durable AI workflows: what they do, their lifecycle, and the typed results they carry."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from domain.catalog import ProductAnalysis
from domain.errors import DomainError, FailedPrecondition
from domain.money import Money
from domain.orders import FraudReview
from engines.classification import Classification
from engines.factors import Factor
from engines.marketing import Strategy
from engines.pricing import BulkSummary


class WorkflowType(enum.StrEnum):
    PRODUCT_CLASSIFICATION = "product_classification"
    MARKETING_STRATEGY = "marketing_strategy"
    BULK_PRICING = "bulk_pricing"
    # The fraud crew's review of a held order (params: order_id).
    FRAUD_REVIEW = "fraud_review"
    # The sourcing crew's discoveries, kept as sourcing candidates (params: the discovery request).
    SOURCING_DISCOVERY = "sourcing_discovery"


class WorkflowState(enum.StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


class ResultSource(enum.StrEnum):
    ENGINE = "engine"
    AGENT = "agent"


@dataclass(frozen=True, slots=True)
class WorkflowError:
    """Why an attempt failed: a google.rpc code name (e.g. UNAVAILABLE) and what happened."""

    code: str
    message: str


@dataclass(frozen=True, slots=True)
class AgentClassification:
    """The classification crew's view of a product, kept beside the engine's (which the product stores)."""

    score: float
    classification: Classification
    factors: tuple[Factor, ...]
    rationale: str


@dataclass(frozen=True, slots=True)
class ClassificationOutcome:
    product_id: uuid.UUID
    analysis: ProductAnalysis
    recommended_price: Money
    previous_classification: Classification | None
    product_updated: bool
    source: ResultSource = ResultSource.ENGINE
    # The crew's view when the classification crew is configured and answered.
    agent: AgentClassification | None = None

    @property
    def score_difference(self) -> float:
        """The crew's score minus the engine's (0 without the crew's view)."""
        return round(self.agent.score - self.analysis.score, 2) if self.agent else 0.0

    @property
    def disagrees(self) -> bool:
        """The crew classified the product differently from the engine."""
        return self.agent is not None and self.agent.classification is not self.analysis.classification


@dataclass(frozen=True, slots=True)
class FraudReviewOutcome:
    order_id: uuid.UUID
    review: FraudReview


@dataclass(frozen=True, slots=True)
class SourcingDiscoveryOutcome:
    """What a discovery run kept: the new candidates, and what it left out (already candidates, unusable)."""

    candidate_ids: tuple[uuid.UUID, ...]
    suggested: int
    duplicates: int
    discarded: int


@dataclass(frozen=True, slots=True)
class MarketingOutcome:
    strategy: Strategy
    source: ResultSource
    generated_at: datetime


@dataclass(frozen=True, slots=True)
class BulkPricingOutcome:
    summary: BulkSummary
    currency: str
    applied: bool
    applied_count: int


WorkflowResult = (
    ClassificationOutcome
    | MarketingOutcome
    | BulkPricingOutcome
    | FraudReviewOutcome
    | SourcingDiscoveryOutcome
)
RESULT_TYPES: dict[WorkflowType, type[Any]] = {
    WorkflowType.PRODUCT_CLASSIFICATION: ClassificationOutcome,
    WorkflowType.MARKETING_STRATEGY: MarketingOutcome,
    WorkflowType.BULK_PRICING: BulkPricingOutcome,
    WorkflowType.FRAUD_REVIEW: FraudReviewOutcome,
    WorkflowType.SOURCING_DISCOVERY: SourcingDiscoveryOutcome,
}


@dataclass(frozen=True, slots=True)
class Workflow:
    id: uuid.UUID
    tenant_id: int
    type: WorkflowType
    state: WorkflowState
    product_id: uuid.UUID | None
    progress: float
    step: str
    attempts: int
    max_attempts: int
    created_at: datetime
    updated_at: datetime
    # What the run needs beyond the product (a bulk pricing request), as a JSON document.
    params: dict[str, Any] = field(default_factory=dict)
    result: WorkflowResult | None = None
    source: ResultSource | None = None
    error: WorkflowError | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None

    @property
    def order_id(self) -> uuid.UUID | None:
        """The order a FRAUD_REVIEW workflow reviews."""
        value = self.params.get("order_id")
        return uuid.UUID(value) if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class WorkflowFilter:
    type: WorkflowType | None = None
    states: tuple[WorkflowState, ...] = ()
    product_id: uuid.UUID | None = None


class WorkflowFinished(FailedPrecondition):
    reason = "WORKFLOW_FINISHED"

    def __init__(self, workflow_id: uuid.UUID, state: WorkflowState) -> None:
        super().__init__(
            f"workflow {workflow_id} already finished ({state.value}); only PENDING or RUNNING workflows "
            "can be cancelled",
            metadata={"workflow_id": str(workflow_id), "state": state.value.upper()},
        )


def error_of(exc: BaseException) -> WorkflowError:
    """What a failed attempt records: the domain error's code, or UNKNOWN for anything else."""
    if isinstance(exc, DomainError):
        return WorkflowError(exc.kind.value, exc.message)
    return WorkflowError("UNKNOWN", f"{type(exc).__name__}: {exc}"[:500])
