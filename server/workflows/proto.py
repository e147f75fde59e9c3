"""Workflows and their typed results <-> protobuf (workflow_service.proto)."""

from __future__ import annotations

from decimal import Decimal

from google.protobuf import duration_pb2
from google.rpc import code_pb2, status_pb2
from google.type import money_pb2

from crm.v2 import common_pb2, events_pb2
from crm.v2 import product_service_pb2 as ppb
from crm.v2 import workflow_service_pb2 as pb
from domain import intelligence_events
from domain.money import Money
from domain.workflows import (
    BulkPricingOutcome,
    ClassificationOutcome,
    FraudReviewOutcome,
    MarketingOutcome,
    ResultSource,
    SourcingDiscoveryOutcome,
    Workflow,
    WorkflowError,
    WorkflowState,
    WorkflowType,
)
from server.catalog import proto as catalog_proto
from server.edge.convert import EnumMapping, factors_to_proto, money_to_proto, to_timestamp
from server.events.registration import EventRegistration
from server.orders.proto import review_to_proto

TYPE = EnumMapping(pb.WorkflowType, WorkflowType, "WORKFLOW_TYPE")

STATE = EnumMapping(pb.WorkflowState, WorkflowState, "WORKFLOW_STATE")

SOURCE = EnumMapping(common_pb2.ResultSource, ResultSource, "RESULT_SOURCE")


# The stubs type an enum field as its enum class; the mappings give the same numbers as plain ints.


def error_to_proto(error: WorkflowError | None) -> status_pb2.Status | None:
    if error is None:
        return None
    return status_pb2.Status(code=getattr(code_pb2, error.code, code_pb2.UNKNOWN), message=error.message)


def classification_to_proto(result: ClassificationOutcome) -> pb.ProductClassificationResult:
    a, previous, agent = result.analysis, result.previous_classification, result.agent
    return pb.ProductClassificationResult(
        product_id=str(result.product_id),
        analysis=ppb.DropshipAnalysis(
            dropship_score=a.score,
            classification=catalog_proto.CLASSIFICATION.to_proto(a.classification),
            profit_margin_estimate=a.profit_margin,
            factors=factors_to_proto(a.factors),
            analyze_time=to_timestamp(a.analyzed_at),
            source=SOURCE.to_proto(ResultSource.ENGINE),
        ),
        previous_classification=None if previous is None else catalog_proto.CLASSIFICATION.to_proto(previous),
        product_updated=result.product_updated,
        agent_analysis=None
        if agent is None
        else ppb.DropshipAnalysis(
            dropship_score=agent.score,
            classification=catalog_proto.CLASSIFICATION.to_proto(agent.classification),
            profit_margin_estimate=a.profit_margin,
            factors=factors_to_proto(agent.factors),
            analyze_time=to_timestamp(a.analyzed_at),
            source=SOURCE.to_proto(ResultSource.AGENT),
        ),
        classification_disagrees=result.disagrees,
        score_difference=result.score_difference,
        agent_rationale=agent.rationale if agent else "",
    )


def discovery_to_proto(result: SourcingDiscoveryOutcome) -> pb.SourcingDiscoveryResult:
    return pb.SourcingDiscoveryResult(
        candidate_ids=[str(i) for i in result.candidate_ids],
        suggested_count=result.suggested,
        duplicate_count=result.duplicates,
        discarded_count=result.discarded,
    )


def strategy_to_proto(outcome: MarketingOutcome) -> pb.MarketingStrategy:
    s, currency = outcome.strategy, outcome.strategy.currency
    M = pb.MarketingStrategy

    def money(amount: Decimal | None) -> money_pb2.Money | None:
        return money_to_proto(Money(amount, currency)) if amount is not None else None

    return M(
        product_id=s.product_id,
        classification=catalog_proto.CLASSIFICATION.to_proto(s.classification),
        positioning=s.positioning,
        target_audiences=[
            M.TargetAudience(
                name=a.name, description=a.description, pain_points=list(a.pain_points), priority=a.priority
            )
            for a in s.audiences
        ],
        channels=[
            M.ChannelAllocation(
                channel=c.channel, budget_share=c.budget_share, budget=money(c.budget), rationale=c.rationale
            )
            for c in s.channels
        ],
        messaging_angles=[
            M.MessagingAngle(headline=a.headline, description=a.description, audience=a.audience)
            for a in s.angles
        ],
        price_strategy=M.PriceStrategy(
            name=s.price.name,
            recommended_price=money(s.price.recommended_price),
            floor_price=money(s.price.floor_price),
            rationale=s.price.rationale,
        ),
        launch_phases=[
            M.LaunchPhase(
                name=p.name,
                duration_days=p.duration_days,
                activities=list(p.activities),
                budget_share=p.budget_share,
                exit_criteria=p.exit_criteria,
            )
            for p in s.phases
        ],
        kpis=[M.Kpi(name=k.name, target=k.target, unit=k.unit, explanation=k.explanation) for k in s.kpis],
        cac_ceiling=money(s.cac_ceiling),
        unit_margin=money(s.unit_margin),
        monthly_budget=money(s.monthly_budget),
        source=SOURCE.to_proto(outcome.source),
        generate_time=to_timestamp(outcome.generated_at),
    )


