"""Purchase-order use cases: create a replenishment order (its units go on order), read and list, and move
a purchase order along its lifecycle: submission through the supplier port, receipt into stock, shipping
the customer order of the last dropship purchase order, cancellation taking units off order."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from functools import partial

from domain.catalog import FulfilmentMode, MovementType
from domain.clock import utcnow
from domain.errors import Conflict, FailedPrecondition, NotFound, UniqueViolation
from domain.ids import new_id
from domain.inventory import window_start
from domain.money import Money
from domain.order_errors import IllegalStatusTransition
from domain.paging import Page, PageRequest
from domain.purchasing import (
    ABANDONED_STATUSES,
    PO_TRANSITIONS,
    LineRequest,
    ProductSource,
    PurchaseOrder,
    PurchaseOrderChanges,
    PurchaseOrderFilter,
    PurchaseOrderKind,
    PurchaseOrderLine,
    PurchaseOrderStatus,
    ReplenishmentDraft,
)
from domain.supply_errors import CurrencyMismatch, NotStocked
from engines.inventory import OptimizerPolicy
from server import resources
from server.inventory.alerts import reorder_units
from server.inventory.stock import Shift, apply_shift
from server.orders.lifecycle import OrderLifecycle
from server.purchasing.ports import PurchasingUnitOfWork, SupplierSubmission
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
        first_use = partial(
            resources.first_use,
            scope=SCOPE,
            tenant_id=tenant_id,
            request_id=request_id,
            fingerprint=fingerprint,
        )
        try:
            return await self._create(tenant_id, draft, request_id, first_use)
        except UniqueViolation:
            # A concurrent call with the same request_id committed first: answer with its purchase order.
            if request_id:
                async with self._uow() as uow:
                    earlier = await uow.purchase_orders.get_by_request_id(tenant_id, request_id)
                    if earlier is not None:
                        await first_use(uow.requests, at=utcnow(), replay=True)
                        return earlier
            raise Conflict("the purchase order conflicted with a concurrent change; retry it") from None

    async def _create(
        self,
        tenant_id: int,
        draft: ReplenishmentDraft,
        request_id: str | None,
        first_use: Callable[..., Awaitable[None]],
    ) -> PurchaseOrder:
        async with self._uow() as uow:
            if request_id and (earlier := await uow.purchase_orders.get_by_request_id(tenant_id, request_id)):
                await first_use(uow.requests, at=utcnow(), replay=True)
                return earlier
            supplier = await existing(uow.suppliers, "supplier", tenant_id, draft.supplier_id)
            now = utcnow()
            lines = await self._lines(uow, tenant_id, supplier.id, draft.lines, now)
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
            await _move_on_order(uow, po, sign=+1, at=now)
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
            await _move_on_order(uow, po, sign=-1, at=now)
            return replace(po, cancel_reason=changes.reason)
        if status is P.RECEIVED:
            arrived = received(po, changes.received)
            if po.kind is PurchaseOrderKind.REPLENISHMENT:
                await _book_receipt(uow, arrived, actor=changes.actor, at=now)
            return replace(arrived, received_at=now)
        return po

    async def _lines(
        self,
        uow: PurchasingUnitOfWork,
        tenant_id: int,
        supplier_id: uuid.UUID,
        requests: tuple[LineRequest, ...],
        now: datetime,
    ) -> tuple[PurchaseOrderLine, ...]:
        ids = [line.product_id for line in requests]
        sources = await uow.purchase_orders.sources(tenant_id, ids, supplier_id=supplier_id)
        for line in requests:
            if line.product_id not in sources:
                raise NotFound("product", str(line.product_id))
        wanted = await self._recommended(
            uow, tenant_id, [r.product_id for r in requests if r.quantity is None], now
        )
        built = []
        for index, request in enumerate(requests):
            source = sources[request.product_id]
            if source.fulfilment_mode is FulfilmentMode.DROPSHIP:
                raise NotStocked(source.sku)
            built.append(_line(source, request, wanted.get(request.product_id, 0), index))
        currency = built[0].unit_cost.currency
        for made in built:
            if made.unit_cost.currency != currency:
                raise CurrencyMismatch(currency, made.unit_cost.currency, made.sku)
        return tuple(built)

    async def _recommended(
        self, uow: PurchasingUnitOfWork, tenant_id: int, product_ids: builtins.list[uuid.UUID], now: datetime
    ) -> dict[uuid.UUID, int]:
        """The reorder recommendation's quantity of each product (net of what is already on order)."""
        if not product_ids:
            return {}
        levels = await uow.inventory.levels(
            tenant_id,
            sorted(product_ids),
            sales_since=window_start(now, self._optimizer.history_days),
            window_days=self._optimizer.history_days,
        )
        return {pid: reorder_units(level, self._optimizer, now.date()) for pid, level in levels.items()}


