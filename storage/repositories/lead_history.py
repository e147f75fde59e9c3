"""What a tenant's closed leads teach the lead score: outcome counts by source and job title (SQL)."""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from domain.leads import LeadStatus
from storage.tables import LeadRow

# (source, lower-cased job title, won, lost)
OutcomeCount = tuple[str, str, int, int]


class LeadHistoryRepository(Protocol):
    async def closed_outcomes(self, tenant_id: int) -> list[OutcomeCount]: ...


class SqlAlchemyLeadHistoryRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

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
        rows = (await self._session.execute(stmt)).all()
        return [(source, job_title, int(w), int(lost)) for source, job_title, w, lost in rows]
