"""Prometheus metrics on METRICS_PORT (off when unset), with prometheus-client.

prometheus-client rather than OpenTelemetry metrics: the exposition format and the names gRPC users expect
(`grpc_server_handled_total`, `grpc_server_handling_seconds`, as go-grpc-prometheus names them) with no SDK
pipeline on the call path — a counter increment is a lock and an add. Each server has its own registry, so
several servers in one process (the tests) never share figures. With WORKERS > 1 every worker serves its
own endpoint on METRICS_PORT + its index (documented in README): no shared multiprocess directory to
manage, and a gauge such as in-flight calls stays true per process; Prometheus sums over the targets.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from wsgiref.simple_server import WSGIServer

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily
from prometheus_client.registry import Collector

logger = logging.getLogger(__name__)

# Buckets from 0.5 ms to 10 s: the reads of this service take a few milliseconds, bulk calls seconds.
LATENCY_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


@dataclass(slots=True)
class Snapshot:
    """Figures that cost a query, refreshed in the background (never by a scrape)."""

    outbox_backlog: int = 0
    outbox_oldest_age_seconds: float = 0.0
    workflows: dict[str, int] = field(default_factory=dict)


class _Sampled(Collector):
    """Gauges read when scraped: the pool, the relay and the last snapshot."""

    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics

    def collect(self) -> Any:
        m = self._metrics
        pool = m.pool_status()
        for name, doc, value in (
            ("crm_db_pool_size", "Connections the pool keeps", pool.get("size", 0)),
            ("crm_db_pool_checked_out", "Connections in use by units of work", pool.get("checked_out", 0)),
            ("crm_db_pool_overflow", "Connections opened beyond the pool size", pool.get("overflow", 0)),
            ("crm_relay_leader", "1 while this process publishes the outbox", int(m.relay_leader())),
            ("crm_outbox_backlog", "Events waiting to be published", m.snapshot.outbox_backlog),
            (
                "crm_outbox_oldest_age_seconds",
                "Age of the oldest unpublished event",
                m.snapshot.outbox_oldest_age_seconds,
            ),
        ):
            yield GaugeMetricFamily(name, doc, value=value)
        yield CounterMetricFamily(
            "crm_relay_publish_errors", "Batches the relay failed to publish", value=m.relay_failed_batches()
        )
        workflows = GaugeMetricFamily("crm_workflows", "Unfinished workflows by state", labels=["state"])
        for state, count in sorted(m.snapshot.workflows.items()):
            workflows.add_metric([state], count)
        yield workflows


class Metrics:
    def __init__(
        self,
        *,
        pool_status: Callable[[], dict[str, int]] = dict,
        relay_leader: Callable[[], bool] = lambda: False,
        relay_failed_batches: Callable[[], int] = lambda: 0,
    ) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.pool_status = pool_status
        self.relay_leader = relay_leader
        self.relay_failed_batches = relay_failed_batches
        self.snapshot = Snapshot()
        labels = ("grpc_service", "grpc_method", "grpc_type")
        self.started = Counter(
            "grpc_server_started_total", "RPCs started on the server", labels, registry=self.registry
        )
        self.handled = Counter(
            "grpc_server_handled_total",
            "RPCs completed on the server, by status code",
            (*labels, "grpc_code"),
            registry=self.registry,
        )
        self.latency = Histogram(
            "grpc_server_handling_seconds",
            "Time to complete an RPC, by the server",
            labels,
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.in_flight = Gauge("crm_in_flight_calls", "Calls being handled", registry=self.registry)
        self.open_streams = Gauge("crm_open_streams", "Server-streaming calls open", registry=self.registry)
        self.undecodable = Counter(
            "crm_undecodable_requests_total", "Requests whose body did not parse", registry=self.registry
        )
        self.registry.register(_Sampled(self))
        self._http: tuple[WSGIServer, threading.Thread] | None = None

    def serve(self, host: str, port: int) -> int:
        """Start the scrape endpoint; returns the bound port (0 picks a free one)."""
        server, thread = start_http_server(port, addr=host, registry=self.registry)
        self._http = (server, thread)
        return int(server.server_port)

    def close(self) -> None:
        if self._http is not None:
            server, thread = self._http
            server.shutdown()
            server.server_close()
            thread.join(5)
            self._http = None


class CallRecorder:
    """The series of one method, bound once: `labels()` validates and locks on every lookup, a cost each
    call would pay three times."""

    __slots__ = ("_handled", "_labels", "_metrics", "latency", "started")

    def __init__(self, metrics: Metrics, labels: tuple[str, str, str]) -> None:
        self._metrics = metrics
        self._labels = labels
        self.started = metrics.started.labels(*labels)
        self.latency = metrics.latency.labels(*labels)
        self._handled: dict[str, Any] = {}

    def handled(self, code: str) -> None:
        child = self._handled.get(code)
        if child is None:
            child = self._handled[code] = self._metrics.handled.labels(*self._labels, code)
        child.inc()


def recorder(metrics: Metrics, method: str, *, streaming: bool) -> CallRecorder:
    """The recorder of a full method name (`/package.Service/Method`)."""
    service, _, name = method.lstrip("/").rpartition("/")
    return CallRecorder(metrics, (service, name, "server_stream" if streaming else "unary"))
