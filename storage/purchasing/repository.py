"""Purchase orders on SQLAlchemy: a purchase order row and its line rows <-> domain PurchaseOrder, keyset
pages (the lines of a page read in one query), and the product facts purchase orders are built from."""

from __future__ import annotations

import builtins
import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import LABEL_STYLE_TABLENAME_PLUS_COL, Select, bindparam, insert, select, update

from domain.catalog import FulfilmentMode
from domain.money import Money
from domain.paging import Page, PageRequest
from domain.purchasing import (
    ProductSource,
    PurchaseOrder,
    PurchaseOrderFilter,
    PurchaseOrderKind,
    PurchaseOrderLine,
    PurchaseOrderStatus,
)
from storage.catalog.tables import PRODUCTS
from storage.execution import Rows, Sql
from storage.paging import ListStatements, list_page_with
from storage.purchasing.tables import PURCHASE_ORDER_LINES as LINES
from storage.purchasing.tables import PURCHASE_ORDERS as ORDERS
from storage.rows import finding
from storage.supply.repository import offer_of
from storage.supply.tables import SUPPLIER_OFFERS as OFFERS


class SqlAlchemyPurchaseOrderRepository:
    def __init__(self, sql: Sql) -> None:
        self._sql = sql

    async def add(self, po: PurchaseOrder) -> None:
        await self.add_many([po])

    async def add_many(self, pos: Sequence[PurchaseOrder]) -> None:
        """Insert purchase orders and their lines: two statements, however many there are."""
        if not pos:
            return
        await self._sql.execute(insert(ORDERS), [_header_values(po) for po in pos])
        await self._sql.execute(
            insert(LINES),
            [
                {
                    "tenant_id": po.tenant_id,
                    "purchase_order_id": po.id,
                    "line_no": index,
                    "product_id": line.product_id,
                    "offer_id": line.offer_id,
                    "sku": line.sku,
                    "supplier_sku": line.supplier_sku,
                    "quantity": line.quantity,
                    "received_quantity": line.received_quantity,
                    "unit_cost": line.unit_cost.amount,
                    "shipping_cost": line.shipping_cost.amount,
                }
                for po in pos
                for index, line in enumerate(po.lines, start=1)
            ],
        )

    async def get(
        self, tenant_id: int, purchase_order_id: uuid.UUID, *, for_update: bool = False
    ) -> PurchaseOrder | None:
        """The purchase order with its lines: two statements in one round trip."""
        found, lines = await self._sql.execute_all(
            [
                finding(ORDERS, tenant_id=tenant_id, entity_id=purchase_order_id, for_update=for_update),
                (_LINES_OF, {"tenant_id": tenant_id, "ids": [purchase_order_id]}),
            ]
        )
        row = found.mappings().one_or_none()
        if row is None:
            return None
        return _to_domain(row, _lines_by_order(lines)[row["id"]])

    async def get_by_request_id(self, tenant_id: int, request_id: str) -> PurchaseOrder | None:
        stmt = select(ORDERS).where(ORDERS.c.tenant_id == tenant_id, ORDERS.c.request_id == request_id)
        row = (await self._sql.execute(stmt)).mappings().one_or_none()
        return (await self._with_lines(tenant_id, [row]))[0] if row else None

    async def list(
        self, tenant_id: int, criteria: PurchaseOrderFilter, page: PageRequest
    ) -> Page[PurchaseOrder]:
        where = _LIST.filter(
            tenant={"tenant_id": tenant_id},
            supplier={"supplier_id": criteria.supplier_id} if criteria.supplier_id is not None else None,
            status={"status": criteria.status.value} if criteria.status is not None else None,
            kind={"kind": criteria.kind.value} if criteria.kind is not None else None,
            order={"order_id": criteria.order_id} if criteria.order_id is not None else None,
            created_from=(
                {"created_from": criteria.created_from} if criteria.created_from is not None else None
            ),
            created_before=(
                {"created_before": criteria.created_before} if criteria.created_before is not None else None
            ),
        )
        headers, (lines,) = await list_page_with(
            self._sql, _LIST, where, page, related=(_lines_of,), convert=_Header
        )
        lines_of = _lines_by_order(lines)
        items = [_to_domain(header.row, lines_of[header.id]) for header in headers.items]
        return headers.with_items(items)

    async def of_order(self, tenant_id: int, order_id: uuid.UUID) -> builtins.list[PurchaseOrder]:
        """The purchase orders of a customer order, oldest first, locked until the transaction ends."""
        stmt = (
            select(ORDERS)
            .where(ORDERS.c.tenant_id == tenant_id, ORDERS.c.order_id == order_id)
            .order_by(ORDERS.c.id)
            .with_for_update()
        )
        rows = (await self._sql.execute(stmt)).mappings().all()
        return await self._with_lines(tenant_id, list(rows))

    async def save(self, po: PurchaseOrder) -> None:
        """Write the changeable header fields and the lines' received quantities."""
        values = _header_values(po)
        for kept in ("id", "tenant_id", "created_at", "kind", "supplier_id", "order_id", "currency", "total"):
            values.pop(kept)
        await self._sql.execute(
            update(ORDERS).where(ORDERS.c.tenant_id == po.tenant_id, ORDERS.c.id == po.id).values(**values)
        )
        await self._sql.execute(
            update(LINES)
            .where(
                LINES.c.tenant_id == bindparam("b_tenant"),
                LINES.c.purchase_order_id == bindparam("b_po"),
                LINES.c.line_no == bindparam("b_line"),
            )
            .values(received_quantity=bindparam("b_received")),
            [
                {
                    "b_tenant": po.tenant_id,
                    "b_po": po.id,
                    "b_line": index,
                    "b_received": line.received_quantity,
                }
                for index, line in enumerate(po.lines, start=1)
            ],
        )

    async def sources(
        self, tenant_id: int, product_ids: Sequence[uuid.UUID], *, supplier_id: uuid.UUID | None
    ) -> dict[uuid.UUID, ProductSource]:
        """What purchase orders of these products are built from, in one query: each product with the
        offer to buy it from. With `supplier_id`, that supplier's active offer (its chosen one first, else
        the cheapest); without, the product's chosen offer."""
        p, o = PRODUCTS.c, OFFERS.c
        if supplier_id is None:
            joined = PRODUCTS.outerjoin(OFFERS, (o.tenant_id == p.tenant_id) & (o.id == p.chosen_offer_id))
        else:
            joined = PRODUCTS.outerjoin(
                OFFERS,
                (o.tenant_id == p.tenant_id)
                & (o.product_id == p.id)
                & (o.supplier_id == supplier_id)
                & o.is_active.is_(True),
            )
        stmt = (
            select(p.id, p.sku, p.currency, p.source_price, p.fulfilment_mode, p.chosen_offer_id, *OFFERS.c)
            .select_from(joined)
            .where(p.tenant_id == tenant_id, p.id.in_(list(product_ids)))
        )
        found: dict[uuid.UUID, ProductSource] = {}
        labelled = stmt.set_label_style(LABEL_STYLE_TABLENAME_PLUS_COL)
        rows = (await self._sql.execute(labelled)).mappings().all()
        for row in sorted(rows, key=_preference):
            product_id = row["products_id"]
            if product_id in found:
                continue
            found[product_id] = ProductSource(
                product_id=product_id,
                sku=row["products_sku"],
                source_price=Money(row["products_source_price"], row["products_currency"]),
                fulfilment_mode=FulfilmentMode(row["products_fulfilment_mode"]),
                offer=offer_of(_offer_columns(row)) if row["supplier_offers_id"] is not None else None,
            )
        return found

    async def _with_lines(self, tenant_id: int, rows: builtins.list[Any]) -> builtins.list[PurchaseOrder]:
        if not rows:
            return []
        params = {"tenant_id": tenant_id, "ids": [row["id"] for row in rows]}
        lines = _lines_by_order(await self._sql.execute(_LINES_OF, params))
        return [_to_domain(row, lines[row["id"]]) for row in rows]


