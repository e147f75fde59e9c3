"""The workflow runner's failure path on a real database (SQLite and PostgreSQL): a failing step is retried
with backoff until its last attempt, then the workflow is FAILED with the error and one `workflow.failed`."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select

from domain.clock import utcnow
from domain.errors import Unavailable
from domain.tenancy import acting_for
from domain.workflows import Workflow, WorkflowState, WorkflowType
from server.bootstrap import build
from server.workflows.enqueue import enqueue
from server.workflows.runner import RunnerSettings, WorkflowRunner
from storage.migrations import upgrade_to_head
from storage.outbox.tables import OutboxRow
from tests.conftest import make_settings
from tests.integration.conftest import OwnDatabase
from tests.support.waiting import eventually

FAST = RunnerSettings(lease_seconds=3.0, poll_seconds=0.05, retry_base_seconds=0.05)


class FailingSteps:
    def __init__(self) -> None:
        self.calls = 0

    async def run(self, workflow: Workflow, report) -> object:
        self.calls += 1
        await report(0.5, "calling a dependency")
        raise Unavailable("the sourcing crew is down")


@pytest.fixture
async def components(own_database: OwnDatabase):
    await asyncio.to_thread(upgrade_to_head, own_database.migration_url)
    c = build(make_settings(own_database.url), started_at=utcnow())
    yield c
    await c.database.dispose()


async def test_a_failing_step_is_retried_then_failed_once_with_its_error(components):
    steps = FailingSteps()
    runner = WorkflowRunner(components.unit_of_work, steps, signal=components.signal, settings=FAST)  # type: ignore[arg-type]
    with acting_for(9):  # this test reads and writes as tenant 9 (PostgreSQL row-level security)
        await _fail_a_workflow_of_tenant_9(components, runner, steps)


async def _fail_a_workflow_of_tenant_9(components, runner, steps) -> None:
    async with components.unit_of_work() as uow:
        workflow = await enqueue(
            uow, tenant_id=9, kind=WorkflowType.BULK_PRICING, product_id=None, max_attempts=3
        )
        await uow.commit()
    runner.start()
    try:

        async def current() -> Workflow | None:
            async with components.unit_of_work(read_only=True) as uow:
                return await uow.workflows.get(9, workflow.id)

        failed = await eventually(current, until=lambda w: w.state is WorkflowState.FAILED, timeout=30)
    finally:
        await runner.stop()
    assert failed.attempts == 3 and steps.calls == 3
    assert failed.error is not None and failed.error.code == "UNAVAILABLE"
    assert "sourcing crew is down" in failed.error.message and failed.ended_at is not None
    async with components.database.sessions() as session:
        types = (
            (await session.execute(select(OutboxRow.event_type).where(OutboxRow.tenant_id == 9)))
            .scalars()
            .all()
        )
    assert sorted(types) == ["workflow.failed", "workflow.started"]
