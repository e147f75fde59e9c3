"""Sourcing events and the events of fraud that follows the order reach a real Kafka broker: names, topics
(`<prefix>sourcing`, `<prefix>orders`), keys and payloads."""

from __future__ import annotations

from google.protobuf import json_format

from crm.v2 import events_pb2, order_service_pb2_grpc, product_service_pb2_grpc, sourcing_service_pb2_grpc
from crm.v2 import order_service_pb2 as opb
from crm.v2 import sourcing_service_pb2 as pb
from tests.e2e.conftest import PublishingServer
from tests.integration.conftest_orders import an_address, an_order, stocked_product
from tests.integration.conftest_sourcing import a_candidate


async def test_sourcing_events_are_published_keyed_by_candidate(publishing_server: PublishingServer):
    tenant_id = 7501
    sourcing = sourcing_service_pb2_grpc.SourcingServiceStub(publishing_server.channel)
    kept = await sourcing.CreateCandidate(
        pb.CreateCandidateRequest(tenant_id=tenant_id, candidate=a_candidate())
    )
    doomed = await sourcing.CreateCandidate(
        pb.CreateCandidateRequest(tenant_id=tenant_id, candidate=a_candidate())
    )
    imported = await sourcing.ApproveCandidate(
        pb.ApproveCandidateRequest(tenant_id=tenant_id, candidate_id=kept.id)
    )
    await sourcing.RejectCandidate(
        pb.RejectCandidateRequest(tenant_id=tenant_id, candidate_id=doomed.id, reason="no")
    )

    def both_decisions(rs: list) -> bool:
        types = {r.headers.get("ce_type") for r in rs}
        return {"sourcing.candidate_imported", "sourcing.candidate_rejected"} <= types

    # At least once: a send the broker made the producer retry may arrive twice; consumers dedupe on ce_id.
    read = await publishing_server.read("sourcing", until=both_decisions)
    records = list({r.headers["ce_id"]: r for r in read}.values())

    by_key = {key: [r.headers["ce_type"] for r in records if r.key == key] for key in (kept.id, doomed.id)}
    assert by_key == {
        kept.id: ["sourcing.candidate_added", "sourcing.candidate_imported"],
        doomed.id: ["sourcing.candidate_added", "sourcing.candidate_rejected"],
    }
    [added_record] = [
        r for r in records if r.key == kept.id and r.headers["ce_type"] == "sourcing.candidate_added"
    ]
    added = json_format.Parse(added_record.value, events_pb2.CandidateAdded())
    assert added.tenant_id == tenant_id and added.candidate == kept
    [imported_record] = [r for r in records if r.headers["ce_type"] == "sourcing.candidate_imported"]
    message = json_format.Parse(imported_record.value, events_pb2.CandidateImported())
    assert (
        message.product_id == imported.product.id and message.candidate.status == pb.CANDIDATE_STATUS_IMPORTED
    )
    assert imported_record.headers["ce_subject"] == kept.id


async def test_a_flagged_then_reassessed_order_is_announced_on_the_orders_topic(
    publishing_server: PublishingServer,
):
    tenant_id = 7502
    products = product_service_pb2_grpc.ProductServiceStub(publishing_server.channel)
    orders = order_service_pb2_grpc.OrderServiceStub(publishing_server.channel)
    product = await stocked_product(products, tenant_id, 10)
    abroad = an_address(region_code="NG", address_lines=["1 Marina Road"], postal_code="101001")
    order = await orders.CreateOrder(
        opb.CreateOrderRequest(tenant_id=tenant_id, order=an_order((product.id, 1), shipping_address=abroad))
    )
    assert order.flagged
    await orders.UpdateOrder(
        opb.UpdateOrderRequest(
            tenant_id=tenant_id,
            order=opb.Order(id=order.id, shipping_address=an_address()),
            update_mask={"paths": ["shipping_address"]},
        )
    )

    read = await publishing_server.read(
        "orders", until=lambda rs: any(r.headers.get("ce_type") == "order.risk_reassessed" for r in rs)
    )
    records = list({r.headers["ce_id"]: r for r in read}.values())

    assert {r.key for r in records} == {order.id}
    assert [r.headers["ce_type"] for r in records] == [
        "order.created",
        "order.processing_started",
        "order.flagged",
        "order.risk_reassessed",
    ]
    flagged = json_format.Parse(records[2].value, events_pb2.OrderFlagged())
    assert flagged.fraud_analysis.risk_level == opb.RISK_LEVEL_MEDIUM
    reassessed = json_format.Parse(records[3].value, events_pb2.OrderRiskReassessed())
    assert reassessed.previous == order.fraud_analysis and reassessed.current.trigger == "shipping_address"
    assert reassessed.current.risk_score < reassessed.previous.risk_score and not reassessed.held
