"""Order <-> protobuf."""

from __future__ import annotations

from crm.v2 import common_pb2, events_pb2
from crm.v2 import order_service_pb2 as pb
from domain import order_events as ev
from domain.orders import (
    FinancialStatus,
    FraudAnalysis,
    FraudRecommendation,
    FraudReview,
    Order,
    OrderStatus,
    ReviewSource,
    RiskListEntry,
    RiskListKind,
    RiskListType,
)
from engines.fraud import FraudAction, RiskLevel
from server.edge.convert import (
    EnumMapping,
    factors_to_proto,
    money_to_proto,
    postal_address_to_proto,
    to_timestamp,
)
from server.events.registration import EventRegistration

STATUS = EnumMapping(pb.OrderStatus, OrderStatus, "ORDER_STATUS")

FINANCIAL_STATUS = EnumMapping(pb.FinancialStatus, FinancialStatus, "FINANCIAL_STATUS")

RISK_LEVEL = EnumMapping(pb.RiskLevel, RiskLevel, "RISK_LEVEL")

FRAUD_ACTION = EnumMapping(pb.FraudAction, FraudAction, "FRAUD_ACTION")

FRAUD_RECOMMENDATION = EnumMapping(pb.FraudRecommendation, FraudRecommendation, "FRAUD_RECOMMENDATION")

RISK_LIST = EnumMapping(pb.RiskList, RiskListType, "RISK_LIST")

RISK_LIST_KIND = EnumMapping(pb.RiskListKind, RiskListKind, "RISK_LIST_KIND")

REVIEW_SOURCE = EnumMapping(common_pb2.ResultSource, ReviewSource, "RESULT_SOURCE")


# The stubs type an enum field as its enum class; the mappings give the same numbers as plain ints.


def order_to_proto(order: Order) -> pb.Order:
    fraud = order.fraud
    return pb.Order(
        id=str(order.id),
        tenant_id=order.tenant_id,
        order_number=order.order_number,
        customer_email=order.customer_email,
        customer_name=order.customer_name,
        billing_address=postal_address_to_proto(order.billing_address),
        shipping_address=postal_address_to_proto(order.shipping_address),
        items=[
            pb.OrderItem(
                product_id=str(line.product_id),
                sku=line.sku,
                title=line.title,
                quantity=line.quantity,
                unit_price=money_to_proto(line.unit_price),
                total_price=money_to_proto(line.total_price),
                backordered=line.backordered,
                dropship=line.dropship,
            )
            for line in order.lines
        ],
        currency_code=order.currency,
        subtotal=money_to_proto(order.subtotal),
        tax=money_to_proto(order.tax),
        shipping=money_to_proto(order.shipping),
        discount=money_to_proto(order.discount),
        total=money_to_proto(order.total),
        status=STATUS.to_proto(order.status),
        financial_status=FINANCIAL_STATUS.to_proto(order.financial_status),
        fraud_analysis=fraud_to_proto(fraud),
        status_history=[
            pb.StatusChange(
                from_status=STATUS.to_proto(c.from_status),
                to_status=STATUS.to_proto(c.to_status),
                reason=c.reason,
                changed_by=c.changed_by,
                change_time=to_timestamp(c.changed_at),
            )
            for c in order.history
        ],
        notes=order.notes,
        tracking_number=order.tracking_number,
        carrier=order.carrier,
        request_id=order.request_id or "",
        cancel_reason=order.cancel_reason,
        create_time=to_timestamp(order.created_at),
        update_time=to_timestamp(order.updated_at),
        flagged=order.flagged,
        fraud_review=review_to_proto(order.fraud_review),
    )


def fraud_to_proto(fraud: FraudAnalysis) -> pb.FraudAnalysis:
    return pb.FraudAnalysis(
        risk_level=RISK_LEVEL.to_proto(fraud.risk_level),
        risk_score=fraud.risk_score,
        verification_required=fraud.verification_required,
        recommended_action=FRAUD_ACTION.to_proto(fraud.action),
        factors=factors_to_proto(fraud.factors),
        analyze_time=to_timestamp(fraud.analyzed_at),
        trigger=fraud.trigger,
    )


def review_to_proto(review: FraudReview | None) -> pb.FraudReview | None:
    if review is None:
        return None
    return pb.FraudReview(
        workflow_id=str(review.workflow_id),
        request_time=to_timestamp(review.requested_at),
        recommendation=FRAUD_RECOMMENDATION.to_proto(review.recommendation),
        risk_score=review.risk_score,
        summary=review.summary,
        signals=list(review.signals),
        source=REVIEW_SOURCE.to_proto(review.source),
        review_time=to_timestamp(review.reviewed_at),
    )


