"""What each workflow type does. `run` computes the result (engines, the crew) outside any transaction;
the returned `apply` writes its side effects inside the transaction that marks the workflow SUCCEEDED, so
they happen exactly when the completion does."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from domain.catalog import Product
from domain.catalog_events import ProductAnalysisStarted
from domain.clock import utcnow
from domain.errors import Unavailable
from domain.intelligence_events import MarketingStrategyGenerated
from domain.suppliers import Supplier
from domain.workflows import (
    AgentClassification,
    ClassificationOutcome,
    ResultSource,
    Workflow,
    WorkflowResult,
    WorkflowType,
)
from server.agents.ports import AgentUnavailable, Crew
from server.agents.tasks import classification_view
from server.catalog.scoring import reanalyzed
from server.intelligence.ports import (
    IntelligencePolicies,
    IntelligenceUnitOfWork,
    UnitOfWorkFactory,
)
from server.intelligence.pricing import PricingUseCases, apply_prices, bulk_request_of
from server.intelligence.usecases import IntelligenceUseCases, product_inputs
from server.resources import existing

Report = Callable[[float, str], Awaitable[None]]

# The runner's unit of work holds every area's repositories; each step's apply names the port it writes
# through (IntelligenceUnitOfWork, OrderUnitOfWork, SourcingUnitOfWork).
Apply = Callable[[Any, Workflow], Awaitable[None]]

# A crew run inside a workflow may take longer than one RPC's AI_REQUEST_TIMEOUT.
AGENT_DEADLINE_FACTOR = 10


@dataclass(frozen=True, slots=True)
class StepOutcome:
    result: WorkflowResult
    source: ResultSource
    apply: Apply


# A workflow type's step that lives in another area (the fraud review, the sourcing discovery).
Step = Callable[[Workflow, Report], Awaitable[StepOutcome]]


class WorkflowSteps:
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        policies: IntelligencePolicies,
        intelligence: IntelligenceUseCases,
        pricing: PricingUseCases,
        *,
        agent_timeout: float,
        crew: Crew | None = None,
        others: Mapping[WorkflowType, Step] | None = None,
    ) -> None:
        self._uow = uow
        self._policies = policies
        self._intelligence = intelligence
        self._pricing = pricing
        self._agent_deadline = agent_timeout * AGENT_DEADLINE_FACTOR
        self._crew = crew
        self._steps: dict[WorkflowType, Step] = {
            WorkflowType.PRODUCT_CLASSIFICATION: self._classification,
            WorkflowType.MARKETING_STRATEGY: self._marketing,
            WorkflowType.BULK_PRICING: self._bulk_pricing,
            **(others or {}),
        }

    async def run(self, workflow: Workflow, report: Report) -> StepOutcome:
        step = self._steps.get(workflow.type)
        if step is None:
            raise Unavailable(f"this server cannot run {workflow.type.value} workflows")
        return await step(workflow, report)

    async def _classification(self, workflow: Workflow, report: Report) -> StepOutcome:
        assert workflow.product_id is not None
        await report(0.2, "scoring factors")
        product_id, tenant_id = workflow.product_id, workflow.tenant_id

        async def apply(uow: IntelligenceUnitOfWork, done: Workflow) -> None:
            # Re-read under lock: the analysis is of the product as it is when the workflow completes.
            product = await uow.products.get(tenant_id, product_id, for_update=True)
            if product is None:
                return
            supplier = (
                await uow.suppliers.get(tenant_id, product.supplier_id) if product.supplier_id else None
            )
            now = utcnow()
            updated = reanalyzed(product, supplier, self._policies.classification, now)
            if (
                updated.analysis.factors != product.analysis.factors
                or updated.recommended_price != product.recommended_price
            ):
                await uow.products.save(replace(updated, updated_at=now, version=product.version + 1))

        async with self._uow() as uow:
            product = await existing(uow.products, "product", tenant_id, product_id)
            supplier = (
                await uow.suppliers.get(tenant_id, product.supplier_id) if product.supplier_id else None
            )
            uow.emit(
                ProductAnalysisStarted(
                    tenant_id=tenant_id,
                    product_id=product_id,
                    sku=product.sku,
                    trigger="workflow",
                    workflow_id=str(workflow.id),
                )
            )
            await uow.commit()
        analysed = reanalyzed(product, supplier, self._policies.classification, utcnow())
        agent = await self._crew_view(product, supplier, report)
        result = ClassificationOutcome(
            product_id=product_id,
            analysis=analysed.analysis,
            recommended_price=analysed.recommended_price,
            previous_classification=product.analysis.classification,
            product_updated=True,
            agent=agent,
        )
        return StepOutcome(result, ResultSource.AGENT if agent else ResultSource.ENGINE, apply)

    async def _crew_view(
        self, product: Product, supplier: Supplier | None, report: Report
    ) -> AgentClassification | None:
        """The classification crew's view, recorded beside the engine's; None without the crew or when it
        fails (the engine's analysis stands alone, and the result's source says so)."""
        if self._crew is None:
            return None
        await report(0.5, "asking the classification crew")

        async def progress(step: str) -> None:
            await report(0.6, step)

        # The product as the engine sees it, without the engine's verdict: the crew's view is its own.
        engine_verdict = ("classification", "dropship_score")
        inputs = {
            **{k: v for k, v in product_inputs(product).items() if k not in engine_verdict},
            "competitor_count": product.competitor_count,
            "review_rating": product.review_rating,
            "review_count": product.review_count,
            "supplier_rating": supplier.rating if supplier else None,
            "supplier_lead_time_days": supplier.lead_time_days if supplier else None,
        }
        try:
            return await classification_view(
                self._crew,
                inputs,
                self._policies.classification,
                deadline=self._agent_deadline,
                progress=progress,
            )
        except AgentUnavailable:
            return None

    async def _marketing(self, workflow: Workflow, report: Report) -> StepOutcome:
        assert workflow.product_id is not None
        async with self._uow(read_only=True) as uow:
            product = await existing(uow.products, "product", workflow.tenant_id, workflow.product_id)
        await report(0.1, "asking the marketing crew")

        async def progress(step: str) -> None:
            await report(0.5, step)

        outcome = await self._intelligence.build_strategy(
            product, None, use_agent=True, deadline=self._agent_deadline, progress=progress
        )

        async def apply(uow: IntelligenceUnitOfWork, done: Workflow) -> None:
            uow.emit(
                MarketingStrategyGenerated(
                    tenant_id=done.tenant_id, product_id=product.id, outcome=outcome, workflow_id=done.id
                )
            )

        return StepOutcome(outcome, outcome.source, apply)

    async def _bulk_pricing(self, workflow: Workflow, report: Report) -> StepOutcome:
        request = bulk_request_of(workflow.params)
        await report(0.1, "selecting products")
        now = utcnow()
        async with self._uow(read_only=True) as uow:
            rows, skipped = await self._pricing.select(uow, workflow.tenant_id, request, now)
        await report(0.4, f"pricing {len(rows)} products")
        priced, outcome = self._pricing.price_all(rows, skipped, request, now)
        applied_box: list[object] = []

        async def apply(uow: IntelligenceUnitOfWork, done: Workflow) -> None:
            applied_box.append(
                await apply_prices(
                    uow, done.tenant_id, priced, outcome, self._policies, run_id=done.id, workflow_id=done.id
                )
            )

        # The stored summary is the applied one: counts are known before the write (every changed price
        # is written unless it moved since; such products are reported by the event batches).
        result = replace(outcome, applied=True, applied_count=sum(1 for p in priced if p.result.changed))
        return StepOutcome(result, ResultSource.ENGINE, apply)
