"""Builds WorkflowService and the durable workflow runner from the components."""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.events.signal import Signal
from server.intelligence.ports import UnitOfWorkFactory
from server.intelligence.wiring import Intelligence
from server.workflows.api import WorkflowServicer
from server.workflows.runner import RunnerSettings, WorkflowRunner
from server.workflows.steps import WorkflowSteps
from server.workflows.usecases import WorkflowUseCases

if TYPE_CHECKING:
    from server.bootstrap import Components


def runner(
    uow: UnitOfWorkFactory, intelligence: Intelligence, *, signal: Signal, agent_timeout: float
) -> WorkflowRunner:
    steps = WorkflowSteps(
        uow,
        intelligence.policies,
        intelligence.recommendations,
        intelligence.pricing,
        agent_timeout=agent_timeout,
    )
    return WorkflowRunner(uow, steps, signal=signal, settings=RunnerSettings())


def build(c: Components) -> WorkflowServicer:
    return WorkflowServicer(
        WorkflowUseCases(c.unit_of_work, max_attempts=c.intelligence.policies.max_attempts)
    )
