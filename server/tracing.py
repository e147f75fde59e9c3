"""OpenTelemetry tracing: a span per RPC (opentelemetry-instrumentation-grpc) with the tenant and the request
id, child spans for units of work and agent calls, and the trace context carried into the outbox and onto
each Kafka record (`traceparent`), so a consumer continues the trace.

On when OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set: spans go through a
bounded BatchSpanProcessor to the OTLP exporter, configured by the standard OTEL_* variables
(OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_HEADERS, OTEL_BSP_MAX_QUEUE_SIZE, …). A collector that is down never
slows or fails a call: export runs on the processor's thread, and spans past the queue are dropped (the
SDK logs how many). A host that installed its own SDK TracerProvider (the tests do) is traced through it.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any, cast

import grpc
from opentelemetry import trace
from opentelemetry.instrumentation.grpc import aio_server_interceptor
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor

from server import __version__

logger = logging.getLogger(__name__)

ENDPOINT_VARIABLES = ("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
_installing = threading.Lock()


def tracing_interceptor() -> grpc.aio.ServerInterceptor | None:
    """The span-per-RPC interceptor when tracing is on, installing the OTLP pipeline once per process."""
    if isinstance(trace.get_tracer_provider(), TracerProvider):
        return _server_interceptor()
    if not any(os.environ.get(name) for name in ENDPOINT_VARIABLES):
        return None
    with _installing:
        if not isinstance(trace.get_tracer_provider(), TracerProvider):
            from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter

            provider = TracerProvider(
                resource=Resource.create(
                    {
                        "service.name": os.environ.get("OTEL_SERVICE_NAME", "crm-service-v2"),
                        "service.version": __version__,
                    }
                )
            )
            provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
            trace.set_tracer_provider(provider)
            logger.info("tracing: exporting spans over OTLP")
    return _server_interceptor()


def _server_interceptor() -> grpc.aio.ServerInterceptor:
    # the instrumentation package ships no type hints
    return cast(grpc.aio.ServerInterceptor, aio_server_interceptor())  # type: ignore[no-untyped-call]


def annotate_call(**attributes: Any) -> None:
    """Put attributes (tenant, request id) on the RPC's span, when one records."""
    span = trace.get_current_span()
    if span.is_recording():
        for key, value in attributes.items():
            if value is not None:
                span.set_attribute(f"crm.{key}", value)
