"""The transactional outbox: events are appended in the transaction of the change that caused them and
leave the relay's queue when published. Selection is by the `published_at IS NULL` flag, never "after the
last id", because rows of concurrent transactions commit out of id order."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter
from typing import Any

from sqlalchemy import Select, and_, bindparam, func, insert, or_, select, text, update

from domain.event_log import EventCriteria, RecordedEvent, TailBatch, TailPosition
from domain.paging import Page, PageRequest
from storage.base import table_of
from storage.execution import Sql
from storage.outbox.tables import OutboxRow
from storage.paging import ListStatements, list_page
from storage.rows import count_of

OUTBOX = table_of(OutboxRow)

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
    traceparent: str | None = None
    message: bytes | None = None


# The outbox's rows are the event log readers see.
OutboxRecord = RecordedEvent

# xid8 -> bigint: the oldest transaction id still running (or the next one, when none runs).
_SNAPSHOT_XMIN = "pg_snapshot_xmin(pg_current_snapshot())::text::bigint"


# Inline: no RETURNING of the generated `seq`, which nobody reads, so on PostgreSQL the rows travel with
# the COMMIT instead of costing every write a round trip of their own (test_order_round_trips.py).
_APPEND = insert(OutboxRow).inline()


class SqlAlchemyOutboxRepository:
    def __init__(self, sql: Sql) -> None:
        self._sql = sql
        self._postgres = sql.dialect_name == "postgresql"

    async def append(self, events: Sequence[NewOutboxEvent]) -> None:
        if not events:
            return
        await self._sql.execute(
            _APPEND,
            [
                {
                    "id": e.id,
                    "tenant_id": e.tenant_id,
                    "aggregate_type": e.aggregate_type,
                    "aggregate_id": e.aggregate_id,
                    "event_type": e.event_type,
                    "payload": e.payload,
                    "message": e.message,
                    "traceparent": e.traceparent,
                    "occurred_at": e.occurred_at,
                    "attempts": 0,
                }
                for e in events
            ],
        )

    async def unpublished(self, limit: int) -> list[OutboxRecord]:
        """The oldest waiting events of all tenants, in queue order."""
        stmt = (
            select(OUTBOX)
            .where(OutboxRow.published_at.is_(None), OutboxRow.failed_at.is_(None))
            .order_by(OutboxRow.seq)
            .limit(limit)
        )
        return [_record(r) for r in (await self._sql.execute(stmt)).all()]

    async def mark_published(self, seqs: Collection[int], at: datetime) -> None:
        if seqs:
            await self._sql.execute(
                update(OutboxRow)
                .where(OutboxRow.seq.in_(list(seqs)))
                .values(published_at=at, attempts=OutboxRow.attempts + 1, last_error=None)
            )

    async def record_failure(self, seqs: Collection[int], error: str) -> None:
        if seqs:
            await self._sql.execute(
                update(OutboxRow)
                .where(OutboxRow.seq.in_(list(seqs)))
                .values(attempts=OutboxRow.attempts + 1, last_error=error[:MAX_ERROR_LENGTH])
            )

    async def mark_undeliverable(self, seqs: Collection[int], error: str, at: datetime) -> None:
        """Take events Kafka will never accept (too large, invalid topic) out of the queue, keeping them."""
        if seqs:
            await self._sql.execute(
                update(OutboxRow)
                .where(OutboxRow.seq.in_(list(seqs)))
                .values(failed_at=at, attempts=OutboxRow.attempts + 1, last_error=error[:MAX_ERROR_LENGTH])
            )

    async def undeliverable(self) -> int:
        stmt = select(func.count()).select_from(OutboxRow).where(OutboxRow.failed_at.is_not(None))
        return await count_of(self._sql, stmt)

    async def backlog(self, tenant_id: int | None = None) -> int:
        stmt = (
            select(func.count())
            .select_from(OutboxRow)
            .where(OutboxRow.published_at.is_(None), OutboxRow.failed_at.is_(None))
        )
        if tenant_id is not None:
            stmt = stmt.where(OutboxRow.tenant_id == tenant_id)
        return await count_of(self._sql, stmt)

    async def oldest_unpublished_age(self, now: datetime) -> float:
        """Seconds since the oldest event still waiting was recorded (0 when none waits); one step of the
        relay's queue index."""
        stmt = (
            select(OutboxRow.occurred_at)
            .where(OutboxRow.published_at.is_(None), OutboxRow.failed_at.is_(None))
            .order_by(OutboxRow.seq)
            .limit(1)
        )
        oldest = await self._sql.scalar(stmt)
        return 0.0 if oldest is None else max(0.0, (now - oldest).total_seconds())

    async def list(self, tenant_id: int, criteria: EventCriteria, page: PageRequest) -> Page[OutboxRecord]:
        """The tenant's events newest first; the keyset position is the queue sequence."""
        return await list_page(
            self._sql,
            EVENT_LIST,
            EVENT_LIST.filter(
                tenant={"tenant_ids": [tenant_id]},
                types={"types": list(criteria.types)} if criteria.types else None,
                aggregate={"aggregate_id": criteria.aggregate_id} if criteria.aggregate_id else None,
                start={"start": criteria.start} if criteria.start is not None else None,
                end={"end": criteria.end} if criteria.end is not None else None,
            ),
            page,
            convert=_record,
            mappings=False,
            parse_position=int,
            position=_SEQ,
        )

    async def tail_start(self) -> TailPosition:
        """The tail position before every event not yet visible: new events come after it."""
        if self._postgres:
            xmin = int(await self._sql.scalar(text(f"SELECT {_SNAPSHOT_XMIN}")) or 1)
            return (xmin - 1, 0)
        return (0, int(await self._sql.scalar(select(func.coalesce(func.max(OutboxRow.seq), 0))) or 0))

    async def tail(
        self,
        tenant_id: int,
        types: Collection[str],
        *,
        after: TailPosition,
        since: datetime | None,
        limit: int,
    ) -> TailBatch:
        """The tenant's next events in commit order after `after`.

        PostgreSQL: by (transaction id, seq), and only of transactions older than every running one (the
        snapshot's xmin), so a slow transaction's events are never skipped. SQLite: by `seq`, which
        BEGIN IMMEDIATE makes the commit order.
        """
        txid, seq = after
        params: dict[str, Any] = {"tenant_id": tenant_id, "txid": txid, "seq": seq, "limit": limit}
        if types:
            params["types"] = list(types)
        if since is not None:
            params["since"] = since
        stmt = _tail_statement(self._postgres, bool(types), since is not None)
        rows = (await self._sql.execute(stmt, params)).all()
        if not rows:
            return TailBatch([], after)
        last = rows[-1]
        return TailBatch([_record(r) for r in rows], (int(last.txid or 0), last.seq))


