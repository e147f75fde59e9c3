"""Orders on SQLAlchemy: rows <-> domain Order (with its lines and status history), filtered keyset
pages, the customer's history for fraud scoring and the order number counters."""

from __future__ import annotations

import builtins
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Date,
    Select,
    Table,
    any_,
    bindparam,
    case,
    cast,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.types import Uuid

from domain.catalog import FulfilmentMode
from domain.ids import new_id
from domain.money import Money
from domain.orders import (
    CatalogEntry,
    Concerns,
    FinancialStatus,
    Order,
    OrderContext,
    OrderFilter,
    OrderLine,
    OrderStatus,
    StatusChange,
    risk_lists_of,
)
from domain.paging import Page, PageRequest
from engines.fraud import CustomerHistory
from storage.catalog.tables import PRODUCTS
from storage.documents import address_json
from storage.execution import Sql
from storage.orders.risk_lists import CONCERNING, concerning_params
from storage.orders.rows import fraud_values, order_values, to_order
from storage.orders.sales import sales_of
from storage.orders.tables import ORDER_ITEMS, ORDER_NUMBER_COUNTERS, ORDER_STATUS_CHANGES, ORDERS
from storage.paging import Filter, ListStatements, list_page_with, unchanged
from storage.rows import finding
from storage.transactions import Transactions

PAID = (FinancialStatus.PAID.value, FinancialStatus.PARTIALLY_REFUNDED.value)

REFUNDED = (FinancialStatus.REFUNDED.value, FinancialStatus.PARTIALLY_REFUNDED.value)


