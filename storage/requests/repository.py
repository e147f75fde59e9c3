"""The request log of the create RPCs that take a request_id."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, insert, select

from storage.base import table_of
from storage.execution import Sql
from storage.requests.tables import RequestRow

REQUESTS = table_of(RequestRow)
_FINGERPRINT = select(REQUESTS.c.fingerprint).where(
    REQUESTS.c.tenant_id == bindparam("tenant_id"),
    REQUESTS.c.scope == bindparam("scope"),
    REQUESTS.c.request_id == bindparam("request_id"),
)
_INSERT = insert(REQUESTS)


class SqlAlchemyRequestLog:
    def __init__(self, sql: Sql) -> None:
        self._sql = sql

    async def fingerprint(self, tenant_id: int, scope: str, request_id: str) -> str | None:
        params = {"tenant_id": tenant_id, "scope": scope, "request_id": request_id}
        fingerprint: str | None = await self._sql.scalar(_FINGERPRINT, params)
        return fingerprint

    async def remember(
        self, tenant_id: int, scope: str, request_id: str, fingerprint: str, at: datetime
    ) -> None:
        await self._sql.execute(
            _INSERT,
            {
                "tenant_id": tenant_id,
                "scope": scope,
                "request_id": request_id,
                "fingerprint": fingerprint,
                "created_at": at,
            },
        )
