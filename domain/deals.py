"""Deals: sales opportunities moving through pipeline stages, with their stage history."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType

from domain.money import Money, to_cents


class DealStage(enum.StrEnum):
    PROSPECTING = "prospecting"
    QUALIFICATION = "qualification"
    PROPOSAL = "proposal"
    NEGOTIATION = "negotiation"
    CLOSED_WON = "closed_won"
    CLOSED_LOST = "closed_lost"

    @property
    def is_closed(self) -> bool:
        return self in CLOSED_STAGES


CLOSED_STAGES: frozenset[DealStage] = frozenset({DealStage.CLOSED_WON, DealStage.CLOSED_LOST})

DEFAULT_STAGE_PROBABILITIES: Mapping[DealStage, float] = MappingProxyType(
    {
        DealStage.PROSPECTING: 0.10,
        DealStage.QUALIFICATION: 0.25,
        DealStage.PROPOSAL: 0.50,
        DealStage.NEGOTIATION: 0.75,
        DealStage.CLOSED_WON: 1.0,
        DealStage.CLOSED_LOST: 0.0,
    }
)

DEAL_MUTABLE_FIELDS: tuple[str, ...] = (
    "title",
    "amount",
    "stage",
    "probability",
    "expected_close_date",
    "contact_id",
    "owner",
    "lead_id",
    "notes",
    "close_reason",
)


@dataclass(frozen=True, slots=True)
class DealPolicy:
    """Default probability of each stage; closed stages are always 1 (won) and 0 (lost)."""

    stage_probabilities: Mapping[DealStage, float] = field(
        default_factory=lambda: DEFAULT_STAGE_PROBABILITIES
    )

    def probability_for(self, stage: DealStage, requested: float | None) -> float:
        if stage is DealStage.CLOSED_WON:
            return 1.0
        if stage is DealStage.CLOSED_LOST:
            return 0.0
        return self.stage_probabilities[stage] if requested is None else requested


def weighted_amount(amount: Money, probability: float) -> Money:
    """amount x probability, half-up to the cent."""
    return Money(to_cents(amount.amount * Decimal(repr(probability))), amount.currency)


@dataclass(frozen=True, slots=True)
class StageChange:
    from_stage: DealStage | None
    to_stage: DealStage
    changed_by: str
    changed_at: datetime


@dataclass(frozen=True, slots=True)
class DealDraft:
    """What a caller supplies for a new deal; `probability` None means the stage's default."""

    title: str
    amount: Money
    stage: DealStage = DealStage.PROSPECTING
    probability: float | None = None
    expected_close_date: date | None = None
    contact_id: uuid.UUID | None = None
    owner: str = ""
    lead_id: uuid.UUID | None = None
    notes: str = ""
    close_reason: str = ""


@dataclass(frozen=True, slots=True)
class Deal:
    id: uuid.UUID
    tenant_id: int
    title: str
    amount: Money
    stage: DealStage
    probability: float
    expected_close_date: date | None
    contact_id: uuid.UUID | None
    owner: str
    lead_id: uuid.UUID | None
    notes: str
    close_reason: str
    closed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    stage_history: tuple[StageChange, ...] = ()

    @property
    def weighted_amount(self) -> Money:
        return weighted_amount(self.amount, self.probability)


@dataclass(frozen=True, slots=True)
class DealChanges:
    """New values for the named fields of a deal (an update mask already applied)."""

    values: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DealFilter:
    stages: tuple[DealStage, ...] = ()
    owner: str = ""
    contact_id: uuid.UUID | None = None
    close_from: date | None = None
    close_to: date | None = None
    open_only: bool = False


@dataclass(frozen=True, slots=True)
class StageFigures:
    stage: DealStage
    count: int
    amount: Decimal
    weighted_amount: Decimal
    average_probability: float


@dataclass(frozen=True, slots=True)
class PipelineQuery:
    period_start: datetime
    period_end: datetime
    owner: str = ""
    currency: str | None = None  # None: the tenant's most used currency


@dataclass(frozen=True, slots=True)
class PipelineSummary:
    stages: tuple[StageFigures, ...]
    won_count: int
    won_amount: Decimal
    lost_count: int
    lost_amount: Decimal
    period_start: datetime
    period_end: datetime
    currency: str
    excluded_count: int

    @property
    def open_stages(self) -> tuple[StageFigures, ...]:
        return tuple(s for s in self.stages if not s.stage.is_closed)

    @property
    def win_rate(self) -> float:
        closed = self.won_count + self.lost_count
        return self.won_count / closed if closed else 0.0