def _line(source: ProductSource, request: LineRequest, recommended: int, index: int) -> PurchaseOrderLine:
    offer = source.offer
    quantity = request.quantity if request.quantity is not None else recommended
    if request.quantity is None and quantity == 0:
        raise FailedPrecondition(
            f"lines[{index}]: nothing to reorder for {source.sku}: its stock position is above the reorder "
            "point (counting what is on order); give a quantity to order anyway",
            reason="NOTHING_TO_REORDER",
            metadata={"sku": source.sku},
        )
    if offer is not None and quantity < offer.min_order_quantity:
        if request.quantity is not None:
            raise FailedPrecondition(
                f"lines[{index}]: {quantity} of {source.sku} is below the offer's minimum order quantity "
                f"{offer.min_order_quantity}",
                reason="BELOW_MIN_ORDER_QUANTITY",
                metadata={"sku": source.sku, "min_order_quantity": str(offer.min_order_quantity)},
            )
        quantity = offer.min_order_quantity
    unit_cost = request.unit_cost or (offer.unit_cost if offer else source.source_price)
    shipping = offer.shipping_cost if offer else Money(Decimal("0.00"), unit_cost.currency)
    return PurchaseOrderLine(
        product_id=source.product_id,
        sku=source.sku,
        quantity=quantity,
        unit_cost=unit_cost,
        shipping_cost=replace(shipping, currency=unit_cost.currency),
        offer_id=offer.id if offer else None,
        supplier_sku=offer.supplier_sku if offer else "",
    )


async def _move_on_order(uow: PurchasingUnitOfWork, po: PurchaseOrder, *, sign: int, at: datetime) -> None:
    """A replenishment order's units go on order when it is created and off when it is abandoned."""
    if po.kind is not PurchaseOrderKind.REPLENISHMENT:
        return
    for line in sorted(po.lines, key=lambda item: item.product_id):
        shift = Shift(line.product_id, None, on_order=sign * line.quantity)
        after, _ = await apply_shift(
            uow, shift, tenant_id=po.tenant_id, at=at, reason="purchase_order", actor="system", order_id=None
        )
        if after is None:
            raise Conflict(f"the on-order units of {line.sku} moved concurrently; retry")


async def _book_receipt(uow: PurchasingUnitOfWork, po: PurchaseOrder, *, actor: str, at: datetime) -> None:
    """RECEIPT ledger rows of what arrived; every ordered unit leaves on_order (a short delivery closes
    the line)."""
    movements = []
    for line in sorted(po.lines, key=lambda item: item.product_id):
        shift = Shift(
            line.product_id, MovementType.RECEIPT, available=line.received_quantity, on_order=-line.quantity
        )
        after, movement = await apply_shift(
            uow,
            shift,
            tenant_id=po.tenant_id,
            at=at,
            reason=f"purchase order {po.id}",
            actor=actor,
            order_id=None,
        )
        if after is None:
            raise Conflict(f"the on-order units of {line.sku} moved concurrently; retry")
        if movement is not None and line.received_quantity > 0:
            movements.append(movement)
    await uow.inventory.record(movements, tenant_id=po.tenant_id)