def risk_list_entry_to_proto(entry: RiskListEntry) -> pb.RiskListEntry:
    return pb.RiskListEntry(
        id=str(entry.id),
        tenant_id=entry.tenant_id,
        list=RISK_LIST.to_proto(entry.list),
        kind=RISK_LIST_KIND.to_proto(entry.kind),
        value=entry.value,
        reason=entry.reason,
        created_by=entry.created_by,
        create_time=to_timestamp(entry.created_at),
    )


def _processing_started(e: ev.OrderProcessingStarted) -> events_pb2.OrderProcessingStarted:
    o = e.order
    return events_pb2.OrderProcessingStarted(
        tenant_id=e.tenant_id,
        order_id=str(o.id),
        order_number=o.order_number,
        status=STATUS.to_proto(o.status),
        risk_level=RISK_LEVEL.to_proto(o.fraud.risk_level),
        total=money_to_proto(o.total),
        item_count=len(o.lines),
    )


def _status_changed(e: ev.OrderStatusChanged) -> events_pb2.OrderStatusChanged:
    return events_pb2.OrderStatusChanged(
        tenant_id=e.tenant_id,
        order_id=str(e.order_id),
        order_number=e.order_number,
        from_status=STATUS.to_proto(e.from_status),
        to_status=STATUS.to_proto(e.to_status),
        from_financial_status=FINANCIAL_STATUS.to_proto(e.from_financial_status),
        to_financial_status=FINANCIAL_STATUS.to_proto(e.to_financial_status),
        reason=e.reason,
        changed_by=e.changed_by,
    )


def _cancelled(e: ev.OrderCancelled) -> events_pb2.OrderCancelled:
    return events_pb2.OrderCancelled(
        tenant_id=e.tenant_id,
        order_id=str(e.order_id),
        order_number=e.order_number,
        previous_status=STATUS.to_proto(e.previous_status),
        reason=e.reason,
        released_lines=[
            events_pb2.OrderCancelled.ReleasedLine(
                product_id=str(line.product_id), sku=line.sku, quantity=line.quantity
            )
            for line in e.released
        ],
    )


REGISTRATIONS: tuple[EventRegistration, ...] = (
    (
        ev.OrderCreated,
        events_pb2.OrderCreated,
        lambda e: events_pb2.OrderCreated(
            tenant_id=e.tenant_id, order=order_to_proto(e.order), has_backorders=e.order.has_backorders
        ),
    ),
    (ev.OrderProcessingStarted, events_pb2.OrderProcessingStarted, _processing_started),
    (ev.OrderStatusChanged, events_pb2.OrderStatusChanged, _status_changed),
    (ev.OrderCancelled, events_pb2.OrderCancelled, _cancelled),
    (
        ev.OrderFlagged,
        events_pb2.OrderFlagged,
        lambda e: events_pb2.OrderFlagged(
            tenant_id=e.tenant_id,
            order_id=str(e.order.id),
            order_number=e.order.order_number,
            fraud_analysis=fraud_to_proto(e.order.fraud),
        ),
    ),
    (
        ev.OrderRiskReassessed,
        events_pb2.OrderRiskReassessed,
        lambda e: events_pb2.OrderRiskReassessed(
            tenant_id=e.tenant_id,
            order_id=str(e.order.id),
            order_number=e.order.order_number,
            previous=fraud_to_proto(e.previous),
            current=fraud_to_proto(e.order.fraud),
            held=e.held,
        ),
    ),
    (
        ev.OrderFraudReviewed,
        events_pb2.OrderFraudReviewed,
        lambda e: events_pb2.OrderFraudReviewed(
            tenant_id=e.tenant_id,
            order_id=str(e.order.id),
            order_number=e.order.order_number,
            review=review_to_proto(e.order.fraud_review),
        ),
    ),
    (
        ev.RiskListEntryAdded,
        events_pb2.RiskListEntryAdded,
        lambda e: events_pb2.RiskListEntryAdded(
            tenant_id=e.tenant_id, entry=risk_list_entry_to_proto(e.entry)
        ),
    ),
    (
        ev.RiskListEntryRemoved,
        events_pb2.RiskListEntryRemoved,
        lambda e: events_pb2.RiskListEntryRemoved(
            tenant_id=e.tenant_id, entry=risk_list_entry_to_proto(e.entry), removed_by=e.removed_by
        ),
    ),
)
