"""Inventory levels, their movement ledger, alerts and reorder recommendations."""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from domain.catalog import MovementType
from domain.money import Money
from engines.inventory import Optimisation


class AlertType(enum.StrEnum):
    LOW_STOCK = "low_stock"
    OUT_OF_STOCK = "out_of_stock"
    BACKORDERED = "backordered"
    OVERSTOCK = "overstock"


class AlertSeverity(enum.IntEnum):
    """Ordered: a higher value is more urgent."""

    INFO = 1
    WARNING = 2
    CRITICAL = 3


class AlertFilter(enum.StrEnum):
    LOW_STOCK = "low_stock"
    OUT_OF_STOCK = "out_of_stock"
    REORDER = "reorder"
    OVERSTOCK = "overstock"
    BACKORDERED = "backordered"


# Most units a level may hold: every count is an int32 in the contract.
MAX_STOCK = 2**31 - 1

SEVERITY = {
    AlertType.OUT_OF_STOCK: AlertSeverity.CRITICAL,
    AlertType.BACKORDERED: AlertSeverity.CRITICAL,
    AlertType.LOW_STOCK: AlertSeverity.WARNING,
    AlertType.OVERSTOCK: AlertSeverity.INFO,
}


@dataclass(frozen=True, slots=True)
class LevelFilter:
    low_stock_only: bool = False
    out_of_stock_only: bool = False
    query: str = ""


@dataclass(frozen=True, slots=True)
class StockLevel:
    """A product's level with the product facts the inventory views show."""

    product_id: uuid.UUID
    tenant_id: int
    sku: str
    title: str
    category: str
    unit_cost: Money
    supplier_id: uuid.UUID | None
    available: int
    reserved: int
    backordered: int
    reorder_point: int
    reorder_quantity: int
    max_stock: int
    updated_at: datetime
    lead_time_days: int | None = None
    # Units sold per day over the recent window (order lines), for days of cover and reorder sizes.
    daily_velocity: float = 0.0
    # Units on open replenishment purchase orders.
    on_order: int = 0
    # A DROPSHIP product's supplier ships its orders: its level is never replenished.
    dropship: bool = False

    @property
    def on_hand(self) -> int:
        return self.available + self.reserved


@dataclass(frozen=True, slots=True)
class Alert:
    product_id: uuid.UUID
    sku: str
    title: str
    type: AlertType
    severity: AlertSeverity
    message: str
    available: int
    reserved: int
    reorder_point: int
    recommended_order_quantity: int
    estimated_reorder_cost: Money | None
    days_of_cover: float


@dataclass(frozen=True, slots=True)
class LevelView:
    level: StockLevel
    alerts: tuple[Alert, ...]


@dataclass(frozen=True, slots=True)
class Movement:
    id: uuid.UUID
    product_id: uuid.UUID
    type: MovementType
    available_delta: int
    reserved_delta: int
    available_after: int
    reserved_after: int
    reason: str
    order_id: uuid.UUID | None
    actor: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Shift:
    """One stock movement to apply: deltas of available / reserved / backordered / on-order units."""

    product_id: uuid.UUID
    # None: only the backorder or on-order counts move, which the ledger does not track
    type: MovementType | None
    available: int = 0
    reserved: int = 0
    backordered: int = 0
    on_order: int = 0


@dataclass(frozen=True, slots=True)
class LevelAfter:
    """A level's units right after a change, with the reorder point to compare against."""

    available: int
    reserved: int
    backordered: int
    reorder_point: int


def window_start(now: datetime, days: int) -> datetime:
    """The start of the sales window that velocities and optimiser histories are measured over."""
    return now - timedelta(days=days)


@dataclass(frozen=True, slots=True)
class ReorderRecommendation:
    quantity: int
    estimated_cost: Money
    lead_time_days: int
    stockout_date: date | None
    reason: str


@dataclass(frozen=True, slots=True)
class InventoryChange:
    """UpdateInventory: a new absolute quantity or a delta (or neither), and/or new settings."""

    set_available: int | None = None
    adjust_by: int | None = None
    reason: str = ""
    movement_type: MovementType = MovementType.ADJUSTMENT
    reorder_point: int | None = None
    reorder_quantity: int | None = None
    max_stock: int | None = None
    actor: str = "system"


@dataclass(frozen=True, slots=True)
class InventoryUpdate:
    view: LevelView
    movement: Movement | None
    recommendation: ReorderRecommendation | None


@dataclass(frozen=True, slots=True)
class OptimizeRequest:
    daily_sales: dict[date, float] | None = None
    history_days: int | None = None
    lead_time_days: int | None = None
    service_level: float | None = None
    order_cost: Decimal | None = None
    holding_cost_rate: float | None = None
    apply: bool = False


@dataclass(frozen=True, slots=True)
class OptimizeResult:
    optimisation: Optimisation
    history_source: str  # orders | caller | none
    history_days: int
    lead_time_source: str  # request | supplier | default
    order_cost: Money
    unit_cost: Money
    holding_cost: Money
    category: str
    month: int
    applied: bool
    view: LevelView


@dataclass(frozen=True, slots=True)
class AlertSummary:
    total: int
    by_severity: dict[AlertSeverity, int]
    by_type: dict[AlertType, int]
    reorder_count: int
    reorder_costs: dict[str, Decimal]  # currency -> sum


@dataclass(frozen=True, slots=True)
class AlertPage:
    alerts: tuple[Alert, ...]
    next_after: str | None
    total_size: int
    summary: AlertSummary
