"""The transactional outbox: events are appended in the transaction of the change that caused them and
leave the relay's queue when published. Selection is by the `published_at IS NULL` flag, never "after the
last id", because rows of concurrent transactions commit out of id order."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from domain.paging import Page, PageRequest
from storage.tables import OutboxRow

MAX_ERROR_LENGTH = 2000


@dataclass(frozen=True, slots=True)
class NewOutboxEvent:
    id: uuid.UUID
    tenant_id: int
    aggregate_type: str
    aggregate_id: str
    event_type: str
    payload: str
    occurred_at: datetime


@dataclass(frozen=True, slots=True)
class OutboxRecord:
    seq: int
    id: uuid.UUID
    tenant_id: int
    aggregate_type: str
    aggregate_id: str
    event_type: str
    payload: str
    occurred_at: datetime
    published_at: datetime | None
    attempts: int


@dataclass(frozen=True, slots=True)
class EventCriteria:
    types: Collection[str] = ()
    aggregate_id: str | None = None
    start: datetime | None = None
    end: datetime | None = None


class SqlAlchemyOutboxRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def append(self, events: Sequence[NewOutboxEvent]) -> None:
        if not events:
            return
        await self._session.execute(
            insert(OutboxRow),
            [
                {
                    "id": e.id,
                    "tenant_id": e.tenant_id,
                    "aggregate_type": e.aggregate_type,
                    "aggregate_id": e.aggregate_id,
                    "event_type": e.event_type,
                    "payload": e.payload,
                    "occurred_at": e.occurred_at,
                    "attempts": 0,
                }
                for e in events
            ],
        )

    async def unpublished(self, limit: int) -> list[OutboxRecord]:
        """The oldest waiting events of all tenants, in queue order."""
        stmt = select(OutboxRow).where(OutboxRow.published_at.is_(None)).order_by(OutboxRow.seq).limit(limit)
        return [_record(r) for r in (await self._session.execute(stmt)).scalars()]

    async def mark_published(self, seqs: Collection[int], at: datetime) -> None:
        if seqs:
            await self._session.execute(
                update(OutboxRow)
                .where(OutboxRow.seq.in_(list(seqs)))
                .values(published_at=at, attempts=OutboxRow.attempts + 1, last_error=None)
            )

    async def record_failure(self, seqs: Collection[int], error: str) -> None:
        if seqs:
            await self._session.execute(
                update(OutboxRow)
                .where(OutboxRow.seq.in_(list(seqs)))
                .values(attempts=OutboxRow.attempts + 1, last_error=error[:MAX_ERROR_LENGTH])
            )

    async def backlog(self, tenant_id: int | None = None) -> int:
        stmt = select(func.count()).select_from(OutboxRow).where(OutboxRow.published_at.is_(None))
        if tenant_id is not None:
            stmt = stmt.where(OutboxRow.tenant_id == tenant_id)
        return int(await self._session.scalar(stmt) or 0)

    async def last_published_at(self) -> datetime | None:
        return await self._session.scalar(select(func.max(OutboxRow.published_at)))

    async def list(self, tenant_id: int, criteria: EventCriteria, page: PageRequest) -> Page[OutboxRecord]:
        """The tenant's events newest first; the keyset position is the queue sequence."""
        total = await self._session.scalar(
            _filtered(select(func.count()).select_from(OutboxRow), tenant_id, criteria)
        )
        stmt = _filtered(select(OutboxRow), tenant_id, criteria).order_by(OutboxRow.seq.desc())
        if page.after:
            stmt = stmt.where(OutboxRow.seq < int(page.after))
        rows = (await self._session.execute(stmt.limit(page.size + 1))).scalars().all()
        items = [_record(r) for r in rows[: page.size]]
        next_after = str(items[-1].seq) if len(rows) > page.size else None
        return Page(items=items, next_after=next_after, total_size=int(total or 0))

    async def occurred_since(
        self, tenant_id: int, types: Collection[str], since: datetime, limit: int
    ) -> list[OutboxRecord]:
        """The tenant's events that occurred at or after `since`, oldest first (for live tails)."""
        stmt = _filtered(select(OutboxRow), tenant_id, EventCriteria(types=types, start=since))
        stmt = stmt.order_by(OutboxRow.occurred_at, OutboxRow.seq).limit(limit)
        return [_record(r) for r in (await self._session.execute(stmt)).scalars()]


def _filtered(stmt: Select[Any], tenant_id: int, criteria: EventCriteria) -> Select[Any]:
    stmt = stmt.where(OutboxRow.tenant_id == tenant_id)
    if criteria.types:
        stmt = stmt.where(OutboxRow.event_type.in_(list(criteria.types)))
    if criteria.aggregate_id:
        stmt = stmt.where(OutboxRow.aggregate_id == criteria.aggregate_id)
    if criteria.start is not None:
        stmt = stmt.where(OutboxRow.occurred_at >= criteria.start)
    if criteria.end is not None:
        stmt = stmt.where(OutboxRow.occurred_at < criteria.end)
    return stmt


def _record(row: OutboxRow) -> OutboxRecord:
    return OutboxRecord(
        seq=row.seq,
        id=row.id,
        tenant_id=row.tenant_id,
        aggregate_type=row.aggregate_type,
        aggregate_id=row.aggregate_id,
        event_type=row.event_type,
        payload=row.payload,
        occurred_at=row.occurred_at,
        published_at=row.published_at,
        attempts=row.attempts,
    )
