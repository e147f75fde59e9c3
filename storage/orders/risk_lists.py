"""The tenants' allow and block lists on SQLAlchemy: entries, their keyset pages, and the entries that
concern one order (one indexed query)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import and_, bindparam, delete, or_, select

from domain.orders import Concerns, RiskListEntry, RiskListFilter, RiskListKind, RiskListType
from domain.paging import Page, PageRequest
from storage.execution import Sql
from storage.orders.tables import RISK_LIST_ENTRIES as E
from storage.paging import ListStatements, list_page
from storage.rows import find_mapping, insert_row


class SqlAlchemyRiskListRepository:
    def __init__(self, sql: Sql) -> None:
        self._sql = sql

    async def add(self, entry: RiskListEntry) -> None:
        await insert_row(
            self._sql,
            E,
            dict(
                id=entry.id,
                tenant_id=entry.tenant_id,
                list_type=entry.list.value,
                kind=entry.kind.value,
                value=entry.value,
                reason=entry.reason,
                created_by=entry.created_by,
                created_at=entry.created_at,
            ),
        )

    async def get(
        self, tenant_id: int, entry_id: uuid.UUID, *, for_update: bool = False
    ) -> RiskListEntry | None:
        row = await find_mapping(self._sql, E, tenant_id=tenant_id, entity_id=entry_id, for_update=for_update)
        return _entry(row) if row else None

    async def holder_of(self, tenant_id: int, kind: RiskListKind, value: str) -> RiskListEntry | None:
        """The entry that has this value on either list, if any."""
        stmt = select(E).where(E.c.tenant_id == tenant_id, E.c.kind == kind.value, E.c.value == value)
        row = (await self._sql.execute(stmt)).mappings().one_or_none()
        return _entry(row) if row else None

    async def delete(self, tenant_id: int, entry_id: uuid.UUID) -> None:
        await self._sql.execute(delete(E).where(E.c.tenant_id == tenant_id, E.c.id == entry_id))

    async def list(self, tenant_id: int, criteria: RiskListFilter, page: PageRequest) -> Page[RiskListEntry]:
        where = _LIST.filter(
            tenant={"tenant_id": tenant_id},
            list={"list_type": criteria.list.value} if criteria.list is not None else None,
            kind={"kind": criteria.kind.value} if criteria.kind is not None else None,
        )
        return await list_page(self._sql, _LIST, where, page, convert=_entry)


_LIST = ListStatements(
    E,
    {
        "tenant": E.c.tenant_id == bindparam("tenant_id"),
        "list": E.c.list_type == bindparam("list_type"),
        "kind": E.c.kind == bindparam("kind"),
    },
)

# Built once: every CreateOrder reads it, and building and cache-keying it per call cost more than running it.
CONCERNING = select(E.c.list_type, E.c.kind, E.c.value).where(
    E.c.tenant_id == bindparam("tenant_id"),
    or_(
        and_(E.c.kind == RiskListKind.EMAIL.value, E.c.value == bindparam("email")),
        and_(E.c.kind == RiskListKind.DOMAIN.value, E.c.value == bindparam("domain")),
        and_(E.c.kind == RiskListKind.COUNTRY.value, E.c.value.in_(bindparam("countries", expanding=True))),
    ),
)


def concerning_params(tenant_id: int, concerns: Concerns) -> dict[str, Any]:
    return {
        "tenant_id": tenant_id,
        "email": concerns.email,
        "domain": concerns.domain,
        "countries": sorted(concerns.countries),
    }


def _entry(row: Any) -> RiskListEntry:
    return RiskListEntry(
        id=row["id"],
        tenant_id=row["tenant_id"],
        list=RiskListType(row["list_type"]),
        kind=RiskListKind(row["kind"]),
        value=row["value"],
        reason=row["reason"],
        created_by=row["created_by"],
        created_at=row["created_at"],
    )
