"""What the purchase-order use cases need: the purchase orders, the stock their receipts book and their open
units count in, the customer orders dropship purchase orders ship, the suppliers, and the outbound port a
submission goes through."""

from __future__ import annotations

import builtins
import uuid
from typing import Protocol

from domain.paging import Page, PageRequest
from domain.purchasing import PurchaseOrder, PurchaseOrderFilter, SubmissionReceipt
from server.orders.ports import DropshipPurchaseOrders, OrderUnitOfWork
from server.suppliers.ports import SupplierRepository


class PurchaseOrderRepository(DropshipPurchaseOrders, Protocol):
    async def get(
        self, tenant_id: int, purchase_order_id: uuid.UUID, *, for_update: bool = False
    ) -> PurchaseOrder | None: ...
    async def get_by_request_id(self, tenant_id: int, request_id: str) -> PurchaseOrder | None: ...
    async def list(
        self, tenant_id: int, criteria: PurchaseOrderFilter, page: PageRequest
    ) -> Page[PurchaseOrder]: ...
    async def of_order(self, tenant_id: int, order_id: uuid.UUID) -> builtins.list[PurchaseOrder]: ...


class PurchasingUnitOfWork(OrderUnitOfWork, Protocol):
    """An order's unit of work (shipping the last dropship purchase order ships the customer order)."""

    @property
    def purchase_orders(self) -> PurchaseOrderRepository: ...
    @property
    def suppliers(self) -> SupplierRepository: ...


class SupplierSubmission(Protocol):
    """Sends a purchase order to its supplier (a marketplace integration or a crew). Called while the
    purchase order is locked, before SUBMITTED is stored: raising leaves it as it was."""

    async def submit(self, po: PurchaseOrder) -> SubmissionReceipt: ...
