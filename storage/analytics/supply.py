"""The supply figures of the dashboard: gross profit of the period's live order lines against the
products' landed cost (their source price, which follows the chosen offer), open purchase orders by status,
and the products whose margin is at risk. Three aggregates, each led by tenant_id."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import and_, case, func, select

from domain.dashboard import DashboardPeriod, SupplyFigures
from domain.purchasing import OPEN_STATUSES
from storage.catalog.tables import PRODUCTS
from storage.execution import Sql
from storage.orders.tables import ORDER_ITEMS, ORDERS
from storage.purchasing.tables import PURCHASE_ORDERS


async def supply_figures(sql: Sql, tenant_id: int, period: DashboardPeriod) -> SupplyFigures:
    i, o, p = ORDER_ITEMS.c, ORDERS.c, PRODUCTS.c
    revenue, cost = (
        await sql.execute(
            select(func.sum(i.total_price), func.sum(i.quantity * p.source_price))
            .select_from(
                ORDER_ITEMS.join(ORDERS, and_(o.tenant_id == i.tenant_id, o.id == i.order_id)).join(
                    PRODUCTS, and_(p.tenant_id == i.tenant_id, p.id == i.product_id)
                )
            )
            .where(
                i.tenant_id == tenant_id,
                i.counts_as_sale.is_(True),
                i.created_at >= period.start,
                i.created_at < period.end,
                o.currency == period.currency,
            )
        )
    ).one()
    po = PURCHASE_ORDERS.c
    in_currency = case((po.currency == period.currency, po.total), else_=0)
    rows = await sql.execute(
        select(po.status, func.count(), func.sum(in_currency))
        .where(po.tenant_id == tenant_id, po.status.in_([s.value for s in OPEN_STATUSES]))
        .group_by(po.status)
    )
    at_risk = await sql.scalar(
        select(func.count()).where(
            p.tenant_id == tenant_id, p.margin_at_risk.is_(True), p.status != "discontinued"
        )
    )
    return SupplyFigures(
        revenue=_money(revenue),
        landed_cost=_money(cost),
        open_purchase_orders={status: (count, _money(total)) for status, count, total in rows},
        margin_at_risk_products=int(at_risk or 0),
    )


def _money(value: object) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01")) if value is not None else Decimal("0.00")