def summary_to_proto(outcome: BulkPricingOutcome) -> pb.BulkPricingSummary:
    s = outcome.summary
    return pb.BulkPricingSummary(
        product_count=s.product_count,
        changed_count=s.changed_count,
        skipped_count=s.skipped_count,
        average_change_percent=s.average_change_percent,
        estimated_revenue_impact=money_to_proto(Money(s.estimated_revenue_impact, outcome.currency)),
        applied=outcome.applied,
        applied_count=outcome.applied_count,
    )


def workflow_to_proto(w: Workflow) -> pb.Workflow:
    message = pb.Workflow(
        id=str(w.id),
        tenant_id=w.tenant_id,
        type=TYPE.to_proto(w.type),
        state=STATE.to_proto(w.state),
        progress=w.progress,
        product_id=str(w.product_id or ""),
        error=error_to_proto(w.error) if w.state in (WorkflowState.FAILED, WorkflowState.PENDING) else None,
        attempts=w.attempts,
        max_attempts=w.max_attempts,
        source=SOURCE.to_proto(w.source if w.state is WorkflowState.SUCCEEDED else None),
        step=w.step,
        create_time=to_timestamp(w.created_at),
        start_time=to_timestamp(w.started_at),
        end_time=to_timestamp(w.ended_at),
        update_time=to_timestamp(w.updated_at),
        order_id=str(w.order_id or ""),
    )
    if w.state is WorkflowState.SUCCEEDED and w.result is not None:
        set_result(message, w.result)
    return message


def set_result(message: pb.Workflow | events_pb2.WorkflowCompleted, result: object) -> None:
    """Fill the `result` oneof of a Workflow or WorkflowCompleted message."""
    if isinstance(result, ClassificationOutcome):
        message.classification.CopyFrom(classification_to_proto(result))
    elif isinstance(result, MarketingOutcome):
        message.marketing_strategy.CopyFrom(strategy_to_proto(result))
    elif isinstance(result, BulkPricingOutcome):
        message.bulk_pricing.CopyFrom(summary_to_proto(result))
    elif isinstance(result, FraudReviewOutcome):
        review = review_to_proto(result.review)
        if review is not None:
            message.fraud_review.CopyFrom(review)
    elif isinstance(result, SourcingDiscoveryOutcome):
        message.sourcing_discovery.CopyFrom(discovery_to_proto(result))


def _completed(e: intelligence_events.WorkflowCompleted) -> events_pb2.WorkflowCompleted:
    w = e.workflow
    message = events_pb2.WorkflowCompleted(
        tenant_id=e.tenant_id,
        workflow_id=str(w.id),
        type=TYPE.to_proto(w.type),
        state=STATE.to_proto(w.state),
        product_id=str(w.product_id or ""),
        source=SOURCE.to_proto(w.source),
        attempts=w.attempts,
        end_time=to_timestamp(w.ended_at),
        order_id=str(w.order_id or ""),
    )
    if w.started_at and w.ended_at:
        duration = duration_pb2.Duration()
        duration.FromTimedelta(w.ended_at - w.started_at)
        message.duration.CopyFrom(duration)
    set_result(message, w.result)
    return message


REGISTRATIONS: tuple[EventRegistration, ...] = (
    (
        intelligence_events.WorkflowStarted,
        events_pb2.WorkflowStarted,
        lambda e: events_pb2.WorkflowStarted(
            tenant_id=e.tenant_id,
            workflow_id=str(e.workflow.id),
            type=TYPE.to_proto(e.workflow.type),
            product_id=str(e.workflow.product_id or ""),
            create_time=to_timestamp(e.workflow.created_at),
        ),
    ),
    (intelligence_events.WorkflowCompleted, events_pb2.WorkflowCompleted, _completed),
    (
        intelligence_events.WorkflowFailed,
        events_pb2.WorkflowFailed,
        lambda e: events_pb2.WorkflowFailed(
            tenant_id=e.tenant_id,
            workflow_id=str(e.workflow.id),
            type=TYPE.to_proto(e.workflow.type),
            product_id=str(e.workflow.product_id or ""),
            error=error_to_proto(e.error),
            attempts=e.workflow.attempts,
            end_time=to_timestamp(e.workflow.ended_at),
        ),
    ),
    (
        intelligence_events.WorkflowCancelled,
        events_pb2.WorkflowCancelled,
        lambda e: events_pb2.WorkflowCancelled(
            tenant_id=e.tenant_id,
            workflow_id=str(e.workflow.id),
            type=TYPE.to_proto(e.workflow.type),
            product_id=str(e.workflow.product_id or ""),
            previous_state=STATE.to_proto(e.previous_state),
            progress=e.workflow.progress,
            end_time=to_timestamp(e.workflow.ended_at),
        ),
    ),
)