class SqlAlchemyOrderRepository:
    def __init__(self, sql: Sql, *, autonomous: Transactions | None = None) -> None:
        self._sql = sql
        self._autonomous = autonomous

    async def next_sequence(self, tenant_id: int, day: str) -> int:
        """The next order number of the tenant's day: one upsert that increments and returns the counter,
        committed on its own where `autonomous` transactions are given (PostgreSQL), so the row every order
        of the tenant passes through is locked while the server runs the upsert, not until the order
        commits. Without them (SQLite, one writer at a time) it is part of the unit of work."""
        stmt = _UPSERT_COUNTER[self._sql.dialect_name]
        params = {"b_tenant": tenant_id, "b_day": day}
        if self._autonomous is not None:
            return int((await self._autonomous.run_alone(stmt, params)).scalar_one())
        return int((await self._sql.execute(stmt, params)).scalar_one())

    async def catalog(
        self, tenant_id: int, product_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, CatalogEntry]:
        return _catalog_of(
            await self._sql.execute(*_catalog_read(self._sql.dialect_name, tenant_id, product_ids))
        )

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
        """The customer's history (counts over its orders created before `before`, but `excluding`, in one
        aggregate), the list entries and the catalog entries, their statements in one round trip."""
        history_params = {
            "tenant_id": tenant_id,
            "email": email,
            "before": before,
            "hour_ago": before - timedelta(hours=1),
            "excluding": excluding or _NO_ORDER,
        }
        reads: list[tuple[Any, dict[str, Any]]] = [
            (_HISTORY, history_params),
            (CONCERNING, concerning_params(tenant_id, concerns)),
        ]
        if products:
            reads.append(_catalog_read(self._sql.dialect_name, tenant_id, products))
        history, lists, *catalog = await self._sql.execute_all(reads)
        return OrderContext(
            catalog=_catalog_of(catalog[0]) if catalog else {},
            history=_history_of(history.one()),
            lists=risk_lists_of(lists),
        )

    async def add(self, order: Order) -> None:
        """Insert the order, its lines and its first status entry (three statements)."""
        await self._sql.execute(_INSERT_ORDER, order_values(order))
        await self._sql.execute(
            _INSERT_ITEMS,
            [_item_values(order, index, line) for index, line in enumerate(order.lines)],
        )
        await self.add_changes(order.tenant_id, order.id, order.history)

    async def add_changes(self, tenant_id: int, order_id: uuid.UUID, changes: Sequence[StatusChange]) -> None:
        if not changes:
            return
        await self._sql.execute(
            _INSERT_CHANGES,
            [
                {
                    "id": new_id(),
                    "tenant_id": tenant_id,
                    "order_id": order_id,
                    "from_status": c.from_status.value if c.from_status else None,
                    "to_status": c.to_status.value,
                    "reason": c.reason,
                    "changed_by": c.changed_by,
                    "changed_at": c.changed_at,
                }
                for c in changes
            ],
        )

    async def get(self, tenant_id: int, order_id: uuid.UUID, *, for_update: bool = False) -> Order | None:
        """The order with its lines and history: three statements in one round trip."""
        children = {"tenant_id": tenant_id, "ids": [order_id]}
        found, lines, history = await self._sql.execute_all(
            [
                finding(ORDERS, tenant_id=tenant_id, entity_id=order_id, for_update=for_update),
                (_LINES_OF, children),
                (_HISTORY_OF, children),
            ]
        )
        row = found.mappings().one_or_none()
        if row is None:
            return None
        return to_order(row, _by_order(lines)[order_id], _by_order(history)[order_id])

    async def get_by_request_id(self, tenant_id: int, request_id: str) -> Order | None:
        stmt = select(ORDERS).where(ORDERS.c.tenant_id == tenant_id, ORDERS.c.request_id == request_id)
        row = (await self._sql.execute(stmt)).mappings().one_or_none()
        return (await self._assemble(tenant_id, [row]))[0] if row else None

    async def list(self, tenant_id: int, criteria: OrderFilter, page: PageRequest) -> Page[Order]:
        """Matching orders newest first; the keyset position is the (time-ordered) id. Lines and history
        of the page are read with one query each (no N+1)."""
        rows, (lines, history) = await list_page_with(
            self._sql,
            _LIST,
            _filter(tenant_id, criteria),
            page,
            related=(_lines_of, _status_changes_of),
            convert=unchanged,
            position=itemgetter("id"),
        )
        lines_of, history_of = _by_order(lines), _by_order(history)
        items = [to_order(row, lines_of[row["id"]], history_of[row["id"]]) for row in rows.items]
        return rows.with_items(items)

    async def save(self, order: Order) -> None:
        """Write the mutable columns of an order (its lines: `replace_lines`)."""
        await self._sql.execute(
            update(ORDERS)
            .where(ORDERS.c.tenant_id == order.tenant_id, ORDERS.c.id == order.id)
            .values(
                status=order.status.value,
                financial_status=order.financial_status.value,
                customer_name=order.customer_name,
                customer_email=order.customer_email,
                billing_address=address_json(order.billing_address),
                shipping_address=address_json(order.shipping_address),
                subtotal=order.subtotal.amount,
                total=order.total.amount,
                notes=order.notes,
                tracking_number=order.tracking_number,
                carrier=order.carrier,
                cancel_reason=order.cancel_reason,
                version=order.version,
                updated_at=order.updated_at,
                **fraud_values(order),
            )
        )

    async def replace_lines(self, order: Order) -> None:
        """Replace the stored lines of the order with its current ones (two statements)."""
        await self._sql.execute(
            delete(ORDER_ITEMS).where(
                ORDER_ITEMS.c.tenant_id == order.tenant_id, ORDER_ITEMS.c.order_id == order.id
            )
        )
        await self._sql.execute(
            _INSERT_ITEMS,
            [_item_values(order, index, line) for index, line in enumerate(order.lines)],
        )

    async def stop_counting_sales(self, tenant_id: int, order_id: uuid.UUID) -> None:
        """A cancelled order's lines no longer count as sales for velocity and history."""
        await self._sql.execute(
            update(ORDER_ITEMS)
            .where(ORDER_ITEMS.c.tenant_id == tenant_id, ORDER_ITEMS.c.order_id == order_id)
            .values(counts_as_sale=False)
        )

    async def daily_sales(self, tenant_id: int, product_id: uuid.UUID, since: datetime) -> dict[date, float]:
        """Units of the product's live order lines per UTC day since `since` (one GROUP BY)."""
        i = ORDER_ITEMS.c
        day: ColumnElement[Any]
        if self._sql.dialect_name == "postgresql":
            day = cast(func.timezone("UTC", i.created_at), Date)
        else:
            day = func.date(i.created_at)
        stmt = (
            select(day.label("day"), func.sum(i.quantity))
            .where(sales_of(tenant_id, product_id, since=since))
            .group_by(day)
        )
        result = {}
        for value, units in await self._sql.execute(stmt):
            result[value if isinstance(value, date) else date.fromisoformat(value)] = float(units)
        return result

    async def _assemble(self, tenant_id: int, rows: Sequence[Any]) -> builtins.list[Order]:
        if not rows:
            return []
        # the lines and the history of every order of the page: two statements in one round trip
        params = {"tenant_id": tenant_id, "ids": [row["id"] for row in rows]}
        lines, history = await self._sql.execute_all([(_LINES_OF, params), (_HISTORY_OF, params)])
        lines_of, history_of = _by_order(lines), _by_order(history)
        return [to_order(row, lines_of[row["id"]], history_of[row["id"]]) for row in rows]


