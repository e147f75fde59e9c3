"""What the intelligence use cases and the workflow steps need of storage: the intelligence reads, the
products they price and re-score, their suppliers, the workflows, and one transaction; and the policies
they share."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from domain.catalog import Product
from domain.intelligence import CandidatePool, CandidateQuery, PricingRow, PricingSelection, SourceProduct
from domain.suppliers import Supplier
from engines.classification import ClassificationPolicy
from engines.cross_sell import CrossSellPolicy
from engines.inventory import OptimizerPolicy
from engines.marketing import MarketingPolicy
from engines.pricing import PricingPolicy
from engines.recommendations import CatalogItem, RecommendationPolicy
from server.unit_of_work import UnitOfWork
from server.workflows.ports import WorkflowRepository


class IntelligenceRepository(Protocol):
    """The read-only queries behind cross-sell, pricing and related products."""

    async def cross_sell_source(self, tenant_id: int, product_id: uuid.UUID) -> SourceProduct | None: ...

    async def cross_sell_candidates(self, q: CandidateQuery) -> CandidatePool: ...

    async def daily_velocity(
        self, tenant_id: int, product_id: uuid.UUID, *, since: datetime, days: int
    ) -> float | None:
        """Units sold per day since `since`; None when the product never sold in the window."""
        ...

    async def pricing_rows(
        self, tenant_id: int, selection: PricingSelection, *, since: datetime, days: int
    ) -> tuple[list[PricingRow], int]:
        """The active products a bulk run prices, and how many matched products it skips (not active)."""
        ...

    async def existing_ids(self, tenant_id: int, ids: tuple[uuid.UUID, ...]) -> set[uuid.UUID]: ...

    async def related_candidates(
        self, tenant_id: int, source_id: uuid.UUID, categories: tuple[str, ...], *, pool: int
    ) -> list[CatalogItem]: ...


class IntelligenceProducts(Protocol):
    """The part of the product repository that pricing and the workflow steps read and write."""

    async def get(
        self, tenant_id: int, product_id: uuid.UUID, *, for_update: bool = False
    ) -> Product | None: ...

    async def save(self, product: Product) -> None: ...

    async def lock_many(self, tenant_id: int, ids: Sequence[uuid.UUID]) -> list[Product]: ...

    async def save_many(self, products: Sequence[Product]) -> None: ...


class IntelligenceSuppliers(Protocol):
    """The suppliers a product's re-analysis scores it with."""

    async def get(
        self, tenant_id: int, supplier_id: uuid.UUID, *, for_update: bool = False
    ) -> Supplier | None: ...

    async def get_many(self, tenant_id: int, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Supplier]: ...


class IntelligenceUnitOfWork(UnitOfWork, Protocol):
    @property
    def products(self) -> IntelligenceProducts: ...

    @property
    def suppliers(self) -> IntelligenceSuppliers: ...

    @property
    def intelligence(self) -> IntelligenceRepository: ...

    @property
    def workflows(self) -> WorkflowRepository: ...


UnitOfWorkFactory = Callable[..., IntelligenceUnitOfWork]


@dataclass(frozen=True, slots=True)
class IntelligencePolicies:
    cross_sell: CrossSellPolicy = field(default_factory=CrossSellPolicy)
    pricing: PricingPolicy = field(default_factory=PricingPolicy)
    marketing: MarketingPolicy = field(default_factory=MarketingPolicy)
    recommendations: RecommendationPolicy = field(default_factory=RecommendationPolicy)
    classification: ClassificationPolicy = field(default_factory=ClassificationPolicy)
    # The sales history window of demand and revenue estimates (the inventory optimiser's).
    history_days: int = OptimizerPolicy().history_days
    # Most attempts a workflow gets (AI_RETRY_COUNT + 1).
    max_attempts: int = 4
