"""CreateOrder: idempotent by request_id, priced from the catalog, scored for fraud, and reserving every
line or none.

Stock is reserved with one conditional UPDATE per line in product-id order, so two orders for the same
products lock their rows in the same order and cannot deadlock. The order number comes from a
per-tenant-day counter, taken after the stock, so an order refused for it takes no number; on PostgreSQL
the increment commits on its own at once (the counter is every order of the tenant's bottleneck: held
until each order's commit, orders queued behind it with their stock locked), so an order that then fails
skips its number (numbers are never reused)."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from functools import partial

from domain.catalog import MovementType
from domain.clock import utcnow
from domain.errors import Conflict, UniqueViolation
from domain.ids import new_id
from domain.inventory import Movement, Shift
from domain.order_errors import InsufficientInventory, ShortLine
from domain.order_events import (
    InventoryInsufficient,
    OrderCreated,
    OrderFlagged,
    OrderProcessingStarted,
)
from domain.orders import (
    SYSTEM_ACTOR,
    Concerns,
    FraudAnalysis,
    NewOrder,
    Order,
    OrderLine,
    OrderStatus,
    StatusChange,
    order_number,
)
from engines.inventory import OptimizerPolicy
from server import resources
from server.inventory.stock import apply_shifts, crossed_reorder_point, emit_reorder_events
from server.orders.ports import OrderUnitOfWork, UnitOfWorkFactory
from server.orders.pricing import Totals, priced_lines, totals_of
from server.orders.risk import HELD_LEVELS, OrderRisk, Subject


@dataclass(frozen=True, slots=True)
class Reservation:
    movements: list[Movement]
    backordered: frozenset[int]  # indexes of the request's lines
    crossed: list[uuid.UUID]  # products that reached their reorder point
    short: tuple[ShortLine, ...]


# The request log's name for CreateOrder's request_ids.
SCOPE = "orders.create"


class OrderCreation:
    def __init__(self, uow: UnitOfWorkFactory, risk: OrderRisk, optimizer_policy: OptimizerPolicy) -> None:
        self._uow = uow
        self._risk = risk
        self.optimizer_policy = optimizer_policy

    async def create(self, new: NewOrder) -> Order:
        """Create the order; a repeated request_id returns the first order and creates nothing, not even an
        order number."""
        first_use = resources.first_use_of(SCOPE, new.tenant_id, new.request_id, new.request_fingerprint)
        try:
            async with self._uow() as uow:
                return await self._create(uow, new, first_use)
        except InsufficientInventory as short:
            await self._record_shortage(new, short)
            raise
        except UniqueViolation:
            # A concurrent call with the same request_id committed first: answer with its order.
            async with self._uow(read_only=True) as uow:
                earlier = partial(uow.orders.get_by_request_id, new.tenant_id)
                existing = await resources.replayed(uow, new.request_id, first_use, earlier)
            if existing is None:
                raise Conflict("the order conflicted with a concurrent change; retry it") from None
            return existing

    async def _create(
        self, uow: OrderUnitOfWork, new: NewOrder, first_use: Callable[..., Awaitable[None]]
    ) -> Order:
        tenant_id, draft = new.tenant_id, new.draft
        earlier = partial(uow.orders.get_by_request_id, tenant_id)
        if existing := await resources.replayed(uow, new.request_id, first_use, earlier):
            return existing
        await first_use(uow.requests, at=utcnow(), replay=False)
        now = utcnow()
        context = await uow.orders.context(
            tenant_id,
            draft.customer_email,
            Concerns.of(draft.customer_email, draft.billing_address, draft.shipping_address),
            before=now,
            products=[line.product_id for line in draft.lines],
        )
        lines = priced_lines(draft, context.catalog)
        totals = totals_of(draft, lines)
        subject = Subject(
            email=draft.customer_email,
            billing=draft.billing_address,
            shipping=draft.shipping_address,
            total=totals.total.amount,
            quantities=tuple(line.quantity for line in draft.lines),
        )
        fraud = self._risk.judge(subject, context)
        order_id = new_id()
        reservation = await reserve_lines(uow, tenant_id, lines, order_id=order_id, actor=new.actor)
        if reservation.short and not new.allow_backorder:
            raise InsufficientInventory(reservation.short)
        await _backorder(uow, tenant_id, lines, reservation.backordered)
        # The number is taken last: an order refused above or replayed takes none.
        number = order_number(now, await uow.orders.next_sequence(tenant_id, now.strftime("%Y%m%d")))
        order = _order(new, number, order_id, lines, reservation, totals, fraud)
        if order.status is OrderStatus.ON_HOLD:
            order = await self._risk.queue_review(uow, order)
        await uow.orders.add(order)
        await uow.inventory.record(reservation.movements, tenant_id=tenant_id)
        self._emit(uow, order, new, reservation)
        await emit_reorder_events(
            uow,
            tenant_id=tenant_id,
            product_ids=reservation.crossed,
            policy=self.optimizer_policy,
            now=now,
            order_id=order.id,
        )
        await uow.commit()
        return order

    @staticmethod
    def _emit(uow: OrderUnitOfWork, order: Order, new: NewOrder, reservation: Reservation) -> None:
        uow.emit(OrderCreated(tenant_id=order.tenant_id, order=order))
        if order.status is not OrderStatus.ON_HOLD:
            uow.emit(OrderProcessingStarted(tenant_id=order.tenant_id, order=order))
        if order.flagged:
            uow.emit(OrderFlagged(tenant_id=order.tenant_id, order=order))
        if reservation.short:
            uow.emit(
                InventoryInsufficient(
                    tenant_id=order.tenant_id,
                    lines=reservation.short,
                    order_id=order.id,
                    backordered=True,
                    request_id=new.request_id or "",
                    customer_email=order.customer_email,
                )
            )

    async def _record_shortage(self, new: NewOrder, short: InsufficientInventory) -> None:
        """The rejected order changed nothing, but the shortage is a fact: commit its event alone."""
        async with self._uow() as uow:
            uow.emit(
                InventoryInsufficient(
                    tenant_id=new.tenant_id,
                    lines=short.lines,
                    order_id=None,
                    backordered=False,
                    request_id=new.request_id or "",
                    customer_email=new.draft.customer_email,
                )
            )
            await uow.commit()


async def reserve_lines(
    uow: OrderUnitOfWork, tenant_id: int, lines: tuple[OrderLine, ...], *, order_id: uuid.UUID, actor: str
) -> Reservation:
    """Reserve each line in product-id order; lines the stock cannot cover in full are reported short. A
    dropship line reserves nothing: its supplier ships it."""
    movements, crossed, short_indexes = [], [], []
    reserved = [
        i for i in sorted(range(len(lines)), key=lambda i: lines[i].product_id) if not lines[i].dropship
    ]
    shifts = [
        Shift(
            lines[i].product_id,
            MovementType.RESERVATION,
            available=-lines[i].quantity,
            reserved=lines[i].quantity,
        )
        for i in reserved
    ]
    applied = await apply_shifts(
        uow, shifts, tenant_id=tenant_id, at=utcnow(), reason="order_created", actor=actor, order_id=order_id
    )
    for index, (after, movement) in zip(reserved, applied, strict=True):
        if after is None or movement is None:
            short_indexes.append(index)
            continue
        movements.append(movement)
        if crossed_reorder_point(after.available + lines[index].quantity, after):
            crossed.append(lines[index].product_id)
    short: tuple[ShortLine, ...] = ()
    if short_indexes:
        available = await uow.inventory.available_of(tenant_id, [lines[i].product_id for i in short_indexes])
        short = tuple(
            ShortLine(
                i,
                str(lines[i].product_id),
                lines[i].sku,
                lines[i].quantity,
                available.get(lines[i].product_id, 0),
            )
            for i in sorted(short_indexes)
        )
    return Reservation(movements, frozenset(short_indexes), crossed, short)


async def settle_lines(
    uow: OrderUnitOfWork, order: Order, kind: MovementType, *, reason: str, actor: str
) -> list[Movement]:
    """Undo what `reserve_lines` did for the order's lines, in product-id order: RELEASE gives the reserved
    units back, SHIPMENT takes them out of stock; either way a backordered line's units are owed no more,
    and a dropship line holds nothing. Conflict when the stock no longer holds a line's units."""
    held = [line for line in sorted(order.lines, key=lambda item: item.product_id) if not line.dropship]
    shifts = [_settlement(line, kind) for line in held]
    applied = await apply_shifts(
        uow, shifts, tenant_id=order.tenant_id, at=utcnow(), reason=reason, actor=actor, order_id=order.id
    )
    movements = []
    for line, (after, movement) in zip(held, applied, strict=True):
        if after is None:
            raise Conflict(f"the stock of {line.sku} no longer holds this order's units; retry")
        if movement is not None:
            movements.append(movement)
    return movements


