"""The request log of the create RPCs that take a request_id."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.requests.tables import RequestRow


class SqlAlchemyRequestLog:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def fingerprint(self, tenant_id: int, scope: str, request_id: str) -> str | None:
        stmt = select(RequestRow.fingerprint).where(
            RequestRow.tenant_id == tenant_id, RequestRow.scope == scope, RequestRow.request_id == request_id
        )
        return await self._session.scalar(stmt)

    async def remember(
        self, tenant_id: int, scope: str, request_id: str, fingerprint: str, at: datetime
    ) -> None:
        self._session.add(
            RequestRow(
                tenant_id=tenant_id,
                scope=scope,
                request_id=request_id,
                fingerprint=fingerprint,
                created_at=at,
            )
        )
