"""Sourcing candidates on SQLAlchemy: rows <-> domain Candidate, and the rankings as keyset pages (newest
first by id; best score or margin first by (value, id))."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Collection, Sequence
from decimal import Decimal
from functools import partial
from operator import attrgetter
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, insert, or_, select, update

from domain.catalog import ProductAnalysis
from domain.money import Money
from domain.paging import Page, PageRequest
from domain.sourcing import (
    Candidate,
    CandidateDraft,
    CandidateFilter,
    CandidateOrder,
    CandidateOrigin,
    CandidateScore,
    CandidateStatus,
)
from domain.suppliers import Marketplace
from engines.classification import Classification
from storage.documents import factors_json, factors_of
from storage.execution import Sql
from storage.paging import keyset_page, page_and_total
from storage.rows import find_mapping
from storage.sourcing.tables import CANDIDATES as C

# The column each ranking sorts by, best first (ties: newest first).
RANKED_BY = {CandidateOrder.SCORE: C.c.dropship_score, CandidateOrder.MARGIN: C.c.profit_margin}


class SqlAlchemyCandidateRepository:
    def __init__(self, sql: Sql) -> None:
        self._sql = sql

    async def add_many(self, candidates: Sequence[Candidate]) -> None:
        if candidates:
            await self._sql.execute(insert(C), [_row_values(c) for c in candidates])

    async def get(
        self, tenant_id: int, candidate_id: uuid.UUID, *, for_update: bool = False
    ) -> Candidate | None:
        row = await find_mapping(
            self._sql, C, tenant_id=tenant_id, entity_id=candidate_id, for_update=for_update
        )
        return _to_domain(row) if row else None

    async def get_by_request_id(self, tenant_id: int, request_id: str) -> Candidate | None:
        stmt = select(C).where(C.c.tenant_id == tenant_id, C.c.request_id == request_id)
        row = (await self._sql.execute(stmt)).mappings().one_or_none()
        return _to_domain(row) if row else None

    async def holders(self, tenant_id: int, keys: Collection[str]) -> dict[str, uuid.UUID]:
        """The tenant's candidates that have these dedupe keys, by key (one query)."""
        if not keys:
            return {}
        stmt = select(C.c.dedupe_key, C.c.id).where(
            C.c.tenant_id == tenant_id, C.c.dedupe_key.in_(sorted(keys))
        )
        return {key: candidate_id for key, candidate_id in await self._sql.execute(stmt)}

    async def save(self, candidate: Candidate) -> None:
        """Write what a decision changes: status, product, reason, who and when."""
        await self._sql.execute(
            update(C)
            .where(C.c.tenant_id == candidate.tenant_id, C.c.id == candidate.id)
            .values(
                status=candidate.status.value,
                product_id=candidate.product_id,
                reject_reason=candidate.reject_reason,
                decided_by=candidate.decided_by,
                decided_at=candidate.decided_at,
                version=candidate.version,
                updated_at=candidate.updated_at,
            )
        )

    async def list(self, tenant_id: int, criteria: CandidateFilter, page: PageRequest) -> Page[Candidate]:
        """Newest first, or ranked by score or margin (ties newest first); the total goes out with the page
        (storage/paging.with_total: exact up to a bound, the planner's estimate beyond)."""
        ranked = RANKED_BY.get(criteria.order)
        stmt = _filtered(select(C), tenant_id, criteria)
        position: Callable[[Candidate], object] = attrgetter("id")
        if ranked is None:
            if page.after:
                stmt = stmt.where(C.c.id < uuid.UUID(page.after))
            stmt = stmt.order_by(C.c.id.desc())
        else:
            if page.after:
                stmt = stmt.where(_after(ranked, page.after))
            stmt = stmt.order_by(ranked.desc(), C.c.id.desc())
            position = partial(ranked_position, criteria.order)
        result, total = await page_and_total(
            self._sql, stmt.limit(page.size + 1), _filtered(select(C.c.id), tenant_id, criteria)
        )
        rows = result.mappings().all()
        return keyset_page(rows, size=page.size, total=total, convert=_to_domain, position=position)


def ranked_position(order: CandidateOrder, candidate: Candidate) -> str:
    """The keyset position of a candidate in a ranking: its value (exact float repr) and its id."""
    analysis = candidate.score.analysis
    value = analysis.score if order is CandidateOrder.SCORE else analysis.profit_margin
    return f"{value!r}|{candidate.id}"


