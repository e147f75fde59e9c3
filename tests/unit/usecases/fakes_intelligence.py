"""In-memory stand-ins for the intelligence port (server/intelligence/ports.py), the crew, and builders of
their data.

The fake intelligence reads answer from the fake catalog the way the SQL does where a use case depends on
it: only active products are priced or related, and cross-sell candidates are those of the query's
categories, currency and price band. The catalog's and the workflows' repositories are the fakes of those
areas (fakes_catalog.py, fakes_workflows.py). The fake unit of work restores every repository to what it
held when the block began unless it committed.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Any

from domain.catalog import Product, ProductAnalysis, ProductStatus
from domain.clock import utcnow
from domain.ids import new_id
from domain.intelligence import CandidatePool, CandidateQuery, PricingRow, PricingSelection, SourceProduct
from domain.money import Money
from engines.classification import Classification
from engines.cross_sell import Candidate
from engines.recommendations import CatalogItem
from server.agents.ports import AgentUnavailable, Progress
from tests.unit.usecases.fakes import RollingBackUnitOfWork
from tests.unit.usecases.fakes_catalog import FakeProductRepository, FakeSupplierRepository
from tests.unit.usecases.fakes_workflows import FakeWorkflowRepository

Key = tuple[int, uuid.UUID]


def a_product(
    tenant_id: int,
    *,
    source: str = "60.00",
    selling: str = "100.00",
    category: str = "fitness",
    status: ProductStatus = ProductStatus.ACTIVE,
    classification: Classification = Classification.MODERATE,
    score: float = 50.0,
    currency: str = "USD",
) -> Product:
    now = utcnow()
    return Product(
        id=new_id(),
        tenant_id=tenant_id,
        sku=f"SKU-{uuid.uuid4().hex[:8]}",
        title="Adjustable Dumbbell Set",
        category=category,
        status=status,
        source_price=Money(Decimal(source), currency),
        recommended_price=Money(Decimal(selling), currency),
        selling_price=Money(Decimal(selling), currency),
        analysis=ProductAnalysis(
            score=score, classification=classification, profit_margin=0.4, factors=(), analyzed_at=now
        ),
        created_at=now,
        updated_at=now,
        stock_available=10,
    )


class FakeIntelligenceRepository:
    """Reads over the fake catalog, plus what the SQL derives from orders: co-purchases and sales."""

    def __init__(self, catalog: FakeProductRepository) -> None:
        self._catalog = catalog
        # Units sold per day, by product; a product absent here never sold in the window.
        self.velocities: dict[Key, float] = {}
        # Orders containing both the source and the key's product, by (tenant, source, candidate).
        self.co_purchases: dict[tuple[int, uuid.UUID, uuid.UUID], int] = {}
        self.source_orders: dict[Key, int] = {}
        self.queries: list[CandidateQuery] = []

    def _active(self, tenant_id: int) -> list[Product]:
        return [
            p
            for (t, _), p in sorted(self._catalog.products.items(), key=lambda kv: kv[0][1])
            if t == tenant_id and p.status is ProductStatus.ACTIVE
        ]

    async def cross_sell_source(self, tenant_id: int, product_id: uuid.UUID) -> SourceProduct | None:
        p = self._catalog.products.get((tenant_id, product_id))
        return SourceProduct(p.id, p.category, p.selling_price.amount, p.currency) if p else None

    async def cross_sell_candidates(self, q: CandidateQuery) -> CandidatePool:
        self.queries.append(q)
        eligible = [
            Candidate(
                id=p.id,
                tenant_id=q.tenant_id,
                sku=p.sku,
                title=p.title,
                category=p.category,
                active=True,
                price=p.selling_price.amount,
                currency=p.currency,
                classification=p.analysis.classification,
                stock_available=p.stock_available,
                co_purchase_count=self.co_purchases.get((q.tenant_id, q.source_id, p.id), 0),
            )
            for p in self._active(q.tenant_id)
            if p.id != q.source_id
            and p.category in q.categories
            and p.currency == q.currency
            and q.min_price <= p.selling_price.amount <= q.max_price
        ]
        eligible.sort(key=lambda c: (-c.co_purchase_count, abs(c.price - q.ideal_price)))
        source_orders = self.source_orders.get((q.tenant_id, q.source_id), 0)
        return CandidatePool(eligible[: q.pool], len(eligible), source_orders)

    async def daily_velocity(
        self, tenant_id: int, product_id: uuid.UUID, *, since: datetime, days: int
    ) -> float | None:
        return self.velocities.get((tenant_id, product_id))

    async def pricing_rows(
        self, tenant_id: int, selection: PricingSelection, *, since: datetime, days: int
    ) -> tuple[list[PricingRow], int]:
        matched = [
            p
            for (t, _), p in sorted(self._catalog.products.items(), key=lambda kv: kv[0][1])
            if t == tenant_id and _selected(p, selection)
        ]
        rows = [
            PricingRow(
                id=p.id,
                sku=p.sku,
                title=p.title,
                category=p.category,
                classification=p.analysis.classification,
                source_price=p.source_price.amount,
                selling_price=p.selling_price.amount,
                currency=p.currency,
                competitor_count=p.competitor_count,
                daily_velocity=self.velocities.get((tenant_id, p.id), 0.0),
            )
            for p in matched
            if p.status is ProductStatus.ACTIVE
        ]
        return rows, len(matched) - len(rows)

    async def existing_ids(self, tenant_id: int, ids: tuple[uuid.UUID, ...]) -> set[uuid.UUID]:
        return {i for i in ids if (tenant_id, i) in self._catalog.products}

    async def related_candidates(
        self, tenant_id: int, source_id: uuid.UUID, categories: tuple[str, ...], *, pool: int
    ) -> list[CatalogItem]:
        found = [p for p in self._active(tenant_id) if p.id != source_id and p.category in categories]
        found.sort(key=lambda p: -p.analysis.score)
        return [
            CatalogItem(
                id=p.id,
                sku=p.sku,
                title=p.title,
                category=p.category,
                price=p.selling_price.amount,
                currency=p.currency,
                dropship_score=p.analysis.score,
                classification=p.analysis.classification,
            )
            for p in found[:pool]
        ]


def _selected(product: Product, selection: PricingSelection) -> bool:
    return (
        (selection.ids is None or product.id in selection.ids)
        and (not selection.category or product.category == selection.category)
        and (selection.classification is None or product.analysis.classification is selection.classification)
    )


class FakeIntelligenceUnitOfWork(RollingBackUnitOfWork):
    """One unit of work for the intelligence use cases, the workflow use cases and the workflow steps, as
    SqlAlchemyUnitOfWork is."""

    def __init__(self) -> None:
        super().__init__()
        self.products = FakeProductRepository()
        self.suppliers = FakeSupplierRepository()
        self.intelligence = FakeIntelligenceRepository(self.products)
        self.workflows = FakeWorkflowRepository()
        self.track(self.products, self.suppliers, self.workflows)


class FakeCrew:
    """The crew: answers every run with `answer`, or is unavailable when `answer` is None."""

    def __init__(self, answer: dict[str, Any] | None) -> None:
        self.answer = answer
        self.runs: list[dict[str, Any]] = []

    async def run(
        self, inputs: dict[str, Any], *, deadline: float | None = None, progress: Progress | None = None
    ) -> Any:
        self.runs.append(inputs)
        if self.answer is None:
            raise AgentUnavailable("the crew is down")
        return self.answer
