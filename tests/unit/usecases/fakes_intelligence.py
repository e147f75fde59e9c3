"""In-memory stand-ins for the intelligence and workflow ports (server/intelligence/ports.py,
server/workflows/ports.py), and builders of their data.

The fake intelligence reads answer from the fake catalog the way the SQL does where a use case depends on
it: only active products are priced or related, and cross-sell candidates are those of the query's
categories, currency and price band. The fake workflows keep the guards of the SQL transitions: only an
unfinished workflow can be cancelled, and only the attempt holding the lease can heartbeat, succeed or fail.
The fake unit of work restores every repository to what it held when the block began unless it committed.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from decimal import Decimal
from types import TracebackType
from typing import Any, Self

from domain.catalog import Product, ProductAnalysis, ProductStatus
from domain.clock import utcnow
from domain.ids import new_id
from domain.intelligence import CandidatePool, CandidateQuery, PricingRow, PricingSelection, SourceProduct
from domain.money import Money
from domain.paging import Page, PageRequest
from domain.suppliers import Supplier
from domain.workflows import (
    ResultSource,
    Workflow,
    WorkflowError,
    WorkflowFilter,
    WorkflowResult,
    WorkflowState,
    WorkflowType,
)
from engines.classification import Classification
from engines.cross_sell import Candidate
from engines.recommendations import CatalogItem
from server.agents.crew import AgentUnavailable, Progress
from tests.unit.usecases.fakes import FakeUnitOfWork

Key = tuple[int, uuid.UUID]

UNFINISHED = (WorkflowState.PENDING, WorkflowState.RUNNING)


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


class FakeProductRepository:
    def __init__(self) -> None:
        self.products: dict[Key, Product] = {}

    def put(self, product: Product) -> Product:
        """What the catalog would already hold."""
        self.products[(product.tenant_id, product.id)] = product
        return product

    async def get(self, tenant_id: int, product_id: uuid.UUID, *, for_update: bool = False) -> Product | None:
        return self.products.get((tenant_id, product_id))

    async def save(self, product: Product) -> None:
        self.products[(product.tenant_id, product.id)] = product

    async def lock_many(self, tenant_id: int, ids: Sequence[uuid.UUID]) -> list[Product]:
        return [self.products[(tenant_id, i)] for i in sorted(ids) if (tenant_id, i) in self.products]

    async def save_many(self, products: Sequence[Product]) -> None:
        for product in products:
            await self.save(product)


class FakeSupplierRepository:
    def __init__(self) -> None:
        self.suppliers: dict[Key, Supplier] = {}

    async def get(
        self, tenant_id: int, supplier_id: uuid.UUID, *, for_update: bool = False
    ) -> Supplier | None:
        return self.suppliers.get((tenant_id, supplier_id))

    async def get_many(self, tenant_id: int, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Supplier]:
        return {i: self.suppliers[(tenant_id, i)] for i in ids if (tenant_id, i) in self.suppliers}


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


@dataclass(slots=True)
class _Lease:
    owner: str | None = None
    expires_at: datetime | None = None
    available_at: datetime | None = None


class FakeWorkflowRepository:
    def __init__(self) -> None:
        self.workflows: dict[uuid.UUID, Workflow] = {}
        self._leases: dict[uuid.UUID, _Lease] = {}

    async def add(self, workflow: Workflow) -> None:
        self.workflows[workflow.id] = workflow
        self._leases[workflow.id] = _Lease(available_at=workflow.created_at)

    async def get(self, tenant_id: int, workflow_id: uuid.UUID) -> Workflow | None:
        workflow = self.workflows.get(workflow_id)
        return workflow if workflow is not None and workflow.tenant_id == tenant_id else None

    async def unfinished_for(
        self, tenant_id: int, product_id: uuid.UUID, kind: WorkflowType
    ) -> Workflow | None:
        found = [
            w
            for w in self.workflows.values()
            if (w.tenant_id, w.product_id, w.type) == (tenant_id, product_id, kind) and w.state in UNFINISHED
        ]
        return max(found, key=lambda w: w.id, default=None)

    async def list(self, tenant_id: int, criteria: WorkflowFilter, page: PageRequest) -> Page[Workflow]:
        matching = sorted(
            (
                w
                for w in self.workflows.values()
                if w.tenant_id == tenant_id
                and (criteria.type is None or w.type is criteria.type)
                and (not criteria.states or w.state in criteria.states)
                and (criteria.product_id is None or w.product_id == criteria.product_id)
            ),
            key=lambda w: w.id,
            reverse=True,
        )
        after = [w for w in matching if page.after is None or str(w.id) < page.after]
        items = after[: page.size]
        next_after = str(items[-1].id) if len(after) > page.size else None
        return Page(items=items, next_after=next_after, total_size=len(matching))

    async def cancel(self, tenant_id: int, workflow_id: uuid.UUID, now: datetime) -> Workflow | None:
        workflow = await self.get(tenant_id, workflow_id)
        if workflow is None or workflow.state not in UNFINISHED:
            return None
        self._leases[workflow_id] = replace(self._leases[workflow_id], owner=None, expires_at=None)
        return self._store(workflow, state=WorkflowState.CANCELLED, ended_at=now, updated_at=now)

    def _claimable(self, workflow: Workflow, now: datetime) -> bool:
        lease = self._leases[workflow.id]
        if workflow.state is WorkflowState.PENDING:
            return lease.available_at is not None and lease.available_at <= now
        return (
            workflow.state is WorkflowState.RUNNING
            and lease.expires_at is not None
            and lease.expires_at < now
        )

    async def any_claimable(self, now: datetime) -> bool:
        return any(self._claimable(w, now) for w in self.workflows.values())

    async def claim(self, *, owner: str, now: datetime, lease: timedelta) -> Workflow | None:
        claimable = [w for w in self.workflows.values() if self._claimable(w, now)]
        if not claimable:
            return None
        workflow = min(claimable, key=lambda w: self._leases[w.id].available_at or now)
        self._leases[workflow.id] = replace(self._leases[workflow.id], owner=owner, expires_at=now + lease)
        return self._store(
            workflow,
            state=WorkflowState.RUNNING,
            attempts=workflow.attempts + 1,
            started_at=workflow.started_at or now,
            step="starting",
            updated_at=now,
        )

    def _held(self, workflow: Workflow, owner: str) -> Workflow | None:
        current = self.workflows.get(workflow.id)
        held = (
            current is not None
            and current.state is WorkflowState.RUNNING
            and self._leases[workflow.id].owner == owner
            and current.attempts == workflow.attempts
        )
        return current if held else None

    async def heartbeat(
        self, workflow: Workflow, *, owner: str, now: datetime, lease: timedelta, progress: float, step: str
    ) -> bool:
        current = self._held(workflow, owner)
        if current is None:
            return False
        self._leases[workflow.id] = replace(self._leases[workflow.id], expires_at=now + lease)
        self._store(current, progress=progress, step=step[:200], updated_at=now)
        return True

    async def succeed(
        self, workflow: Workflow, *, owner: str, now: datetime, result: WorkflowResult, source: ResultSource
    ) -> Workflow | None:
        current = self._held(workflow, owner)
        if current is None:
            return None
        self._leases[workflow.id] = _Lease()
        return self._store(
            current,
            state=WorkflowState.SUCCEEDED,
            result=result,
            source=source,
            progress=1.0,
            step="done",
            error=None,
            ended_at=now,
            updated_at=now,
        )

    async def fail_attempt(
        self,
        workflow: Workflow,
        *,
        owner: str,
        now: datetime,
        error: WorkflowError,
        retry_at: datetime | None,
    ) -> Workflow | None:
        current = self._held(workflow, owner)
        if current is None:
            return None
        self._leases[workflow.id] = _Lease(available_at=retry_at)
        if retry_at is None:
            return self._store(current, state=WorkflowState.FAILED, error=error, ended_at=now, step="failed")
        return self._store(current, state=WorkflowState.PENDING, error=error, step="waiting to retry")

    def _store(self, workflow: Workflow, **changes: Any) -> Workflow:
        changed = replace(workflow, **changes)
        self.workflows[workflow.id] = changed
        return changed


class FakeIntelligenceUnitOfWork(FakeUnitOfWork):
    """One unit of work for the intelligence use cases, the workflow use cases and the workflow steps, as
    SqlAlchemyUnitOfWork is."""

    def __init__(self) -> None:
        super().__init__()
        self.products = FakeProductRepository()
        self.suppliers = FakeSupplierRepository()
        self.intelligence = FakeIntelligenceRepository(self.products)
        self.workflows = FakeWorkflowRepository()
        self._committed_state = self._state()

    def _repositories(self) -> tuple[Any, ...]:
        return self.products, self.suppliers, self.workflows

    def _state(self) -> list[dict[str, Any]]:
        return [copy.deepcopy(r.__dict__) for r in self._repositories()]

    async def __aenter__(self) -> Self:
        self._committed_state = self._state()
        return await super().__aenter__()

    async def commit(self) -> None:
        await super().commit()
        self._committed_state = self._state()

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        # What was not committed is rolled back, in place, so a test holding a repository sees it.
        for repository, state in zip(self._repositories(), copy.deepcopy(self._committed_state), strict=True):
            repository.__dict__.update(state)
        await super().__aexit__(exc_type, exc, tb)


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
