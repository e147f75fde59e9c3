"""The composition root: builds the shared parts of the service from one frozen Settings. Each area builds
its own servicer from these (server/areas.py)."""

from __future__ import annotations

import asyncio
import logging
import os
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

import grpc

from domain.catalog import Categories
from domain.events import DomainEvent
from domain.workflows import WorkflowType
from server.agents.circuit import CircuitBreaker
from server.agents.crew import CrewClient
from server.agents.ports import Crew
from server.config import Settings
from server.edge import page_tokens
from server.edge.auth import build_authenticator
from server.edge.interceptor import CallInterceptor
from server.events.kafka_sink import AioKafkaEventSink
from server.events.relay import OutboxRelay
from server.events.serialization import encode
from server.events.signal import Signal
from server.events.topics import TopicPlan
from server.intelligence.usecases import Intelligence, intelligence_use_cases
from server.leads.history import ClosedLeadHistories
from server.metrics import Metrics
from server.orders.review import FraudReviewStep
from server.overload import Admission
from server.policies import categories, intelligence_policies
from server.sourcing.discovery import SourcingDiscoveryStep
from server.workflows.runner import RunnerSettings, WorkflowRunner, queues_a_workflow
from server.workflows.steps import AGENT_DEADLINE_FACTOR, Step, WorkflowSteps
from storage.database import Database, open_database
from storage.leadership import PostgresAdvisoryLeadership, SingleProcessLeadership
from storage.listener import PostgresCommitListener
from storage.uow import SqlAlchemyUnitOfWork

logger = logging.getLogger(__name__)

# Consecutive failures that open the agents' circuit, and how long it stays open.
CIRCUIT_THRESHOLD = 3
CIRCUIT_RESET_SECONDS = 30.0
# Connections of the background pool: the relay's batches, its leadership lock, runner claims, monitor pings.
BACKGROUND_POOL_SIZE = 3
# Connections for the statements a unit of work commits apart from itself (the order counter, one round
# trip each); their own pool, so a unit of work never waits for a connection its peers hold.
AUTONOMOUS_POOL_SIZE = 2


@dataclass(frozen=True, slots=True)
class Components:
    settings: Settings
    started_at: datetime
    database: Database
    # a small pool of its own for the relay, the runner's claims, the health monitor and the metrics
    background: Database
    background_unit_of_work: Callable[..., SqlAlchemyUnitOfWork]
    # PostgreSQL: a small pool of its own for the transactions a unit of work commits apart from itself
    autonomous: Database | None
    # set by a unit of work that could not reach the database: the health monitor checks at once
    database_suspected: asyncio.Event
    signal: Signal
    stopping: asyncio.Event
    relay: OutboxRelay
    listener: PostgresCommitListener | None
    unit_of_work: Callable[..., SqlAlchemyUnitOfWork]
    interceptor: grpc.aio.ServerInterceptor
    # the CrewAI client (None without CREWAI_HOST)
    crew: CrewClient | None
    metrics: Metrics
    # the intelligence use cases, shared by IntelligenceService and the workflow runner
    intelligence: Intelligence
    # the closed-lead histories the lead scores learn from, shared by the lead and deal use cases
    lead_histories: ClosedLeadHistories
    workflow_runner: WorkflowRunner


def workflow_runner(
    uow: Callable[..., SqlAlchemyUnitOfWork],
    intelligence: Intelligence,
    *,
    signal: Signal,
    agent_timeout: float,
    crew: Crew | None,
    known_categories: Categories,
) -> WorkflowRunner:
    """The durable workflow runner with the steps of every area that queues workflows: the intelligence
    ones, the fraud review of a held order and the sourcing discovery."""
    deadline = agent_timeout * AGENT_DEADLINE_FACTOR
    policy = intelligence.policies.classification
    others: dict[WorkflowType, Step] = {
        WorkflowType.FRAUD_REVIEW: FraudReviewStep(uow, crew, deadline=deadline),
        WorkflowType.SOURCING_DISCOVERY: SourcingDiscoveryStep(
            uow,
            crew,
            policy,
            known_categories,
            deadline=deadline,
        ),
    }
    steps = WorkflowSteps(
        uow,
        intelligence.policies,
        intelligence.recommendations,
        intelligence.pricing,
        agent_timeout=agent_timeout,
        crew=crew,
        others=others,
    )
    return WorkflowRunner(uow, steps, signal=signal, settings=RunnerSettings())


def crew_client(settings: Settings) -> CrewClient | None:
    """The client of the deployed crews, or None when CREWAI_HOST is not set (engines only)."""
    if not settings.crewai_base_url:
        return None
    return CrewClient(
        "crewai",
        settings.crewai_base_url,
        token=settings.CREWAI_TOKEN,
        timeout=settings.AI_REQUEST_TIMEOUT,
        retries=settings.AI_RETRY_COUNT,
        breaker=CircuitBreaker(threshold=CIRCUIT_THRESHOLD, reset_after=CIRCUIT_RESET_SECONDS),
    )


def topic_plan(settings: Settings) -> TopicPlan:
    return TopicPlan(
        prefix=settings.KAFKA_TOPIC_PREFIX,
        partitions=settings.KAFKA_TOPIC_PARTITIONS,
        replication=settings.KAFKA_TOPIC_REPLICATION,
    )


