"""Read-only SQL of the intelligence area: cross-sell candidates with their co-purchase counts, sales
velocity, the products a bulk pricing run selects, and related-product candidates.

The cross-sell statement itself lives in storage/intelligence/cross_sell.py. Sales velocity is summed by
the database from order items through the (tenant_id, product_id, created_at) index; no order is loaded."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, literal, select, text

from domain.catalog import ProductStatus
from domain.intelligence import CandidatePool, CandidateQuery, PricingRow, PricingSelection, SourceProduct
from engines.classification import Classification
from engines.cross_sell import Candidate
from engines.recommendations import CatalogItem
from storage.catalog.tables import PRODUCTS as P
from storage.execution import Sql
from storage.intelligence.cross_sell import SOURCE_STATEMENT, candidate_parameters, candidate_statement
from storage.orders.sales import sales_of
from storage.orders.tables import ORDER_ITEMS as I
from storage.rows import count_of

ACTIVE = ProductStatus.ACTIVE.value


_GENERIC_PLAN = text("SET LOCAL plan_cache_mode = force_generic_plan")


class SqlAlchemyIntelligenceRepository:
    def __init__(self, sql: Sql) -> None:
        self._sql = sql

    async def cross_sell_source(self, tenant_id: int, product_id: uuid.UUID) -> SourceProduct | None:
        params = {"tenant_id": tenant_id, "source_id": product_id}
        row = (await self._sql.execute(SOURCE_STATEMENT, params)).one_or_none()
        return SourceProduct(*row) if row else None

    async def cross_sell_candidates(self, q: CandidateQuery) -> CandidatePool:
        """The best `pool` candidates (most co-purchases, then best classification, then nearest the ideal
        price) among the eligible co-purchased products and the nearest-priced ones of each target category
        and classification, with the number of candidates considered and the source's order count."""
        if not q.categories:
            return CandidatePool([], 0, 0)
        lateral = self._sql.dialect_name == "postgresql"
        stmt = candidate_statement(lateral=lateral, categories=0 if lateral else len(q.categories))
        params = candidate_parameters(q, lateral=lateral)
        if lateral:
            # Planning this statement costs PostgreSQL about twice what running it does, yet its custom
            # plans always win the cost comparison with the generic one, which is as fast (measured:
            # 314 vs 265 calls/s at 8 callers). Reads are prepared statements, so the generic plan is made
            # once per connection; LOCAL keeps the setting to the transaction both statements share.
            _, result = await self._sql.execute_all([(_GENERIC_PLAN, None), (stmt, params)])
        else:
            result = await self._sql.execute(stmt, params)
        rows = result.all()
        candidates = [
            Candidate(
                id=r.id,
                tenant_id=q.tenant_id,
                sku=r.sku,
                title=r.title,
                category=r.category,
                active=True,
                price=r.selling_price,
                currency=r.currency,
                classification=Classification(r.classification),
                stock_available=r.available,
                co_purchase_count=int(r.together),
            )
            for r in rows
        ]
        if not rows:
            return CandidatePool([], 0, 0)
        return CandidatePool(candidates, int(rows[0].considered), int(rows[0].source_orders))

    async def daily_velocity(
        self, tenant_id: int, product_id: uuid.UUID, *, since: datetime, days: int
    ) -> float | None:
        """Units sold per day since `since`; None when the product never sold in the window."""
        stmt = select(func.sum(I.c.quantity)).where(sales_of(tenant_id, product_id, since=since))
        units = await self._sql.scalar(stmt)
        return float(units) / days if units else None

    async def pricing_rows(
        self, tenant_id: int, selection: PricingSelection, *, since: datetime, days: int
    ) -> tuple[list[PricingRow], int]:
        """The active products a bulk run prices, with their sales velocity, and the count of matched
        products it skips (not active)."""
        matched = _selected(select(func.count()).select_from(P), tenant_id, selection)
        total = await count_of(self._sql, matched)
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
            for r in (await self._sql.execute(stmt)).mappings()
        ]
        return rows, total - len(rows)

    async def existing_ids(self, tenant_id: int, ids: tuple[uuid.UUID, ...]) -> set[uuid.UUID]:
        stmt = select(P.c.id).where(P.c.tenant_id == tenant_id, P.c.id.in_(ids))
        return set((await self._sql.execute(stmt)).scalars())

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
            for r in (await self._sql.execute(stmt)).mappings()
        ]


def _selected(stmt: Select[Any], tenant_id: int, selection: PricingSelection) -> Select[Any]:
    stmt = stmt.where(P.c.tenant_id == tenant_id)
    if selection.ids is not None:
        stmt = stmt.where(P.c.id.in_(selection.ids) if selection.ids else literal(False))
    if selection.category:
        stmt = stmt.where(P.c.category == selection.category)
    if selection.classification is not None:
        stmt = stmt.where(P.c.classification == selection.classification.value)
    return stmt
