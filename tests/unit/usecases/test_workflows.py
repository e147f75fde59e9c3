"""Starting, reading and cancelling workflows, and what each workflow type's step computes and applies, on
in-memory fakes."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest

from domain.catalog_events import ProductAnalysisStarted
from domain.clock import utcnow
from domain.errors import NotFound
from domain.ids import new_id
from domain.intelligence import BulkPricingRequest, MarketConditions, PricingSelection
from domain.intelligence_events import (
    MarketingStrategyGenerated,
    PricesOptimized,
    WorkflowCancelled,
    WorkflowCompleted,
    WorkflowFailed,
    WorkflowStarted,
)
from domain.money import Money
from domain.paging import PageRequest
from domain.workflows import (
    BulkPricingOutcome,
    ClassificationOutcome,
    MarketingOutcome,
    ResultSource,
    Workflow,
    WorkflowFilter,
    WorkflowFinished,
    WorkflowState,
    WorkflowType,
)
from engines.classification import Classification
from server.events.signal import Signal
from server.intelligence.ports import IntelligencePolicies
from server.intelligence.pricing import PricingUseCases, bulk_params
from server.intelligence.usecases import IntelligenceUseCases
from server.workflows.enqueue import enqueue
from server.workflows.runner import RunnerSettings, WorkflowRunner
from server.workflows.steps import WorkflowSteps
from server.workflows.usecases import WorkflowUseCases
from tests.unit.usecases.fakes_intelligence import FakeCrew, FakeIntelligenceUnitOfWork, a_product

TENANT = 7

POLICIES = IntelligencePolicies()


@pytest.fixture
def uow() -> FakeIntelligenceUnitOfWork:
    return FakeIntelligenceUnitOfWork()


@pytest.fixture
def workflows(uow: FakeIntelligenceUnitOfWork) -> WorkflowUseCases:
    return WorkflowUseCases(uow.factory, max_attempts=POLICIES.max_attempts)


def steps(uow: FakeIntelligenceUnitOfWork, crew: FakeCrew | None = None) -> WorkflowSteps:
    return WorkflowSteps(
        uow.factory,
        POLICIES,
        IntelligenceUseCases(uow.factory, POLICIES, crew),
        PricingUseCases(uow.factory, POLICIES),
        agent_timeout=1.0,
    )


async def queued(
    uow: FakeIntelligenceUnitOfWork, kind: WorkflowType, *, max_attempts: int = 4, **fields: Any
) -> Workflow:
    """A committed PENDING workflow of `kind`; `fields` are enqueue's product_id and params."""
    async with uow.factory() as tx:
        workflow = await enqueue(tx, tenant_id=TENANT, kind=kind, max_attempts=max_attempts, **fields)
        await tx.commit()
    return workflow


class Reports:
    def __init__(self) -> None:
        self.steps: list[tuple[float, str]] = []

    async def __call__(self, value: float, step: str) -> None:
        self.steps.append((value, step))


async def test_starting_a_classification_queues_one_pending_workflow_and_records_it(uow, workflows):
    product = uow.products.put(a_product(TENANT))

    workflow = await workflows.start_classification(tenant_id=TENANT, product_id=product.id)

    assert (workflow.type, workflow.state, workflow.product_id) == (
        WorkflowType.PRODUCT_CLASSIFICATION,
        WorkflowState.PENDING,
        product.id,
    )
    assert workflow.max_attempts == POLICIES.max_attempts
    assert await workflows.get(tenant_id=TENANT, workflow_id=workflow.id) == workflow
    (event,) = uow.events
    assert isinstance(event, WorkflowStarted) and event.workflow == workflow


async def test_starting_a_classification_again_returns_the_unfinished_one_and_records_nothing(uow, workflows):
    product = uow.products.put(a_product(TENANT))
    first = await workflows.start_classification(tenant_id=TENANT, product_id=product.id)

    again = await workflows.start_classification(tenant_id=TENANT, product_id=product.id)

    assert again == first and len(uow.events) == 1


