"""What the dashboard needs: the tenant's figures, each group read in one go, in one read-only unit of
work."""

from __future__ import annotations

from typing import Protocol

from domain.dashboard import (
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
from server.unit_of_work import ReadingUnitOfWork


class AnalyticsRepository(Protocol):
    async def main_currency(self, tenant_id: int) -> str | None:
        """The currency of most of the tenant's orders; None when it has none."""
        ...

    async def products(self, tenant_id: int) -> ProductFigures: ...
    async def orders(self, tenant_id: int, period: DashboardPeriod) -> OrderFigures: ...
    async def inventory(self, tenant_id: int) -> InventoryFigures: ...
    async def workflows(self, tenant_id: int, period: DashboardPeriod) -> WorkflowFigures: ...
    async def leads(self, tenant_id: int, period: DashboardPeriod) -> LeadFigures: ...
    async def pipeline(self, tenant_id: int, period: DashboardPeriod) -> PipelineFigures: ...
    async def supply(self, tenant_id: int, period: DashboardPeriod) -> SupplyFigures: ...
    async def risk(self, tenant_id: int, period: DashboardPeriod) -> RiskFigures: ...
    async def top_products(self, tenant_id: int, period: DashboardPeriod, limit: int) -> list[TopProduct]:
        """The period's best sellers by revenue in the period's currency, best first."""
        ...


class DashboardUnitOfWork(ReadingUnitOfWork, Protocol):
    """Read only: the dashboard never emits or commits."""

    @property
    def analytics(self) -> AnalyticsRepository: ...