def _lines_of(orders: Any) -> Select[Any]:
    """The lines of `orders` (bound ids, or the ids a list's page selects), each order's in line order."""
    return (
        select(LINES)
        .where(LINES.c.tenant_id == bindparam("tenant_id"), LINES.c.purchase_order_id.in_(orders))
        .order_by(LINES.c.purchase_order_id, LINES.c.line_no)
    )


_LINES_OF = _lines_of(bindparam("ids", expanding=True))


def _lines_by_order(rows: Rows) -> dict[uuid.UUID, list[Any]]:
    lines: dict[uuid.UUID, list[Any]] = defaultdict(list)
    for line in rows.mappings():
        lines[line["purchase_order_id"]].append(line)
    return lines


class _Header:
    """A purchase order row of a page, positioned by its id until its lines are read."""

    def __init__(self, row: Any) -> None:
        self.row = row
        self.id = row["id"]


def _preference(row: Any) -> tuple[object, ...]:
    """The chosen offer first, then the cheapest landed cost, then the oldest."""
    offer_id = row["supplier_offers_id"]
    chosen = offer_id is not None and offer_id == row["products_chosen_offer_id"]
    landed = (
        row["supplier_offers_unit_cost"] + row["supplier_offers_shipping_cost"] if offer_id is not None else 0
    )
    return (row["products_id"], not chosen, landed, str(offer_id))


