"""The unit of work: one transaction, its repositories, and the events it will record.

Only the unit of work commits. On commit it appends the collected events to the outbox in the same
transaction, so an event exists exactly when the change that caused it does. Leaving the block without
committing rolls everything back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Self

import psycopg
from opentelemetry import trace
from opentelemetry.trace import StatusCode
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeoutError

from domain.errors import Conflict, DomainError, Unavailable, UniqueViolation
from domain.event_log import EncodedEvent
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
from storage.transactions import Transaction, Transactions
from storage.workflows.repository import SqlAlchemyWorkflowRepository

# Turns a domain event into the exact payload to publish (proto3 JSON) and its binary form; injected by the
# composition root so that storage never imports protobuf.
EventSerializer = Callable[[DomainEvent], EncodedEvent]

_tracer = trace.get_tracer(__name__)
_propagator = TraceContextTextMapPropagator()

# PostgreSQL channel the relay LISTENs on; a NOTIFY inside the transaction is delivered at commit.
OUTBOX_CHANNEL = "crm_outbox"


class SqlAlchemyUnitOfWork:
    def __init__(
        self,
        transactions: Transactions,
        *,
        serialize: EventSerializer,
        on_events_committed: Callable[[Sequence[DomainEvent]], None] = lambda events: None,
        notify_as: str | None = None,
        read_only: bool = False,
        on_database_unreachable: Callable[[], None] = lambda: None,
        autonomous: Transactions | None = None,
    ) -> None:
        self._transactions = transactions
        # where a statement that must not wait for this unit of work's commit runs (the order counter)
        self._autonomous = autonomous
        self._on_database_unreachable = on_database_unreachable
        self._read_only = read_only
        self._notify_as = notify_as
        self._serialize = serialize
        self._on_events_committed = on_events_committed
        self._events: list[DomainEvent] = []

    async def __aenter__(self) -> Self:
        # a child of the RPC's span when tracing is on; a no-op span otherwise
        self._span = _tracer.start_span("unit_of_work", attributes={"crm.read_only": self._read_only})
        try:
            self._transaction: Transaction = await self._transactions.begin(read_only=self._read_only)
        except BaseException as exc:
            self._span.end()
            self._raise_translated(exc)
            raise
        self.sql = sql = self._transaction.sql
        self.leads = SqlAlchemyLeadRepository(sql)
        self.outbox = SqlAlchemyOutboxRepository(sql)
        self.requests = SqlAlchemyRequestLog(sql)
        self.system = SqlAlchemySystemRepository(sql)
        # catalog repositories
        self.products = SqlAlchemyProductRepository(sql)
        self.suppliers = SqlAlchemySupplierRepository(sql)
        self.inventory = SqlAlchemyInventoryRepository(sql)
        # crm repositories
        self.contacts = SqlAlchemyContactRepository(sql)
        self.deals = SqlAlchemyDealRepository(sql)
        self.lead_history = SqlAlchemyLeadHistoryRepository(sql)
        self.analytics = SqlAlchemyAnalyticsRepository(sql)
        # orders repositories
        self.orders = SqlAlchemyOrderRepository(sql, autonomous=self._autonomous)
        self.risk_lists = SqlAlchemyRiskListRepository(sql)
        # intelligence repositories
        self.intelligence = SqlAlchemyIntelligenceRepository(sql)
        self.workflows = SqlAlchemyWorkflowRepository(sql)
        # supply repositories
        self.offers = SqlAlchemyOfferRepository(sql)
        self.purchase_orders = SqlAlchemyPurchaseOrderRepository(sql)
        # sourcing repositories
        self.candidates = SqlAlchemyCandidateRepository(sql)
        self._events = []
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        ended: BaseException | None = exc
        try:
            if self._read_only and exc is None:
                # A read ends with COMMIT, not ROLLBACK: psycopg forgets its prepared statements at every
                # ROLLBACK, so reads would never reach its prepare threshold and every call would be
                # parsed and planned afresh. On PostgreSQL the transaction is READ ONLY, so there is
                # nothing a COMMIT could store; every reading use case runs there in the tests.
                await self._transaction.commit()
            else:
                await self._transaction.rollback()
        except BaseException as ending:
            ended = ended or ending
            raise
        finally:
            await self._transaction.release(ended)
            if exc is not None:
                self._span.record_exception(exc)
                self._span.set_status(StatusCode.ERROR)
            self._span.end()
        if exc is not None:
            self._raise_translated(exc)

    def _raise_translated(self, exc: BaseException) -> None:
        """One place turns driver errors (at a statement, at the commit or at the checkout) into the
        service's own; anything else is left as it is."""
        if _is_unique_violation(exc):
            raise UniqueViolation(str(getattr(exc, "orig", exc))) from exc
        if isinstance(exc, DBAPIError | SQLAlchemyTimeoutError | psycopg.Error):
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
            if self._notify_as is not None:  # PostgreSQL: wakes the other processes' relays and watchers
                await self.sql.send(_NOTIFY, {"channel": OUTBOX_CHANNEL, "sender": self._notify_as})
        await self._transaction.commit()
        if events:
            self._on_events_committed(events)


# The payload names the sending process, whose own listener need not wake it a second time.
_NOTIFY = text("SELECT pg_notify(:channel, :sender)")


# SQLSTATEs of conflicts a retry may resolve: serialization failure, deadlock, lock not available.
_RETRYABLE_CONFLICTS = frozenset({"40001", "40P01", "55P03"})
_SQLITE_BUSY_CODES = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED


def translate_database_error(exc: BaseException) -> DomainError | None:
    """ABORTED for a conflict a retry may resolve, UNAVAILABLE when the database cannot be reached or is
    busy; None for anything else (a bug, answered as INTERNAL). `exc` is SQLAlchemy's wrapper of a driver
    error, or the driver's own (psycopg, on the driver path)."""
    orig = getattr(exc, "orig", exc if isinstance(exc, psycopg.Error) else None)
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
        and isinstance(
            exc, OperationalError | InterfaceError | psycopg.OperationalError | psycopg.InterfaceError
        )
        and not hasattr(orig, "sqlite_errorcode")
    ):
        return Unavailable("the database is unavailable; retry later")  # e.g. connection refused
    return None


def _is_unique_violation(exc: BaseException) -> bool:
    if isinstance(exc, psycopg.errors.UniqueViolation):
        return True
    if not isinstance(exc, IntegrityError):
        return False
    sqlstate = getattr(exc.orig, "sqlstate", None)
    return sqlstate == "23505" or "UNIQUE constraint failed" in str(exc.orig)


def _traceparent() -> str | None:
    """The W3C traceparent of the current span (the RPC's), or None when nothing is traced."""
    carrier: dict[str, str] = {}
    _propagator.inject(carrier)
    return carrier.get("traceparent")


def _outbox_event(event: DomainEvent, encoded: EncodedEvent, traceparent: str | None) -> NewOutboxEvent:
    return NewOutboxEvent(
        traceparent=traceparent,
        id=event.event_id,
        tenant_id=event.tenant_id,
        aggregate_type=event.aggregate_type,
        aggregate_id=event.aggregate_id,
        event_type=event.event_type,
        payload=encoded.payload,
        message=encoded.message,
        occurred_at=event.occurred_at,
    )