# The tenant's events newest first. `seq`, the outbox's primary key, orders every tenant's events at once,
# and PostgreSQL found walking it backwards (dropping other tenants' rows) as cheap as walking the tenant's
# own index: for a large tenant it then read every newer event of the others first
# (tests/integration/test_event_list_plan.py). So the page is ordered by (tenant, seq), which only the
# tenant's index gives, and the tenant is named as a one-element list (`= ANY` on PostgreSQL): an equality
# with a single value would let the planner drop the tenant from the order again.
EVENT_LIST = ListStatements(
    OUTBOX,
    {
        "tenant": OUTBOX.c.tenant_id.in_(bindparam("tenant_ids", expanding=True)),
        "types": OUTBOX.c.event_type.in_(bindparam("types", expanding=True)),
        "aggregate": OUTBOX.c.aggregate_id == bindparam("aggregate_id"),
        "start": OUTBOX.c.occurred_at >= bindparam("start"),
        "end": OUTBOX.c.occurred_at < bindparam("end"),
    },
    position=OUTBOX.c.seq,
    within=(OUTBOX.c.tenant_id,),
)
_SEQ = attrgetter("seq")


@functools.cache
def _tail_statement(postgres: bool, typed: bool, since: bool) -> Select[Any]:
    """A watcher's next batch, built once per shape: every open stream asks again at each commit."""
    c = OUTBOX.c
    stmt = select(OUTBOX).where(c.tenant_id == bindparam("tenant_id"))
    if typed:
        stmt = stmt.where(c.event_type.in_(bindparam("types", expanding=True)))
    if since:
        stmt = stmt.where(c.occurred_at >= bindparam("since"))
    if postgres:
        after = or_(c.txid > bindparam("txid"), and_(c.txid == bindparam("txid"), c.seq > bindparam("seq")))
        stmt = stmt.where(after, c.txid < text(_SNAPSHOT_XMIN)).order_by(c.txid, c.seq)
    else:
        stmt = stmt.where(c.seq > bindparam("seq")).order_by(c.seq)
    return stmt.limit(bindparam("limit"))


def _record(row: Any) -> OutboxRecord:
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
        traceparent=row.traceparent,
        message=row.message,
    )