def _after(column: Any, position: str) -> ColumnElement[bool]:
    raw_value, _, raw_id = position.partition("|")
    value, last_id = float(raw_value), uuid.UUID(raw_id)
    return or_(column < value, and_(column == value, C.c.id < last_id))


def _filtered(stmt: Select[Any], tenant_id: int, criteria: CandidateFilter) -> Select[Any]:
    stmt = stmt.where(C.c.tenant_id == tenant_id)
    if criteria.status is not None:
        stmt = stmt.where(C.c.status == criteria.status.value)
    if criteria.category:
        stmt = stmt.where(C.c.category == criteria.category)
    if criteria.classification:
        stmt = stmt.where(C.c.classification == criteria.classification)
    if criteria.min_score > 0:
        stmt = stmt.where(C.c.dropship_score >= criteria.min_score)
    if criteria.origin is not None:
        stmt = stmt.where(C.c.origin == criteria.origin.value)
    return stmt


def _row_values(c: Candidate) -> dict[str, Any]:
    d, s = c.draft, c.score
    return {
        "id": c.id,
        "tenant_id": c.tenant_id,
        "status": c.status.value,
        "origin": c.origin.value,
        "marketplace": d.marketplace.value,
        "marketplace_id": d.marketplace_id,
        "url": d.url,
        "dedupe_key": d.dedupe_key,
        "title": d.title,
        "description": d.description,
        "category": d.category,
        "currency": d.source_price.currency,
        "source_price": d.source_price.amount,
        "supplier_id": d.supplier_id,
        "supplier_rating": d.supplier_rating,
        "supplier_lead_time_days": d.supplier_lead_time_days,
        "review_rating": d.review_rating,
        "review_count": d.review_count,
        "competitor_count": d.competitor_count,
        "competitor_prices": [str(p.amount) for p in d.competitor_prices],
        "image_urls": list(d.image_urls),
        "dropship_score": s.analysis.score,
        "classification": s.analysis.classification.value,
        "profit_margin": s.analysis.profit_margin,
        "score_factors": factors_json(s.analysis.factors),
        "analyzed_at": s.analysis.analyzed_at,
        "recommended_price": s.recommended_price.amount,
        "expected_price": s.expected_price.amount,
        "workflow_id": c.workflow_id,
        "product_id": c.product_id,
        "reject_reason": c.reject_reason,
        "decided_by": c.decided_by,
        "decided_at": c.decided_at,
        "request_id": c.request_id,
        "version": c.version,
        "created_at": c.created_at,
        "updated_at": c.updated_at,
    }


def _to_domain(row: Any) -> Candidate:
    currency = row["currency"]
    draft = CandidateDraft(
        title=row["title"],
        category=row["category"],
        source_price=Money(row["source_price"], currency),
        marketplace=Marketplace(row["marketplace"]),
        marketplace_id=row["marketplace_id"],
        url=row["url"],
        description=row["description"],
        supplier_id=row["supplier_id"],
        supplier_rating=row["supplier_rating"],
        supplier_lead_time_days=row["supplier_lead_time_days"],
        review_rating=row["review_rating"],
        review_count=row["review_count"],
        competitor_count=row["competitor_count"],
        competitor_prices=tuple(Money(Decimal(p), currency) for p in row["competitor_prices"]),
        image_urls=tuple(row["image_urls"]),
    )
    score = CandidateScore(
        analysis=ProductAnalysis(
            score=row["dropship_score"],
            classification=Classification(row["classification"]),
            profit_margin=row["profit_margin"],
            factors=factors_of(row["score_factors"]),
            analyzed_at=row["analyzed_at"],
        ),
        recommended_price=Money(row["recommended_price"], currency),
        expected_price=Money(row["expected_price"], currency),
    )
    return Candidate(
        id=row["id"],
        tenant_id=row["tenant_id"],
        draft=draft,
        score=score,
        status=CandidateStatus(row["status"]),
        origin=CandidateOrigin(row["origin"]),
        workflow_id=row["workflow_id"],
        product_id=row["product_id"],
        reject_reason=row["reject_reason"],
        decided_by=row["decided_by"],
        decided_at=row["decided_at"],
        request_id=row["request_id"],
        version=row["version"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )
