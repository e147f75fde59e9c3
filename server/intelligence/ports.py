"""What the intelligence and workflow use cases need of a unit of work, and the policies they share."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol, Self

from domain.catalog import Product
from domain.errors import NotFound
from domain.events import DomainEvent
from engines.classification import ClassificationPolicy
from engines.cross_sell import CrossSellPolicy
from engines.inventory import OptimizerPolicy
from engines.marketing import MarketingPolicy
from engines.pricing import PricingPolicy
from engines.recommendations import RecommendationPolicy
from storage.catalog.repository import ProductRepository
from storage.intelligence.repository import SqlAlchemyIntelligenceRepository
from storage.suppliers.repository import SupplierRepository
from storage.workflows.repository import SqlAlchemyWorkflowRepository


class IntelligenceUnitOfWork(Protocol):
    products: ProductRepository
    suppliers: SupplierRepository
    intelligence: SqlAlchemyIntelligenceRepository
    workflows: SqlAlchemyWorkflowRepository

    async def __aenter__(self) -> Self: ...
    async def __aexit__(self, *exc: object) -> None: ...
    def emit(self, event: DomainEvent) -> None: ...
    async def commit(self) -> None: ...


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


async def existing_product(uow: IntelligenceUnitOfWork, tenant_id: int, product_id: uuid.UUID) -> Product:
    product = await uow.products.get(tenant_id, product_id)
    if product is None:
        raise NotFound("product", str(product_id))
    return product
