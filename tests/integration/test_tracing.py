"""Tracing: a span per RPC carrying the tenant and the request id, a child span per unit of work, and the
trace context stored with each outbox row so the Kafka record continues the trace."""

from __future__ import annotations

import grpc
import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, SpanProcessor, TracerProvider
from sqlalchemy import select

from crm.v2 import lead_service_pb2 as pb
from crm.v2 import lead_service_pb2_grpc
from storage.outbox.tables import OutboxRow
from tests.conftest import make_settings, start_server
from tests.integration.test_leads import a_lead

TENANT = 9500


class Recording(SpanProcessor):
    """Keeps the spans that end while a test listens (the process-wide provider outlives the test)."""

    def __init__(self) -> None:
        self.listening = False
        self.spans: list[ReadableSpan] = []

    def on_end(self, span: ReadableSpan) -> None:
        if self.listening:
            self.spans.append(span)


@pytest.fixture(scope="module")
def recording() -> Recording:
    provider = trace.get_tracer_provider()
    if not isinstance(provider, TracerProvider):
        provider = TracerProvider()
        trace.set_tracer_provider(provider)
    processor = Recording()
    provider.add_span_processor(processor)
    return processor


async def test_an_rpc_is_a_span_with_its_tenant_request_id_and_units_of_work(tmp_path, recording):
    running = await start_server(make_settings(f"sqlite+aiosqlite:///{tmp_path / 'crm.db'}"), "sqlite")
    recording.listening = True
    try:
        async with grpc.aio.insecure_channel(running.target) as channel:
            await lead_service_pb2_grpc.LeadServiceStub(channel).CreateLead(
                pb.CreateLeadRequest(tenant_id=TENANT, lead=a_lead()),
                metadata=(("x-request-id", "trace-me-1"),),
            )
        async with running.server.components.database.sessions() as session:
            traceparent = (await session.scalars(select(OutboxRow.traceparent))).one()
    finally:
        recording.listening = False
        await running.server.stop(grace=1.0)
    (rpc,) = [s for s in recording.spans if s.name == "/crm.v2.LeadService/CreateLead"]
    assert rpc.attributes is not None
    assert rpc.attributes["crm.tenant_id"] == TENANT and rpc.attributes["crm.request_id"] == "trace-me-1"
    units = [
        s for s in recording.spans if s.name == "unit_of_work" and s.context.trace_id == rpc.context.trace_id
    ]
    assert units and all(u.parent is not None and u.parent.span_id == rpc.context.span_id for u in units)
    assert traceparent.startswith(f"00-{rpc.context.trace_id:032x}-{rpc.context.span_id:016x}-")
