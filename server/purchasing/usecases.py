"""Purchase-order use cases: create a replenishment order (its units go on order), read and list, and move
a purchase order along its lifecycle: submission through the supplier port, receipt into stock, shipping
the customer order of the last dropship purchase order, cancellation taking units off order."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime
from functools import partial

from domain.clock import utcnow
from domain.errors import Conflict, UniqueViolation
from domain.ids import new_id
from domain.order_errors import IllegalStatusTransition
from domain.paging import Page, PageRequest
from domain.purchasing import (
    ABANDONED_STATUSES,
    PO_TRANSITIONS,
    PurchaseOrder,
    PurchaseOrderChanges,
    PurchaseOrderFilter,
    PurchaseOrderKind,
    PurchaseOrderStatus,
    ReplenishmentDraft,
)
from engines.inventory import OptimizerPolicy
from server import resources
from server.orders.lifecycle import OrderLifecycle
from server.purchasing.ports import PurchasingUnitOfWork, SupplierSubmission
from server.purchasing.replenishment import book_receipt, move_on_order, replenishment_lines
from server.purchasing.shipping import received, ship_customer_order, status_event
from server.resources import existing

# The request log's name for CreatePurchaseOrder's request_ids.
SCOPE = "purchase_orders.create"

P = PurchaseOrderStatus


class PurchaseOrderUseCases:
    def __init__(
        self,
        uow: Callable[..., PurchasingUnitOfWork],
        *,
        submission: SupplierSubmission,
        optimizer: OptimizerPolicy,
    ) -> None:
        self._uow = uow
        self._submission = submission
        self._optimizer = optimizer
        self._orders = OrderLifecycle(uow)

    async def create(
        self, *, tenant_id: int, draft: ReplenishmentDraft, request_id: str | None, fingerprint: str | None
    ) -> PurchaseOrder:
        """A DRAFT replenishment order; its units go on order at once. A repeated request_id answers the
        first purchase order."""
        first_use = resources.first_use_of(SCOPE, tenant_id, request_id, fingerprint)
        try:
            return await self._create(tenant_id, draft, request_id, first_use)
        except UniqueViolation:
            # A concurrent call with the same request_id committed first: answer with its purchase order.
            async with self._uow(read_only=True) as uow:
                find = partial(uow.purchase_orders.get_by_request_id, tenant_id)
                earlier = await resources.replayed(uow, request_id, first_use, find)
            if earlier is None:
                raise Conflict("the purchase order conflicted with a concurrent change; retry it") from None
            return earlier

    async def _create(
        self,
        tenant_id: int,
        draft: ReplenishmentDraft,
        request_id: str | None,
        first_use: Callable[..., Awaitable[None]],
    ) -> PurchaseOrder:
        async with self._uow() as uow:
            find = partial(uow.purchase_orders.get_by_request_id, tenant_id)
            if earlier := await resources.replayed(uow, request_id, first_use, find):
                return earlier
            supplier = await existing(uow.suppliers, "supplier", tenant_id, draft.supplier_id)
            now = utcnow()
            lines = await replenishment_lines(
                uow,
                optimizer=self._optimizer,
                tenant_id=tenant_id,
                supplier_id=supplier.id,
                requests=draft.lines,
                now=now,
            )
            po = PurchaseOrder(
                id=new_id(),
                tenant_id=tenant_id,
                kind=PurchaseOrderKind.REPLENISHMENT,
                status=P.DRAFT,
                supplier_id=supplier.id,
                lines=lines,
                currency=lines[0].unit_cost.currency,
                notes=draft.notes,
                request_id=request_id,
                created_at=now,
                updated_at=now,
            )
            await first_use(uow.requests, at=now, replay=False)
            await uow.purchase_orders.add(po)
            await move_on_order(uow, po, sign=+1, at=now)
            uow.emit(status_event(po, po, order_shipped=False, created=True))
            await uow.commit()
            return po

    async def get(self, *, tenant_id: int, purchase_order_id: uuid.UUID) -> PurchaseOrder:
        async with self._uow(read_only=True) as uow:
            return await existing(uow.purchase_orders, "purchase_order", tenant_id, purchase_order_id)

    async def list(
        self, *, tenant_id: int, criteria: PurchaseOrderFilter, page: PageRequest
    ) -> Page[PurchaseOrder]:
        async with self._uow(read_only=True) as uow:
            return await uow.purchase_orders.list(tenant_id, criteria, page)

    async def update(
        self, *, tenant_id: int, purchase_order_id: uuid.UUID, changes: PurchaseOrderChanges
    ) -> PurchaseOrder:
        """Apply the changes; setting a field to its current value changes nothing."""
        async with self._uow() as uow:
            po = await existing(
                uow.purchase_orders, "purchase_order", tenant_id, purchase_order_id, for_update=True
            )
            changed = {k: v for k, v in changes.values.items() if getattr(po, k) != v}
            if not changed:
                return po
            updated = await self._apply(uow, po, changed, changes)
            await uow.commit()
            return updated

    async def cancel(
        self, *, tenant_id: int, purchase_order_id: uuid.UUID, reason: str, actor: str
    ) -> PurchaseOrder:
        """Cancel before shipping; a cancelled purchase order is returned unchanged."""
        async with self._uow() as uow:
            po = await existing(
                uow.purchase_orders, "purchase_order", tenant_id, purchase_order_id, for_update=True
            )
            if po.status is P.CANCELLED:
                return po
            changes = PurchaseOrderChanges({"status": P.CANCELLED}, reason=reason, actor=actor)
            updated = await self._apply(uow, po, {"status": P.CANCELLED}, changes)
            await uow.commit()
            return updated

    async def _apply(
        self,
        uow: PurchasingUnitOfWork,
        po: PurchaseOrder,
        changed: dict[str, object],
        changes: PurchaseOrderChanges,
    ) -> PurchaseOrder:
        now = utcnow()
        status = changed.get("status", po.status)
        assert isinstance(status, PurchaseOrderStatus)
        if status is not po.status and status not in PO_TRANSITIONS[po.status]:
            allowed = [s.value for s in PO_TRANSITIONS[po.status]]
            raise IllegalStatusTransition("status", po.status.value, status.value, allowed)
        updated = replace(po, **changed, updated_at=now, version=po.version + 1)  # type: ignore[arg-type]
        order_shipped = False
        if status is not po.status:
            updated = await self._enter(uow, updated, status, changes, now)
            if status is P.SHIPPED and po.kind is PurchaseOrderKind.DROPSHIP:
                order_shipped = await ship_customer_order(uow, self._orders, updated, actor=changes.actor)
        await uow.purchase_orders.save(updated)
        uow.emit(status_event(po, updated, order_shipped=order_shipped, changed=tuple(changed)))
        return updated

    async def _enter(
        self,
        uow: PurchasingUnitOfWork,
        po: PurchaseOrder,
        status: PurchaseOrderStatus,
        changes: PurchaseOrderChanges,
        now: datetime,
    ) -> PurchaseOrder:
        """The purchase order entering `status`, with what that does to stock and the supplier."""
        if status is P.SUBMITTED:
            receipt = await self._submission.submit(po)
            return replace(
                po, submitted_at=now, supplier_order_id=po.supplier_order_id or receipt.supplier_order_id
            )
        if status is P.SHIPPED:
            return replace(po, shipped_at=now)
        if status in ABANDONED_STATUSES:
            await move_on_order(uow, po, sign=-1, at=now)
            return replace(po, cancel_reason=changes.reason)
        if status is P.RECEIVED:
            arrived = received(po, changes.received)
            if po.kind is PurchaseOrderKind.REPLENISHMENT:
                await book_receipt(uow, arrived, actor=changes.actor, at=now)
            return replace(arrived, received_at=now)
        return po
