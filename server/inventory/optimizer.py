"""OptimizeInventory: the optimiser's inputs gathered from the request, the supplier and the tenant's
order history (one GROUP BY per call), and its answer."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from domain.inventory import OptimizeRequest, OptimizeResult, StockLevel
from domain.money import Money, to_cents
from engines.inventory import OptimizerInput, OptimizerPolicy, daily_series, optimise
from server.inventory.alerts import view_of
from server.inventory.ports import InventoryUnitOfWork


async def optimize_level(
    uow: InventoryUnitOfWork,
    level: StockLevel,
    request: OptimizeRequest,
    policy: OptimizerPolicy,
    now: datetime,
) -> OptimizeResult:
    today = now.date()
    if request.daily_sales:
        first, last = min(request.daily_sales), max(request.daily_sales)
        series = daily_series(request.daily_sales, first, last)
        source = "caller"
    else:
        days = request.history_days or policy.history_days
        first = today - timedelta(days=days - 1)
        since = datetime.combine(first, time.min, tzinfo=now.tzinfo)
        sales = await uow.orders.daily_sales(level.tenant_id, level.product_id, since)
        series = daily_series(sales, first, today)
        source = "orders" if any(series) else "none"
    if request.lead_time_days is not None:
        lead_time, lead_source = request.lead_time_days, "request"
    elif level.lead_time_days:
        lead_time, lead_source = level.lead_time_days, "supplier"
    else:
        lead_time, lead_source = policy.lead_time_days, "default"
    order_cost = request.order_cost if request.order_cost is not None else policy.order_cost
    inputs = OptimizerInput(
        daily_units=series,
        lead_time_days=lead_time,
        service_level=request.service_level if request.service_level is not None else policy.service_level,
        order_cost=order_cost,
        holding_cost_rate=(
            request.holding_cost_rate if request.holding_cost_rate is not None else policy.holding_cost_rate
        ),
        unit_cost=level.unit_cost.amount,
        category=level.category,
        today=today,
        available=level.available,
        on_order=level.on_order,
        backordered=level.backordered,
    )
    result = optimise(inputs, policy)
    currency = level.unit_cost.currency
    return OptimizeResult(
        optimisation=result,
        history_source=source,
        history_days=len(series),
        lead_time_source=lead_source,
        order_cost=Money(to_cents(order_cost), currency),
        unit_cost=level.unit_cost,
        holding_cost=Money(to_cents(result.holding_cost), currency),
        category=level.category,
        month=today.month,
        applied=False,
        view=view_of(level, policy, today),
    )


def applied_settings(result: OptimizeResult) -> dict[str, int]:
    o = result.optimisation
    return {
        "reorder_point": o.reorder_point,
        "reorder_quantity": o.economic_order_quantity,
        "max_stock": o.max_stock,
    }
