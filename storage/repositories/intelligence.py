"""Read-only SQL of the intelligence area: cross-sell candidates with their co-purchase counts, sales
velocity, the products a bulk pricing run selects, and related-product candidates.

Co-purchase strength is computed by the database from order items (the source's orders, then the other
lines of those orders, grouped by product) through the (tenant_id, product_id, created_at) and
(tenant_id, order_id, line_no) indexes; no order is loaded. Candidates are filtered (tenant, active, in
stock, category, currency, price band, not the source) and pre-ranked in SQL, so at most `pool` rows come
back however large the catalog is.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from domain.catalog import ProductStatus
from domain.intelligence import PricingSelection
from engines.classification import Classification
from engines.cross_sell import Candidate
from engines.recommendations import CatalogItem
from storage.tables.catalog import InventoryLevelRow, ProductRow
from storage.tables.orders import OrderItemRow

P = ProductRow.__table__
L = InventoryLevelRow.__table__
I = OrderItemRow.__table__  # noqa: E741 (the conventional alias of order items)
ACTIVE = ProductStatus.ACTIVE.value
CLASS_RANK = case(
    {Classification.HERO.value: 0, Classification.GOOD.value: 1, Classification.MODERATE.value: 2},
    value=P.c.classification,
    else_=3,
)


@dataclass(frozen=True, slots=True)
class CandidateQuery:
    tenant_id: int
    source_id: uuid.UUID
    categories: tuple[str, ...]
    currency: str
    min_price: Decimal
    max_price: Decimal
    ideal_price: Decimal
    pool: int


@dataclass(frozen=True, slots=True)
class PricingRow:
    id: uuid.UUID
    sku: str
    title: str
    category: str
    classification: Classification
    source_price: Decimal
    selling_price: Decimal
    currency: str
    competitor_count: int | None
    daily_velocity: float


class SqlAlchemyIntelligenceRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def order_count(self, tenant_id: int, product_id: uuid.UUID) -> int:
        """Orders with a live line of the product."""
        stmt = select(func.count(func.distinct(I.c.order_id))).where(_sold(tenant_id, product_id))
        return int(await self._session.scalar(stmt) or 0)

    async def cross_sell_candidates(self, q: CandidateQuery) -> tuple[list[Candidate], int]:
        """The best `pool` candidates (most co-purchases, then best classification, then nearest the ideal
        price) and how many passed the filters."""
        source_orders = select(I.c.order_id).where(_sold(q.tenant_id, q.source_id))
        co = (
            select(I.c.product_id, func.count(func.distinct(I.c.order_id)).label("together"))
            .where(
                I.c.tenant_id == q.tenant_id,
                I.c.order_id.in_(source_orders),
                I.c.product_id != q.source_id,
                I.c.counts_as_sale.is_(True),
            )
            .group_by(I.c.product_id)
            .subquery()
        )
        together = func.coalesce(co.c.together, 0)
        stmt = (
            select(
                P.c.id,
                P.c.sku,
                P.c.title,
                P.c.category,
                P.c.selling_price,
                P.c.currency,
                P.c.classification,
                L.c.available,
                together.label("together"),
                func.count().over().label("matched"),
            )
            .select_from(P.join(L, L.c.product_id == P.c.id).outerjoin(co, co.c.product_id == P.c.id))
            .where(
                P.c.tenant_id == q.tenant_id,
                L.c.tenant_id == q.tenant_id,
                P.c.status == ACTIVE,
                P.c.category.in_(q.categories),
                P.c.currency == q.currency,
                P.c.selling_price >= q.min_price,
                P.c.selling_price <= q.max_price,
                P.c.id != q.source_id,
                L.c.available > 0,
            )
            .order_by(together.desc(), CLASS_RANK, func.abs(P.c.selling_price - q.ideal_price), P.c.id)
            .limit(q.pool)
        )
        if self._session.get_bind().dialect.name == "postgresql":
            # A parallel plan for a few thousand rows costs more in worker start-up than it saves, and
            # under concurrent callers the workers compete with the other queries for the same cores.
            await self._session.execute(text("SET LOCAL max_parallel_workers_per_gather = 0"))
        rows = (await self._session.execute(stmt)).mappings().all()
        candidates = [
            Candidate(
                id=r["id"],
                tenant_id=q.tenant_id,
                sku=r["sku"],
                title=r["title"],
                category=r["category"],
                active=True,
                price=r["selling_price"],
                currency=r["currency"],
                classification=Classification(r["classification"]),
                stock_available=r["available"],
                co_purchase_count=int(r["together"]),
            )
            for r in rows
        ]
        return candidates, int(rows[0]["matched"]) if rows else 0

    async def daily_velocity(
        self, tenant_id: int, product_id: uuid.UUID, *, since: datetime, days: int
    ) -> float | None:
        """Units sold per day since `since`; None when the product never sold in the window."""
        stmt = select(func.sum(I.c.quantity)).where(_sold(tenant_id, product_id), I.c.created_at >= since)
        units = await self._session.scalar(stmt)
        return float(units) / days if units else None

    async def pricing_rows(
        self, tenant_id: int, selection: PricingSelection, *, since: datetime, days: int
    ) -> tuple[list[PricingRow], int]:
        """The active products a bulk run prices, with their sales velocity, and the count of matched
        products it skips (not active)."""
        matched = _selected(select(func.count()).select_from(P), tenant_id, selection)
        total = int(await self._session.scalar(matched) or 0)
        sold = (
            select(I.c.product_id, func.sum(I.c.quantity).label("units"))
            .where(I.c.tenant_id == tenant_id, I.c.created_at >= since, I.c.counts_as_sale.is_(True))
            .group_by(I.c.product_id)
            .subquery()
        )
        stmt = (
            _selected(
                select(
                    P.c.id,
                    P.c.sku,
                    P.c.title,
                    P.c.category,
                    P.c.classification,
                    P.c.source_price,
                    P.c.selling_price,
                    P.c.currency,
                    P.c.competitor_count,
                    func.coalesce(sold.c.units, 0).label("units"),
                ).select_from(P.outerjoin(sold, sold.c.product_id == P.c.id)),
                tenant_id,
                selection,
            )
            .where(P.c.status == ACTIVE)
            .order_by(P.c.id)
        )
        rows = [
            PricingRow(
                id=r["id"],
                sku=r["sku"],
                title=r["title"],
                category=r["category"],
                classification=Classification(r["classification"]),
                source_price=r["source_price"],
                selling_price=r["selling_price"],
                currency=r["currency"],
                competitor_count=r["competitor_count"],
                daily_velocity=float(r["units"]) / days,
            )
            for r in (await self._session.execute(stmt)).mappings()
        ]
        return rows, total - len(rows)

    async def existing_ids(self, tenant_id: int, ids: tuple[uuid.UUID, ...]) -> set[uuid.UUID]:
        stmt = select(P.c.id).where(P.c.tenant_id == tenant_id, P.c.id.in_(ids))
        return set((await self._session.execute(stmt)).scalars())

    async def related_candidates(
        self, tenant_id: int, source_id: uuid.UUID, categories: tuple[str, ...], *, pool: int
    ) -> list[CatalogItem]:
        """Active products of the given categories other than the source, best dropship score first."""
        stmt = (
            select(
                P.c.id,
                P.c.sku,
                P.c.title,
                P.c.category,
                P.c.selling_price,
                P.c.currency,
                P.c.dropship_score,
                P.c.classification,
            )
            .where(
                P.c.tenant_id == tenant_id,
                P.c.status == ACTIVE,
                P.c.id != source_id,
                P.c.category.in_(categories),
            )
            .order_by(P.c.dropship_score.desc(), P.c.id)
            .limit(pool)
        )
        return [
            CatalogItem(
                id=r["id"],
                sku=r["sku"],
                title=r["title"],
                category=r["category"],
                price=r["selling_price"],
                currency=r["currency"],
                dropship_score=r["dropship_score"],
                classification=Classification(r["classification"]),
            )
            for r in (await self._session.execute(stmt)).mappings()
        ]


def _sold(tenant_id: int, product_id: uuid.UUID) -> ColumnElement[bool]:
    return and_(I.c.tenant_id == tenant_id, I.c.product_id == product_id, I.c.counts_as_sale.is_(True))


def _selected(stmt: Select[Any], tenant_id: int, selection: PricingSelection) -> Select[Any]:
    stmt = stmt.where(P.c.tenant_id == tenant_id)
    if selection.ids is not None:
        stmt = stmt.where(P.c.id.in_(selection.ids) if selection.ids else literal(False))
    if selection.category:
        stmt = stmt.where(P.c.category == selection.category)
    if selection.classification is not None:
        stmt = stmt.where(P.c.classification == selection.classification.value)
    return stmt
