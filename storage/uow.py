"""The unit of work: one transaction, its repositories, and the events it will record.

Only the unit of work commits. On commit it appends the collected events to the outbox in the same
transaction, so an event exists exactly when the change that caused it does. Leaving the block without
committing rolls everything back.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Protocol, Self

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.events import DomainEvent
from storage.repositories.leads import LeadRepository, SqlAlchemyLeadRepository
from storage.repositories.outbox import NewOutboxEvent, SqlAlchemyOutboxRepository
from storage.repositories.system import SqlAlchemySystemRepository

# Turns a domain event into the exact payload to publish (proto3 JSON); injected by the composition root
# so that storage never imports protobuf.
EventSerializer = Callable[[DomainEvent], str]

# PostgreSQL channel the relay LISTENs on; a NOTIFY inside the transaction is delivered at commit.
OUTBOX_CHANNEL = "crm_outbox"


class UniqueViolation(Exception):
    """A unique constraint refused the commit (e.g. a concurrent insert of the same key)."""


class UnitOfWork(Protocol):
    leads: LeadRepository

    async def __aenter__(self) -> Self: ...
    async def __aexit__(self, *exc: object) -> None: ...
    def emit(self, event: DomainEvent) -> None: ...
    async def commit(self) -> None: ...


class SqlAlchemyUnitOfWork:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        serialize: EventSerializer,
        on_events_committed: Callable[[], None] = lambda: None,
        notify_postgres: bool = False,
    ) -> None:
        self._sessions = sessions
        self._notify_postgres = notify_postgres
        self._serialize = serialize
        self._on_events_committed = on_events_committed
        self._events: list[DomainEvent] = []

    async def __aenter__(self) -> Self:
        self.session = self._sessions()
        self.leads = SqlAlchemyLeadRepository(self.session)
        self.outbox = SqlAlchemyOutboxRepository(self.session)
        self.system = SqlAlchemySystemRepository(self.session)
        # catalog repositories
        # crm repositories
        self._events = []
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            await self.session.rollback()
        finally:
            await self.session.close()
        if isinstance(exc, IntegrityError) and _is_unique_violation(exc):
            # One place turns a driver's duplicate-key error (at a flush or the commit) into ours.
            raise UniqueViolation(str(exc.orig)) from exc

    def emit(self, event: DomainEvent) -> None:
        """Record an event to be written to the outbox when this unit of work commits."""
        self._events.append(event)

    async def commit(self) -> None:
        events, self._events = self._events, []
        if events:
            await self.outbox.append([_outbox_event(e, self._serialize(e)) for e in events])
            if self._notify_postgres:
                await self.session.execute(text(f"NOTIFY {OUTBOX_CHANNEL}"))
        await self.session.commit()
        if events:
            self._on_events_committed()


def _is_unique_violation(exc: IntegrityError) -> bool:
    sqlstate = getattr(exc.orig, "sqlstate", None)
    return sqlstate == "23505" or "UNIQUE constraint failed" in str(exc.orig)


def _outbox_event(event: DomainEvent, payload: str) -> NewOutboxEvent:
    return NewOutboxEvent(
        id=event.event_id,
        tenant_id=event.tenant_id,
        aggregate_type=event.aggregate_type,
        aggregate_id=event.aggregate_id,
        event_type=event.event_type,
        payload=payload,
        occurred_at=event.occurred_at,
    )
