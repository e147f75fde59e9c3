"""The workflow runner: claims workflows from the database, runs their steps, and records the outcome.

- Claim: PENDING rows that are due, and RUNNING rows whose lease expired (their runner died), oldest first;
  SKIP LOCKED on PostgreSQL so replicas never take the same row (see SqlAlchemyWorkflowRepository.claim).
- Lease: while a step runs, a heartbeat extends the lease every third of it and records progress; when the
  heartbeat finds the attempt no longer holds the row (cancelled, or taken over), the step is stopped.
- Completion: one transaction marks the row SUCCEEDED only if this attempt still holds it, applies the
  step's side effects and writes `workflow.completed`; so a workflow completes exactly once even when a
  slow attempt and its successor both finish.
- Failure: PENDING again after an exponential backoff, or FAILED (with `workflow.failed`) after the last
  attempt. Stopping the runner leaves its rows RUNNING; they are resumed when their leases expire.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from domain.clock import utcnow
from domain.events import DomainEvent
from domain.intelligence_events import WorkflowCompleted, WorkflowFailed, WorkflowStarted
from domain.tenancy import across_tenants, acting_for
from domain.workflows import Workflow, error_of
from server.events.signal import Signal, wait_for_signal
from server.intelligence.ports import UnitOfWorkFactory
from server.workflows.steps import StepOutcome, WorkflowSteps

logger = logging.getLogger(__name__)


def queues_a_workflow(events: Sequence[DomainEvent]) -> bool:
    """Whether a commit of these events queued a workflow, for the runner to claim now."""
    return any(isinstance(event, WorkflowStarted) for event in events)


@dataclass(frozen=True, slots=True)
class RunnerSettings:
    lease_seconds: float = 10.0
    poll_seconds: float = 1.0
    concurrency: int = 4
    retry_base_seconds: float = 2.0
    retry_max_seconds: float = 300.0


@dataclass(slots=True)
class _Progress:
    """What the running step last reported; the heartbeat records it."""

    value: float = 0.0
    step: str = "starting"


class WorkflowRunner:
    def __init__(
        self, uow: UnitOfWorkFactory, steps: WorkflowSteps, *, signal: Signal, settings: RunnerSettings
    ) -> None:
        self._uow = uow
        self._steps = steps
        self._signal = signal
        self._settings = settings
        self._lease = timedelta(seconds=settings.lease_seconds)
        self.owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"[:100]
        self._loop_task: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()
        self._running: set[asyncio.Task[None]] = set()
        # Workflows this runner completed, and the times it looked for a due one (for operators and tests).
        self.completed = 0
        self.claim_checks = 0

    def start(self) -> None:
        self._stopping = asyncio.Event()
        self._loop_task = asyncio.create_task(self._loop(), name="workflow-runner")

    async def stop(self) -> None:
        """Stop claiming (the loop ends between two claims, never inside a transaction), then stop the
        running attempts; their rows stay RUNNING until the lease expires and another runner resumes them."""
        if self._loop_task is not None:
            self._stopping.set()
            self._signal.notify()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await asyncio.wait_for(self._loop_task, self._settings.lease_seconds)
        attempts = list(self._running)
        for task in attempts:
            task.cancel()
        for task in attempts:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    async def _loop(self) -> None:
        while not self._stopping.is_set():
            waiter = self._signal.waiter()
            try:
                claimed = await self._claim_available()
            except Exception:  # the database may be down; try again at the next poll
                logger.exception("workflow runner: claiming failed")
                claimed = False
            if not claimed and not self._stopping.is_set():
                await wait_for_signal(waiter, self._settings.poll_seconds)

    async def _claim_available(self) -> bool:
        """Claim while there is capacity; True when something was claimed."""
        claimed = False
        while len(self._running) < self._settings.concurrency and not self._stopping.is_set():
            workflow = await self._claim()
            if workflow is None:
                break
            claimed = True
            logger.info("workflow %s (%s) attempt %d started", workflow.id, workflow.type, workflow.attempts)
            with acting_for(workflow.tenant_id):  # the attempt's task sees its tenant's rows, no other's
                task = asyncio.create_task(self._attempt(workflow), name=f"workflow-{workflow.id}")
            self._running.add(task)
            task.add_done_callback(self._finished)
        return claimed

    def _finished(self, task: asyncio.Task[None]) -> None:
        """An attempt ended: its place is free for the next due workflow."""
        self._running.discard(task)
        self._signal.notify()

    async def _claim(self) -> Workflow | None:
        """The next due workflow of any tenant, now held by this runner (None when none is due)."""
        self.claim_checks += 1
        with across_tenants():  # the workflows admit this scope to read and claim rows, nothing else
            async with self._uow(read_only=True) as uow:
                if not await uow.workflows.any_claimable(utcnow()):
                    return None
            async with self._uow() as uow:
                workflow = await uow.workflows.claim(owner=self.owner, now=utcnow(), lease=self._lease)
                await uow.commit()
        return workflow

    async def _attempt(self, workflow: Workflow) -> None:
        progress = _Progress()

        async def report(value: float, step: str) -> None:
            progress.value, progress.step = value, step

        step = asyncio.create_task(self._steps.run(workflow, report))
        beat = asyncio.create_task(self._heartbeat(workflow, progress, step))
        try:
            outcome = await step
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if current is not None and current.cancelling():
                raise  # the runner is stopping: the lease will expire and another attempt resumes
            logger.info("workflow %s attempt %d stopped: no longer held", workflow.id, workflow.attempts)
            return
        except Exception as exc:
            await self._fail(workflow, exc)
            return
        finally:
            beat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await beat
        await self._complete(workflow, outcome)

    async def _heartbeat(
        self, workflow: Workflow, progress: _Progress, step: asyncio.Task[StepOutcome]
    ) -> None:
        while True:
            await asyncio.sleep(self._settings.lease_seconds / 3)
            async with self._uow() as uow:
                held = await uow.workflows.heartbeat(
                    workflow,
                    owner=self.owner,
                    now=utcnow(),
                    lease=self._lease,
                    progress=progress.value,
                    step=progress.step,
                )
                await uow.commit()
            if not held:
                step.cancel()
                return

    async def _complete(self, workflow: Workflow, outcome: StepOutcome) -> None:
        async with self._uow() as uow:
            done = await uow.workflows.succeed(
                workflow, owner=self.owner, now=utcnow(), result=outcome.result, source=outcome.source
            )
            if done is None:
                logger.info(
                    "workflow %s attempt %d finished but no longer held: discarded",
                    workflow.id,
                    workflow.attempts,
                )
                return
            await outcome.apply(uow, done)
            uow.emit(WorkflowCompleted(tenant_id=done.tenant_id, workflow=done))
            await uow.commit()
        self.completed += 1
        logger.info("workflow %s succeeded after %d attempt(s)", workflow.id, done.attempts)

    async def _fail(self, workflow: Workflow, exc: Exception) -> None:
        error = error_of(exc)
        now = utcnow()
        last = workflow.attempts >= workflow.max_attempts
        delay = min(
            self._settings.retry_max_seconds, self._settings.retry_base_seconds * 2 ** (workflow.attempts - 1)
        )
        logger.warning("workflow %s attempt %d failed: %s", workflow.id, workflow.attempts, error.message)
        async with self._uow() as uow:
            after = await uow.workflows.fail_attempt(
                workflow,
                owner=self.owner,
                now=now,
                error=error,
                retry_at=None if last else now + timedelta(seconds=delay),
            )
            if after is not None and last:
                uow.emit(WorkflowFailed(tenant_id=after.tenant_id, workflow=after, error=error))
            await uow.commit()
