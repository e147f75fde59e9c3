"""Dashboard aggregates: one SQL aggregate per figure group, each bounded by tenant-leading indexes."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import and_, case, func, select

from domain.dashboard import (
    DailyRevenue,
    DashboardPeriod,
    InventoryFigures,
    LeadFigures,
    OrderFigures,
    PipelineFigures,
    ProductFigures,
    RiskFigures,
    SupplyFigures,
    TopProduct,
    WorkflowFigures,
)
from storage.analytics.supply import supply_figures
from storage.catalog.tables import ProductRow
from storage.deals.tables import DealRow
from storage.execution import Sql
from storage.inventory.tables import InventoryLevelRow
from storage.leads.tables import LeadRow
from storage.orders.tables import OrderItemRow, OrderRow
from storage.workflows.tables import WorkflowRow

PAID_STATUSES = ("paid", "partially_refunded")

CLOSED_STAGES = ("closed_won", "closed_lost")

# Orders not shipped, delivered, cancelled or refunded yet.
OPEN_ORDER_STATUSES = ("pending", "confirmed", "processing", "on_hold")


def _money(value: object) -> Decimal:
    return Decimal(str(value)) if value is not None else Decimal(0)


class SqlAlchemyAnalyticsRepository:
    def __init__(self, sql: Sql) -> None:
        self._sql = sql
        self._postgres = sql.dialect_name == "postgresql"

    async def main_currency(self, tenant_id: int) -> str | None:
        """The currency of most of the tenant's orders."""
        stmt = (
            select(OrderRow.currency)
            .where(OrderRow.tenant_id == tenant_id)
            .group_by(OrderRow.currency)
            .order_by(func.count().desc(), OrderRow.currency)
            .limit(1)
        )
        currency: str | None = await self._sql.scalar(stmt)
        return currency

    async def supply(self, tenant_id: int, period: DashboardPeriod) -> SupplyFigures:
        return await supply_figures(self._sql, tenant_id, period)

    async def products(self, tenant_id: int) -> ProductFigures:
        live = and_(ProductRow.tenant_id == tenant_id, ProductRow.status != "discontinued")
        rows = (
            await self._sql.execute(
                select(
                    ProductRow.classification,
                    func.count(),
                    func.count().filter(ProductRow.status == "active"),
                    func.sum(ProductRow.dropship_score),
                )
                .where(live)
                .group_by(ProductRow.classification)
            )
        ).all()
        scored = [(n, total) for classification, n, _, total in rows if classification]
        scored_count = sum(n for n, _ in scored)
        return ProductFigures(
            total=sum(n for _, n, _, _ in rows),
            active=sum(active for _, _, active, _ in rows),
            by_classification={classification or None: n for classification, n, _, _ in rows},
            average_dropship_score=round(sum(float(t or 0) for _, t in scored) / scored_count, 2)
            if scored_count
            else 0.0,
        )

    async def orders(self, tenant_id: int, period: DashboardPeriod) -> OrderFigures:
        """One pass over the period's orders (a covering index range on PostgreSQL), grouped by day and
        status; the status counts and the daily series are both sums of it."""
        in_period = and_(
            OrderRow.tenant_id == tenant_id,
            OrderRow.created_at >= period.start,
            OrderRow.created_at < period.end,
        )
        paid = and_(OrderRow.financial_status.in_(PAID_STATUSES), OrderRow.currency == period.currency)
        day = self._day(OrderRow.created_at)
        groups = (
            await self._sql.execute(
                select(
                    day,
                    OrderRow.status,
                    func.count(),
                    func.count().filter(paid),
                    func.sum(case((paid, OrderRow.total), else_=0)),
                )
                .where(in_period)
                .group_by(day, OrderRow.status)
            )
        ).all()
        by_status: dict[str, int] = {}
        per_day: dict[date, tuple[Decimal, int, int]] = {}
        for raw_day, status, count, paid_count, revenue in groups:
            by_status[status] = by_status.get(status, 0) + int(count)
            day_revenue, day_count, day_paid = per_day.get(_as_date(raw_day), (Decimal(0), 0, 0))
            per_day[_as_date(raw_day)] = (
                day_revenue + _money(revenue),
                day_count + int(count),
                day_paid + int(paid_count),
            )
        return OrderFigures(
            total=sum(by_status.values()),
            by_status=by_status,
            paid_revenue=sum((revenue for revenue, _, _ in per_day.values()), Decimal(0)),
            paid_count=sum(paid_n for _, _, paid_n in per_day.values()),
            revenue_per_day=tuple(
                DailyRevenue(d, *per_day.get(d, (Decimal(0), 0, 0))[:2]) for d in _days(period)
            ),
        )

    async def inventory(self, tenant_id: int) -> InventoryFigures:
        level = InventoryLevelRow
        row = (
            await self._sql.execute(
                select(
                    func.count(),
                    func.count().filter((level.available > 0) & (level.available <= level.reorder_point)),
                    func.count().filter(level.available == 0),
                    func.coalesce(func.sum(level.available), 0),
                    func.coalesce(func.sum(level.reserved), 0),
                ).where(level.tenant_id == tenant_id)
            )
        ).one()
        return InventoryFigures(*(int(value) for value in row))

    async def workflows(self, tenant_id: int, period: DashboardPeriod) -> WorkflowFigures:
        stmt = (
            select(WorkflowRow.state, func.count())
            .where(
                WorkflowRow.tenant_id == tenant_id,
                WorkflowRow.created_at >= period.start,
                WorkflowRow.created_at < period.end,
            )
            .group_by(WorkflowRow.state)
        )
        by_state = dict((await self._sql.execute(stmt)).all())
        return WorkflowFigures(total=sum(by_state.values()), by_state=by_state)

    async def leads(self, tenant_id: int, period: DashboardPeriod) -> LeadFigures:
        rows = (
            await self._sql.execute(
                select(
                    LeadRow.status,
                    func.count(),
                    func.count().filter(LeadRow.converted_at.is_not(None)),
                    func.sum(LeadRow.score),
                    func.count().filter(LeadRow.created_at >= period.start),
                    func.count().filter(LeadRow.converted_at >= period.start),
                )
                .where(LeadRow.tenant_id == tenant_id)
                .group_by(LeadRow.status)
            )
        ).all()
        total = sum(n for _, n, *_ in rows)
        return LeadFigures(
            total=total,
            by_status={status: n for status, n, *_ in rows},
            converted=sum(r[2] for r in rows),
            average_score=round(sum(float(r[3] or 0) for r in rows) / total, 2) if total else 0.0,
            created_in_period=sum(r[4] for r in rows),
            converted_in_period=sum(r[5] for r in rows),
        )

    async def pipeline(self, tenant_id: int, period: DashboardPeriod) -> PipelineFigures:
        deal = DealRow
        is_open = deal.stage.not_in(CLOSED_STAGES)
        closed_in_period = (deal.closed_at >= period.start) & (deal.closed_at < period.end)
        won = (deal.stage == "closed_won") & closed_in_period
        row = (
            await self._sql.execute(
                select(
                    func.count().filter(is_open),
                    func.coalesce(func.sum(deal.amount).filter(is_open), 0),
                    func.coalesce(func.sum(deal.weighted_amount).filter(is_open), 0),
                    func.count().filter(won),
                    func.coalesce(func.sum(deal.amount).filter(won), 0),
                    func.count().filter((deal.stage == "closed_lost") & closed_in_period),
                ).where(deal.tenant_id == tenant_id, deal.currency == period.currency)
            )
        ).one()
        open_count, open_value, weighted, won_count, won_value, lost_count = row
        return PipelineFigures(
            int(open_count),
            _money(open_value),
            _money(weighted),
            int(won_count),
            _money(won_value),
            int(lost_count),
        )

    async def risk(self, tenant_id: int, period: DashboardPeriod) -> RiskFigures:
        """Held and open flagged orders now (two counts over tenant-leading indexes), and the period's
        orders by risk level."""
        held = await self._sql.scalar(
            select(func.count()).where(OrderRow.tenant_id == tenant_id, OrderRow.status == "on_hold")
        )
        flagged = await self._sql.scalar(
            select(func.count()).where(
                OrderRow.tenant_id == tenant_id,
                OrderRow.flagged.is_(True),
                OrderRow.status.in_(OPEN_ORDER_STATUSES),
            )
        )
        rows = (
            await self._sql.execute(
                select(OrderRow.risk_level, func.count(), func.sum(OrderRow.risk_score))
                .where(
                    OrderRow.tenant_id == tenant_id,
                    OrderRow.created_at >= period.start,
                    OrderRow.created_at < period.end,
                )
                .group_by(OrderRow.risk_level)
            )
        ).all()
        total = sum(int(n) for _, n, _ in rows)
        score = sum(float(s or 0) for _, _, s in rows)
        return RiskFigures(
            held=int(held or 0),
            flagged_open=int(flagged or 0),
            by_level={level: int(n) for level, n, _ in rows},
            average_score=round(score / total, 4) if total else 0.0,
        )

    async def top_products(self, tenant_id: int, period: DashboardPeriod, limit: int) -> list[TopProduct]:
        """The period's orders (their covering index) joined to their lines (by order), grouped by product."""
        o, i = OrderRow, OrderItemRow
        revenue = func.sum(i.total_price)
        stmt = (
            select(
                i.product_id,
                func.max(i.sku),
                func.max(i.title),
                func.sum(i.quantity),
                revenue,
                func.count(func.distinct(i.order_id)),
            )
            .select_from(o)
            .join(i, and_(i.tenant_id == o.tenant_id, i.order_id == o.id))
            .where(
                o.tenant_id == tenant_id,
                o.created_at >= period.start,
                o.created_at < period.end,
                o.currency == period.currency,
                i.counts_as_sale.is_(True),
            )
            .group_by(i.product_id)
            .order_by(revenue.desc(), i.product_id)
            .limit(limit)
        )
        return [
            TopProduct(product_id, sku, title, int(units), _money(amount), int(orders))
            for product_id, sku, title, units, amount, orders in await self._sql.execute(stmt)
        ]

    def _day(self, column: Any) -> Any:
        # Days are UTC days on both backends (SQLite stores UTC already).
        return func.date(func.timezone("UTC", column)) if self._postgres else func.date(column)


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _days(period: DashboardPeriod) -> list[date]:
    first, last = period.start.date(), (period.end - _EPSILON).date()
    return [date.fromordinal(n) for n in range(first.toordinal(), last.toordinal() + 1)]


_EPSILON = datetime.resolution
