"""The service's own health: database, event relay, AI agents, features and the tenant's counts."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from domain.tenancy import across_tenants
from server.agents.ports import AgentProbe, AgentProbeResult
from server.events.relay import RelayStatus
from server.system.ports import UnitOfWorkFactory

logger = logging.getLogger(__name__)

COUNTED_TABLES = ("leads", "contacts", "deals", "products", "suppliers", "orders", "workflows")


@dataclass(frozen=True, slots=True)
class DatabaseReport:
    backend: str
    reachable: bool
    latency_seconds: float
    schema_revision: str = ""
    error: str = ""


@dataclass(frozen=True, slots=True)
class KafkaReport:
    enabled: bool
    bootstrap_servers: str
    backlog: int
    relay: RelayStatus


@dataclass(frozen=True, slots=True)
class Feature:
    name: str
    enabled: bool
    detail: str = ""


@dataclass(frozen=True, slots=True)
class HealthReport:
    version: str
    started_at: datetime
    uptime_seconds: float
    database: DatabaseReport
    kafka: KafkaReport
    agents: Sequence[AgentProbeResult]
    features: Sequence[Feature]
    tenant_id: int
    tenant_counts: Mapping[str, int]
    tenant_pending_events: int


class SystemUseCases:
    def __init__(
        self,
        uow: UnitOfWorkFactory,
        *,
        backend: str,
        version: str,
        started_at: datetime,
        kafka_bootstrap: str | None,
        relay_status: Callable[[], RelayStatus],
        agents: Sequence[AgentProbe],
        features: Sequence[Feature],
    ) -> None:
        self._uow = uow
        self._backend = backend
        self._version = version
        self._started_at = started_at
        self._started_clock = time.monotonic()
        self._kafka_bootstrap = kafka_bootstrap
        self._relay_status = relay_status
        self._agents = agents
        self._features = features

    async def health(self, *, tenant_id: int) -> HealthReport:
        """Always answers: a failing dependency is reported in its section, not raised. Error details
        go to the log, not to the caller."""
        started = time.perf_counter()
        counts: Mapping[str, int] = {}
        backlog = pending = 0
        try:
            async with self._uow(read_only=True) as uow:
                await uow.system.ping()
                latency = time.perf_counter() - started
                revision = await uow.system.schema_revision()
                counts = await uow.system.tenant_counts(tenant_id, COUNTED_TABLES)
                pending = await uow.outbox.backlog(tenant_id)
            with across_tenants():  # every tenant's waiting events: an operator's figure, a count only
                async with self._uow(read_only=True) as uow:
                    backlog = await uow.outbox.backlog()
            database = DatabaseReport(self._backend, True, latency, revision)
        except Exception as exc:  # reported, not raised: health must answer while the database is down
            logger.warning("health: database check failed: %s", exc)
            database = DatabaseReport(
                self._backend,
                False,
                time.perf_counter() - started,
                error=f"unreachable ({type(exc).__name__})",
            )
        agents = list(await asyncio.gather(*(agent.probe() for agent in self._agents)))
        return HealthReport(
            version=self._version,
            started_at=self._started_at,
            uptime_seconds=time.monotonic() - self._started_clock,
            database=database,
            kafka=KafkaReport(
                enabled=self._kafka_bootstrap is not None,
                bootstrap_servers=self._kafka_bootstrap or "",
                backlog=backlog,
                relay=self._relay_status(),
            ),
            agents=agents,
            features=self._features,
            tenant_id=tenant_id,
            tenant_counts=counts,
            tenant_pending_events=pending,
        )