def _settlement(line: OrderLine, kind: MovementType) -> Shift:
    """What settling one held line moves: a backordered line's units are owed no more; otherwise RELEASE
    gives the reserved units back and SHIPMENT takes them out of stock."""
    if line.backordered:
        return Shift(line.product_id, None, backordered=-line.quantity)
    if kind is MovementType.RELEASE:
        return Shift(line.product_id, kind, available=line.quantity, reserved=-line.quantity)
    return Shift(line.product_id, kind, reserved=-line.quantity)


async def _backorder(
    uow: OrderUnitOfWork, tenant_id: int, lines: tuple[OrderLine, ...], indexes: frozenset[int]
) -> None:
    shifts = [
        Shift(lines[i].product_id, None, backordered=lines[i].quantity)
        for i in sorted(indexes, key=lambda i: lines[i].product_id)
    ]
    await apply_shifts(uow, shifts, tenant_id=tenant_id, at=utcnow(), reason="", actor="", order_id=None)


def _order(
    new: NewOrder,
    number: str,
    order_id: uuid.UUID,
    lines: tuple[OrderLine, ...],
    reservation: Reservation,
    totals: Totals,
    fraud: FraudAnalysis,
) -> Order:
    draft, now = new.draft, fraud.analyzed_at
    held = fraud.risk_level in HELD_LEVELS
    status = OrderStatus.ON_HOLD if held else OrderStatus.PENDING
    first = StatusChange(
        None, status, "fraud_hold" if held else "created", SYSTEM_ACTOR if held else new.actor, now
    )
    return Order(
        id=order_id,
        tenant_id=new.tenant_id,
        order_number=number,
        customer_email=draft.customer_email,
        customer_name=draft.customer_name,
        billing_address=draft.billing_address,
        shipping_address=draft.shipping_address,
        lines=tuple(replace(line, backordered=i in reservation.backordered) for i, line in enumerate(lines)),
        currency=totals.currency,
        subtotal=totals.subtotal,
        tax=totals.tax,
        shipping=totals.shipping,
        discount=totals.discount,
        total=totals.total,
        status=status,
        financial_status=draft.financial_status,
        fraud=fraud,
        history=(first,),
        created_at=now,
        updated_at=now,
        notes=draft.notes,
        request_id=new.request_id,
        flagged=fraud.calls_for_monitoring,
    )
