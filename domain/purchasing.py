"""Purchase orders to suppliers: dropship orders that follow a confirmed customer order, and replenishment
orders that restock; their lifecycle (SPEC section 9)."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from domain.catalog import FulfilmentMode
from domain.money import Money
from domain.supply import Offer

MAX_PO_LINES = 100
MAX_PO_QUANTITY = 1_000_000
MAX_TRACKING_NUMBERS = 20


class PurchaseOrderKind(enum.StrEnum):
    DROPSHIP = "dropship"
    REPLENISHMENT = "replenishment"


class PurchaseOrderStatus(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    SHIPPED = "shipped"
    RECEIVED = "received"
    CANCELLED = "cancelled"
    REJECTED = "rejected"


P = PurchaseOrderStatus
# The only status changes there are.
PO_TRANSITIONS: Mapping[PurchaseOrderStatus, frozenset[PurchaseOrderStatus]] = {
    P.DRAFT: frozenset({P.SUBMITTED, P.CANCELLED}),
    P.SUBMITTED: frozenset({P.ACCEPTED, P.REJECTED, P.CANCELLED}),
    P.ACCEPTED: frozenset({P.SHIPPED, P.CANCELLED}),
    P.SHIPPED: frozenset({P.RECEIVED}),
    P.RECEIVED: frozenset(),
    P.CANCELLED: frozenset(),
    P.REJECTED: frozenset(),
}
# Statuses whose units are still to come: a replenishment order's open units are its level's on_order.
OPEN_STATUSES = frozenset({P.DRAFT, P.SUBMITTED, P.ACCEPTED, P.SHIPPED})
# Statuses that end a purchase order without delivery.
ABANDONED_STATUSES = frozenset({P.CANCELLED, P.REJECTED})
# The paths an update may name.
PO_MUTABLE_FIELDS: tuple[str, ...] = ("status", "supplier_order_id", "carrier", "tracking_numbers", "notes")


@dataclass(frozen=True, slots=True)
class PurchaseOrderLine:
    product_id: uuid.UUID
    sku: str
    quantity: int
    unit_cost: Money
    shipping_cost: Money
    offer_id: uuid.UUID | None = None
    supplier_sku: str = ""
    received_quantity: int = 0
    order_id: uuid.UUID | None = None

    @property
    def line_total(self) -> Money:
        return Money(
            (self.unit_cost.amount + self.shipping_cost.amount) * self.quantity, self.unit_cost.currency
        )


@dataclass(frozen=True, slots=True)
class PurchaseOrder:
    id: uuid.UUID
    tenant_id: int
    kind: PurchaseOrderKind
    status: PurchaseOrderStatus
    supplier_id: uuid.UUID
    lines: tuple[PurchaseOrderLine, ...]
    currency: str
    created_at: datetime
    updated_at: datetime
    order_id: uuid.UUID | None = None
    supplier_order_id: str = ""
    carrier: str = ""
    tracking_numbers: tuple[str, ...] = ()
    notes: str = ""
    cancel_reason: str = ""
    submitted_at: datetime | None = None
    shipped_at: datetime | None = None
    received_at: datetime | None = None
    request_id: str | None = None
    version: int = 1

    @property
    def subtotal(self) -> Money:
        return Money(
            sum((line.unit_cost.amount * line.quantity for line in self.lines), Decimal(0)), self.currency
        )

    @property
    def shipping_total(self) -> Money:
        return Money(
            sum((line.shipping_cost.amount * line.quantity for line in self.lines), Decimal(0)), self.currency
        )

    @property
    def total(self) -> Money:
        return Money(self.subtotal.amount + self.shipping_total.amount, self.currency)


@dataclass(frozen=True, slots=True)
class LineRequest:
    """A line of CreatePurchaseOrder: quantity None orders the reorder recommendation's quantity; unit cost
    None takes the supplier's offer, else the product's source price."""

    product_id: uuid.UUID
    quantity: int | None = None
    unit_cost: Money | None = None


@dataclass(frozen=True, slots=True)
class ReplenishmentDraft:
    supplier_id: uuid.UUID
    lines: tuple[LineRequest, ...]
    notes: str = ""


@dataclass(frozen=True, slots=True)
class PurchaseOrderChanges:
    """New values for the named fields; `received` (product id -> units) only with status RECEIVED."""

    values: Mapping[str, object] = field(default_factory=dict)
    received: Mapping[uuid.UUID, int] = field(default_factory=dict)
    reason: str = ""
    actor: str = "system"


@dataclass(frozen=True, slots=True)
class PurchaseOrderFilter:
    supplier_id: uuid.UUID | None = None
    status: PurchaseOrderStatus | None = None
    kind: PurchaseOrderKind | None = None
    order_id: uuid.UUID | None = None
    created_from: datetime | None = None
    created_before: datetime | None = None


@dataclass(frozen=True, slots=True)
class ProductSource:
    """What a purchase order line of a product is built from: the product, and the offer to buy it from
    (None when it has none)."""

    product_id: uuid.UUID
    sku: str
    source_price: Money
    fulfilment_mode: FulfilmentMode
    offer: Offer | None


@dataclass(frozen=True, slots=True)
class SubmissionReceipt:
    """What a supplier's system answered to a submission: its order id when it gives one at once."""

    supplier_order_id: str = ""
