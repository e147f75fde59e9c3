"""The server as operators and load balancers see it: reflection, health, errors, request ids."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import grpc
import pytest
from google.protobuf import descriptor_pb2, descriptor_pool
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc
from sqlalchemy import text

from crm.v2 import (
    lead_service_pb2,
    lead_service_pb2_grpc,
    system_service_pb2,
    system_service_pb2_grpc,
)
from server.areas import AREAS, Area, AreaFailed, build_servicers, service_names
from storage.database import open_database
from tests.conftest import make_settings, serving
from tests.integration.test_leads import a_lead

EVERY_SERVICE = {
    "crm.v2.AnalyticsService",
    "crm.v2.ContactService",
    "crm.v2.DealService",
    "crm.v2.EventService",
    "crm.v2.IntelligenceService",
    "crm.v2.InventoryService",
    "crm.v2.LeadService",
    "crm.v2.OrderService",
    "crm.v2.ProductService",
    "crm.v2.PrototypeRestService",
    "crm.v2.PurchaseOrderService",
    "crm.v2.SourcingService",
    "crm.v2.SupplierService",
    "crm.v2.SupplyService",
    "crm.v2.SystemService",
    "crm.v2.WorkflowService",
}


async def reflect(channel: grpc.aio.Channel, request: reflection_pb2.ServerReflectionRequest):
    stub = reflection_pb2_grpc.ServerReflectionStub(channel)
    responses = [r async for r in stub.ServerReflectionInfo(iter([request]))]
    return responses[0]


async def test_reflection_lists_every_service_of_the_contract(channel):
    response = await reflect(channel, reflection_pb2.ServerReflectionRequest(list_services=""))
    listed = {s.name for s in response.list_services_response.service}
    assert listed >= EVERY_SERVICE | {"grpc.health.v1.Health"}


async def test_reflection_describes_a_service_with_its_dependencies(channel):
    response = await reflect(
        channel, reflection_pb2.ServerReflectionRequest(file_containing_symbol="crm.v2.LeadService")
    )
    names = set()
    for raw in response.file_descriptor_response.file_descriptor_proto:
        names.add(descriptor_pb2.FileDescriptorProto.FromString(raw).name)
    assert "crm/v2/lead_service.proto" in names


def files_of(
    response: reflection_pb2.ServerReflectionResponse,
) -> dict[str, descriptor_pb2.FileDescriptorProto]:
    protos = [
        descriptor_pb2.FileDescriptorProto.FromString(raw)
        for raw in response.file_descriptor_response.file_descriptor_proto
    ]
    return {proto.name: proto for proto in protos}


@pytest.mark.parametrize(
    ("symbol", "file"),
    [
        ("crm.v2.LeadService.CreateLead", "crm/v2/lead_service.proto"),  # a method
        ("crm.v2.Lead.email", "crm/v2/lead_service.proto"),  # a field
        ("grpc.health.v1.Health.Check", "grpc_health/v1/health.proto"),  # what ghz --call asks for
    ],
)
async def test_reflection_resolves_methods_and_fields_to_their_file(channel, symbol, file):
    response = await reflect(channel, reflection_pb2.ServerReflectionRequest(file_containing_symbol=symbol))
    assert file in files_of(response)


@pytest.mark.parametrize("symbol", ["crm.v2.NoSuchService", "nowhere", ""])
async def test_reflection_answers_not_found_for_an_unknown_symbol(channel, symbol):
    response = await reflect(channel, reflection_pb2.ServerReflectionRequest(file_containing_symbol=symbol))
    assert response.error_response.error_code == grpc.StatusCode.NOT_FOUND.value[0]


async def test_reflection_serves_the_contract_with_its_comments(channel):
    response = await reflect(
        channel, reflection_pb2.ServerReflectionRequest(file_containing_symbol="crm.v2.LeadService")
    )
    lead_file = files_of(response)["crm/v2/lead_service.proto"]
    comments = [location.leading_comments for location in lead_file.source_code_info.location]
    assert any("Creates a lead and scores it" in comment for comment in comments)


async def test_reflection_answers_on_v1_as_on_v1alpha(channel):
    call = channel.stream_stream(
        "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
        request_serializer=reflection_pb2.ServerReflectionRequest.SerializeToString,
        response_deserializer=reflection_pb2.ServerReflectionResponse.FromString,
    )
    responses = [r async for r in call(iter([reflection_pb2.ServerReflectionRequest(list_services="")]))]
    listed = {s.name for s in responses[0].list_services_response.service}
    assert {"grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"} <= listed
    described = await reflect(
        channel,
        reflection_pb2.ServerReflectionRequest(file_containing_symbol="grpc.reflection.v1.ServerReflection"),
    )
    assert "grpc/reflection/v1/reflection.proto" in files_of(described)


@pytest.mark.parametrize("service", ["", *sorted(EVERY_SERVICE)])
async def test_standard_health_reports_each_service_serving(channel, service):
    response = await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service=service))
    assert response.status == health_pb2.HealthCheckResponse.SERVING


async def test_standard_health_watch_streams_the_status(channel):
    stream = health_pb2_grpc.HealthStub(channel).Watch(
        health_pb2.HealthCheckRequest(service="crm.v2.LeadService")
    )
    first = await asyncio.wait_for(stream.read(), 10)
    assert first.status == health_pb2.HealthCheckResponse.SERVING
    stream.cancel()


def test_service_names_cover_the_whole_contract():
    assert set(service_names()) == EVERY_SERVICE


async def test_get_health_reports_database_relay_features_and_tenant_counts(channel, crm_server, tenant_id):
    leads = lead_service_pb2_grpc.LeadServiceStub(channel)
    await leads.CreateLead(lead_service_pb2.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead()))
    await leads.CreateLead(lead_service_pb2.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead()))

    health = await system_service_pb2_grpc.SystemServiceStub(channel).GetHealth(
        system_service_pb2.GetHealthRequest(tenant_id=tenant_id)
    )

    assert health.state == system_service_pb2.HEALTH_STATE_SERVING
    assert health.version == "2.0.0"
    assert health.uptime.ToNanoseconds() > 0
    assert health.database.state == system_service_pb2.HEALTH_STATE_SERVING
    assert health.database.backend == ("postgresql" if crm_server.backend == "postgres" else "sqlite")
    assert health.database.schema_revision
    assert health.database.latency.ToNanoseconds() > 0
    assert health.kafka.state == system_service_pb2.HEALTH_STATE_DISABLED
    assert health.tenant_counts.tenant_id == tenant_id
    assert health.tenant_counts.leads == 2
    assert health.tenant_counts.pending_events == 2  # no Kafka here: the events wait in the outbox
    features = {f.name: f for f in health.features}
    assert not features["kafka_events"].enabled and not features["auth"].enabled


def test_every_service_of_the_contract_has_exactly_one_area():
    import importlib
    import pkgutil

    import crm.v2

    contract = {
        service.full_name
        for module in pkgutil.iter_modules(crm.v2.__path__)
        if module.name.endswith("_pb2")
        for service in importlib.import_module(f"crm.v2.{module.name}").DESCRIPTOR.services_by_name.values()
    }
    assert sorted(area.service for area in AREAS) == sorted(contract)
    assert len({area.name for area in AREAS}) == len(AREAS)


def test_an_area_that_cannot_be_built_stops_start_up_with_its_name():
    def broken(components):
        raise ValueError("no lead policy")

    areas = (Area("leads", "crm.v2.LeadService", broken, lambda servicer, server: None),)
    with pytest.raises(AreaFailed, match="the leads area could not be built: no lead policy"):
        build_servicers(object(), areas)  # type: ignore[arg-type]


async def test_the_caller_request_id_is_echoed_and_named_in_error_details(channel, tenant_id):
    from google.rpc import error_details_pb2
    from grpc_status import rpc_status

    call = lead_service_pb2_grpc.LeadServiceStub(channel).GetLead(
        lead_service_pb2.GetLeadRequest(tenant_id=tenant_id, lead_id="0190f7e4-0000-7000-8000-000000000000"),
        metadata=(("x-request-id", "trace-123"),),
    )
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await call
    assert ("x-request-id", "trace-123") in tuple(await call.initial_metadata())
    status = rpc_status.from_call(caught.value)
    infos = [d for d in status.details if d.Is(error_details_pb2.RequestInfo.DESCRIPTOR)]
    request_info = error_details_pb2.RequestInfo()
    infos[0].Unpack(request_info)
    assert request_info.request_id == "trace-123"


async def test_an_unexpected_failure_answers_internal_without_internals(postgres, tenant_id):
    url = postgres.new_database()
    async with serving(make_settings(url), "postgres") as running:
        # Break the storage under the running server: its next write hits a missing table (dropped by its
        # owner; the service's role may not).
        owner = open_database(postgres.migration_url(url), pool_size=1)
        try:
            async with owner.engine.begin() as conn:
                await conn.execute(text("DROP TABLE leads CASCADE"))
        finally:
            await owner.dispose()
        async with grpc.aio.insecure_channel(running.target) as channel:
            with pytest.raises(grpc.aio.AioRpcError) as caught:
                await lead_service_pb2_grpc.LeadServiceStub(channel).CreateLead(
                    lead_service_pb2.CreateLeadRequest(tenant_id=tenant_id, lead=a_lead())
                )
    assert caught.value.code() == grpc.StatusCode.INTERNAL
    assert caught.value.details().startswith("internal error; request id ")
    assert "leads" not in caught.value.details() and "SQL" not in caught.value.details()


async def test_health_probes_are_not_access_logged_at_info(channel, caplog):
    import logging

    with caplog.at_level(logging.INFO, logger="crm.access"):
        await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service=""))
        await lead_service_pb2_grpc.LeadServiceStub(channel).ListLeads(
            lead_service_pb2.ListLeadsRequest(tenant_id=1)
        )
    logged = [r.getMessage() for r in caplog.records if r.name == "crm.access"]
    assert any("ListLeads OK" in line for line in logged)
    assert not any("grpc.health.v1" in line for line in logged)


@dataclass(frozen=True)
class HandlerCallDetails(grpc.HandlerCallDetails):
    method: str
    invocation_metadata: tuple[tuple[str, str], ...] = ()


class RecordingServer:
    """What `CrmServer._register` hands the grpc.aio server, kept."""

    def __init__(self) -> None:
        self.generic: list[grpc.GenericRpcHandler] = []
        self.registered: list[str] = []

    def add_generic_rpc_handlers(self, handlers) -> None:
        self.generic.extend(handlers)

    def add_registered_method_handlers(self, service: str, handlers) -> None:
        self.registered.append(service)


def test_every_method_is_served_by_a_generic_handler_and_none_is_registered(sqlite_server):
    """grpc.aio waits again on one pending call per registered method for every call it accepts, so the
    contract's methods are served by their services' generic handlers alone."""
    recording = RecordingServer()
    sqlite_server.server._register(recording)  # type: ignore[arg-type]

    assert recording.registered == []
    unserved = []
    for name in (*EVERY_SERVICE, "grpc.health.v1.Health"):
        service = descriptor_pool.Default().FindServiceByName(name)
        for method in service.methods:
            call = HandlerCallDetails(f"/{name}/{method.name}")
            if not any(handler.service(call) for handler in recording.generic):
                unserved.append(call.method)
    assert unserved == []