def _of_orders(table: Table, in_order: ColumnElement[Any], orders: Any) -> Select[Any]:
    """The rows of `table` that belong to `orders` (bound ids, or the ids a list's page selects), by order,
    each order's in `in_order`."""
    return (
        select(table)
        .where(table.c.tenant_id == bindparam("tenant_id"), table.c.order_id.in_(orders))
        .order_by(table.c.order_id, in_order)
    )


def _by_order(rows: Any) -> dict[uuid.UUID, builtins.list[Any]]:
    by_order: dict[uuid.UUID, builtins.list[Any]] = defaultdict(builtins.list)
    for row in rows.mappings():
        by_order[row["order_id"]].append(row)
    return by_order


def _lines_of(orders: Any) -> Select[Any]:
    return _of_orders(ORDER_ITEMS, ORDER_ITEMS.c.line_no, orders)


def _status_changes_of(orders: Any) -> Select[Any]:
    return _of_orders(ORDER_STATUS_CHANGES, ORDER_STATUS_CHANGES.c.id, orders)


_IDS: BindParameter[Any] = bindparam("ids", expanding=True)
_LINES_OF = _lines_of(_IDS)
_HISTORY_OF = _status_changes_of(_IDS)


def _catalog_read(
    dialect: str, tenant_id: int, product_ids: Sequence[uuid.UUID]
) -> tuple[Any, dict[str, Any]]:
    return _CATALOG[dialect], {"tenant_id": tenant_id, "ids": list(product_ids)}


def _catalog_of(rows: Iterable[Any]) -> dict[uuid.UUID, CatalogEntry]:
    return {
        row.id: CatalogEntry(
            row.id,
            row.sku,
            row.title,
            row.status,
            Money(row.selling_price, row.currency),
            row.category,
            dropship=row.fulfilment_mode == FulfilmentMode.DROPSHIP.value,
        )
        for row in rows
    }


def _history_of(row: Any) -> CustomerHistory:
    orders, paid_n, cancelled, refunded, chargebacks, average, last_hour = row
    return CustomerHistory(
        orders=int(orders),
        paid_orders=int(paid_n),
        cancelled_orders=int(cancelled),
        refunded_orders=int(refunded),
        chargebacks=int(chargebacks),
        average_paid_total=Decimal(str(average)) if average is not None else None,
        orders_last_hour=int(last_hour),
    )


def _history_statement() -> Any:
    """Counts over one customer's orders, built once (bound per call: tenant, email, an hour ago)."""
    o = ORDERS.c
    paid = o.financial_status.in_(PAID)
    refunded = case(
        (o.status == OrderStatus.REFUNDED.value, 1), (o.financial_status.in_(REFUNDED), 1), else_=0
    )
    charged_back = o.financial_status == FinancialStatus.CHARGED_BACK.value
    recent = o.created_at >= bindparam("hour_ago", type_=o.created_at.type)
    return select(
        func.count(),
        func.coalesce(func.sum(case((paid, 1), else_=0)), 0),
        func.coalesce(func.sum(case((o.status == OrderStatus.CANCELLED.value, 1), else_=0)), 0),
        func.coalesce(func.sum(refunded), 0),
        func.coalesce(func.sum(case((charged_back, 1), else_=0)), 0),
        func.avg(case((paid, o.total), else_=None)),
        func.coalesce(func.sum(case((recent, 1), else_=0)), 0),
    ).where(
        o.tenant_id == bindparam("tenant_id"),
        o.customer_email == bindparam("email"),
        o.created_at < bindparam("before", type_=o.created_at.type),
        o.id != bindparam("excluding", type_=o.id.type),
    )


