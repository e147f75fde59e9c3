"""The composition root: builds every part of the service from one frozen Settings."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import grpc

from server import __version__
from server.agents.crew import CrewClient
from server.agents.probe import CrewProbe
from server.auth import build_authenticator
from server.config import Settings
from server.events.kafka_sink import AioKafkaEventSink
from server.events.relay import OutboxRelay
from server.events.serialization import serialize
from server.events.signal import Signal
from server.intelligence_wiring import crew_client, workflow_runner
from server.interceptors import CallInterceptor
from server.policies import lead_scoring_policy
from server.usecases.events import EventUseCases
from server.usecases.leads import LeadUseCases
from server.usecases.system import Feature, SystemUseCases
from server.workflows.runner import WorkflowRunner
from storage.database import Database, open_database
from storage.leadership import PostgresAdvisoryLeadership, SingleProcessLeadership
from storage.listener import PostgresCommitListener
from storage.uow import SqlAlchemyUnitOfWork


@dataclass(frozen=True, slots=True)
class Components:
    settings: Settings
    database: Database
    signal: Signal
    stopping: asyncio.Event
    relay: OutboxRelay
    listener: PostgresCommitListener | None
    unit_of_work: Callable[..., SqlAlchemyUnitOfWork]
    leads: LeadUseCases
    events: EventUseCases
    system: SystemUseCases
    interceptor: grpc.aio.ServerInterceptor
    # intelligence: the CrewAI client (None without CREWAI_HOST) and the workflow runner
    crew: CrewClient | None = None
    workflow_runner: WorkflowRunner | None = None


def build(settings: Settings, *, started_at: datetime) -> Components:
    database = open_database(
        settings.database_url,
        pool_size=settings.DB_POOL_SIZE,
        ping_idle_seconds=settings.DB_PING_IDLE_SECONDS,
    )
    signal = Signal()
    stopping = asyncio.Event()
    crew = crew_client(settings)

    def unit_of_work(*, read_only: bool = False) -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(
            database.sessions if read_only else database.write_sessions,
            serialize=serialize,
            on_events_committed=signal.notify,
            notify_postgres=database.is_postgres,
            read_only=read_only,
        )

    sink = None
    if settings.KAFKA_BOOTSTRAP_SERVERS:
        sink = AioKafkaEventSink(
            settings.KAFKA_BOOTSTRAP_SERVERS,
            topic_prefix=settings.KAFKA_TOPIC_PREFIX,
            client_id=settings.KAFKA_CLIENT_ID,
            timeout=settings.KAFKA_SEND_TIMEOUT_SECONDS,
        )
    leadership = (
        PostgresAdvisoryLeadership(database.engine) if database.is_postgres else SingleProcessLeadership()
    )
    listener = PostgresCommitListener(settings.database_url, signal.notify) if database.is_postgres else None
    relay = OutboxRelay(
        database,
        sink,
        leadership=leadership,
        signal=signal,
        batch_size=settings.OUTBOX_BATCH_SIZE,
        poll_interval=settings.OUTBOX_POLL_SECONDS,
    )
    agents = (
        [
            CrewProbe(
                "crewai",
                settings.crewai_base_url,
                settings.CREWAI_TOKEN,
                breaker=crew.breaker if crew else None,
            )
        ]
        if settings.crewai_base_url
        else []
    )
    features = [
        Feature(
            "kafka_events", sink is not None, settings.KAFKA_BOOTSTRAP_SERVERS or "events wait in the outbox"
        ),
        Feature("ai_agents", bool(agents), settings.crewai_base_url or "local engines only"),
        Feature("auth", settings.AUTH_MODE != "none", settings.AUTH_MODE),
        Feature("tls", settings.TLS_CERT_FILE is not None, "mutual" if settings.TLS_CLIENT_CA_FILE else ""),
        Feature("database", True, database.backend),
    ]
    return Components(
        settings=settings,
        database=database,
        signal=signal,
        stopping=stopping,
        relay=relay,
        listener=listener,
        unit_of_work=unit_of_work,
        leads=LeadUseCases(unit_of_work, lead_scoring_policy(settings)),
        events=EventUseCases(unit_of_work, signal, stopping=stopping),
        system=SystemUseCases(
            unit_of_work,
            backend=database.backend,
            version=__version__,
            started_at=started_at,
            kafka_bootstrap=settings.KAFKA_BOOTSTRAP_SERVERS,
            relay_status=lambda: relay.status,
            agents=agents,
            features=features,
        ),
        interceptor=CallInterceptor(build_authenticator(settings)),
        crew=crew,
        workflow_runner=workflow_runner(settings, unit_of_work, crew, signal),
    )
