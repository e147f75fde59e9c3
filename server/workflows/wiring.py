"""Builds WorkflowService and the durable workflow runner from the components."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from domain.catalog import Categories
from domain.events import DomainEvent
from domain.intelligence_events import WorkflowStarted
from domain.workflows import WorkflowType
from server.agents.ports import Crew
from server.events.signal import Signal
from server.intelligence.wiring import Intelligence
from server.orders.review import FraudReviewStep
from server.sourcing.discovery import SourcingDiscoveryStep
from server.workflows.api import WorkflowServicer
from server.workflows.runner import RunnerSettings, WorkflowRunner
from server.workflows.steps import AGENT_DEADLINE_FACTOR, Step, WorkflowSteps
from server.workflows.usecases import WorkflowUseCases
from storage.uow import SqlAlchemyUnitOfWork

if TYPE_CHECKING:
    from server.bootstrap import Components


def queues_a_workflow(events: Sequence[DomainEvent]) -> bool:
    """Whether a commit of these events queued a workflow, for the runner to claim now."""
    return any(isinstance(event, WorkflowStarted) for event in events)


def runner(
    uow: Callable[..., SqlAlchemyUnitOfWork],
    intelligence: Intelligence,
    *,
    signal: Signal,
    agent_timeout: float,
    crew: Crew | None = None,
    categories: Categories | None = None,
) -> WorkflowRunner:
    deadline = agent_timeout * AGENT_DEADLINE_FACTOR
    policy = intelligence.policies.classification
    others: dict[WorkflowType, Step] = {
        WorkflowType.FRAUD_REVIEW: FraudReviewStep(uow, crew, deadline=deadline),
        WorkflowType.SOURCING_DISCOVERY: SourcingDiscoveryStep(
            uow,
            crew,
            policy,
            categories or Categories(known=frozenset(policy.category_demand)),
            deadline=deadline,
        ),
    }
    steps = WorkflowSteps(
        uow,
        intelligence.policies,
        intelligence.recommendations,
        intelligence.pricing,
        agent_timeout=agent_timeout,
        crew=crew,
        others=others,
    )
    return WorkflowRunner(uow, steps, signal=signal, settings=RunnerSettings())


def build(c: Components) -> WorkflowServicer:
    return WorkflowServicer(
        WorkflowUseCases(c.unit_of_work, max_attempts=c.intelligence.policies.max_attempts)
    )
