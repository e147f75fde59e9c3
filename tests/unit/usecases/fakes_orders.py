"""In-memory stand-ins for the order and inventory ports (server/orders/ports.py, server/inventory/ports.py).

The fake inventory keeps the one rule the SQL enforces with its conditional UPDATE: a move that would take
available, reserved or backordered below zero changes nothing and returns None. The fake orders keep the
unique key of a tenant's request_id: adding a second order with it raises UniqueViolation, as the real unit
of work does. The fake unit of work restores every repository to what it held when the block began unless
the block committed, as the real transaction does, so a rejected order can be seen to have reserved nothing.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

from domain.clock import utcnow
from domain.errors import UniqueViolation
from domain.inventory import LevelAfter, LevelFilter, Movement, Shift, StockLevel
from domain.money import Money
from domain.orders import (
    CatalogEntry,
    Concerns,
    FinancialStatus,
    Order,
    OrderContext,
    OrderFilter,
    OrderStatus,
    RiskListEntry,
    RiskListFilter,
    RiskListKind,
    StatusChange,
    risk_lists_of,
)
from domain.paging import Page, PageRequest
from engines.fraud import CustomerHistory, RiskLists
from tests.unit.usecases.fakes import RollingBackUnitOfWork
from tests.unit.usecases.fakes_purchasing import FakePurchaseOrderRepository
from tests.unit.usecases.fakes_workflows import FakeWorkflowRepository

Key = tuple[int, uuid.UUID]


class FakeOrderRepository:
    def __init__(self, risk_lists: FakeRiskListRepository | None = None) -> None:
        self.risk_lists = risk_lists or FakeRiskListRepository()
        self.orders: dict[Key, Order] = {}
        self.catalog_entries: dict[Key, CatalogEntry] = {}
        self.sequences: dict[tuple[int, str], int] = {}
        self.not_counted_as_sales: set[Key] = set()
        self.sales: dict[Key, dict[date, float]] = {}

    def add_product(self, tenant_id: int, entry: CatalogEntry) -> None:
        """What the catalog would hold: the product an order line is priced from."""
        self.catalog_entries[(tenant_id, entry.product_id)] = entry

    async def next_sequence(self, tenant_id: int, day: str) -> int:
        self.sequences[(tenant_id, day)] = self.sequences.get((tenant_id, day), 0) + 1
        return self.sequences[(tenant_id, day)]

    async def catalog(
        self, tenant_id: int, product_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, CatalogEntry]:
        return {
            pid: self.catalog_entries[(tenant_id, pid)]
            for pid in product_ids
            if (tenant_id, pid) in self.catalog_entries
        }

    async def context(
        self,
        tenant_id: int,
        email: str,
        concerns: Concerns,
        *,
        before: datetime,
        excluding: uuid.UUID | None = None,
        products: Sequence[uuid.UUID] = (),
    ) -> OrderContext:
        return OrderContext(
            catalog=await self.catalog(tenant_id, products),
            history=self._history(tenant_id, email, before, excluding),
            lists=self.risk_lists.concerning(tenant_id, concerns),
        )

    def _history(
        self, tenant_id: int, email: str, now: datetime, excluding: uuid.UUID | None
    ) -> CustomerHistory:
        earlier = [
            o
            for (t, _), o in self.orders.items()
            if t == tenant_id and o.customer_email == email and o.created_at < now and o.id != excluding
        ]
        return CustomerHistory(
            orders=len(earlier),
            cancelled_orders=sum(1 for o in earlier if o.status is OrderStatus.CANCELLED),
            chargebacks=sum(1 for o in earlier if o.financial_status is FinancialStatus.CHARGED_BACK),
        )

    async def replace_lines(self, order: Order) -> None:
        # The fake keeps the lines inside the saved Order, which `save` writes.
        return None

    async def add(self, order: Order) -> None:
        if order.request_id and any(
            t == order.tenant_id and o.request_id == order.request_id for (t, _), o in self.orders.items()
        ):
            raise UniqueViolation(f"orders of tenant {order.tenant_id}: request_id {order.request_id} taken")
        self.orders[(order.tenant_id, order.id)] = order

    async def add_changes(self, tenant_id: int, order_id: uuid.UUID, changes: Sequence[StatusChange]) -> None:
        # The fake keeps the history inside the saved Order, which `save` already wrote.
        return None

    async def get(self, tenant_id: int, order_id: uuid.UUID, *, for_update: bool = False) -> Order | None:
        return self.orders.get((tenant_id, order_id))

    async def get_by_request_id(self, tenant_id: int, request_id: str) -> Order | None:
        return next(
            (o for (t, _), o in self.orders.items() if t == tenant_id and o.request_id == request_id), None
        )

    async def list(self, tenant_id: int, criteria: OrderFilter, page: PageRequest) -> Page[Order]:
        matching = sorted(
            (
                o
                for (t, _), o in self.orders.items()
                if t == tenant_id
                and (criteria.status is None or o.status is criteria.status)
                and (criteria.flagged is None or o.flagged is criteria.flagged)
            ),
            key=lambda o: o.id,
            reverse=True,
        )
        if page.after is not None:
            matching = [o for o in matching if o.id < uuid.UUID(page.after)]
        items = matching[: page.size]
        next_after = str(items[-1].id) if len(matching) > page.size else None
        return Page(items=items, next_after=next_after, total_size=len(matching))

    async def save(self, order: Order) -> None:
        self.orders[(order.tenant_id, order.id)] = order

    async def stop_counting_sales(self, tenant_id: int, order_id: uuid.UUID) -> None:
        self.not_counted_as_sales.add((tenant_id, order_id))

    async def daily_sales(self, tenant_id: int, product_id: uuid.UUID, since: datetime) -> dict[date, float]:
        return {
            day: units
            for day, units in self.sales.get((tenant_id, product_id), {}).items()
            if day >= since.date()
        }


class FakeInventoryRepository:
    def __init__(self) -> None:
        self.stock: dict[Key, StockLevel] = {}
        self.ledger: list[tuple[int, Movement]] = []

    def open(
        self,
        tenant_id: int,
        *,
        product_id: uuid.UUID,
        sku: str,
        available: int,
        reorder_point: int = 10,
        unit_cost: Decimal = Decimal("5.00"),
    ) -> StockLevel:
        """A product's level as the catalog opens it (the ledger starts empty here)."""
        level = StockLevel(
            product_id=product_id,
            tenant_id=tenant_id,
            sku=sku,
            title=sku.title(),
            category="general",
            unit_cost=Money(unit_cost, "USD"),
            supplier_id=None,
            available=available,
            reserved=0,
            backordered=0,
            reorder_point=reorder_point,
            reorder_quantity=0,
            max_stock=0,
            updated_at=utcnow(),
        )
        self.stock[(tenant_id, product_id)] = level
        return level

    def movements_of(self, tenant_id: int, product_id: uuid.UUID) -> list[Movement]:
        return [m for t, m in self.ledger if t == tenant_id and m.product_id == product_id]

    async def move(self, *, tenant_id: int, shifts: Sequence[Shift], at: datetime) -> list[LevelAfter | None]:
        return [self._move(tenant_id, shift, at) for shift in shifts]

    def _move(self, tenant_id: int, shift: Shift, at: datetime) -> LevelAfter | None:
        level = self.stock.get((tenant_id, shift.product_id))
        if level is None:
            return None
        available = level.available + shift.available
        reserved = level.reserved + shift.reserved
        backordered = level.backordered + shift.backordered
        on_order = level.on_order + shift.on_order
        if min(available, reserved, backordered, on_order) < 0:
            return None
        self.stock[(tenant_id, shift.product_id)] = replace(
            level,
            available=available,
            reserved=reserved,
            backordered=backordered,
            on_order=on_order,
            updated_at=at,
        )
        return LevelAfter(available, reserved, backordered, level.reorder_point)

    async def available_of(self, tenant_id: int, product_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
        return {
            pid: self.stock[(tenant_id, pid)].available
            for pid in product_ids
            if (tenant_id, pid) in self.stock
        }

    async def lock(self, tenant_id: int, product_id: uuid.UUID) -> StockLevel | None:
        return self.stock.get((tenant_id, product_id))

    async def set_settings(
        self, *, tenant_id: int, product_id: uuid.UUID, values: dict[str, int], at: datetime
    ) -> None:
        key = (tenant_id, product_id)
        if key in self.stock:
            self.stock[key] = replace(self.stock[key], **values, updated_at=at)  # type: ignore[arg-type]

    async def record(self, movements: Sequence[Movement], *, tenant_id: int) -> None:
        self.ledger.extend((tenant_id, m) for m in movements)

    async def levels(
        self, tenant_id: int, product_ids: Sequence[uuid.UUID], *, sales_since: datetime, window_days: int
    ) -> dict[uuid.UUID, StockLevel]:
        return {pid: self.stock[(tenant_id, pid)] for pid in product_ids if (tenant_id, pid) in self.stock}

    async def list(
        self,
        tenant_id: int,
        criteria: LevelFilter,
        page: PageRequest,
        *,
        sales_since: datetime,
        window_days: int,
    ) -> Page[StockLevel]:
        matching = sorted((lv for (t, _), lv in self.stock.items() if t == tenant_id), key=lambda lv: lv.sku)
        if criteria.low_stock_only:
            matching = [lv for lv in matching if lv.available <= lv.reorder_point]
        if page.after is not None:
            matching = [lv for lv in matching if lv.sku > page.after]
        items = matching[: page.size]
        next_after = items[-1].sku if len(matching) > page.size else None
        return Page(items=items, next_after=next_after, total_size=len(matching))

    async def alerting(
        self, tenant_id: int, *, sales_since: datetime, window_days: int
    ) -> builtins.list[StockLevel]:
        return sorted(
            (
                lv
                for (t, _), lv in self.stock.items()
                if t == tenant_id
                and (
                    lv.available <= lv.reorder_point
                    or lv.backordered > 0
                    or 0 < lv.max_stock < lv.available + lv.reserved
                )
            ),
            key=lambda lv: lv.sku,
        )

    async def level_with_movements(
        self, tenant_id: int, product_id: uuid.UUID, limit: int, *, sales_since: datetime, window_days: int
    ) -> tuple[StockLevel | None, builtins.list[Movement], int]:
        rows = sorted(self.movements_of(tenant_id, product_id), key=lambda m: m.id, reverse=True)
        return self.stock.get((tenant_id, product_id)), rows[:limit], len(rows)


class FakeRiskListRepository:
    """The tenants' allow and block lists; a value is on one list per tenant and kind, as the unique index
    keeps it."""

    def __init__(self) -> None:
        self.entries: dict[Key, RiskListEntry] = {}

    def __deepcopy__(self, memo: dict[int, object]) -> FakeRiskListRepository:
        # The order repository reads the lists through it: a unit of work's copy of the order repository
        # keeps this one (the lists' own state is copied with their own repository's).
        return self

    async def add(self, entry: RiskListEntry) -> None:
        if await self.holder_of(entry.tenant_id, entry.kind, entry.value) is not None:
            raise UniqueViolation(f"risk list entry {entry.kind} {entry.value} taken")
        self.entries[(entry.tenant_id, entry.id)] = entry

    async def get(
        self, tenant_id: int, entry_id: uuid.UUID, *, for_update: bool = False
    ) -> RiskListEntry | None:
        return self.entries.get((tenant_id, entry_id))

    async def holder_of(self, tenant_id: int, kind: RiskListKind, value: str) -> RiskListEntry | None:
        return next(
            (e for (t, _), e in self.entries.items() if (t, e.kind, e.value) == (tenant_id, kind, value)),
            None,
        )

    async def delete(self, tenant_id: int, entry_id: uuid.UUID) -> None:
        self.entries.pop((tenant_id, entry_id), None)

    async def list(self, tenant_id: int, criteria: RiskListFilter, page: PageRequest) -> Page[RiskListEntry]:
        matching = sorted(
            (
                e
                for (t, _), e in self.entries.items()
                if t == tenant_id
                and (criteria.list is None or e.list is criteria.list)
                and (criteria.kind is None or e.kind is criteria.kind)
            ),
            key=lambda e: e.id,
            reverse=True,
        )
        return Page(items=matching[: page.size], next_after=None, total_size=len(matching))

    def concerning(self, tenant_id: int, concerns: Concerns) -> RiskLists:
        wanted = {(RiskListKind.EMAIL, concerns.email), (RiskListKind.DOMAIN, concerns.domain)} | {
            (RiskListKind.COUNTRY, c) for c in concerns.countries
        }
        found = [e for (t, _), e in self.entries.items() if t == tenant_id and (e.kind, e.value) in wanted]
        return risk_lists_of((e.list, e.kind, e.value) for e in found)


class FakeOrderUnitOfWork(RollingBackUnitOfWork):
    """One unit of work for the order, inventory and risk list use cases, as SqlAlchemyUnitOfWork is; it
    enqueues fraud reviews in its workflows."""

    def __init__(self) -> None:
        super().__init__()
        self.risk_lists = FakeRiskListRepository()
        self.orders = FakeOrderRepository(self.risk_lists)
        self.inventory = FakeInventoryRepository()
        self.workflows = FakeWorkflowRepository()
        self.purchase_orders = FakePurchaseOrderRepository()
        self.track(self.orders, self.inventory, self.risk_lists, self.workflows, self.purchase_orders)
