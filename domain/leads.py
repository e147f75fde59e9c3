"""Leads: prospective customers, their sales stage and their explained score."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from engines.factors import Factor


class LeadStatus(enum.StrEnum):
    NEW = "new"
    CONTACTED = "contacted"
    QUALIFIED = "qualified"
    PROPOSAL = "proposal"
    NEGOTIATION = "negotiation"
    CLOSED_WON = "closed_won"
    CLOSED_LOST = "closed_lost"


class LeadSource(enum.StrEnum):
    WEBSITE = "website"
    REFERRAL = "referral"
    SOCIAL_MEDIA = "social_media"
    EMAIL_CAMPAIGN = "email_campaign"
    COLD_CALL = "cold_call"
    TRADE_SHOW = "trade_show"
    OTHER = "other"


class LeadPriority(enum.StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    URGENT = "urgent"


# The fields a caller may set; also the paths an update mask may name.
LEAD_MUTABLE_FIELDS: tuple[str, ...] = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "company",
    "job_title",
    "status",
    "source",
    "priority",
    "notes",
    "tags",
    "assigned_to",
)
# Changing any of these changes the score.
LEAD_SCORE_INPUTS: frozenset[str] = frozenset(
    {"first_name", "last_name", "email", "phone", "company", "job_title", "source", "notes"}
)

# The tenant's closed leads of one source and lower-cased job title: (source, job title, won, lost).
OutcomeCount = tuple[str, str, int, int]


@dataclass(frozen=True, slots=True)
class LeadDraft:
    """What a caller supplies for a new lead; `priority` None means derive it from the score."""

    first_name: str
    last_name: str
    email: str
    source: LeadSource
    phone: str = ""
    company: str = ""
    job_title: str = ""
    status: LeadStatus = LeadStatus.NEW
    priority: LeadPriority | None = None
    notes: str = ""
    tags: tuple[str, ...] = ()
    assigned_to: str = ""


@dataclass(frozen=True, slots=True)
class Lead:
    id: uuid.UUID
    tenant_id: int
    first_name: str
    last_name: str
    email: str
    phone: str
    company: str
    job_title: str
    status: LeadStatus
    source: LeadSource
    priority: LeadPriority
    score: float
    score_factors: tuple[Factor, ...]
    notes: str
    tags: tuple[str, ...]
    assigned_to: str
    created_at: datetime
    updated_at: datetime
    converted_contact_id: uuid.UUID | None = None
    converted_deal_id: uuid.UUID | None = None
    converted_at: datetime | None = None
    request_id: str | None = None


@dataclass(frozen=True, slots=True)
class LeadChanges:
    """New values for the named fields of a lead (an update mask already applied)."""

    values: Mapping[str, object] = field(default_factory=dict)

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(self.values)


@dataclass(frozen=True, slots=True)
class LeadFilter:
    status: LeadStatus | None = None
    source: LeadSource | None = None
    assigned_to: str | None = None
    # True: converted leads only; False: leads not converted yet; None: both.
    converted: bool | None = None


@dataclass(frozen=True, slots=True)
class LeadAnalytics:
    total: int
    by_status: Mapping[LeadStatus, int]
    by_source: Mapping[LeadSource, int]
    average_score: float
    high_priority: int
    score_buckets: tuple[tuple[float, float, int], ...]
    converted: int

    @property
    def win_rate(self) -> float:
        won = self.by_status.get(LeadStatus.CLOSED_WON, 0)
        closed = won + self.by_status.get(LeadStatus.CLOSED_LOST, 0)
        return won / closed if closed else 0.0

    @property
    def conversion_rate(self) -> float:
        return self.converted / self.total if self.total else 0.0
