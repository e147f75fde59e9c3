"""Deal, pipeline summary, dates and intervals <-> protobuf."""

from __future__ import annotations

from decimal import Decimal

from google.type import interval_pb2

from crm.v2 import deal_service_pb2 as pb
from crm.v2 import events_pb2
from domain import crm_events as ev
from domain.deals import Deal, DealStage, PipelineSummary, StageChange
from domain.money import Money
from server.edge.convert import EnumMapping, date_to_proto, money_to_proto, to_timestamp
from server.events.registration import EventRegistration

STAGE = EnumMapping(pb.DealStage, DealStage, "DEAL_STAGE")


def stage_change_to_proto(change: StageChange) -> pb.StageChange:
    return pb.StageChange(
        from_stage=STAGE.to_proto(change.from_stage),
        to_stage=STAGE.to_proto(change.to_stage),
        changed_by=change.changed_by,
        change_time=to_timestamp(change.changed_at),
    )


def deal_to_proto(deal: Deal) -> pb.Deal:
    return pb.Deal(
        id=str(deal.id),
        tenant_id=deal.tenant_id,
        title=deal.title,
        amount=money_to_proto(deal.amount),
        stage=STAGE.to_proto(deal.stage),
        probability=deal.probability,
        weighted_amount=money_to_proto(deal.weighted_amount),
        expected_close_date=date_to_proto(deal.expected_close_date),
        contact_id=str(deal.contact_id or ""),
        owner=deal.owner,
        lead_id=str(deal.lead_id or ""),
        notes=deal.notes,
        stage_history=[stage_change_to_proto(c) for c in deal.stage_history],
        close_time=to_timestamp(deal.closed_at),
        close_reason=deal.close_reason,
        create_time=to_timestamp(deal.created_at),
        update_time=to_timestamp(deal.updated_at),
    )


def summary_to_proto(summary: PipelineSummary) -> pb.GetPipelineSummaryResponse:
    def money(amount: Decimal) -> object:
        return money_to_proto(Money(amount, summary.currency))

    open_stages = summary.open_stages
    return pb.GetPipelineSummaryResponse(
        stages=[
            pb.GetPipelineSummaryResponse.StageSummary(
                stage=STAGE.to_proto(s.stage),
                deal_count=s.count,
                amount=money(s.amount),
                weighted_amount=money(s.weighted_amount),
                average_probability=s.average_probability,
            )
            for s in summary.stages
        ],
        open_deal_count=sum(s.count for s in open_stages),
        open_amount=money(sum((s.amount for s in open_stages), Decimal(0))),
        weighted_open_amount=money(sum((s.weighted_amount for s in open_stages), Decimal(0))),
        won_count=summary.won_count,
        won_amount=money(summary.won_amount),
        lost_count=summary.lost_count,
        lost_amount=money(summary.lost_amount),
        win_rate=round(summary.win_rate, 4),
        period=interval_pb2.Interval(
            start_time=to_timestamp(summary.period_start), end_time=to_timestamp(summary.period_end)
        ),
        currency_code=summary.currency,
        excluded_deal_count=summary.excluded_count,
    )


def _stage_changed(e: ev.DealStageChanged) -> events_pb2.DealStageChanged:
    return events_pb2.DealStageChanged(
        tenant_id=e.tenant_id,
        deal_id=str(e.deal.id),
        from_stage=STAGE.to_proto(e.from_stage),
        to_stage=STAGE.to_proto(e.deal.stage),
        changed_by=e.changed_by,
        change_time=to_timestamp(e.changed_at),
        probability=e.deal.probability,
        amount=money_to_proto(e.deal.amount),
        reopened=e.reopened,
        owner=e.deal.owner,
    )


REGISTRATIONS: tuple[EventRegistration, ...] = (
    (
        ev.DealCreated,
        events_pb2.DealCreated,
        lambda e: events_pb2.DealCreated(tenant_id=e.tenant_id, deal=deal_to_proto(e.deal)),
    ),
    (
        ev.DealUpdated,
        events_pb2.DealUpdated,
        lambda e: events_pb2.DealUpdated(
            tenant_id=e.tenant_id, deal=deal_to_proto(e.deal), changed_fields=list(e.changed_fields)
        ),
    ),
    (ev.DealStageChanged, events_pb2.DealStageChanged, _stage_changed),
    (
        ev.DealDeleted,
        events_pb2.DealDeleted,
        lambda e: events_pb2.DealDeleted(
            tenant_id=e.tenant_id, deal_id=str(e.deal_id), stage=STAGE.to_proto(e.stage)
        ),
    ),
)