def build(settings: Settings, *, started_at: datetime) -> Components:
    page_tokens.configure_keys(settings.page_token_keys)
    page_tokens.configure_budget(settings.MAX_MESSAGE_BYTES)
    if not settings.page_token_keys and settings.WORKERS > 1:
        logger.warning("PAGE_TOKEN_KEYS is unset: a page token works only on the worker that issued it")
    database = open_database(
        settings.database_url,
        pool_size=settings.DB_POOL_SIZE,
        ping_idle_seconds=settings.DB_PING_IDLE_SECONDS,
        prepared_statements=settings.DB_PREPARED_STATEMENTS,
    )
    # The relay, the workflow runner's claims, the health monitor and the metrics use their own small pool,
    # so a flood of calls that holds every request connection can neither starve them nor flip health. It
    # connects directly (DATABASE_DIRECT_URL): the relay's leadership is a session advisory lock, which a
    # pooler in transaction mode would leave on a server connection other clients then borrow.
    background = open_database(
        settings.direct_database_url,
        pool_size=BACKGROUND_POOL_SIZE,
        # the relay's leadership holds one of them for good; a health ping must not wait behind a batch
        overflow=BACKGROUND_POOL_SIZE,
        ping_idle_seconds=settings.DB_PING_IDLE_SECONDS,
        prepared_statements=settings.DB_PREPARED_STATEMENTS or settings.DATABASE_DIRECT_URL is not None,
    )
    autonomous = (
        open_database(
            settings.database_url,
            pool_size=AUTONOMOUS_POOL_SIZE,
            ping_idle_seconds=settings.DB_PING_IDLE_SECONDS,
            prepared_statements=settings.DB_PREPARED_STATEMENTS,
        )
        if database.is_postgres
        else None
    )
    signal = Signal()
    # What this process's commits call themselves in their NOTIFY, for its own listener to pass them over.
    commit_sender = f"{os.getpid()}-{uuid.uuid4().hex[:12]}"
    # The workflow runner wakes for a queued workflow, not for every commit: a poll after each of them cost
    # every write call a read transaction (a second one when the commit's own NOTIFY came back).
    workflows_queued = Signal()

    def on_events_committed(events: Sequence[DomainEvent]) -> None:
        signal.notify()
        if queues_a_workflow(events):
            workflows_queued.notify()

    database_suspected = asyncio.Event()
    crew = crew_client(settings)

    def units_of_work(db: Database) -> Callable[..., SqlAlchemyUnitOfWork]:
        def unit_of_work(*, read_only: bool = False) -> SqlAlchemyUnitOfWork:
            return SqlAlchemyUnitOfWork(
                db.transactions,
                serialize=encode,
                on_events_committed=on_events_committed,
                notify_as=commit_sender if db.is_postgres else None,
                read_only=read_only,
                on_database_unreachable=database_suspected.set,
                autonomous=autonomous.transactions if autonomous is not None else None,
            )

        return unit_of_work

    unit_of_work = units_of_work(database)
    background_unit_of_work = units_of_work(background)

    sink = None
    if settings.KAFKA_BOOTSTRAP_SERVERS:
        sink = AioKafkaEventSink(
            settings.KAFKA_BOOTSTRAP_SERVERS,
            topic_prefix=settings.KAFKA_TOPIC_PREFIX,
            client_id=settings.KAFKA_CLIENT_ID,
            timeout=settings.KAFKA_SEND_TIMEOUT_SECONDS,
            topics=topic_plan(settings) if settings.KAFKA_CREATE_TOPICS else None,
        )
    leadership = (
        PostgresAdvisoryLeadership(background.engine) if background.is_postgres else SingleProcessLeadership()
    )
    relay = OutboxRelay(
        background,
        sink,
        leadership=leadership,
        signal=signal,
        batch_size=settings.OUTBOX_BATCH_SIZE,
        poll_interval=settings.OUTBOX_POLL_SECONDS,
    )
    intelligence = intelligence_use_cases(unit_of_work, intelligence_policies(settings), crew)
    metrics = Metrics(
        pool_status=database.pool_status,
        relay_leader=lambda: relay.status.leader,
        relay_failed_batches=lambda: relay.status.failed_batches,
    )
    return Components(
        settings=settings,
        started_at=started_at,
        database=database,
        background=background,
        background_unit_of_work=background_unit_of_work,
        autonomous=autonomous,
        database_suspected=database_suspected,
        signal=signal,
        stopping=asyncio.Event(),
        relay=relay,
        listener=PostgresCommitListener(settings.direct_database_url, signal.notify, own=commit_sender)
        if database.is_postgres
        else None,
        unit_of_work=unit_of_work,
        interceptor=CallInterceptor(
            build_authenticator(settings),
            metrics=metrics,
            admission=Admission(
                max_calls=settings.MAX_CONCURRENT_RPCS,
                max_streams=settings.MAX_STREAMS,
                max_streams_per_caller=settings.MAX_STREAMS_PER_CALLER,
            ),
        ),
        crew=crew,
        metrics=metrics,
        intelligence=intelligence,
        lead_histories=ClosedLeadHistories(refresh_seconds=settings.LEAD_HISTORY_REFRESH_SECONDS),
        workflow_runner=workflow_runner(
            background_unit_of_work,
            intelligence,
            signal=workflows_queued,
            agent_timeout=settings.AI_REQUEST_TIMEOUT,
            crew=crew,
            known_categories=categories(settings),
        ),
    )
