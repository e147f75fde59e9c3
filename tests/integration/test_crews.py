"""The prototype's crews, really used, through a real channel on SQLite and PostgreSQL with a fake deployed
crew: the classification crew's view recorded beside the engine's, the fraud crew's review of a held order,
and the sourcing crew's discoveries kept as candidates."""

from __future__ import annotations

import grpc
import pytest

from crm.v2 import (
    common_pb2,
    order_service_pb2_grpc,
    product_service_pb2_grpc,
    sourcing_service_pb2_grpc,
    workflow_service_pb2_grpc,
)
from crm.v2 import order_service_pb2 as opb
from crm.v2 import product_service_pb2 as ppb
from crm.v2 import sourcing_service_pb2 as spb
from crm.v2 import workflow_service_pb2 as wpb
from tests.conftest import make_settings, serving
from tests.integration.conftest import OwnDatabase
from tests.integration.conftest_intelligence import events_of, product
from tests.integration.conftest_orders import an_address, place, stocked_product
from tests.integration.conftest_sourcing import a_candidate
from tests.integration.fake_crew import FakeCrew
from tests.support.waiting import eventually

CLASSIFICATION_ANSWER = {
    "dropship_score": 31.5,
    "classification": "poor",
    "factors": [
        {"name": "trend", "weight": 1.0, "value": 31.5, "contribution": 31.5, "explanation": "a fading trend"}
    ],
    "rationale": "saturated on every marketplace",
}

FRAUD_ANSWER = {
    "recommendation": "cancel",
    "risk_score": 0.92,
    "summary": "matches a stolen-card pattern",
    "signals": ["disposable email", "shipping abroad"],
}

DISCOVERY_ANSWER = {
    "suggestions": [
        {
            "title": "Collapsible Silicone Kettle",
            "marketplace": "aliexpress",
            "marketplace_id": "1005007777777777",
            "url": "https://www.aliexpress.com/item/1005007777777777.html",
            "category": "kitchen",
            "source_price": 7.5,
            "competitor_prices": [19.99, 24.99],
            "review_rating": 4.4,
            "review_count": 1200,
            "lead_time_days": 12,
        },
        {
            "title": "Already known",
            "marketplace": "aliexpress",
            "marketplace_id": "KNOWN-1",
            "source_price": 5,
        },
        {"title": "No price at all", "marketplace_id": "NOPRICE1"},
    ]
}


@pytest.fixture
async def crews(own_database: OwnDatabase):
    """A server of its own whose crews are a fake deployed crew that answers at once."""
    async with FakeCrew() as crew:
        crew.release.set()
        crew.results = {
            "product_classification": CLASSIFICATION_ANSWER,
            "fraud_review": FRAUD_ANSWER,
            "product_sourcing": DISCOVERY_ANSWER,
        }
        settings = make_settings(
            own_database.url,
            CREWAI_HOST="127.0.0.1",
            CREWAI_PORT=crew.port,
            AI_RETRY_COUNT=1,
            MARKETING_WORKFLOW_ON_CREATE="never",
        )
        async with (
            serving(settings, own_database.backend) as running,
            grpc.aio.insecure_channel(running.target) as channel,
        ):
            yield crew, channel


async def finished(channel, tenant_id: int, workflow_id: str) -> wpb.Workflow:
    workflows = workflow_service_pb2_grpc.WorkflowServiceStub(channel)
    return await eventually(
        lambda: workflows.GetWorkflow(wpb.GetWorkflowRequest(tenant_id=tenant_id, workflow_id=workflow_id)),
        until=lambda w: w.state in (wpb.WORKFLOW_STATE_SUCCEEDED, wpb.WORKFLOW_STATE_FAILED),
        timeout=30,
    )