def _upsert_counter(make_insert: Any) -> Any:
    stmt = make_insert(ORDER_NUMBER_COUNTERS).values(
        tenant_id=bindparam("b_tenant"), day=bindparam("b_day"), last_value=1
    )
    return stmt.on_conflict_do_update(
        index_elements=[ORDER_NUMBER_COUNTERS.c.tenant_id, ORDER_NUMBER_COUNTERS.c.day],
        set_={"last_value": ORDER_NUMBER_COUNTERS.c.last_value + 1},
    ).returning(ORDER_NUMBER_COUNTERS.c.last_value)


# The statements of CreateOrder, built once: building and cache-keying a statement per call cost more
# CPU than running it.
_HISTORY = _history_statement()

# No order has this id: what a new order's history excludes.
_NO_ORDER = uuid.UUID(int=0)

_UPSERT_COUNTER = {"postgresql": _upsert_counter(pg_insert), "sqlite": _upsert_counter(sqlite_insert)}

_CATALOG_COLUMNS = select(
    PRODUCTS.c.id,
    PRODUCTS.c.sku,
    PRODUCTS.c.title,
    PRODUCTS.c.status,
    PRODUCTS.c.selling_price,
    PRODUCTS.c.currency,
    PRODUCTS.c.category,
    PRODUCTS.c.fulfilment_mode,
).where(PRODUCTS.c.tenant_id == bindparam("tenant_id"))

# PostgreSQL: one array parameter, so the statement compiles once; SQLite: an expanding IN.
_CATALOG = {
    "postgresql": _CATALOG_COLUMNS.where(PRODUCTS.c.id == any_(bindparam("ids", type_=ARRAY(Uuid())))),
    "sqlite": _CATALOG_COLUMNS.where(PRODUCTS.c.id.in_(bindparam("ids", expanding=True))),
}

_INSERT_ORDER = insert(ORDERS)

_INSERT_ITEMS = insert(ORDER_ITEMS)

_INSERT_CHANGES = insert(ORDER_STATUS_CHANGES)


def _item_values(order: Order, index: int, line: OrderLine) -> dict[str, Any]:
    return {
        "id": new_id(),
        "tenant_id": order.tenant_id,
        "order_id": order.id,
        "line_no": index,
        "product_id": line.product_id,
        "sku": line.sku,
        "title": line.title,
        "quantity": line.quantity,
        "unit_price": line.unit_price.amount,
        "total_price": line.total_price.amount,
        "backordered": line.backordered,
        "dropship": line.dropship,
        "counts_as_sale": True,
        "created_at": order.created_at,
    }


_LIST = ListStatements(
    ORDERS,
    {
        "tenant": ORDERS.c.tenant_id == bindparam("tenant_id"),
        "status": ORDERS.c.status == bindparam("status"),
        "financial_status": ORDERS.c.financial_status == bindparam("financial_status"),
        "customer_email": ORDERS.c.customer_email == bindparam("customer_email"),
        "created_from": ORDERS.c.created_at >= bindparam("created_from"),
        "created_before": ORDERS.c.created_at < bindparam("created_before"),
        "risk_level": ORDERS.c.risk_level == bindparam("risk_level"),
        "flagged": ORDERS.c.flagged.is_(True),
        "not_flagged": ORDERS.c.flagged.is_(False),
    },
)


def _filter(tenant_id: int, criteria: OrderFilter) -> Filter:
    status, financial, risk = criteria.status, criteria.financial_status, criteria.risk_level
    created_from, created_before = criteria.created_from, criteria.created_before
    return _LIST.filter(
        tenant={"tenant_id": tenant_id},
        status={"status": status.value} if status is not None else None,
        financial_status={"financial_status": financial.value} if financial is not None else None,
        customer_email={"customer_email": criteria.customer_email} if criteria.customer_email else None,
        created_from={"created_from": created_from} if created_from is not None else None,
        created_before={"created_before": created_before} if created_before is not None else None,
        risk_level={"risk_level": risk.value} if risk is not None else None,
        flagged={} if criteria.flagged is True else None,
        not_flagged={} if criteria.flagged is False else None,
    )