async def test_classifying_a_product_the_tenant_does_not_have_is_not_found_and_queues_nothing(uow, workflows):
    elsewhere = uow.products.put(a_product(TENANT + 1))

    for product_id in (new_id(), elsewhere.id):
        with pytest.raises(NotFound):
            await workflows.start_classification(tenant_id=TENANT, product_id=product_id)

    assert uow.workflows.workflows == {} and uow.events == []


async def test_another_tenants_workflow_is_not_found(uow, workflows):
    product = uow.products.put(a_product(TENANT))
    workflow = await workflows.start_classification(tenant_id=TENANT, product_id=product.id)

    with pytest.raises(NotFound):
        await workflows.get(tenant_id=TENANT + 1, workflow_id=workflow.id)
    with pytest.raises(NotFound):
        await workflows.cancel(tenant_id=TENANT + 1, workflow_id=workflow.id)
    assert uow.workflows.workflows[workflow.id].state is WorkflowState.PENDING


async def test_listing_filters_by_type_newest_first(uow, workflows):
    products = [uow.products.put(a_product(TENANT)) for _ in range(2)]
    classifications = [
        await workflows.start_classification(tenant_id=TENANT, product_id=p.id) for p in products
    ]
    await queued(uow, WorkflowType.MARKETING_STRATEGY, product_id=products[0].id)

    page = await workflows.list(
        tenant_id=TENANT,
        criteria=WorkflowFilter(type=WorkflowType.PRODUCT_CLASSIFICATION),
        page=PageRequest(size=10),
    )

    assert [w.id for w in page.items] == [w.id for w in reversed(classifications)]
    assert page.total_size == 2 and page.next_after is None


async def test_cancelling_an_unfinished_workflow_cancels_it_and_records_the_state_it_left(uow, workflows):
    product = uow.products.put(a_product(TENANT))
    workflow = await workflows.start_classification(tenant_id=TENANT, product_id=product.id)

    cancelled = await workflows.cancel(tenant_id=TENANT, workflow_id=workflow.id)

    assert cancelled.state is WorkflowState.CANCELLED and cancelled.ended_at is not None
    assert await workflows.get(tenant_id=TENANT, workflow_id=workflow.id) == cancelled
    event = uow.events[-1]
    assert isinstance(event, WorkflowCancelled) and event.previous_state is WorkflowState.PENDING


async def test_cancelling_a_finished_workflow_is_refused_with_its_state(uow, workflows):
    product = uow.products.put(a_product(TENANT))
    workflow = await workflows.start_classification(tenant_id=TENANT, product_id=product.id)
    await workflows.cancel(tenant_id=TENANT, workflow_id=workflow.id)

    with pytest.raises(WorkflowFinished) as refused:
        await workflows.cancel(tenant_id=TENANT, workflow_id=workflow.id)

    assert refused.value.metadata["state"] == "CANCELLED"
    assert len([e for e in uow.events if isinstance(e, WorkflowCancelled)]) == 1


async def test_cancelling_an_unknown_workflow_is_not_found(workflows):
    with pytest.raises(NotFound):
        await workflows.cancel(tenant_id=TENANT, workflow_id=new_id())


async def test_the_marketing_step_without_a_crew_is_the_engines_strategy_recorded_when_applied(uow):
    product = uow.products.put(a_product(TENANT))
    workflow = await queued(uow, WorkflowType.MARKETING_STRATEGY, product_id=product.id)

    outcome = await steps(uow).run(workflow, Reports())

    assert isinstance(outcome.result, MarketingOutcome)
    assert outcome.source is ResultSource.ENGINE and outcome.result.source is ResultSource.ENGINE
    async with uow.factory() as tx:
        await outcome.apply(tx, workflow)
        await tx.commit()
    event = uow.events[-1]
    assert isinstance(event, MarketingStrategyGenerated)
    assert (event.product_id, event.workflow_id, event.outcome) == (product.id, workflow.id, outcome.result)