async def test_the_classification_crews_view_is_recorded_beside_the_engines(crews, tenant_id):
    crew, channel = crews
    catalog = product_service_pb2_grpc.ProductServiceStub(channel)
    item = await product(catalog, tenant_id, price="74.99", source="49.99")
    started = await workflow_service_pb2_grpc.WorkflowServiceStub(channel).StartProductClassification(
        wpb.StartProductClassificationRequest(tenant_id=tenant_id, product_id=item.id)
    )

    done = await finished(channel, tenant_id, started.id)

    result = done.classification
    assert done.state == wpb.WORKFLOW_STATE_SUCCEEDED and done.source == common_pb2.RESULT_SOURCE_AGENT
    assert result.analysis.source == common_pb2.RESULT_SOURCE_ENGINE
    assert result.analysis.dropship_score == pytest.approx(item.analysis.dropship_score)
    agent = result.agent_analysis
    assert agent.source == common_pb2.RESULT_SOURCE_AGENT and agent.dropship_score == 31.5
    assert agent.classification == ppb.PRODUCT_CLASSIFICATION_POOR and [f.name for f in agent.factors] == [
        "trend"
    ]
    assert result.classification_disagrees == (
        item.analysis.classification != ppb.PRODUCT_CLASSIFICATION_POOR
    )
    assert result.score_difference == pytest.approx(31.5 - item.analysis.dropship_score, abs=0.01)
    assert result.agent_rationale == "saturated on every marketplace"
    # The product keeps the engine's analysis; the crew was told the product, not the engine's verdict.
    stored = await catalog.GetProduct(ppb.GetProductRequest(tenant_id=tenant_id, product_id=item.id))
    assert stored.analysis.classification == item.analysis.classification
    [asked] = [k["inputs"] for k in crew.kickoffs if k["inputs"]["task"] == "product_classification"]
    assert asked["product_id"] == item.id and "dropship_score" not in asked


async def test_without_an_answer_from_the_classification_crew_the_engine_answers_alone(crews, tenant_id):
    crew, channel = crews
    crew.failing.add("product_classification")
    item = await product(product_service_pb2_grpc.ProductServiceStub(channel), tenant_id, price="80.00")
    started = await workflow_service_pb2_grpc.WorkflowServiceStub(channel).StartProductClassification(
        wpb.StartProductClassificationRequest(tenant_id=tenant_id, product_id=item.id)
    )
    done = await finished(channel, tenant_id, started.id)
    assert done.state == wpb.WORKFLOW_STATE_SUCCEEDED and done.source == common_pb2.RESULT_SOURCE_ENGINE
    assert (
        not done.classification.HasField("agent_analysis")
        and not done.classification.classification_disagrees
    )


async def risky_order(channel, tenant_id: int) -> opb.Order:
    """A HIGH risk order (600.00, a disposable email, shipped abroad): held at creation."""
    products = product_service_pb2_grpc.ProductServiceStub(channel)
    item = await stocked_product(products, tenant_id, 10, price="300.00")
    abroad = an_address(region_code="NG", address_lines=["1 Marina Road"], postal_code="101001")
    return await place(
        order_service_pb2_grpc.OrderServiceStub(channel),
        tenant_id,
        (item.id, 2),
        order={"customer_email": "x@mailinator.com", "shipping_address": abroad},
    )


