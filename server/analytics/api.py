"""AnalyticsService over gRPC: the dashboard request validated, the figures mapped."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TypeVar

from google.protobuf.internal.enum_type_wrapper import EnumTypeWrapper
from google.protobuf.message import Message
from google.type import date_pb2, money_pb2

from crm.v2 import analytics_service_pb2 as pb
from crm.v2 import (
    analytics_service_pb2_grpc,
    lead_service_pb2,
    order_service_pb2,
    product_service_pb2,
    workflow_service_pb2,
)
from domain.dashboard import Dashboard, SupplyFigures
from domain.money import Money
from domain.purchasing import PurchaseOrderStatus
from server.analytics.usecases import DashboardUseCases
from server.edge.context import Context
from server.edge.convert import money_to_proto, to_timestamp
from server.edge.validation import Violations
from server.purchasing.proto import STATUS as PO_STATUS

DEFAULT_DAYS = 30

MAX_DAYS = 365

M = TypeVar("M", bound=Message)


def _counts(
    proto_enum: EnumTypeWrapper,
    prefix: str,
    counts: Mapping[str, int] | Mapping[str | None, int],
    key_field: str,
    message: Callable[..., M],
) -> list[M]:
    """Every value of `proto_enum` but UNSPECIFIED, with its count (zeros included)."""
    return [
        message(**{key_field: number, "count": int(counts.get(name[len(prefix) + 1 :].lower(), 0))})
        for name, number in proto_enum.items()
        if number != 0
    ]


def dashboard_to_proto(d: Dashboard) -> pb.GetDashboardResponse:
    def money(amount: Decimal) -> money_pb2.Money | None:
        return money_to_proto(Money(amount, d.period.currency))

    classifications = _counts(
        product_service_pb2.ProductClassification,
        "PRODUCT_CLASSIFICATION",
        dict(d.products.by_classification),
        "classification",
        pb.ProductStats.ClassificationCount,
    )
    return pb.GetDashboardResponse(
        start_time=to_timestamp(d.period.start),
        end_time=to_timestamp(d.period.end),
        days=d.period.days,
        currency_code=d.period.currency,
        products=pb.ProductStats(
            total=d.products.total,
            active=d.products.active,
            by_classification=classifications,
            average_dropship_score=d.products.average_dropship_score,
        ),
        orders=pb.OrderStats(
            total=d.orders.total,
            by_status=_counts(
                order_service_pb2.OrderStatus,
                "ORDER_STATUS",
                dict(d.orders.by_status),
                "status",
                pb.OrderStats.StatusCount,
            ),
            paid_revenue=money(d.orders.paid_revenue),
            average_order_value=money(d.orders.average_order_value),
            paid_count=d.orders.paid_count,
            revenue_per_day=[
                pb.DailyRevenue(
                    date=date_pb2.Date(year=day.day.year, month=day.day.month, day=day.day.day),
                    revenue=money(day.revenue),
                    order_count=day.orders,
                )
                for day in d.orders.revenue_per_day
            ],
        ),
        inventory=pb.InventoryStats(
            items=d.inventory.items,
            low_stock=d.inventory.low_stock,
            out_of_stock=d.inventory.out_of_stock,
            units_available=d.inventory.units_available,
            units_reserved=d.inventory.units_reserved,
        ),
        workflows=pb.WorkflowStats(
            total=d.workflows.total,
            by_state=_counts(
                workflow_service_pb2.WorkflowState,
                "WORKFLOW_STATE",
                dict(d.workflows.by_state),
                "state",
                pb.WorkflowStats.StateCount,
            ),
        ),
        leads=pb.LeadStats(
            total=d.leads.total,
            by_status=_counts(
                lead_service_pb2.LeadStatus,
                "LEAD_STATUS",
                dict(d.leads.by_status),
                "status",
                pb.LeadStats.StatusCount,
            ),
            conversion_rate=round(d.leads.conversion_rate, 4),
            average_score=d.leads.average_score,
            created_in_period=d.leads.created_in_period,
            converted_in_period=d.leads.converted_in_period,
        ),
        pipeline=pb.PipelineStats(
            open_deal_count=d.pipeline.open_count,
            open_value=money(d.pipeline.open_value),
            weighted_value=money(d.pipeline.weighted_value),
            won_count=d.pipeline.won_count,
            won_value=money(d.pipeline.won_value),
            lost_count=d.pipeline.lost_count,
            win_rate=round(d.pipeline.win_rate, 4),
        ),
        risk=pb.RiskStats(
            held_orders=d.risk.held,
            flagged_orders=d.risk.flagged_open,
            by_risk_level=_counts(
                order_service_pb2.RiskLevel,
                "RISK_LEVEL",
                dict(d.risk.by_level),
                "risk_level",
                pb.RiskStats.LevelCount,
            ),
            average_risk_score=d.risk.average_score,
        ),
        top_products=[
            pb.TopProduct(
                product_id=str(t.product_id),
                sku=t.sku,
                title=t.title,
                units_sold=t.units,
                revenue=money(t.revenue),
                order_count=t.orders,
            )
            for t in d.top_products
        ],
        supply=_supply_to_proto(d.supply, money) if d.supply else None,
    )


def _supply_to_proto(s: SupplyFigures, money: Callable[[Decimal], money_pb2.Money | None]) -> pb.SupplyStats:
    return pb.SupplyStats(
        revenue=money(s.revenue),
        landed_cost=money(s.landed_cost),
        gross_profit=money(s.gross_profit),
        gross_margin=round(s.gross_margin, 4),
        open_purchase_orders=[
            pb.PurchaseOrderStatusCount(
                status=PO_STATUS.to_proto(status),
                count=s.open_purchase_orders[status.value][0],
                total=money(s.open_purchase_orders[status.value][1]),
            )
            for status in PurchaseOrderStatus
            if status.value in s.open_purchase_orders
        ],
        margin_at_risk_products=s.margin_at_risk_products,
    )


class AnalyticsServicer(analytics_service_pb2_grpc.AnalyticsServiceServicer):
    def __init__(self, dashboards: DashboardUseCases) -> None:
        self._dashboards = dashboards

    async def GetDashboard(
        self, request: pb.GetDashboardRequest, context: Context
    ) -> pb.GetDashboardResponse:
        v = Violations.of(request)
        days = request.days or DEFAULT_DAYS
        if not 1 <= days <= MAX_DAYS:
            v.add("days", f"must be between 1 and {MAX_DAYS} (0 means {DEFAULT_DAYS}), got {request.days}")
        currency = v.currency_code("currency_code", request.currency_code)
        v.raise_if_any()
        dashboard = await self._dashboards.dashboard(
            tenant_id=request.tenant_id, days=days, currency=currency or None
        )
        return dashboard_to_proto(dashboard)
