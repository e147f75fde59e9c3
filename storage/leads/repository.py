"""Leads on SQLAlchemy: rows <-> domain Lead, keyset pages, SQL aggregates."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from sqlalchemy import bindparam, delete, func, select

from domain.leads import (
    Lead,
    LeadAnalytics,
    LeadFilter,
    LeadPriority,
    LeadSource,
    LeadStatus,
    OutcomeCount,
)
from domain.paging import Page, PageRequest
from storage.base import table_of
from storage.documents import factors_json, factors_of
from storage.execution import Sql
from storage.leads.tables import LeadRow
from storage.paging import Filter, ListStatements, list_page
from storage.rows import changed_any, count_of, find, insert_row, overwrite

SCORE_BUCKET_EDGES: tuple[float, ...] = (0.0, 20.0, 40.0, 60.0, 80.0, 100.0)

LEADS = table_of(LeadRow)
_BY_REQUEST_ID = select(LEADS).where(
    LEADS.c.tenant_id == bindparam("tenant_id"), LEADS.c.request_id == bindparam("request_id")
)


class SqlAlchemyLeadRepository:
    def __init__(self, sql: Sql) -> None:
        self._sql = sql

    async def add(self, lead: Lead) -> None:
        await insert_row(self._sql, LEADS, _row_values(lead))

    async def get(self, tenant_id: int, lead_id: uuid.UUID, *, for_update: bool = False) -> Lead | None:
        row = await find(self._sql, LEADS, tenant_id=tenant_id, entity_id=lead_id, for_update=for_update)
        return _to_domain(row) if row else None

    async def get_by_request_id(self, tenant_id: int, request_id: str) -> Lead | None:
        row = (
            await self._sql.execute(_BY_REQUEST_ID, {"tenant_id": tenant_id, "request_id": request_id})
        ).one_or_none()
        return _to_domain(row) if row else None

    async def list(self, tenant_id: int, criteria: LeadFilter, page: PageRequest) -> Page[Lead]:
        return await list_page(
            self._sql, _LIST, _filter(tenant_id, criteria), page, convert=_to_domain, mappings=False
        )

    async def save(self, lead: Lead) -> None:
        await overwrite(self._sql, LEADS, values=_row_values(lead), entity="lead")

    async def delete(self, tenant_id: int, lead_id: uuid.UUID) -> bool:
        result = await self._sql.execute(
            delete(LeadRow).where(LeadRow.tenant_id == tenant_id, LeadRow.id == lead_id)
        )
        return changed_any(result)

    async def count(self, tenant_id: int) -> int:
        stmt = select(func.count()).select_from(LeadRow).where(LeadRow.tenant_id == tenant_id)
        return await count_of(self._sql, stmt)

    async def analytics(self, tenant_id: int) -> LeadAnalytics:
        in_tenant = LeadRow.tenant_id == tenant_id
        by_status = await self._grouped(LeadRow.status, in_tenant)
        by_source = await self._grouped(LeadRow.source, in_tenant)
        summary = (
            await self._sql.execute(
                select(
                    func.count(),
                    func.coalesce(func.avg(LeadRow.score), 0.0),
                    func.count().filter(LeadRow.priority.in_(["high", "urgent"])),
                    func.count().filter(LeadRow.converted_at.is_not(None)),
                    *_bucket_counts(),
                ).where(in_tenant)
            )
        ).one()
        total, average, high_priority, converted, *bucket_counts = summary
        buckets = tuple(
            (low, high, int(count))
            for (low, high), count in zip(pairwise(SCORE_BUCKET_EDGES), bucket_counts, strict=True)
        )
        return LeadAnalytics(
            total=int(total),
            by_status={LeadStatus(k): v for k, v in by_status},
            by_source={LeadSource(k): v for k, v in by_source},
            average_score=round(float(average), 2),
            high_priority=int(high_priority),
            score_buckets=buckets,
            converted=int(converted),
        )

    async def _grouped(self, column: Any, in_tenant: Any) -> Sequence[tuple[str, int]]:
        stmt = select(column, func.count()).where(in_tenant).group_by(column).order_by(column)
        return [(key, int(count)) for key, count in (await self._sql.execute(stmt)).all()]


def _bucket_counts() -> list[Any]:
    edges = SCORE_BUCKET_EDGES
    counts = []
    for i, (low, high) in enumerate(pairwise(edges)):
        last = i == len(edges) - 2
        upper = LeadRow.score <= high if last else LeadRow.score < high
        counts.append(func.count().filter((LeadRow.score >= low) & upper))
    return counts


_LIST = ListStatements(
    LEADS,
    {
        "tenant": LEADS.c.tenant_id == bindparam("tenant_id"),
        "status": LEADS.c.status == bindparam("status"),
        "source": LEADS.c.source == bindparam("source"),
        "assigned_to": LEADS.c.assigned_to == bindparam("assigned_to"),
        "converted": LEADS.c.converted_at.is_not(None),
        "not_converted": LEADS.c.converted_at.is_(None),
    },
)


def _filter(tenant_id: int, criteria: LeadFilter) -> Filter:
    return _LIST.filter(
        tenant={"tenant_id": tenant_id},
        status={"status": criteria.status.value} if criteria.status is not None else None,
        source={"source": criteria.source.value} if criteria.source is not None else None,
        assigned_to={"assigned_to": criteria.assigned_to} if criteria.assigned_to else None,
        converted={} if criteria.converted is True else None,
        not_converted={} if criteria.converted is False else None,
    )


def _row_values(lead: Lead) -> dict[str, Any]:
    return {
        "id": lead.id,
        "tenant_id": lead.tenant_id,
        "first_name": lead.first_name,
        "last_name": lead.last_name,
        "email": lead.email,
        "phone": lead.phone,
        "company": lead.company,
        "job_title": lead.job_title,
        "status": lead.status.value,
        "source": lead.source.value,
        "priority": lead.priority.value,
        "score": lead.score,
        "score_factors": factors_json(lead.score_factors),
        "notes": lead.notes,
        "tags": list(lead.tags),
        "assigned_to": lead.assigned_to,
        "request_id": lead.request_id,
        "converted_contact_id": lead.converted_contact_id,
        "converted_deal_id": lead.converted_deal_id,
        "converted_at": lead.converted_at,
        "created_at": lead.created_at,
        "updated_at": lead.updated_at,
    }


def _to_domain(row: Any) -> Lead:
    return Lead(
        id=row.id,
        tenant_id=row.tenant_id,
        first_name=row.first_name,
        last_name=row.last_name,
        email=row.email,
        phone=row.phone,
        company=row.company,
        job_title=row.job_title,
        status=LeadStatus(row.status),
        source=LeadSource(row.source),
        priority=LeadPriority(row.priority),
        score=row.score,
        score_factors=factors_of(row.score_factors),
        notes=row.notes,
        tags=tuple(row.tags),
        assigned_to=row.assigned_to,
        request_id=row.request_id,
        converted_contact_id=row.converted_contact_id,
        converted_deal_id=row.converted_deal_id,
        converted_at=row.converted_at,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


class SqlAlchemyLeadHistoryRepository:
    def __init__(self, sql: Sql) -> None:
        self._sql = sql

    async def closed_outcomes(self, tenant_id: int) -> list[OutcomeCount]:
        """Won and lost leads of the tenant grouped by source and job title: one row per distinct pair."""
        won = LeadRow.status == LeadStatus.CLOSED_WON.value
        title = func.lower(func.trim(LeadRow.job_title))
        stmt = (
            select(
                LeadRow.source,
                title,
                func.count().filter(won),
                func.count().filter(~won),
            )
            .where(
                LeadRow.tenant_id == tenant_id,
                LeadRow.status.in_([LeadStatus.CLOSED_WON.value, LeadStatus.CLOSED_LOST.value]),
            )
            .group_by(LeadRow.source, title)
        )
        rows = (await self._sql.execute(stmt)).all()
        return [(source, job_title, int(w), int(lost)) for source, job_title, w, lost in rows]
