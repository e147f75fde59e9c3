"""Supply events: offers (topic <prefix>suppliers), margins (<prefix>products) and purchase orders
(<prefix>purchasing)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import ClassVar

from domain.events import DomainEvent
from domain.money import Money
from domain.purchasing import PurchaseOrder, PurchaseOrderStatus
from domain.supply import OfferView


@dataclass(frozen=True, kw_only=True)
class SupplierOfferChanged(DomainEvent):
    event_type: ClassVar[str] = "supplier.offer_changed"
    aggregate_type: ClassVar[str] = "supplier"
    aggregate_field: ClassVar[str] = "offer"
    offer: OfferView
    change: str  # created | updated | deleted
    changed_fields: tuple[str, ...]
    chosen_offer_id: uuid.UUID | None
    previous_chosen_offer_id: uuid.UUID | None

    @property
    def aggregate_id(self) -> str:
        return str(self.offer.offer.id)


@dataclass(frozen=True, kw_only=True)
class ProductMarginAtRisk(DomainEvent):
    event_type: ClassVar[str] = "product.margin_at_risk"
    aggregate_type: ClassVar[str] = "product"
    aggregate_field: ClassVar[str] = "product_id"
    product_id: uuid.UUID
    sku: str
    source_price: Money
    selling_price: Money
    floor_price: Money
    recommended_price: Money
    trigger: str


@dataclass(frozen=True, kw_only=True)
class PurchaseOrderCreated(DomainEvent):
    event_type: ClassVar[str] = "purchase_order.created"
    aggregate_type: ClassVar[str] = "purchase_order"
    aggregate_field: ClassVar[str] = "purchase_order"
    purchase_order: PurchaseOrder


@dataclass(frozen=True, kw_only=True)
class PurchaseOrderSubmitted(DomainEvent):
    event_type: ClassVar[str] = "purchase_order.submitted"
    aggregate_type: ClassVar[str] = "purchase_order"
    aggregate_field: ClassVar[str] = "purchase_order"
    purchase_order: PurchaseOrder


@dataclass(frozen=True, kw_only=True)
class PurchaseOrderShipped(DomainEvent):
    event_type: ClassVar[str] = "purchase_order.shipped"
    aggregate_type: ClassVar[str] = "purchase_order"
    aggregate_field: ClassVar[str] = "purchase_order"
    purchase_order: PurchaseOrder
    order_shipped: bool


@dataclass(frozen=True, kw_only=True)
class PurchaseOrderReceived(DomainEvent):
    event_type: ClassVar[str] = "purchase_order.received"
    aggregate_type: ClassVar[str] = "purchase_order"
    aggregate_field: ClassVar[str] = "purchase_order"
    purchase_order: PurchaseOrder


@dataclass(frozen=True, kw_only=True)
class PurchaseOrderCancelled(DomainEvent):
    event_type: ClassVar[str] = "purchase_order.cancelled"
    aggregate_type: ClassVar[str] = "purchase_order"
    aggregate_field: ClassVar[str] = "purchase_order"
    purchase_order: PurchaseOrder
    previous_status: PurchaseOrderStatus


@dataclass(frozen=True, kw_only=True)
class PurchaseOrderUpdated(DomainEvent):
    event_type: ClassVar[str] = "purchase_order.updated"
    aggregate_type: ClassVar[str] = "purchase_order"
    aggregate_field: ClassVar[str] = "purchase_order"
    purchase_order: PurchaseOrder
    changed_fields: tuple[str, ...]
    previous_status: PurchaseOrderStatus
