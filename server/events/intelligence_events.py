"""Intelligence and workflow events -> events.proto messages."""

from __future__ import annotations

from google.protobuf import duration_pb2

from crm.v2 import events_pb2
from domain import intelligence_events as ev
from domain.money import Money
from domain.workflows import BulkPricingOutcome
from server.events.registration import EventRegistration
from server.rpc.convert import money_to_proto, to_timestamp
from server.rpc.workflow_mapping import (
    SOURCE,
    STATE,
    TYPE,
    error_to_proto,
    set_result,
    strategy_to_proto,
    summary_to_proto,
)


def _completed(e: ev.WorkflowCompleted) -> events_pb2.WorkflowCompleted:
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
    )
    if w.started_at and w.ended_at:
        duration = duration_pb2.Duration()
        duration.FromTimedelta(w.ended_at - w.started_at)
        message.duration.CopyFrom(duration)
    set_result(message, w.result)  # type: ignore[arg-type]
    return message


def _prices(e: ev.PricesOptimized) -> events_pb2.PricesOptimized:
    U = events_pb2.PricesOptimized.ProductPriceUpdate
    return events_pb2.PricesOptimized(
        tenant_id=e.tenant_id,
        run_id=str(e.run_id),
        workflow_id=str(e.workflow_id or ""),
        summary=summary_to_proto(BulkPricingOutcome(e.summary, e.currency, True, e.applied_count)),
        updates=[
            U(
                product_id=str(u.product_id),
                sku=u.sku,
                old_price=money_to_proto(Money(u.old_price, e.currency)),
                new_price=money_to_proto(Money(u.new_price, e.currency)),
                change_percent=u.change_percent,
            )
            for u in e.updates
        ],
        batch_index=e.batch_index,
        batch_count=e.batch_count,
    )


REGISTRATIONS: tuple[EventRegistration, ...] = (
    (
        ev.MarketingStrategyGenerated,
        events_pb2.MarketingStrategyGenerated,
        lambda e: events_pb2.MarketingStrategyGenerated(
            tenant_id=e.tenant_id,
            product_id=str(e.product_id),
            strategy=strategy_to_proto(e.outcome),
            workflow_id=str(e.workflow_id or ""),
        ),
    ),
    (
        ev.WorkflowStarted,
        events_pb2.WorkflowStarted,
        lambda e: events_pb2.WorkflowStarted(
            tenant_id=e.tenant_id,
            workflow_id=str(e.workflow.id),
            type=TYPE.to_proto(e.workflow.type),
            product_id=str(e.workflow.product_id or ""),
            create_time=to_timestamp(e.workflow.created_at),
        ),
    ),
    (ev.WorkflowCompleted, events_pb2.WorkflowCompleted, _completed),
    (
        ev.WorkflowFailed,
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
        ev.WorkflowCancelled,
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
    (ev.PricesOptimized, events_pb2.PricesOptimized, _prices),
)
