"""The tenant dashboard in one read-only unit of work."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from domain.clock import utcnow
from domain.dashboard import Dashboard, DashboardPeriod
from domain.money import DEFAULT_CURRENCY
from server.analytics.ports import DashboardUnitOfWork

# Best sellers the dashboard lists.
TOP_PRODUCTS = 5


class DashboardUseCases:
    def __init__(self, uow: Callable[..., DashboardUnitOfWork]) -> None:
        self._uow = uow

    async def dashboard(self, *, tenant_id: int, days: int, currency: str | None) -> Dashboard:
        """The last `days` days up to now, in `currency` (default: that of most of the tenant's orders)."""
        end = utcnow()
        async with self._uow(read_only=True) as uow:
            figures = uow.analytics
            currency = currency or await figures.main_currency(tenant_id) or DEFAULT_CURRENCY
            period = DashboardPeriod(start=end - timedelta(days=days), end=end, days=days, currency=currency)
            return Dashboard(
                period=period,
                products=await figures.products(tenant_id),
                orders=await figures.orders(tenant_id, period),
                inventory=await figures.inventory(tenant_id),
                workflows=await figures.workflows(tenant_id, period),
                leads=await figures.leads(tenant_id, period),
                pipeline=await figures.pipeline(tenant_id, period),
                risk=await figures.risk(tenant_id, period),
                top_products=tuple(await figures.top_products(tenant_id, period, TOP_PRODUCTS)),
                supply=await figures.supply(tenant_id, period),
            )