async def test_a_held_order_gets_the_fraud_crews_review(crews, tenant_id):
    crew, channel = crews
    held = await risky_order(channel, tenant_id)
    assert held.status == opb.ORDER_STATUS_ON_HOLD and held.fraud_review.workflow_id
    assert held.fraud_review.recommendation == opb.FRAUD_RECOMMENDATION_UNSPECIFIED

    done = await finished(channel, tenant_id, held.fraud_review.workflow_id)

    assert done.type == wpb.WORKFLOW_TYPE_FRAUD_REVIEW and done.order_id == held.id
    assert done.fraud_review.recommendation == opb.FRAUD_RECOMMENDATION_CANCEL
    orders = order_service_pb2_grpc.OrderServiceStub(channel)
    order = await orders.GetOrder(opb.GetOrderRequest(tenant_id=tenant_id, order_id=held.id))
    review = order.fraud_review
    assert (review.recommendation, review.risk_score, review.source) == (
        opb.FRAUD_RECOMMENDATION_CANCEL,
        0.92,
        common_pb2.RESULT_SOURCE_AGENT,
    )
    assert list(review.signals) == ["disposable email", "shipping abroad"] and review.HasField("review_time")
    assert order.status == opb.ORDER_STATUS_ON_HOLD  # advice only: a person releases or cancels
    [asked] = [k["inputs"] for k in crew.kickoffs if k["inputs"]["task"] == "fraud_review"]
    assert asked["order_id"] == held.id and "x@mailinator.com" not in str(asked)
    [event] = await events_of(channel, tenant_id, "order.fraud_reviewed")
    assert event.aggregate_id == held.id


async def test_when_the_fraud_crew_stays_unavailable_the_engines_assessment_stands(crews, tenant_id):
    crew, channel = crews
    crew.failing.add("fraud_review")
    held = await risky_order(channel, tenant_id)

    done = await finished(channel, tenant_id, held.fraud_review.workflow_id)

    assert done.state == wpb.WORKFLOW_STATE_SUCCEEDED and done.attempts == 2
    assert done.source == common_pb2.RESULT_SOURCE_ENGINE
    order = await order_service_pb2_grpc.OrderServiceStub(channel).GetOrder(
        opb.GetOrderRequest(tenant_id=tenant_id, order_id=held.id)
    )
    expected = (
        opb.FRAUD_RECOMMENDATION_CANCEL
        if held.fraud_analysis.risk_level == opb.RISK_LEVEL_CRITICAL
        else opb.FRAUD_RECOMMENDATION_VERIFY
    )
    assert order.fraud_review.recommendation == expected
    assert order.fraud_review.source == common_pb2.RESULT_SOURCE_ENGINE
    assert "unavailable" in order.fraud_review.summary


async def test_the_sourcing_crews_discoveries_arrive_as_candidates(crews, tenant_id):
    crew, channel = crews
    sourcing = sourcing_service_pb2_grpc.SourcingServiceStub(channel)
    known = await sourcing.CreateCandidate(
        spb.CreateCandidateRequest(tenant_id=tenant_id, candidate=a_candidate(marketplace_id="KNOWN-1"))
    )
    started = await sourcing.StartSourcingDiscovery(
        spb.StartSourcingDiscoveryRequest(tenant_id=tenant_id, category="kitchen", query="travel kitchenware")
    )
    assert (
        started.type == wpb.WORKFLOW_TYPE_SOURCING_DISCOVERY and started.state == wpb.WORKFLOW_STATE_PENDING
    )

    done = await finished(channel, tenant_id, started.id)

    found = done.sourcing_discovery
    assert (found.suggested_count, found.duplicate_count, found.discarded_count) == (3, 1, 1)
    crew_made = await sourcing.ListCandidates(
        spb.ListCandidatesRequest(tenant_id=tenant_id, origin=spb.CANDIDATE_ORIGIN_CREW)
    )
    [kettle] = crew_made.candidates
    assert list(found.candidate_ids) == [kettle.id] and kettle.workflow_id == started.id
    assert kettle.title == "Collapsible Silicone Kettle" and kettle.marketplace_id == "1005007777777777"
    assert kettle.analysis.dropship_score > 0 and kettle.expected_selling_price.units == 22  # median 22.49
    assert known.id not in list(found.candidate_ids)
    [asked] = [k["inputs"] for k in crew.kickoffs if k["inputs"]["task"] == "product_sourcing"]
    assert (asked["category"], asked["query"]) == ("kitchen", "travel kitchenware")
    added = await events_of(channel, tenant_id, "sourcing.candidate_added")
    assert sorted(e.aggregate_id for e in added) == sorted([known.id, kettle.id])
