"""SystemService over gRPC: the health report as protobuf."""

from __future__ import annotations

from google.protobuf import duration_pb2

from crm.v2 import system_service_pb2 as pb
from crm.v2 import system_service_pb2_grpc
from server.edge.context import Context
from server.edge.convert import to_timestamp
from server.edge.validation import Violations
from server.system.usecases import HealthReport, SystemUseCases


def _duration(seconds: float) -> duration_pb2.Duration:
    duration = duration_pb2.Duration()
    duration.FromNanoseconds(int(seconds * 1e9))
    return duration


def _kafka(report: HealthReport) -> pb.KafkaHealth:
    kafka = report.kafka
    if not kafka.enabled:
        state = pb.HEALTH_STATE_DISABLED
    elif kafka.relay.last_error:
        state = pb.HEALTH_STATE_DEGRADED
    else:
        state = pb.HEALTH_STATE_SERVING
    return pb.KafkaHealth(
        state=state,
        bootstrap_servers=kafka.bootstrap_servers,
        outbox_backlog=kafka.backlog,
        last_publish_time=to_timestamp(kafka.relay.last_publish_at),
        last_error=kafka.relay.last_error or "",
        relay_leader=kafka.relay.leader,
    )


def health_to_proto(report: HealthReport) -> pb.GetHealthResponse:
    db = report.database
    kafka = _kafka(report)
    agents = [
        pb.AgentHealth(
            name=a.name,
            state=pb.HEALTH_STATE_SERVING if a.reachable else pb.HEALTH_STATE_DEGRADED,
            endpoint=a.endpoint,
            latency=_duration(a.latency_seconds),
            error=a.error,
        )
        for a in report.agents
    ]
    if not db.reachable:
        overall = pb.HEALTH_STATE_NOT_SERVING
    elif kafka.state == pb.HEALTH_STATE_DEGRADED or any(a.state != pb.HEALTH_STATE_SERVING for a in agents):
        overall = pb.HEALTH_STATE_DEGRADED
    else:
        overall = pb.HEALTH_STATE_SERVING
    counts = report.tenant_counts
    return pb.GetHealthResponse(
        state=overall,
        version=report.version,
        start_time=to_timestamp(report.started_at),
        uptime=_duration(report.uptime_seconds),
        database=pb.DatabaseHealth(
            state=pb.HEALTH_STATE_SERVING if db.reachable else pb.HEALTH_STATE_NOT_SERVING,
            backend=db.backend,
            latency=_duration(db.latency_seconds),
            schema_revision=db.schema_revision,
            error=db.error,
        ),
        kafka=kafka,
        agents=agents,
        features=[pb.Feature(name=f.name, enabled=f.enabled, detail=f.detail) for f in report.features],
        tenant_counts=pb.TenantCounts(
            tenant_id=report.tenant_id,
            leads=counts.get("leads", 0),
            contacts=counts.get("contacts", 0),
            deals=counts.get("deals", 0),
            products=counts.get("products", 0),
            suppliers=counts.get("suppliers", 0),
            orders=counts.get("orders", 0),
            workflows=counts.get("workflows", 0),
            pending_events=report.tenant_pending_events,
        ),
    )


class SystemServicer(system_service_pb2_grpc.SystemServiceServicer):
    def __init__(self, system: SystemUseCases) -> None:
        self._system = system

    async def GetHealth(self, request: pb.GetHealthRequest, context: Context) -> pb.GetHealthResponse:
        Violations.of(request).raise_if_any()
        return health_to_proto(await self._system.health(tenant_id=request.tenant_id))
