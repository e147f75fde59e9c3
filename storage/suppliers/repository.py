"""Suppliers on SQLAlchemy: rows <-> domain Supplier, keyset pages."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any

from sqlalchemy import Select, select

from domain.paging import Page, PageRequest
from domain.suppliers import Marketplace, Supplier, SupplierFilter
from storage.execution import Sql
from storage.paging import newest_first_page
from storage.rows import find_mapping, insert_row, update_row
from storage.suppliers.tables import SUPPLIERS
from storage.text_match import contains


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
        return await newest_first_page(
            self._sql,
            SUPPLIERS,
            filtered=lambda stmt: _filtered(stmt, tenant_id, criteria),
            page=page,
            convert=_to_domain,
        )

    async def save(self, supplier: Supplier) -> None:
        await update_row(self._sql, SUPPLIERS, values=_row_values(supplier))


def _filtered(stmt: Select[Any], tenant_id: int, criteria: SupplierFilter) -> Select[Any]:
    stmt = stmt.where(SUPPLIERS.c.tenant_id == tenant_id)
    if criteria.marketplace is not None:
        stmt = stmt.where(SUPPLIERS.c.marketplace == criteria.marketplace.value)
    if criteria.active_only:
        stmt = stmt.where(SUPPLIERS.c.is_active.is_(True))
    if criteria.query:
        stmt = stmt.where(contains(SUPPLIERS.c.name, criteria.query))
    return stmt


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
