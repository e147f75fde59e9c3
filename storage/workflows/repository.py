"""Workflows on SQLAlchemy: enqueue, read, list, and the guarded transitions of the runner.

Claiming: PostgreSQL picks the oldest available row with SELECT ... FOR UPDATE SKIP LOCKED, so concurrent
runners (in several replicas) never wait on, nor take, the same row. SQLite (embedded, one process) runs the
same statements in a BEGIN IMMEDIATE transaction, which serialises claimers. Either way the claim and every
later transition are conditional UPDATEs: a runner whose lease was taken over, or whose workflow was
cancelled, changes nothing."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, func, or_, select, update

from domain.codec import from_json, to_json
from domain.paging import Page, PageRequest
from domain.workflows import (
    RESULT_TYPES,
    ResultSource,
    Workflow,
    WorkflowError,
    WorkflowFilter,
    WorkflowResult,
    WorkflowState,
    WorkflowType,
)
from storage.execution import Sql
from storage.paging import ListStatements, list_page
from storage.rows import changed_any, find_mapping, insert_row
from storage.workflows.tables import WORKFLOWS as W

UNFINISHED = (WorkflowState.PENDING.value, WorkflowState.RUNNING.value)


class SqlAlchemyWorkflowRepository:
    def __init__(self, sql: Sql) -> None:
        self._sql = sql

    async def add(self, workflow: Workflow) -> None:
        await insert_row(self._sql, W, _row_values(workflow))

    async def get(self, tenant_id: int, workflow_id: uuid.UUID) -> Workflow | None:
        row = await find_mapping(self._sql, W, tenant_id=tenant_id, entity_id=workflow_id)
        return _to_domain(row) if row else None

    async def unfinished_for(
        self, tenant_id: int, product_id: uuid.UUID, kind: WorkflowType
    ) -> Workflow | None:
        """The product's PENDING or RUNNING workflow of this type, if any (the newest)."""
        stmt = (
            select(W)
            .where(
                W.c.tenant_id == tenant_id,
                W.c.product_id == product_id,
                W.c.type == kind.value,
                W.c.state.in_(UNFINISHED),
            )
            .order_by(W.c.id.desc())
            .limit(1)
        )
        row = (await self._sql.execute(stmt)).mappings().first()
        return _to_domain(row) if row else None

    async def list(self, tenant_id: int, criteria: WorkflowFilter, page: PageRequest) -> Page[Workflow]:
        where = _LIST.filter(
            tenant={"tenant_id": tenant_id},
            type={"type": criteria.type.value} if criteria.type is not None else None,
            states={"states": [s.value for s in criteria.states]} if criteria.states else None,
            product={"product_id": criteria.product_id} if criteria.product_id is not None else None,
        )
        return await list_page(self._sql, _LIST, where, page, convert=_to_domain)

    async def cancel(self, tenant_id: int, workflow_id: uuid.UUID, now: datetime) -> Workflow | None:
        """Cancel an unfinished workflow; None when it was already finished (or is not the tenant's)."""
        return await self._transition(
            and_(W.c.tenant_id == tenant_id, W.c.id == workflow_id, W.c.state.in_(UNFINISHED)),
            state=WorkflowState.CANCELLED.value,
            ended_at=now,
            updated_at=now,
            lease_owner=None,
            lease_expires_at=None,
        )

    async def count_unfinished_by_state(self) -> dict[str, int]:
        """Pending and running workflows of every tenant, by state (the metrics); the partial index of
        unfinished rows keeps this small however many workflows have finished."""
        stmt = select(W.c.state, func.count()).where(W.c.state.in_(UNFINISHED)).group_by(W.c.state)
        return {str(state): int(count) for state, count in (await self._sql.execute(stmt)).all()}

    async def any_claimable(self, now: datetime) -> bool:
        """Whether `claim` would find something: a plain read, so an idle runner takes no write lock."""
        stmt = select(W.c.id).where(_claimable(now)).limit(1)
        return await self._sql.scalar(stmt) is not None

    async def claim(self, *, owner: str, now: datetime, lease: timedelta) -> Workflow | None:
        """Start the next attempt of the oldest claimable workflow of any tenant: PENDING and due, or
        RUNNING under an expired lease (its runner died). None when there is nothing to do."""
        claimable = _claimable(now)
        pick = select(W.c.id).where(claimable).order_by(W.c.available_at).limit(1)
        if self._sql.dialect_name == "postgresql":
            pick = pick.with_for_update(skip_locked=True)
        workflow_id = await self._sql.scalar(pick)
        if workflow_id is None:
            return None
        return await self._transition(
            and_(W.c.id == workflow_id, claimable),
            state=WorkflowState.RUNNING.value,
            attempts=W.c.attempts + 1,
            lease_owner=owner,
            lease_expires_at=now + lease,
            started_at=func.coalesce(W.c.started_at, now),
            step="starting",
            updated_at=now,
        )

    async def heartbeat(
        self, workflow: Workflow, *, owner: str, now: datetime, lease: timedelta, progress: float, step: str
    ) -> bool:
        """Extend the lease and record progress; False when the attempt no longer holds the workflow."""
        result = await self._sql.execute(
            update(W)
            .where(_held(workflow, owner))
            .values(lease_expires_at=now + lease, progress=progress, step=step[:200], updated_at=now)
        )
        return changed_any(result)

    async def succeed(
        self, workflow: Workflow, *, owner: str, now: datetime, result: WorkflowResult, source: ResultSource
    ) -> Workflow | None:
        """SUCCEEDED with its result, only if this attempt still holds the workflow (exactly once)."""
        return await self._transition(
            _held(workflow, owner),
            state=WorkflowState.SUCCEEDED.value,
            result=to_json(result),
            source=source.value,
            progress=1.0,
            step="done",
            error_code=None,
            error_message=None,
            lease_owner=None,
            lease_expires_at=None,
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
        """Back to PENDING until `retry_at`, or FAILED when `retry_at` is None; guarded like `succeed`."""
        values: dict[str, Any] = {
            "error_code": error.code,
            "error_message": error.message[:1000],
            "lease_owner": None,
            "lease_expires_at": None,
            "updated_at": now,
        }
        if retry_at is None:
            values.update(state=WorkflowState.FAILED.value, ended_at=now, step="failed")
        else:
            values.update(state=WorkflowState.PENDING.value, available_at=retry_at, step="waiting to retry")
        return await self._transition(_held(workflow, owner), **values)

    async def _transition(self, condition: ColumnElement[bool], **values: Any) -> Workflow | None:
        stmt = update(W).where(condition).values(**values).returning(*W.c)
        row = (await self._sql.execute(stmt)).mappings().one_or_none()
        return _to_domain(row) if row else None


def _claimable(now: datetime) -> ColumnElement[bool]:
    """PENDING and due, or RUNNING under an expired lease."""
    return or_(
        and_(W.c.state == WorkflowState.PENDING.value, W.c.available_at <= now),
        and_(W.c.state == WorkflowState.RUNNING.value, W.c.lease_expires_at < now),
    )


def _held(workflow: Workflow, owner: str) -> ColumnElement[bool]:
    """The attempt `workflow.attempts` of `owner` is still the running one."""
    return and_(
        W.c.id == workflow.id,
        W.c.state == WorkflowState.RUNNING.value,
        W.c.lease_owner == owner,
        W.c.attempts == workflow.attempts,
    )


_LIST = ListStatements(
    W,
    {
        "tenant": W.c.tenant_id == bindparam("tenant_id"),
        "type": W.c.type == bindparam("type"),
        "states": W.c.state.in_(bindparam("states", expanding=True)),
        "product": W.c.product_id == bindparam("product_id"),
    },
)


def _row_values(w: Workflow) -> dict[str, Any]:
    return {
        "id": w.id,
        "tenant_id": w.tenant_id,
        "type": w.type.value,
        "state": w.state.value,
        "product_id": w.product_id,
        "progress": w.progress,
        "step": w.step,
        "attempts": w.attempts,
        "max_attempts": w.max_attempts,
        "params": w.params,
        "result": to_json(w.result) if w.result is not None else None,
        "source": w.source.value if w.source else None,
        "error_code": w.error.code if w.error else None,
        "error_message": w.error.message if w.error else None,
        "lease_owner": None,
        "lease_expires_at": None,
        "available_at": w.created_at,
        "created_at": w.created_at,
        "started_at": w.started_at,
        "ended_at": w.ended_at,
        "updated_at": w.updated_at,
    }


def _to_domain(row: Any) -> Workflow:
    kind = WorkflowType(row["type"])
    result = from_json(RESULT_TYPES[kind], row["result"]) if row["result"] is not None else None
    error = WorkflowError(row["error_code"], row["error_message"] or "") if row["error_code"] else None
    return Workflow(
        id=row["id"],
        tenant_id=row["tenant_id"],
        type=kind,
        state=WorkflowState(row["state"]),
        product_id=row["product_id"],
        progress=row["progress"],
        step=row["step"],
        attempts=row["attempts"],
        max_attempts=row["max_attempts"],
        params=dict(row["params"] or {}),
        result=result,
        source=ResultSource(row["source"]) if row["source"] else None,
        error=error,
        created_at=row["created_at"],
        started_at=row["started_at"],
        ended_at=row["ended_at"],
        updated_at=row["updated_at"],
    )