async def test_the_marketing_step_falls_back_to_the_engine_when_the_crew_is_down(uow):
    product = uow.products.put(a_product(TENANT))
    workflow = await queued(uow, WorkflowType.MARKETING_STRATEGY, product_id=product.id)
    crew = FakeCrew(None)

    outcome = await steps(uow, crew).run(workflow, Reports())

    assert len(crew.runs) == 1 and outcome.source is ResultSource.ENGINE


async def test_the_classification_step_records_its_start_and_applies_the_fresh_analysis(uow):
    # Priced at a margin its stored (placeholder) analysis does not reflect: the re-analysis differs.
    product = uow.products.put(a_product(TENANT, source="10.00", selling="100.00", score=1.0))
    workflow = await queued(uow, WorkflowType.PRODUCT_CLASSIFICATION, product_id=product.id)
    reports = Reports()

    outcome = await steps(uow).run(workflow, reports)

    assert reports.steps and reports.steps[0][1] == "scoring factors"
    started = uow.events[-1]
    assert isinstance(started, ProductAnalysisStarted) and started.workflow_id == str(workflow.id)
    assert isinstance(outcome.result, ClassificationOutcome) and outcome.source is ResultSource.ENGINE
    assert outcome.result.previous_classification is Classification.MODERATE
    assert uow.products.products[(TENANT, product.id)] == product  # nothing written before completion

    async with uow.factory() as tx:
        await outcome.apply(tx, workflow)
        await tx.commit()

    stored = uow.products.products[(TENANT, product.id)]
    assert stored.analysis.factors == outcome.result.analysis.factors
    assert stored.version == product.version + 1


async def test_the_classification_step_of_a_deleted_product_fails_as_not_found(uow):
    workflow = await queued(uow, WorkflowType.PRODUCT_CLASSIFICATION, product_id=new_id())

    with pytest.raises(NotFound):
        await steps(uow).run(workflow, Reports())


async def test_the_bulk_pricing_step_counts_the_changes_up_front_and_writes_them_when_applied(uow):
    products = [uow.products.put(a_product(TENANT, source="100.00", selling="50.00")) for _ in range(2)]
    request = BulkPricingRequest(PricingSelection(), MarketConditions(), apply=True)
    workflow = await queued(uow, WorkflowType.BULK_PRICING, product_id=None, params=bulk_params(request))

    outcome = await steps(uow).run(workflow, Reports())

    assert isinstance(outcome.result, BulkPricingOutcome)
    assert (outcome.result.applied, outcome.result.applied_count) == (True, 2)
    assert all(uow.products.products[(TENANT, p.id)] == p for p in products)

    async with uow.factory() as tx:
        await outcome.apply(tx, workflow)
        await tx.commit()

    assert all(
        uow.products.products[(TENANT, p.id)].selling_price.amount >= Decimal("110.00") for p in products
    )
    event = uow.events[-1]
    assert (
        isinstance(event, PricesOptimized) and event.workflow_id == workflow.id and event.applied_count == 2
    )


async def test_the_marketing_step_keeps_the_crews_answer_when_it_has_one(uow):
    product = uow.products.put(a_product(TENANT))
    workflow = await queued(uow, WorkflowType.MARKETING_STRATEGY, product_id=product.id)
    crew = FakeCrew({"positioning": "strong and compact", "messaging_angles": [{"headline": "Fits a flat"}]})

    outcome = await steps(uow, crew).run(workflow, Reports())

    assert outcome.source is ResultSource.AGENT
    assert isinstance(outcome.result, MarketingOutcome)
    assert outcome.result.strategy.positioning == "strong and compact"
    assert outcome.result.strategy.angles[0].headline == "Fits a flat"
    assert crew.runs[0]["product_id"] == str(product.id)
    assert utcnow() >= outcome.result.generated_at


