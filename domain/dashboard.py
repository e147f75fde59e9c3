"""The tenant dashboard: one period's figures across catalog, orders, inventory, workflows, leads and the
deal pipeline. Every figure is a SQL aggregate; nothing here is computed over loaded rows."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class DashboardPeriod:
    start: datetime
    end: datetime
    days: int
    currency: str


@dataclass(frozen=True, slots=True)
class ProductFigures:
    total: int
    active: int
    by_classification: Mapping[str | None, int]
    average_dropship_score: float


@dataclass(frozen=True, slots=True)
class DailyRevenue:
    day: date
    revenue: Decimal
    orders: int


@dataclass(frozen=True, slots=True)
class OrderFigures:
    total: int
    by_status: Mapping[str, int]
    paid_revenue: Decimal
    paid_count: int
    revenue_per_day: tuple[DailyRevenue, ...]

    @property
    def average_order_value(self) -> Decimal:
        return (
            (self.paid_revenue / self.paid_count).quantize(Decimal("0.01")) if self.paid_count else Decimal(0)
        )


@dataclass(frozen=True, slots=True)
class InventoryFigures:
    items: int
    low_stock: int
    out_of_stock: int
    units_available: int
    units_reserved: int


@dataclass(frozen=True, slots=True)
class WorkflowFigures:
    total: int
    by_state: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class LeadFigures:
    total: int
    by_status: Mapping[str, int]
    converted: int
    average_score: float
    created_in_period: int
    converted_in_period: int

    @property
    def conversion_rate(self) -> float:
        return self.converted / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class PipelineFigures:
    open_count: int
    open_value: Decimal
    weighted_value: Decimal
    won_count: int
    won_value: Decimal
    lost_count: int

    @property
    def win_rate(self) -> float:
        closed = self.won_count + self.lost_count
        return self.won_count / closed if closed else 0.0


@dataclass(frozen=True, slots=True)
class SupplyFigures:
    """Gross profit of the period's live order lines (selling vs landed cost, in the dashboard's currency)
    and the open purchase orders by status."""

    revenue: Decimal
    landed_cost: Decimal
    open_purchase_orders: Mapping[str, tuple[int, Decimal]]  # status -> (count, total)
    margin_at_risk_products: int

    @property
    def gross_profit(self) -> Decimal:
        return self.revenue - self.landed_cost

    @property
    def gross_margin(self) -> float:
        return float(self.gross_profit / self.revenue) if self.revenue else 0.0


@dataclass(frozen=True, slots=True)
class RiskFigures:
    held: int
    flagged_open: int
    by_level: Mapping[str, int]
    average_score: float


NO_RISK = RiskFigures(held=0, flagged_open=0, by_level={}, average_score=0.0)


@dataclass(frozen=True, slots=True)
class TopProduct:
    product_id: uuid.UUID
    sku: str
    title: str
    units: int
    revenue: Decimal
    orders: int


@dataclass(frozen=True, slots=True)
class Dashboard:
    period: DashboardPeriod
    products: ProductFigures
    orders: OrderFigures
    inventory: InventoryFigures
    workflows: WorkflowFigures
    leads: LeadFigures
    pipeline: PipelineFigures
    risk: RiskFigures = NO_RISK
    top_products: tuple[TopProduct, ...] = ()
    supply: SupplyFigures | None = None
