"""GetHealth's report (server/system/usecases.py), on in-memory fakes."""

from __future__ import annotations

from domain.clock import utcnow
from server.agents.ports import AgentProbeResult
from server.events.relay import RelayStatus
from server.system.usecases import COUNTED_TABLES, Feature, SystemUseCases
from tests.unit.usecases.fakes_event_log import FakeReadingUnitOfWork

TENANT = 7


class FakeProbe:
    def __init__(self, result: AgentProbeResult) -> None:
        self.result = result

    async def probe(self) -> AgentProbeResult:
        return self.result


def system_of(uow: FakeReadingUnitOfWork, *agents: FakeProbe) -> SystemUseCases:
    return SystemUseCases(
        uow.factory,
        backend="sqlite",
        version="2.0.0",
        started_at=utcnow(),
        kafka_bootstrap=None,
        relay_status=lambda: RelayStatus(enabled=False),
        agents=list(agents),
        features=[Feature("kafka_events", False, "events wait in the outbox")],
    )


async def test_health_reports_the_database_the_tenants_counts_and_the_waiting_events():
    uow = FakeReadingUnitOfWork()
    uow.system.counts = {"leads": 3, "orders": 1}
    uow.outbox.append(TENANT)
    uow.outbox.append(TENANT + 1)
    crew = AgentProbeResult("crewai", "http://crew.example", reachable=True, latency_seconds=0.01)

    report = await system_of(uow, FakeProbe(crew)).health(tenant_id=TENANT)

    assert report.database.reachable and report.database.schema_revision == "0042"
    assert report.tenant_counts == {name: {"leads": 3, "orders": 1}.get(name, 0) for name in COUNTED_TABLES}
    assert (report.kafka.enabled, report.kafka.backlog, report.tenant_pending_events) == (False, 2, 1)
    assert list(report.agents) == [crew]


async def test_health_answers_while_the_database_is_down_and_says_so_without_its_message():
    uow = FakeReadingUnitOfWork()
    uow.system.down = OSError("connection refused to db.internal:5432 as crm_admin")

    report = await system_of(uow).health(tenant_id=TENANT)

    assert not report.database.reachable
    assert report.database.error == "unreachable (OSError)"  # the details go to the log only
    assert (report.tenant_counts, report.tenant_pending_events) == ({}, 0)
