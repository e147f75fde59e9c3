"""What each workflow type does. `run` computes the result (engines, the crew) outside any transaction;
the returned `apply` writes its side effects inside the transaction that marks the workflow SUCCEEDED, so
they happen exactly when the completion does."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace

from domain.catalog_events import ProductAnalysisStarted
from domain.clock import utcnow
from domain.intelligence_events import MarketingStrategyGenerated
from domain.workflows import (
    ClassificationOutcome,
    ResultSource,
    Workflow,
    WorkflowResult,
    WorkflowType,
)
from server.catalog.scoring import reanalyzed
from server.intelligence.ports import (
    IntelligencePolicies,
    IntelligenceUnitOfWork,
    UnitOfWorkFactory,
)
from server.intelligence.pricing import PricingUseCases, apply_prices, bulk_request_of
from server.intelligence.usecases import IntelligenceUseCases
from server.resources import existing

Report = Callable[[float, str], Awaitable[None]]

Apply = Callable[[IntelligenceUnitOfWork, Workflow], Awaitable[None]]

# A crew run inside a workflow may take longer than one RPC's AI_REQUEST_TIMEOUT.
AGENT_DEADLINE_FACTOR = 10


@dataclass(frozen=True, slots=True)
class StepOutcome:
    result: WorkflowResult
    source: ResultSource
    apply: Apply


class WorkflowSteps:
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        policies: IntelligencePolicies,
        intelligence: IntelligenceUseCases,
        pricing: PricingUseCases,
        *,
        agent_timeout: float,
    ) -> None:
        self._uow = uow
        self._policies = policies
        self._intelligence = intelligence
        self._pricing = pricing
        self._agent_deadline = agent_timeout * AGENT_DEADLINE_FACTOR

    async def run(self, workflow: Workflow, report: Report) -> StepOutcome:
        step = {
            WorkflowType.PRODUCT_CLASSIFICATION: self._classification,
            WorkflowType.MARKETING_STRATEGY: self._marketing,
            WorkflowType.BULK_PRICING: self._bulk_pricing,
        }[workflow.type]
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
        result = ClassificationOutcome(
            product_id=product_id,
            analysis=analysed.analysis,
            recommended_price=analysed.recommended_price,
            previous_classification=product.analysis.classification,
            product_updated=True,
        )
        return StepOutcome(result, ResultSource.ENGINE, apply)

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