async def test_the_bulk_pricing_step_leaves_alone_a_product_repriced_after_the_run_priced_it(uow):
    product = uow.products.put(a_product(TENANT, source="100.00", selling="50.00"))
    request = BulkPricingRequest(PricingSelection(), MarketConditions(), apply=True)
    workflow = await queued(uow, WorkflowType.BULK_PRICING, product_id=None, params=bulk_params(request))
    outcome = await steps(uow).run(workflow, Reports())
    repriced = uow.products.put(replace(product, selling_price=Money(Decimal("130.00"), "USD"), version=2))

    async with uow.factory() as tx:
        await outcome.apply(tx, workflow)
        await tx.commit()

    assert uow.products.products[(TENANT, product.id)] == repriced
    event = uow.events[-1]
    assert isinstance(event, PricesOptimized) and (event.applied_count, event.updates) == (0, ())


def runner_of(uow: FakeIntelligenceUnitOfWork) -> WorkflowRunner:
    return WorkflowRunner(uow.factory, steps(uow), signal=Signal(), settings=RunnerSettings())


async def claimed(uow: FakeIntelligenceUnitOfWork, runner: WorkflowRunner) -> Workflow:
    async with uow.factory() as tx:
        workflow = await tx.workflows.claim(owner=runner.owner, now=utcnow(), lease=timedelta(seconds=10))
        await tx.commit()
    assert workflow is not None
    return workflow


async def test_a_successful_attempt_completes_the_workflow_once_with_its_result_and_side_effects(uow):
    product = uow.products.put(a_product(TENANT))
    workflow = await queued(uow, WorkflowType.MARKETING_STRATEGY, product_id=product.id)
    runner = runner_of(uow)

    await runner._attempt(await claimed(uow, runner))  # one attempt, as the runner's loop starts it

    done = uow.workflows.workflows[workflow.id]
    assert (done.state, done.source, runner.completed) == (WorkflowState.SUCCEEDED, ResultSource.ENGINE, 1)
    assert isinstance(done.result, MarketingOutcome)
    assert [type(e) for e in uow.events] == [WorkflowStarted, MarketingStrategyGenerated, WorkflowCompleted]


async def test_a_failed_attempt_with_attempts_left_waits_to_be_retried(uow):
    workflow = await queued(uow, WorkflowType.PRODUCT_CLASSIFICATION, product_id=new_id())
    runner = runner_of(uow)

    await runner._attempt(await claimed(uow, runner))

    after = uow.workflows.workflows[workflow.id]
    assert after.state is WorkflowState.PENDING and after.error is not None
    assert after.error.code == NotFound.kind.value
    assert not await uow.workflows.any_claimable(utcnow())  # not before its backoff
    assert [type(e) for e in uow.events] == [WorkflowStarted]


async def test_the_last_failed_attempt_fails_the_workflow_and_records_it(uow):
    workflow = await queued(uow, WorkflowType.PRODUCT_CLASSIFICATION, max_attempts=1, product_id=new_id())
    runner = runner_of(uow)

    await runner._attempt(await claimed(uow, runner))

    assert uow.workflows.workflows[workflow.id].state is WorkflowState.FAILED
    failed = uow.events[-1]
    assert isinstance(failed, WorkflowFailed) and failed.error.code == NotFound.kind.value


async def test_an_attempt_of_a_workflow_cancelled_while_it_ran_is_discarded(uow, workflows):
    product = uow.products.put(a_product(TENANT))
    workflow = await queued(uow, WorkflowType.MARKETING_STRATEGY, product_id=product.id)
    runner = runner_of(uow)
    attempt = await claimed(uow, runner)
    await workflows.cancel(tenant_id=TENANT, workflow_id=workflow.id)

    await runner._attempt(attempt)

    assert uow.workflows.workflows[workflow.id].state is WorkflowState.CANCELLED and runner.completed == 0
    assert not any(isinstance(e, WorkflowCompleted | MarketingStrategyGenerated) for e in uow.events)