def _offer_columns(row: Any) -> dict[str, Any]:
    return {column.name: row[f"supplier_offers_{column.name}"] for column in OFFERS.c}


_LIST = ListStatements(
    ORDERS,
    {
        "tenant": ORDERS.c.tenant_id == bindparam("tenant_id"),
        "supplier": ORDERS.c.supplier_id == bindparam("supplier_id"),
        "status": ORDERS.c.status == bindparam("status"),
        "kind": ORDERS.c.kind == bindparam("kind"),
        "order": ORDERS.c.order_id == bindparam("order_id"),
        "created_from": ORDERS.c.created_at >= bindparam("created_from"),
        "created_before": ORDERS.c.created_at < bindparam("created_before"),
    },
)


def _header_values(po: PurchaseOrder) -> dict[str, Any]:
    return {
        "id": po.id,
        "tenant_id": po.tenant_id,
        "kind": po.kind.value,
        "status": po.status.value,
        "supplier_id": po.supplier_id,
        "order_id": po.order_id,
        "currency": po.currency,
        "total": po.total.amount,
        "supplier_order_id": po.supplier_order_id,
        "carrier": po.carrier,
        "tracking_numbers": list(po.tracking_numbers),
        "notes": po.notes,
        "cancel_reason": po.cancel_reason,
        "submitted_at": po.submitted_at,
        "shipped_at": po.shipped_at,
        "received_at": po.received_at,
        "request_id": po.request_id,
        "version": po.version,
        "created_at": po.created_at,
        "updated_at": po.updated_at,
    }


def _to_domain(row: Any, lines: builtins.list[Any]) -> PurchaseOrder:
    currency = row["currency"]
    return PurchaseOrder(
        id=row["id"],
        tenant_id=row["tenant_id"],
        kind=PurchaseOrderKind(row["kind"]),
        status=PurchaseOrderStatus(row["status"]),
        supplier_id=row["supplier_id"],
        order_id=row["order_id"],
        currency=currency,
        lines=tuple(
            PurchaseOrderLine(
                product_id=line["product_id"],
                sku=line["sku"],
                quantity=line["quantity"],
                unit_cost=Money(line["unit_cost"], currency),
                shipping_cost=Money(line["shipping_cost"], currency),
                offer_id=line["offer_id"],
                supplier_sku=line["supplier_sku"],
                received_quantity=line["received_quantity"],
                order_id=row["order_id"],
            )
            for line in lines
        ),
        supplier_order_id=row["supplier_order_id"],
        carrier=row["carrier"],
        tracking_numbers=tuple(row["tracking_numbers"]),
        notes=row["notes"],
        cancel_reason=row["cancel_reason"],
        submitted_at=row["submitted_at"],
        shipped_at=row["shipped_at"],
        received_at=row["received_at"],
        request_id=row["request_id"],
        version=row["version"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )
