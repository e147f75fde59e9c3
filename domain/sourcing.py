"""Sourcing: candidate products found on a marketplace, scored like the catalog's products, kept until they
are imported into the catalog or rejected."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import datetime

from domain.catalog import Product, ProductAnalysis, ProductStatus
from domain.errors import AlreadyExists, ErrorKind, FailedPrecondition, FieldViolation, InvalidArgument
from domain.money import Money
from domain.suppliers import Marketplace

MAX_BATCH_CANDIDATES = 100
MAX_COMPETITOR_PRICES = 50
MAX_DISCOVERY_RESULTS = 50
DEFAULT_DISCOVERY_RESULTS = 10


class CandidateStatus(enum.StrEnum):
    PENDING = "pending"
    IMPORTED = "imported"
    REJECTED = "rejected"


class CandidateOrigin(enum.StrEnum):
    MANUAL = "manual"
    CREW = "crew"


class CandidateOrder(enum.StrEnum):
    NEWEST = "newest"
    SCORE = "score"
    MARGIN = "margin"


@dataclass(frozen=True, slots=True)
class CandidateDraft:
    """What is known of a product found on a marketplace; None means unknown (a neutral factor)."""

    title: str
    category: str
    source_price: Money
    marketplace: Marketplace
    marketplace_id: str = ""
    url: str = ""
    description: str = ""
    supplier_id: uuid.UUID | None = None
    supplier_rating: float | None = None
    supplier_lead_time_days: int | None = None
    review_rating: float | None = None
    review_count: int | None = None
    competitor_count: int | None = None
    competitor_prices: tuple[Money, ...] = ()
    image_urls: tuple[str, ...] = ()

    @property
    def dedupe_key(self) -> str:
        """What makes two candidates the same product: the marketplace id, else the URL."""
        if self.marketplace_id:
            return f"{self.marketplace.value}:{self.marketplace_id}"
        return f"url:{self.url}"


@dataclass(frozen=True, slots=True)
class CandidateScore:
    """The classification engine's analysis of a candidate and the prices it implies."""

    analysis: ProductAnalysis
    recommended_price: Money
    # The selling price the analysis assumed: the market's (median competitor price) or the recommended one.
    expected_price: Money


@dataclass(frozen=True, slots=True)
class Candidate:
    id: uuid.UUID
    tenant_id: int
    draft: CandidateDraft
    score: CandidateScore
    status: CandidateStatus
    origin: CandidateOrigin
    created_at: datetime
    updated_at: datetime
    workflow_id: uuid.UUID | None = None
    product_id: uuid.UUID | None = None
    reject_reason: str = ""
    decided_by: str = ""
    decided_at: datetime | None = None
    request_id: str | None = None
    version: int = 1


@dataclass(frozen=True, slots=True)
class CandidateFilter:
    status: CandidateStatus | None = None
    category: str | None = None
    classification: str | None = None
    min_score: float = 0.0
    origin: CandidateOrigin | None = None
    order: CandidateOrder = CandidateOrder.NEWEST


@dataclass(frozen=True, slots=True)
class Approval:
    """How to import a candidate: the product's sku (None: derived), price, status and opening stock."""

    sku: str | None = None
    selling_price: Money | None = None
    status: ProductStatus = ProductStatus.ACTIVE
    initial_stock: int = 0


@dataclass(frozen=True, slots=True)
class Imported:
    candidate: Candidate
    product: Product


@dataclass(frozen=True, slots=True)
class Skipped:
    """A candidate of a batch left out as a duplicate."""

    index: int
    existing_id: uuid.UUID | None
    reason: str


@dataclass(frozen=True, slots=True)
class BatchAdded:
    candidates: tuple[Candidate, ...]
    skipped: tuple[Skipped, ...]


@dataclass(frozen=True, slots=True)
class DiscoveryRequest:
    """What the sourcing crew is asked to look for."""

    category: str = ""
    query: str = ""
    max_results: int = DEFAULT_DISCOVERY_RESULTS
    currency: str = "USD"


class DuplicateCandidate(AlreadyExists):
    reason = "DUPLICATE_CANDIDATE"

    def __init__(self, existing: uuid.UUID, key: str) -> None:
        super().__init__(
            f"the tenant already has candidate {existing} for {key}",
            metadata={"candidate_id": str(existing), "key": key},
        )


class CandidateRejected(FailedPrecondition):
    reason = "CANDIDATE_REJECTED"

    def __init__(self, candidate_id: uuid.UUID) -> None:
        super().__init__(
            f"candidate {candidate_id} was rejected; a rejected candidate cannot be imported",
            metadata={"candidate_id": str(candidate_id), "status": "REJECTED"},
        )


class CandidateImported(FailedPrecondition):
    reason = "CANDIDATE_IMPORTED"

    def __init__(self, candidate_id: uuid.UUID, product_id: uuid.UUID | None) -> None:
        super().__init__(
            f"candidate {candidate_id} was imported as product {product_id}; it cannot be rejected "
            "(discontinue the product with DeleteProduct)",
            metadata={"candidate_id": str(candidate_id), "product_id": str(product_id)},
        )


class AgentNotConfigured(FailedPrecondition):
    reason = "AGENT_NOT_CONFIGURED"

    def __init__(self, agent: str) -> None:
        super().__init__(
            f"the {agent} crew is not configured in this deployment (set CREWAI_HOST)",
            metadata={"agent": agent},
        )


class TooManyCandidates(InvalidArgument):
    kind = ErrorKind.RESOURCE_EXHAUSTED
    reason = "TOO_MANY_CANDIDATES"

    def __init__(self, count: int, limit: int) -> None:
        super().__init__(
            [FieldViolation("candidates", f"has {count} candidates; at most {limit}")],
            message=f"a batch may have at most {limit} candidates; split it",
        )
