"""Inventory levels and their ledger. A level is created with its product; later changes (orders,
InventoryService) are conditional atomic UPDATEs on the level plus one ledger row each, so stock never
goes negative whatever runs concurrently."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Sequence
from datetime import datetime
from operator import attrgetter
from typing import Any

from sqlalchemy import (
    BigInteger,
    BindParameter,
    ColumnElement,
    Integer,
    Select,
    and_,
    bindparam,
    func,
    insert,
    or_,
    select,
    update,
)

from domain.catalog import FulfilmentMode, MovementType, ProductStatus
from domain.ids import new_id
from domain.inventory import LevelAfter, LevelFilter, Movement, Shift, StockLevel
from domain.money import Money
from domain.paging import Page, PageRequest
from storage.catalog.tables import PRODUCTS
from storage.execution import Estimate, Sql
from storage.inventory.tables import INVENTORY_LEVELS as LEVELS
from storage.inventory.tables import INVENTORY_MOVEMENTS as MOVEMENTS
from storage.orders.sales import sales_of
from storage.orders.tables import ORDER_ITEMS
from storage.paging import capped_count_of, keyset_page, page_and_total, with_total
from storage.suppliers.tables import SUPPLIERS
from storage.text_match import contains

DEFAULT_REORDER_POINT = 10

SYSTEM_ACTOR = "system"


class SqlAlchemyInventoryRepository:
    def __init__(self, sql: Sql) -> None:
        self._sql = sql

    async def open_level(
        self,
        *,
        tenant_id: int,
        product_id: uuid.UUID,
        available: int,
        at: datetime,
        reorder_point: int = DEFAULT_REORDER_POINT,
    ) -> None:
        """Create a product's level with its opening stock, recorded as a RECEIPT when there is any."""
        await self._sql.execute(
            _INSERT_LEVEL,
            dict(
                product_id=product_id,
                tenant_id=tenant_id,
                available=available,
                reserved=0,
                backordered=0,
                reorder_point=reorder_point,
                reorder_quantity=0,
                max_stock=0,
                version=1,
                updated_at=at,
            ),
        )
        if available > 0:
            await self.record(
                [
                    Movement(
                        id=new_id(),
                        product_id=product_id,
                        type=MovementType.RECEIPT,
                        available_delta=available,
                        reserved_delta=0,
                        available_after=available,
                        reserved_after=0,
                        reason="initial stock",
                        order_id=None,
                        actor=SYSTEM_ACTOR,
                        created_at=at,
                    )
                ],
                tenant_id=tenant_id,
            )

    async def move(self, *, tenant_id: int, shifts: Sequence[Shift], at: datetime) -> list[LevelAfter | None]:
        """Shift each level's units in one conditional UPDATE, all of them in one round trip; None (nothing
        changed) for a shift that would take a count below zero. This is the only way stock changes after a
        level is opened."""
        runs = [
            (
                _MOVE,
                {
                    "b_tenant": tenant_id,
                    "b_product": shift.product_id,
                    "available_delta": shift.available,
                    "reserved_delta": shift.reserved,
                    "backordered_delta": shift.backordered,
                    "on_order_delta": shift.on_order,
                    "at": at,
                },
            )
            for shift in shifts
        ]
        afters = []
        for rows in await self._sql.execute_all(runs):
            row = rows.one_or_none()
            afters.append(LevelAfter(*row) if row else None)
        return afters

    async def available_of(self, tenant_id: int, product_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
        stmt = select(LEVELS.c.product_id, LEVELS.c.available).where(
            LEVELS.c.tenant_id == tenant_id, LEVELS.c.product_id.in_(list(product_ids))
        )
        return {pid: available for pid, available in await self._sql.execute(stmt)}

    async def lock(self, tenant_id: int, product_id: uuid.UUID) -> StockLevel | None:
        """The level, locked against concurrent changes until the transaction ends."""
        params = {"tenant_id": tenant_id, "product_id": product_id}
        row = (await self._sql.execute(_LOCK, params)).mappings().one_or_none()
        return _to_level(row) if row else None

    async def set_settings(
        self, *, tenant_id: int, product_id: uuid.UUID, values: dict[str, int], at: datetime
    ) -> None:
        """Change reorder_point, reorder_quantity and/or max_stock."""
        c = LEVELS.c
        await self._sql.execute(
            update(LEVELS)
            .where(c.tenant_id == tenant_id, c.product_id == product_id)
            .values(**values, version=c.version + 1, updated_at=at)
        )

    async def record(self, movements: Sequence[Movement], *, tenant_id: int) -> None:
        """Append ledger rows (one statement for all of them)."""
        if not movements:
            return
        await self._sql.execute(
            _INSERT_MOVEMENTS,
            [
                {
                    "id": m.id,
                    "tenant_id": tenant_id,
                    "product_id": m.product_id,
                    "type": m.type.value,
                    "available_delta": m.available_delta,
                    "reserved_delta": m.reserved_delta,
                    "available_after": m.available_after,
                    "reserved_after": m.reserved_after,
                    "reason": m.reason,
                    "order_id": m.order_id,
                    "actor": m.actor,
                    "created_at": m.created_at,
                }
                for m in movements
            ],
        )

    async def levels(
        self, tenant_id: int, product_ids: Sequence[uuid.UUID], *, sales_since: datetime, window_days: int
    ) -> dict[uuid.UUID, StockLevel]:
        """The levels of these products (any status) with their recent sales velocity."""
        params = _levels_params(tenant_id, product_ids, sales_since, window_days)
        rows = (await self._sql.execute(_LEVELS_OF, params)).mappings().all()
        return {row["product_id"]: _to_level(row) for row in rows}

    async def list(
        self,
        tenant_id: int,
        criteria: LevelFilter,
        page: PageRequest,
        *,
        sales_since: datetime,
        window_days: int,
    ) -> Page[StockLevel]:
        """Levels of the tenant's products that are not discontinued, by sku; keyset on the sku."""
        matching = select(LEVELS.c.product_id).select_from(
            LEVELS.join(PRODUCTS, PRODUCTS.c.id == LEVELS.c.product_id)
        )
        stmt = _filtered(_level_select(tenant_id), tenant_id, criteria)
        if page.after is not None:
            stmt = stmt.where(PRODUCTS.c.sku > page.after)
        stmt = _with_velocity(stmt.order_by(PRODUCTS.c.sku), tenant_id, sales_since, window_days)
        result, total = await page_and_total(
            self._sql, stmt.limit(page.size + 1), _filtered(matching, tenant_id, criteria)
        )
        rows = result.mappings().all()
        return keyset_page(rows, size=page.size, total=total, convert=_to_level, position=attrgetter("sku"))

    async def alerting(
        self, tenant_id: int, *, sales_since: datetime, window_days: int
    ) -> builtins.list[StockLevel]:
        """Every level that raises an alert (at or below its reorder point, backordered, or over its max
        stock), by sku. Only alerting levels are read, never the whole catalog."""
        c = LEVELS.c
        condition = or_(
            c.available <= c.reorder_point,
            c.backordered > 0,
            and_(c.max_stock > 0, c.available + c.reserved > c.max_stock),
        )
        stmt = _filtered(_level_select(tenant_id), tenant_id, LevelFilter()).where(condition)
        stmt = _with_velocity(stmt.order_by(PRODUCTS.c.sku), tenant_id, sales_since, window_days)
        return [_to_level(r) for r in (await self._sql.execute(stmt)).mappings()]

    async def level_with_movements(
        self, tenant_id: int, product_id: uuid.UUID, limit: int, *, sales_since: datetime, window_days: int
    ) -> tuple[StockLevel | None, builtins.list[Movement], int]:
        """The product's level with its sales velocity, its newest `limit` ledger rows and how many it has in
        all: three statements in one round trip."""
        level = (_LEVELS_OF, _levels_params(tenant_id, [product_id], sales_since, window_days))
        ledger = {"tenant_id": tenant_id, "product_id": product_id}
        (found, rows), total = await with_total(
            self._sql,
            [level, (_NEWEST_MOVEMENTS, {**ledger, "limit": limit})],
            capped=_MOVEMENTS_COUNTED,
            estimate=_MOVEMENTS_ESTIMATED,
            params=ledger,
        )
        row = found.mappings().one_or_none()
        movements = [_to_movement(r) for r in rows.mappings().all()]
        return (_to_level(row) if row is not None else None), movements, total


# A product's ledger, newest first, and how many rows it has (built once: every GetInventory reads them).
_OF_PRODUCT = (
    MOVEMENTS.c.tenant_id == bindparam("tenant_id"),
    MOVEMENTS.c.product_id == bindparam("product_id"),
)
_LEDGER = select(MOVEMENTS.c.id).where(*_OF_PRODUCT)
_NEWEST_MOVEMENTS = (
    select(MOVEMENTS).where(*_OF_PRODUCT).order_by(MOVEMENTS.c.id.desc()).limit(bindparam("limit"))
)
_MOVEMENTS_COUNTED = capped_count_of(_LEDGER)
_MOVEMENTS_ESTIMATED = Estimate(_LEDGER)


def _levels_params(
    tenant_id: int, product_ids: Sequence[uuid.UUID], sales_since: datetime, window_days: int
) -> dict[str, Any]:
    return {
        "tenant_id": tenant_id,
        "product_ids": list(product_ids),
        "sales_since": sales_since,
        "window_days": max(1, window_days),
    }


def _move_statement() -> Any:
    """The conditional UPDATE every stock change goes through, built once: it changes nothing when a
    count would fall below zero."""
    c = LEVELS.c
    deltas: dict[str, BindParameter[int]] = {
        name: bindparam(f"{name}_delta") for name in ("available", "reserved", "backordered", "on_order")
    }
    return (
        update(LEVELS)
        .where(
            c.tenant_id == bindparam("b_tenant"),
            c.product_id == bindparam("b_product"),
            *(c[name] + delta >= 0 for name, delta in deltas.items()),
        )
        .values(
            {
                **{c[name]: c[name] + delta for name, delta in deltas.items()},
                c.version: c.version + 1,
                c.updated_at: bindparam("at", type_=c.updated_at.type),
            }
        )
        .returning(c.available, c.reserved, c.backordered, c.reorder_point)
    )


_MOVE = _move_statement()

_INSERT_MOVEMENTS = insert(MOVEMENTS)

_INSERT_LEVEL = insert(LEVELS)


def _level_select(tenant_id: int | ColumnElement[Any]) -> Select[Any]:
    p = PRODUCTS.c
    return (
        select(
            *LEVELS.c,
            p.sku,
            p.title,
            p.category,
            p.currency,
            p.source_price,
            p.supplier_id,
            p.fulfilment_mode,
            SUPPLIERS.c.lead_time_days,
        )
        .select_from(
            LEVELS.join(PRODUCTS, PRODUCTS.c.id == LEVELS.c.product_id).outerjoin(
                SUPPLIERS, SUPPLIERS.c.id == p.supplier_id
            )
        )
        .where(LEVELS.c.tenant_id == tenant_id, p.tenant_id == tenant_id)
    )


def _with_velocity(
    stmt: Select[Any],
    tenant_id: int | ColumnElement[Any],
    since: datetime | ColumnElement[Any],
    window_days: int | ColumnElement[Any],
) -> Select[Any]:
    """Add `daily_velocity`: units of the product's live order lines since `since`, per day of the window
    (at least one; values or bound parameters)."""
    sold = (
        select(func.coalesce(func.sum(ORDER_ITEMS.c.quantity), 0))
        .where(sales_of(tenant_id, LEVELS.c.product_id, since=since))
        .scalar_subquery()
    )
    per_day = max(1, window_days) if isinstance(window_days, int) else window_days
    return stmt.add_columns((sold * 1.0 / per_day).label("daily_velocity"))


def _filtered(stmt: Select[Any], tenant_id: int, criteria: LevelFilter) -> Select[Any]:
    c, p = LEVELS.c, PRODUCTS.c
    stmt = stmt.where(c.tenant_id == tenant_id, p.status != ProductStatus.DISCONTINUED.value)
    if criteria.low_stock_only:
        stmt = stmt.where(c.available <= c.reorder_point)
    if criteria.out_of_stock_only:
        stmt = stmt.where(c.available == 0)
    if criteria.query:
        stmt = stmt.where(or_(contains(p.sku, criteria.query), contains(p.title, criteria.query)))
    return stmt


def _to_level(row: Any) -> StockLevel:
    return StockLevel(
        product_id=row["product_id"],
        tenant_id=row["tenant_id"],
        sku=row["sku"],
        title=row["title"],
        category=row["category"],
        unit_cost=Money(row["source_price"], row["currency"]),
        supplier_id=row["supplier_id"],
        available=row["available"],
        reserved=row["reserved"],
        backordered=row["backordered"],
        reorder_point=row["reorder_point"],
        reorder_quantity=row["reorder_quantity"],
        max_stock=row["max_stock"],
        updated_at=row["updated_at"],
        lead_time_days=row["lead_time_days"],
        daily_velocity=float(row.get("daily_velocity") or 0.0),
        on_order=row["on_order"],
        dropship=row["fulfilment_mode"] == FulfilmentMode.DROPSHIP.value,
    )


def _to_movement(row: Any) -> Movement:
    return Movement(
        id=row["id"],
        product_id=row["product_id"],
        type=MovementType(row["type"]),
        available_delta=row["available_delta"],
        reserved_delta=row["reserved_delta"],
        available_after=row["available_after"],
        reserved_after=row["reserved_after"],
        reason=row["reason"],
        order_id=row["order_id"],
        actor=row["actor"],
        created_at=row["created_at"],
    )


# The level reads of every stock change and of GetInventory, built once (bound per call: the tenant, the
# products, the start of the sales window and its days).
_TENANT = bindparam("tenant_id", type_=BigInteger)
_LOCK = (
    _level_select(_TENANT).where(LEVELS.c.product_id == bindparam("product_id")).with_for_update(of=LEVELS)
)
_LEVELS_OF = _with_velocity(
    _level_select(_TENANT), _TENANT, bindparam("sales_since"), bindparam("window_days", type_=Integer)
).where(LEVELS.c.product_id.in_(bindparam("product_ids", expanding=True)))
