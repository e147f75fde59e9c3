"""Builds WorkflowService from the components (the durable workflow runner is a shared part the composition
root builds)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.workflows.api import WorkflowServicer
from server.workflows.usecases import WorkflowUseCases

if TYPE_CHECKING:
    from server.bootstrap import Components


def build(c: Components) -> WorkflowServicer:
    return WorkflowServicer(
        WorkflowUseCases(c.unit_of_work, max_attempts=c.intelligence.policies.max_attempts)
    )
