"""Human-readable text for crmctl's CRM commands: contacts, deals and the pipeline summary."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from google.protobuf.internal.enum_type_wrapper import EnumTypeWrapper
from google.type import date_pb2

from clients.money import format_money
from clients.parsing import enum_label
from clients.render import format_time
from clients.tables import format_pairs, format_table
from crm.v2 import (
    analytics_service_pb2,
    contact_service_pb2,
    deal_service_pb2,
    lead_service_pb2,
    order_service_pb2,
    product_service_pb2,
    workflow_service_pb2,
)

CONTACT_COLUMNS = ("ID", "NAME", "EMAIL", "COMPANY", "OWNER", "TAGS")
DEAL_COLUMNS = ("ID", "TITLE", "STAGE", "AMOUNT", "PROB", "WEIGHTED", "CLOSE DATE", "OWNER")
STAGE_COLUMNS = ("STAGE", "DEALS", "AMOUNT", "WEIGHTED", "AVG PROB")
HISTORY_COLUMNS = ("WHEN", "FROM", "TO", "BY")


def format_date(value: date_pb2.Date) -> str:
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}" if value.year else ""


def _stage(number: int) -> str:
    return enum_label(deal_service_pb2.DealStage, number) if number else "-"


def contacts_table(contacts: Iterable[contact_service_pb2.Contact]) -> str:
    rows = [
        [c.id, f"{c.first_name} {c.last_name}", c.email, c.company, c.owner, ", ".join(c.tags)]
        for c in contacts
    ]
    return format_table(CONTACT_COLUMNS, rows, max_width=None)


def contact_detail(contact: contact_service_pb2.Contact) -> str:
    address = contact.address
    lines = [*address.address_lines, address.locality, address.postal_code, address.region_code]
    return format_pairs(
        [
            ("id", contact.id),
            ("name", f"{contact.first_name} {contact.last_name}"),
            ("email", contact.email),
            ("phone", contact.phone),
            ("company", contact.company),
            ("job title", contact.job_title),
            ("address", ", ".join(part for part in lines if part)),
            ("owner", contact.owner),
            ("tags", ", ".join(contact.tags)),
            ("from lead", contact.source_lead_id),
            ("notes", contact.notes),
            ("created", format_time(contact.create_time)),
            ("updated", format_time(contact.update_time)),
        ]
    )


def _deal_row(deal: deal_service_pb2.Deal) -> list[object]:
    return [
        deal.id,
        deal.title,
        _stage(deal.stage),
        format_money(deal.amount),
        f"{deal.probability:.0%}",
        format_money(deal.weighted_amount),
        format_date(deal.expected_close_date),
        deal.owner,
    ]


def deals_table(deals: Iterable[deal_service_pb2.Deal]) -> str:
    return format_table(DEAL_COLUMNS, [_deal_row(d) for d in deals], max_width=None)


def deal_detail(deal: deal_service_pb2.Deal) -> str:
    """Every field of one deal, then its stage history as a table."""
    pairs = format_pairs(
        [
            ("id", deal.id),
            ("title", deal.title),
            ("stage", _stage(deal.stage)),
            ("amount", format_money(deal.amount)),
            ("probability", f"{deal.probability:.0%}"),
            ("weighted", format_money(deal.weighted_amount)),
            ("close date", format_date(deal.expected_close_date)),
            ("contact", deal.contact_id),
            ("lead", deal.lead_id),
            ("owner", deal.owner),
            ("closed", format_time(deal.close_time)),
            ("close reason", deal.close_reason),
            ("notes", deal.notes),
            ("created", format_time(deal.create_time)),
            ("updated", format_time(deal.update_time)),
        ]
    )
    history = [
        [format_time(h.change_time), _stage(h.from_stage), _stage(h.to_stage), h.changed_by]
        for h in deal.stage_history
    ]
    return pairs + "\n\n" + format_table(HISTORY_COLUMNS, history, max_width=None)


def pipeline_summary(summary: deal_service_pb2.GetPipelineSummaryResponse) -> str:
    """The stages as a table, then open, weighted, won and lost figures of the period."""
    rows = [
        [
            _stage(s.stage),
            s.deal_count,
            format_money(s.amount),
            format_money(s.weighted_amount),
            f"{s.average_probability:.0%}",
        ]
        for s in summary.stages
    ]
    period = f"{format_time(summary.period.start_time)} .. {format_time(summary.period.end_time)}"
    totals = format_pairs(
        [
            ("open deals", summary.open_deal_count),
            ("open amount", format_money(summary.open_amount)),
            ("weighted open", format_money(summary.weighted_open_amount)),
            ("period", period),
            ("won", f"{summary.won_count} ({format_money(summary.won_amount)})"),
            ("lost", f"{summary.lost_count} ({format_money(summary.lost_amount)})"),
            ("win rate", f"{summary.win_rate:.0%}"),
            ("other currencies", f"{summary.excluded_deal_count} deals left out"),
        ]
    )
    return format_table(STAGE_COLUMNS, rows, max_width=None) + "\n\n" + totals


def dashboard(board: analytics_service_pb2.GetDashboardResponse) -> str:
    """A readable summary of the dashboard, one section per area."""

    def counts(entries: Iterable[Any], key: str, enum: EnumTypeWrapper) -> str:
        shown = [
            f"{enum_label(enum, getattr(e, key)) if getattr(e, key) else 'unclassified'} {e.count}"
            for e in entries
            if e.count
        ]
        return ", ".join(shown) or "none"

    o, p, i, w, le, pipe = (
        board.products,
        board.orders,
        board.inventory,
        board.workflows,
        board.leads,
        board.pipeline,
    )
    return "\n".join(
        [
            f"Dashboard: last {board.days} days "
            f"({format_time(board.start_time)} to {format_time(board.end_time)}), {board.currency_code}",
            f"Products   {o.total} ({o.active} active); "
            f"{counts(o.by_classification, 'classification', product_service_pb2.ProductClassification)}; "
            f"average score {o.average_dropship_score:.1f}",
            f"Orders     {p.total}; {counts(p.by_status, 'status', order_service_pb2.OrderStatus)}",
            f"           paid {p.paid_count}, revenue {format_money(p.paid_revenue)}, "
            f"average order {format_money(p.average_order_value)}",
            f"Inventory  {i.items} items, {i.low_stock} low, {i.out_of_stock} out; "
            f"{i.units_available} units available, {i.units_reserved} reserved",
            f"Workflows  {w.total}; {counts(w.by_state, 'state', workflow_service_pb2.WorkflowState)}",
            f"Leads      {le.total}; {counts(le.by_status, 'status', lead_service_pb2.LeadStatus)}; "
            f"average score {le.average_score:.1f}, conversion {le.conversion_rate:.0%}",
            f"Pipeline   {pipe.open_deal_count} open worth {format_money(pipe.open_value)} "
            f"(weighted {format_money(pipe.weighted_value)}); won {pipe.won_count} "
            f"({format_money(pipe.won_value)}), lost {pipe.lost_count}, win rate {pipe.win_rate:.0%}",
            f"Risk       {board.risk.held_orders} held, {board.risk.flagged_orders} flagged; "
            f"{counts(board.risk.by_risk_level, 'risk_level', order_service_pb2.RiskLevel)}; "
            f"average risk {board.risk.average_risk_score:.2f}",
            "Top        "
            + (
                "; ".join(
                    f"{t.sku} {t.units_sold} sold, {format_money(t.revenue)}" for t in board.top_products
                )
                or "no sales"
            ),
        ]
    )
