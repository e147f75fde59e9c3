"""What an UpdateOrder changes beyond the plain fields: new lines (priced from the catalog, the old
reservations released and the new ones made all or none), the tie between payment and refund, and the
re-assessment of the risk that a change of the email, an address or the lines calls for (risk.py)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from domain.catalog import MovementType
from domain.clock import utcnow
from domain.order_errors import InsufficientInventory, LinesLocked, PaymentNotCaptured
from domain.orders import (
    CAPTURED_PAYMENTS,
    LINE_EDITABLE_STATUSES,
    FinancialStatus,
    LineRequest,
    Order,
    OrderDraft,
    OrderStatus,
)
from engines.fraud import FraudPolicy
from engines.inventory import OptimizerPolicy
from server.inventory.stock import emit_reorder_events
from server.orders.ports import OrderUnitOfWork
from server.orders.pricing import priced_lines, totals_of
from server.orders.risk import OrderRisk
from server.orders.usecases import reserve_lines, settle_lines

AMENDED = "order_amended"


def differs(order: Order, name: str, value: object) -> bool:
    """Whether setting `name` to `value` changes the order (new lines: by product and quantity)."""
    if name == "lines":
        assert isinstance(value, tuple)
        return [(line.product_id, line.quantity) for line in order.lines] != [
            (line.product_id, line.quantity) for line in value
        ]
    return bool(getattr(order, name) != value)


def tie_payment(order: Order, changed: dict[str, object]) -> None:
    """A refund needs a captured payment (PaymentNotCaptured otherwise); refunding a PAID order refunds
    its payment too, unless the change sets the financial status itself."""
    if changed.get("status") is not OrderStatus.REFUNDED:
        return
    financial = changed.get("financial_status", order.financial_status)
    assert isinstance(financial, FinancialStatus)
    if financial not in CAPTURED_PAYMENTS:
        raise PaymentNotCaptured(financial.value)
    if "financial_status" not in changed and financial is not FinancialStatus.REFUNDED:
        changed["financial_status"] = FinancialStatus.REFUNDED


class OrderAmendments:
    def __init__(
        self, risk: OrderRisk | None = None, optimizer_policy: OptimizerPolicy | None = None
    ) -> None:
        self.risk = risk or OrderRisk(FraudPolicy())
        self._optimizer_policy = optimizer_policy or OptimizerPolicy()

    async def apply_lines(
        self, uow: OrderUnitOfWork, order: Order, changed: dict[str, object], *, actor: str
    ) -> Order:
        """The order with the new lines of `changed` (taken out of it), their stock reserved instead of the
        old lines'; the order itself when the change names no lines."""
        requested = changed.pop("lines", None)
        if requested is None:
            return order
        assert isinstance(requested, tuple)
        if order.status not in LINE_EDITABLE_STATUSES:
            raise LinesLocked(order.status.value)
        draft = _draft_of(order, requested)
        lines = priced_lines(
            draft, await uow.orders.catalog(order.tenant_id, [r.product_id for r in requested])
        )
        totals = totals_of(draft, lines)
        released = await settle_lines(uow, order, MovementType.RELEASE, reason=AMENDED, actor=actor)
        reservation = await reserve_lines(uow, order.tenant_id, lines, order_id=order.id, actor=actor)
        if reservation.short:
            raise InsufficientInventory(reservation.short)
        await uow.inventory.record([*released, *reservation.movements], tenant_id=order.tenant_id)
        amended = replace(order, lines=lines, subtotal=totals.subtotal, total=totals.total)
        await uow.orders.replace_lines(amended)
        await emit_reorder_events(
            uow,
            tenant_id=order.tenant_id,
            product_ids=reservation.crossed,
            policy=self._optimizer_policy,
            now=utcnow(),
            order_id=order.id,
        )
        return amended

    async def follow_risk(
        self, uow: OrderUnitOfWork, before: Order, after: Order, changed: Iterable[str]
    ) -> Order:
        return await self.risk.follow(uow, before, after, changed)


def _draft_of(order: Order, lines: tuple[LineRequest, ...]) -> OrderDraft:
    """The order as a draft with new lines: its charges stay, its total follows the lines."""
    return OrderDraft(
        customer_email=order.customer_email,
        customer_name=order.customer_name,
        billing_address=order.billing_address,
        shipping_address=order.shipping_address,
        lines=lines,
        currency=order.currency,
        tax=order.tax,
        shipping=order.shipping,
        discount=order.discount,
    )
