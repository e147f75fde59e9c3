"""WorkflowService and its runner through a real gRPC channel on SQLite and PostgreSQL, with a fake
CrewAI crew: classification, marketing strategies enqueued by CreateProduct, listing, cancellation, and
the agents' state in GetHealth."""

from __future__ import annotations

import asyncio

import grpc
import pytest

from crm.v2 import (
    common_pb2,
    intelligence_service_pb2_grpc,
    product_service_pb2_grpc,
    system_service_pb2,
    system_service_pb2_grpc,
    workflow_service_pb2_grpc,
)
from crm.v2 import intelligence_service_pb2 as ipb
from crm.v2 import workflow_service_pb2 as pb
from tests.conftest import make_settings, serving
from tests.integration.conftest import OwnDatabase
from tests.integration.conftest_intelligence import events_of, product
from tests.integration.fake_crew import FakeCrew
from tests.support.status import error_reason, field_violations
from tests.support.waiting import eventually

MISSING = "0190f7e4-0000-7000-8000-000000000000"


@pytest.fixture
async def crew_server(own_database: OwnDatabase):
    """A server of its own whose agents are a fake crew (released: it answers at once)."""
    async with FakeCrew() as crew:
        crew.release.set()
        settings = make_settings(
            own_database.url, CREWAI_HOST="127.0.0.1", CREWAI_PORT=crew.port, AI_RETRY_COUNT=1
        )
        async with (
            serving(settings, own_database.backend) as running,
            grpc.aio.insecure_channel(running.target) as channel,
        ):
            yield crew, channel


def stubs(channel):
    return (
        workflow_service_pb2_grpc.WorkflowServiceStub(channel),
        product_service_pb2_grpc.ProductServiceStub(channel),
        intelligence_service_pb2_grpc.IntelligenceServiceStub(channel),
    )


async def finished(workflows, tenant_id: int, workflow_id: str) -> pb.Workflow:
    return await eventually(
        lambda: workflows.GetWorkflow(pb.GetWorkflowRequest(tenant_id=tenant_id, workflow_id=workflow_id)),
        until=lambda w: (
            w.state in (pb.WORKFLOW_STATE_SUCCEEDED, pb.WORKFLOW_STATE_FAILED, pb.WORKFLOW_STATE_CANCELLED)
        ),
        timeout=30,
    )


async def test_a_classification_starts_pending_and_finishes_with_the_analysis(crew_server, tenant_id):
    _, channel = crew_server
    workflows, catalog, _ = stubs(channel)
    item = await product(catalog, tenant_id, price="74.99", source="49.99")

    started = await workflows.StartProductClassification(
        pb.StartProductClassificationRequest(tenant_id=tenant_id, product_id=item.id)
    )
    assert (
        started.state == pb.WORKFLOW_STATE_PENDING and started.type == pb.WORKFLOW_TYPE_PRODUCT_CLASSIFICATION
    )
    assert started.max_attempts == 2 and started.attempts == 0

    done = await finished(workflows, tenant_id, started.id)
    assert done.state == pb.WORKFLOW_STATE_SUCCEEDED and done.progress == 1.0 and done.attempts == 1
    assert done.classification.product_id == item.id
    assert done.classification.analysis.dropship_score == pytest.approx(item.analysis.dropship_score)
    assert done.source == common_pb2.RESULT_SOURCE_ENGINE and done.HasField("end_time")
    completed = await events_of(channel, tenant_id, "workflow.completed")
    assert [e.aggregate_id for e in completed].count(started.id) == 1
    analyses = await events_of(channel, tenant_id, "product.analysis_started")
    assert len(analyses) == 2  # CreateProduct's and the workflow's


async def test_create_product_enqueues_a_marketing_strategy_the_crew_augments(crew_server, tenant_id):
    crew, channel = crew_server
    workflows, catalog, _ = stubs(channel)
    item = await product(catalog, tenant_id, price="80.00")

    listed = await workflows.ListWorkflows(pb.ListWorkflowsRequest(tenant_id=tenant_id, product_id=item.id))
    [workflow] = listed.workflows
    assert workflow.type == pb.WORKFLOW_TYPE_MARKETING_STRATEGY
    done = await finished(workflows, tenant_id, workflow.id)

    assert done.state == pb.WORKFLOW_STATE_SUCCEEDED and done.source == common_pb2.RESULT_SOURCE_AGENT
    assert done.marketing_strategy.positioning == "The crew's positioning."
    assert done.marketing_strategy.messaging_angles[0].headline == "Crew headline"
    assert crew.kickoffs[-1]["inputs"]["product_id"] == item.id
    [event] = await events_of(channel, tenant_id, "marketing.strategy_generated")
    assert event.aggregate_id == item.id


async def test_the_engine_answers_when_the_crew_answers_garbage(crew_server, tenant_id):
    crew, channel = crew_server
    _, catalog, intelligence = stubs(channel)
    item = await product(catalog, tenant_id, price="80.00")
    crew.result = "not json at all"
    answer = await intelligence.GenerateMarketingStrategy(
        ipb.GenerateMarketingStrategyRequest(tenant_id=tenant_id, product_id=item.id)
    )
    assert answer.strategy.source == common_pb2.RESULT_SOURCE_ENGINE
    assert answer.strategy.positioning.startswith("Adjustable Dumbbell Set for")
    related = await intelligence.RecommendProducts(
        ipb.RecommendProductsRequest(tenant_id=tenant_id, product_id=item.id)
    )
    assert related.source == common_pb2.RESULT_SOURCE_ENGINE and related.sourcing_note.startswith(
        "agent unavailable"
    )


