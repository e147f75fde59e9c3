"""The unit of work: one transaction, its repositories, and the events it will record.

Only the unit of work commits. On commit it appends the collected events to the outbox in the same
transaction, so an event exists exactly when the change that caused it does. Leaving the block without
committing rolls everything back.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Self

from opentelemetry import trace
from opentelemetry.trace import StatusCode
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeoutError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from domain.errors import Conflict, DomainError, Unavailable, UniqueViolation
from domain.events import DomainEvent
from storage.analytics.repository import SqlAlchemyAnalyticsRepository
from storage.catalog.repository import SqlAlchemyProductRepository
from storage.contacts.repository import SqlAlchemyContactRepository
from storage.deals.repository import SqlAlchemyDealRepository
from storage.intelligence.repository import SqlAlchemyIntelligenceRepository
from storage.inventory.repository import SqlAlchemyInventoryRepository
from storage.leads.repository import SqlAlchemyLeadHistoryRepository, SqlAlchemyLeadRepository
from storage.orders.repository import SqlAlchemyOrderRepository
from storage.orders.risk_lists import SqlAlchemyRiskListRepository
from storage.outbox.repository import NewOutboxEvent, SqlAlchemyOutboxRepository
from storage.purchasing.repository import SqlAlchemyPurchaseOrderRepository
from storage.requests.repository import SqlAlchemyRequestLog
from storage.sourcing.repository import SqlAlchemyCandidateRepository
from storage.suppliers.repository import SqlAlchemySupplierRepository
from storage.supply.repository import SqlAlchemyOfferRepository
from storage.system.repository import SqlAlchemySystemRepository
from storage.workflows.repository import SqlAlchemyWorkflowRepository

# Turns a domain event into the exact payload to publish (proto3 JSON); injected by the composition root
# so that storage never imports protobuf.
EventSerializer = Callable[[DomainEvent], str]

_tracer = trace.get_tracer(__name__)
_propagator = TraceContextTextMapPropagator()

# PostgreSQL channel the relay LISTENs on; a NOTIFY inside the transaction is delivered at commit.
OUTBOX_CHANNEL = "crm_outbox"


class SqlAlchemyUnitOfWork:
    def __init__(
        self,
        sessions: async_sessionmaker[AsyncSession],
        *,
        serialize: EventSerializer,
        on_events_committed: Callable[[], None] = lambda: None,
        notify_postgres: bool = False,
        read_only: bool = False,
        on_database_unreachable: Callable[[], None] = lambda: None,
    ) -> None:
        self._sessions = sessions
        self._on_database_unreachable = on_database_unreachable
        self._read_only = read_only
        self._notify_postgres = notify_postgres
        self._serialize = serialize
        self._on_events_committed = on_events_committed
        self._events: list[DomainEvent] = []

    async def __aenter__(self) -> Self:
        # a child of the RPC's span when tracing is on; a no-op span otherwise
        self._span = _tracer.start_span("unit_of_work", attributes={"crm.read_only": self._read_only})
        self.session = self._sessions()
        self.leads = SqlAlchemyLeadRepository(self.session)
        self.outbox = SqlAlchemyOutboxRepository(self.session)
        self.requests = SqlAlchemyRequestLog(self.session)
        self.system = SqlAlchemySystemRepository(self.session)
        # catalog repositories
        self.products = SqlAlchemyProductRepository(self.session)
        self.suppliers = SqlAlchemySupplierRepository(self.session)
        self.inventory = SqlAlchemyInventoryRepository(self.session)
        # crm repositories
        self.contacts = SqlAlchemyContactRepository(self.session)
        self.deals = SqlAlchemyDealRepository(self.session)
        self.lead_history = SqlAlchemyLeadHistoryRepository(self.session)
        self.analytics = SqlAlchemyAnalyticsRepository(self.session)
        # orders repositories
        self.orders = SqlAlchemyOrderRepository(self.session)
        self.risk_lists = SqlAlchemyRiskListRepository(self.session)
        # intelligence repositories
        self.intelligence = SqlAlchemyIntelligenceRepository(self.session)
        self.workflows = SqlAlchemyWorkflowRepository(self.session)
        # supply repositories
        self.offers = SqlAlchemyOfferRepository(self.session)
        self.purchase_orders = SqlAlchemyPurchaseOrderRepository(self.session)
        # sourcing repositories
        self.candidates = SqlAlchemyCandidateRepository(self.session)
        self._events = []
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if self._read_only and exc is None:
                # A read ends with COMMIT, not ROLLBACK: psycopg forgets its prepared statements at every
                # ROLLBACK, so reads would never reach its prepare threshold and every call would be
                # parsed and planned afresh. On PostgreSQL the transaction is READ ONLY (storage/database.py),
                # so there is nothing a COMMIT could store; every reading use case runs there in the tests.
                await self.session.commit()
            else:
                await self.session.rollback()
        finally:
            await self.session.close()
            if exc is not None:
                self._span.record_exception(exc)
                self._span.set_status(StatusCode.ERROR)
            self._span.end()
        # One place turns driver errors (at a flush, a query or the commit) into the service's own.
        if isinstance(exc, IntegrityError) and _is_unique_violation(exc):
            raise UniqueViolation(str(exc.orig)) from exc
        if isinstance(exc, DBAPIError | SQLAlchemyTimeoutError):
            translated = translate_database_error(exc)
            if isinstance(translated, Unavailable) and not isinstance(exc, SQLAlchemyTimeoutError):
                self._on_database_unreachable()  # health rechecks now, not on its next tick
            if translated is not None:
                raise translated from exc

    def emit(self, event: DomainEvent) -> None:
        """Record an event to be written to the outbox when this unit of work commits."""
        self._events.append(event)

    async def commit(self) -> None:
        if self._read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        events, self._events = self._events, []
        if events:
            traceparent = _traceparent()
            await self.outbox.append([_outbox_event(e, self._serialize(e), traceparent) for e in events])
            if self._notify_postgres:
                await self.session.execute(text(f"NOTIFY {OUTBOX_CHANNEL}"))
        await self.session.commit()
        if events:
            self._on_events_committed()


# SQLSTATEs of conflicts a retry may resolve: serialization failure, deadlock, lock not available.
_RETRYABLE_CONFLICTS = frozenset({"40001", "40P01", "55P03"})
_SQLITE_BUSY_CODES = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED


def translate_database_error(exc: BaseException) -> DomainError | None:
    """ABORTED for a conflict a retry may resolve, UNAVAILABLE when the database cannot be reached or is
    busy; None for anything else (a bug, answered as INTERNAL)."""
    orig = getattr(exc, "orig", None)
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate in _RETRYABLE_CONFLICTS:
        return Conflict("the request conflicted with a concurrent change; retry it")
    if isinstance(exc, SQLAlchemyTimeoutError):  # the pool had no free connection within its timeout
        return Unavailable("the server is busy: no database connection was free in time; retry with backoff")
    if getattr(exc, "connection_invalidated", False):
        return Unavailable("the database is unavailable; retry later")
    if sqlstate is not None and sqlstate[:2] in ("08", "57"):  # connection exception, operator intervention
        return Unavailable("the database is unavailable; retry later")
    if getattr(orig, "sqlite_errorcode", None) in _SQLITE_BUSY_CODES:
        return Unavailable("the database is busy; retry later")
    if (
        sqlstate is None
        and isinstance(exc, OperationalError | InterfaceError)
        and not hasattr(orig, "sqlite_errorcode")
    ):
        return Unavailable("the database is unavailable; retry later")  # e.g. connection refused
    return None


def _is_unique_violation(exc: IntegrityError) -> bool:
    sqlstate = getattr(exc.orig, "sqlstate", None)
    return sqlstate == "23505" or "UNIQUE constraint failed" in str(exc.orig)


def _traceparent() -> str | None:
    """The W3C traceparent of the current span (the RPC's), or None when nothing is traced."""
    carrier: dict[str, str] = {}
    _propagator.inject(carrier)
    return carrier.get("traceparent")


def _outbox_event(event: DomainEvent, payload: str, traceparent: str | None) -> NewOutboxEvent:
    return NewOutboxEvent(
        traceparent=traceparent,
        id=event.event_id,
        tenant_id=event.tenant_id,
        aggregate_type=event.aggregate_type,
        aggregate_id=event.aggregate_id,
        event_type=event.event_type,
        payload=payload,
        occurred_at=event.occurred_at,
    )
