"""Suppliers on SQLAlchemy: rows <-> domain Supplier, keyset pages."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any

from sqlalchemy import bindparam, select

from domain.paging import Page, PageRequest
from domain.suppliers import Marketplace, Supplier, SupplierFilter
from storage.execution import Sql
from storage.paging import ListStatements, list_page
from storage.rows import find_mapping, insert_row, update_row
from storage.suppliers.tables import SUPPLIERS
from storage.text_match import contains, like_pattern


class SqlAlchemySupplierRepository:
    def __init__(self, sql: Sql) -> None:
        self._sql = sql

    async def add(self, supplier: Supplier) -> None:
        await insert_row(self._sql, SUPPLIERS, _row_values(supplier))

    async def get(
        self, tenant_id: int, supplier_id: uuid.UUID, *, for_update: bool = False
    ) -> Supplier | None:
        row = await find_mapping(
            self._sql, SUPPLIERS, tenant_id=tenant_id, entity_id=supplier_id, for_update=for_update
        )
        return _to_domain(row) if row else None

    async def get_many(self, tenant_id: int, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Supplier]:
        """The tenant's suppliers among `ids`, in one query."""
        if not ids:
            return {}
        stmt = select(SUPPLIERS).where(SUPPLIERS.c.tenant_id == tenant_id, SUPPLIERS.c.id.in_(list(ids)))
        return {row["id"]: _to_domain(row) for row in (await self._sql.execute(stmt)).mappings()}

    async def list(self, tenant_id: int, criteria: SupplierFilter, page: PageRequest) -> Page[Supplier]:
        where = _LIST.filter(
            tenant={"tenant_id": tenant_id},
            marketplace=(
                {"marketplace": criteria.marketplace.value} if criteria.marketplace is not None else None
            ),
            active={} if criteria.active_only else None,
            query={"query": like_pattern(criteria.query)} if criteria.query else None,
        )
        return await list_page(self._sql, _LIST, where, page, convert=_to_domain)

    async def save(self, supplier: Supplier) -> None:
        await update_row(self._sql, SUPPLIERS, values=_row_values(supplier))


_LIST = ListStatements(
    SUPPLIERS,
    {
        "tenant": SUPPLIERS.c.tenant_id == bindparam("tenant_id"),
        "marketplace": SUPPLIERS.c.marketplace == bindparam("marketplace"),
        "active": SUPPLIERS.c.is_active.is_(True),
        "query": contains(SUPPLIERS.c.name, bindparam("query")),
    },
)


def _row_values(supplier: Supplier) -> dict[str, Any]:
    return {
        "id": supplier.id,
        "tenant_id": supplier.tenant_id,
        "name": supplier.name,
        "marketplace": supplier.marketplace.value,
        "contact_email": supplier.contact_email,
        "contact_phone": supplier.contact_phone,
        "website": supplier.website,
        "rating": supplier.rating,
        "lead_time_days": supplier.lead_time_days,
        "is_active": supplier.is_active,
        "notes": supplier.notes,
        "created_at": supplier.created_at,
        "updated_at": supplier.updated_at,
    }


def _to_domain(row: Any) -> Supplier:
    return Supplier(
        id=row["id"],
        tenant_id=row["tenant_id"],
        name=row["name"],
        marketplace=Marketplace(row["marketplace"]),
        contact_email=row["contact_email"],
        contact_phone=row["contact_phone"],
        website=row["website"],
        rating=row["rating"],
        lead_time_days=row["lead_time_days"],
        is_active=row["is_active"],
        notes=row["notes"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )
