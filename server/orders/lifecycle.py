"""Reading orders, and changing them along the lifecycle of SPEC section 4: every status change is
validated, kept in the history and emitted; CANCELLED releases the reservations, SHIPPED turns them
into shipments."""

from __future__ import annotations

import uuid
from dataclasses import replace

from domain.catalog import MovementType
from domain.clock import utcnow
from domain.inventory import Movement
from domain.order_errors import AddressLocked, IllegalStatusTransition
from domain.order_events import OrderCancelled, OrderProcessingStarted, OrderStatusChanged
from domain.orders import (
    FINANCIAL_TRANSITIONS,
    RESERVING_STATUSES,
    STATUS_TRANSITIONS,
    FinancialStatus,
    Order,
    OrderChanges,
    OrderFilter,
    OrderStatus,
    StatusChange,
)
from domain.paging import Page, PageRequest
from server.orders.amendments import OrderAmendments, differs, tie_payment
from server.orders.ports import OrderUnitOfWork, UnitOfWorkFactory
from server.orders.usecases import settle_lines
from server.purchasing.dropship import follow_order
from server.resources import existing

ADDRESS_LOCKED_STATUSES = frozenset({OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.REFUNDED})


class OrderLifecycle:
    def __init__(self, uow: UnitOfWorkFactory, amendments: OrderAmendments | None = None) -> None:
        self._uow = uow
        self._amendments = amendments or OrderAmendments()

    async def get(self, *, tenant_id: int, order_id: uuid.UUID) -> Order:
        async with self._uow(read_only=True) as uow:
            return await existing(uow.orders, "order", tenant_id, order_id)

    async def list(self, *, tenant_id: int, criteria: OrderFilter, page: PageRequest) -> Page[Order]:
        async with self._uow(read_only=True) as uow:
            return await uow.orders.list(tenant_id, criteria, page)

    async def update(self, *, tenant_id: int, order_id: uuid.UUID, changes: OrderChanges) -> Order:
        """Apply the changes; setting a field to its current value changes nothing."""
        async with self._uow() as uow:
            order = await existing(uow.orders, "order", tenant_id, order_id, for_update=True)
            changed = {k: v for k, v in changes.values.items() if differs(order, k, v)}
            if not changed:
                return order
            _check(order, changed)
            tie_payment(order, changed)
            names = list(changed)
            amended = await self._amendments.apply_lines(uow, order, changed, actor=changes.actor)
            updated = await self._transition(uow, amended, changed, changes.reason, changes.actor)
            updated = await self._amendments.follow_risk(uow, order, updated, names)
            await uow.commit()
            return updated

    async def cancel(self, *, tenant_id: int, order_id: uuid.UUID, reason: str, actor: str) -> Order:
        """Cancel before shipping; a cancelled order is returned unchanged."""
        async with self._uow() as uow:
            order = await existing(uow.orders, "order", tenant_id, order_id, for_update=True)
            if order.status is OrderStatus.CANCELLED:
                return order
            changed: dict[str, object] = {"status": OrderStatus.CANCELLED}
            _check(order, changed)
            updated = await self._transition(uow, order, changed, reason, actor)
            await uow.commit()
            return updated

    async def transition_within(
        self, uow: OrderUnitOfWork, order: Order, changed: dict[str, object], *, reason: str, actor: str
    ) -> Order:
        """Check and apply a change in the caller's unit of work (purchasing ships orders this way)."""
        _check(order, changed)
        return await self._transition(uow, order, changed, reason, actor)

    async def _transition(
        self, uow: OrderUnitOfWork, order: Order, changed: dict[str, object], reason: str, actor: str
    ) -> Order:
        now = utcnow()
        status = changed.get("status", order.status)
        assert isinstance(status, OrderStatus)
        history = order.history
        if status is not order.status:
            history = (*history, StatusChange(order.status, status, reason, actor, now))
        updated = replace(
            order,
            **changed,  # type: ignore[arg-type]
            history=history,
            cancel_reason=reason if status is OrderStatus.CANCELLED else order.cancel_reason,
            updated_at=now,
            version=order.version + 1,
        )
        movements = await _stock_effects(uow, order, status, actor=actor, reason=reason)
        await uow.orders.save(updated)
        await follow_order(uow, order, updated)  # dropship purchase orders follow the order
        await uow.orders.add_changes(order.tenant_id, order.id, history[len(order.history) :])
        await uow.inventory.record(movements, tenant_id=order.tenant_id)
        if status is OrderStatus.CANCELLED:
            await uow.orders.stop_counting_sales(order.tenant_id, order.id)
        _emit(uow, order, updated, reason, actor)
        return updated


def _check(order: Order, changed: dict[str, object]) -> None:
    status = changed.get("status")
    if isinstance(status, OrderStatus) and status not in STATUS_TRANSITIONS[order.status]:
        allowed = [s.value for s in STATUS_TRANSITIONS[order.status]]
        raise IllegalStatusTransition("status", order.status.value, status.value, allowed)
    financial = changed.get("financial_status")
    if (
        isinstance(financial, FinancialStatus)
        and financial not in FINANCIAL_TRANSITIONS[order.financial_status]
    ):
        allowed = [s.value for s in FINANCIAL_TRANSITIONS[order.financial_status]]
        raise IllegalStatusTransition(
            "financial_status", order.financial_status.value, financial.value, allowed
        )
    if "shipping_address" in changed and order.status in ADDRESS_LOCKED_STATUSES:
        raise AddressLocked(order.status.value)


async def _stock_effects(
    uow: OrderUnitOfWork, order: Order, status: OrderStatus, *, actor: str, reason: str
) -> list[Movement]:
    """Release (CANCELLED) or ship (SHIPPED) the order's reservations."""
    if status is order.status or order.status not in RESERVING_STATUSES:
        return []
    if status is OrderStatus.CANCELLED:
        kind, why = MovementType.RELEASE, "order_cancelled"
    elif status is OrderStatus.SHIPPED:
        kind, why = MovementType.SHIPMENT, "order_shipped"
    else:
        return []
    return await settle_lines(uow, order, kind, reason=why, actor=actor)


def _emit(uow: OrderUnitOfWork, before: Order, after: Order, reason: str, actor: str) -> None:
    if before.status is after.status and before.financial_status is after.financial_status:
        return
    uow.emit(
        OrderStatusChanged(
            tenant_id=after.tenant_id,
            order_id=after.id,
            order_number=after.order_number,
            from_status=before.status,
            to_status=after.status,
            from_financial_status=before.financial_status,
            to_financial_status=after.financial_status,
            reason=reason,
            changed_by=actor,
        )
    )
    if after.status is OrderStatus.CANCELLED and before.status is not OrderStatus.CANCELLED:
        uow.emit(
            OrderCancelled(
                tenant_id=after.tenant_id,
                order_id=after.id,
                order_number=after.order_number,
                previous_status=before.status,
                reason=reason,
                released=after.reserved_lines,
            )
        )
    if before.status is OrderStatus.ON_HOLD and after.status is OrderStatus.CONFIRMED:
        uow.emit(OrderProcessingStarted(tenant_id=after.tenant_id, order=after))
