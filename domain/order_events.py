"""Order and inventory events (topics <prefix>orders and <prefix>inventory)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import ClassVar

from domain.events import DomainEvent
from domain.inventory import Movement, ReorderRecommendation
from domain.order_errors import ShortLine
from domain.orders import FinancialStatus, FraudAnalysis, Order, OrderLine, OrderStatus, RiskListEntry


@dataclass(frozen=True, kw_only=True)
class OrderCreated(DomainEvent):
    event_type: ClassVar[str] = "order.created"
    aggregate_type: ClassVar[str] = "order"
    aggregate_field: ClassVar[str] = "order"
    order: Order


@dataclass(frozen=True, kw_only=True)
class OrderProcessingStarted(DomainEvent):
    event_type: ClassVar[str] = "order.processing_started"
    aggregate_type: ClassVar[str] = "order"
    aggregate_field: ClassVar[str] = "order"
    order: Order


@dataclass(frozen=True, kw_only=True)
class OrderStatusChanged(DomainEvent):
    event_type: ClassVar[str] = "order.status_changed"
    aggregate_type: ClassVar[str] = "order"
    aggregate_field: ClassVar[str] = "order_id"
    order_id: uuid.UUID
    order_number: str
    from_status: OrderStatus
    to_status: OrderStatus
    from_financial_status: FinancialStatus
    to_financial_status: FinancialStatus
    reason: str
    changed_by: str


@dataclass(frozen=True, kw_only=True)
class OrderCancelled(DomainEvent):
    event_type: ClassVar[str] = "order.cancelled"
    aggregate_type: ClassVar[str] = "order"
    aggregate_field: ClassVar[str] = "order_id"
    order_id: uuid.UUID
    order_number: str
    previous_status: OrderStatus
    reason: str
    released: tuple[OrderLine, ...]


@dataclass(frozen=True, kw_only=True)
class InventoryLow(DomainEvent):
    event_type: ClassVar[str] = "inventory.low"
    aggregate_type: ClassVar[str] = "inventory"
    aggregate_field: ClassVar[str] = "product_id"
    product_id: uuid.UUID
    sku: str
    available: int
    reserved: int
    reorder_point: int
    order_id: uuid.UUID | None = None


@dataclass(frozen=True, kw_only=True)
class InventoryInsufficient(DomainEvent):
    event_type: ClassVar[str] = "inventory.insufficient"
    aggregate_type: ClassVar[str] = "inventory"
    lines: tuple[ShortLine, ...]
    order_id: uuid.UUID | None
    backordered: bool
    request_id: str
    customer_email: str

    @property
    def aggregate_id(self) -> str:
        return self.lines[0].product_id


@dataclass(frozen=True, kw_only=True)
class InventoryReorderRecommended(DomainEvent):
    event_type: ClassVar[str] = "inventory.reorder_recommended"
    aggregate_type: ClassVar[str] = "inventory"
    aggregate_field: ClassVar[str] = "product_id"
    product_id: uuid.UUID
    sku: str
    available: int
    reorder_point: int
    recommendation: ReorderRecommendation
    supplier_id: uuid.UUID | None


@dataclass(frozen=True, kw_only=True)
class InventoryAdjusted(DomainEvent):
    event_type: ClassVar[str] = "inventory.adjusted"
    aggregate_type: ClassVar[str] = "inventory"
    sku: str
    movement: Movement

    @property
    def aggregate_id(self) -> str:
        return str(self.movement.product_id)


@dataclass(frozen=True, kw_only=True)
class OrderFlagged(DomainEvent):
    """An assessment found MEDIUM risk: the order proceeds under enhanced monitoring."""

    event_type: ClassVar[str] = "order.flagged"
    aggregate_type: ClassVar[str] = "order"
    aggregate_field: ClassVar[str] = "order"
    order: Order


@dataclass(frozen=True, kw_only=True)
class OrderRiskReassessed(DomainEvent):
    """A change of the order's addresses, email or lines re-assessed its fraud risk."""

    event_type: ClassVar[str] = "order.risk_reassessed"
    aggregate_type: ClassVar[str] = "order"
    aggregate_field: ClassVar[str] = "order"
    order: Order
    previous: FraudAnalysis
    held: bool


@dataclass(frozen=True, kw_only=True)
class OrderFraudReviewed(DomainEvent):
    """The fraud crew's review of a held order landed on the order (`order.fraud_review`)."""

    event_type: ClassVar[str] = "order.fraud_reviewed"
    aggregate_type: ClassVar[str] = "order"
    aggregate_field: ClassVar[str] = "order"
    order: Order


@dataclass(frozen=True, kw_only=True)
class RiskListEntryAdded(DomainEvent):
    event_type: ClassVar[str] = "risk_list.entry_added"
    aggregate_type: ClassVar[str] = "risk_list"
    aggregate_field: ClassVar[str] = "entry"
    entry: RiskListEntry


@dataclass(frozen=True, kw_only=True)
class RiskListEntryRemoved(DomainEvent):
    event_type: ClassVar[str] = "risk_list.entry_removed"
    aggregate_type: ClassVar[str] = "risk_list"
    aggregate_field: ClassVar[str] = "entry"
    entry: RiskListEntry
    removed_by: str