async def test_cancelling_a_running_workflow_discards_its_late_result(crew_server, tenant_id):
    crew, channel = crew_server
    workflows, catalog, _ = stubs(channel)
    crew.release.clear()  # the crew holds every run
    item = await product(catalog, tenant_id, price="80.00")
    [workflow] = (await workflows.ListWorkflows(pb.ListWorkflowsRequest(tenant_id=tenant_id))).workflows
    await eventually(lambda: asyncio.sleep(0, len(crew.kickoffs)), until=bool, timeout=20)

    cancelled = await workflows.CancelWorkflow(
        pb.CancelWorkflowRequest(tenant_id=tenant_id, workflow_id=workflow.id)
    )
    assert cancelled.state == pb.WORKFLOW_STATE_CANCELLED
    reads_before = crew.status_reads
    crew.release.set()
    with pytest.raises(grpc.aio.AioRpcError) as again:
        await workflows.CancelWorkflow(pb.CancelWorkflowRequest(tenant_id=tenant_id, workflow_id=workflow.id))
    assert again.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert error_reason(again.value) == "WORKFLOW_FINISHED"

    # The held attempt reads `completed` from the crew, but its completion is refused: still cancelled and
    # no event. (A negative outcome needs a window: the state is re-read for a second after that read.)
    await eventually(
        lambda: asyncio.sleep(0, crew.status_reads), until=lambda n: n > reads_before, timeout=10
    )
    for _ in range(10):
        stored = await workflows.GetWorkflow(
            pb.GetWorkflowRequest(tenant_id=tenant_id, workflow_id=workflow.id)
        )
        assert stored.state == pb.WORKFLOW_STATE_CANCELLED
        await asyncio.sleep(0.1)
    assert stored.state == pb.WORKFLOW_STATE_CANCELLED and not stored.HasField("marketing_strategy")
    assert await events_of(channel, tenant_id, "workflow.completed") == []
    assert len(await events_of(channel, tenant_id, "workflow.cancelled")) == 1
    assert item.id == stored.product_id


async def test_list_workflows_filters_pages_and_refuses_bad_input(crew_server, tenant_id):
    _, channel = crew_server
    workflows, catalog, _ = stubs(channel)
    items = [await product(catalog, tenant_id, price="20.00") for _ in range(3)]
    for item in items:
        await workflows.StartProductClassification(
            pb.StartProductClassificationRequest(tenant_id=tenant_id, product_id=item.id)
        )
    only = pb.ListWorkflowsRequest(
        tenant_id=tenant_id, type=pb.WORKFLOW_TYPE_PRODUCT_CLASSIFICATION, page_size=2
    )
    first = await workflows.ListWorkflows(only)
    assert first.total_size == 3 and len(first.workflows) == 2 and first.next_page_token
    only.page_token = first.next_page_token
    second = await workflows.ListWorkflows(only)
    ids = [w.id for w in (*first.workflows, *second.workflows)]
    assert len(set(ids)) == 3 and ids == sorted(ids, reverse=True)  # newest first
    everything = await workflows.ListWorkflows(pb.ListWorkflowsRequest(tenant_id=tenant_id))
    assert everything.total_size == 6  # plus the three marketing strategies of CreateProduct

    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await workflows.ListWorkflows(
            pb.ListWorkflowsRequest(
                tenant_id=tenant_id, page_size=-1, states=[0], page_token=first.next_page_token
            )
        )
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert set(field_violations(caught.value)) == {"page_size", "states[0]", "page_token"}


async def test_unknown_and_foreign_workflows_are_not_found(crew_server, tenant_id):
    _, channel = crew_server
    workflows, catalog, _ = stubs(channel)
    item = await product(catalog, tenant_id, price="20.00")
    mine = await workflows.StartProductClassification(
        pb.StartProductClassificationRequest(tenant_id=tenant_id, product_id=item.id)
    )
    for call in (
        workflows.GetWorkflow(pb.GetWorkflowRequest(tenant_id=tenant_id + 1, workflow_id=mine.id)),
        workflows.CancelWorkflow(pb.CancelWorkflowRequest(tenant_id=tenant_id, workflow_id=MISSING)),
        workflows.StartProductClassification(
            pb.StartProductClassificationRequest(tenant_id=tenant_id + 1, product_id=item.id)
        ),
    ):
        with pytest.raises(grpc.aio.AioRpcError) as caught:
            await call
        assert caught.value.code() == grpc.StatusCode.NOT_FOUND
    with pytest.raises(grpc.aio.AioRpcError) as bad:
        await workflows.GetWorkflow(pb.GetWorkflowRequest(tenant_id=0, workflow_id="x"))
    assert set(field_violations(bad.value)) == {"tenant_id", "workflow_id"}


async def test_health_reports_the_agents_and_their_open_circuit(crew_server, tenant_id):
    crew, channel = crew_server
    _, catalog, intelligence = stubs(channel)
    system = system_service_pb2_grpc.SystemServiceStub(channel)
    health = await system.GetHealth(system_service_pb2.GetHealthRequest(tenant_id=tenant_id))
    [agent] = health.agents
    assert agent.state == system_service_pb2.HEALTH_STATE_SERVING and agent.endpoint == crew.base_url

    item = await product(catalog, tenant_id, price="20.00")
    crew.kickoff_status = 500
    for _ in range(3):  # three failed calls open the circuit
        await intelligence.GenerateMarketingStrategy(
            ipb.GenerateMarketingStrategyRequest(tenant_id=tenant_id, product_id=item.id)
        )
    health = await system.GetHealth(system_service_pb2.GetHealthRequest(tenant_id=tenant_id))
    [agent] = health.agents
    assert agent.state == system_service_pb2.HEALTH_STATE_DEGRADED and "circuit open" in agent.error
