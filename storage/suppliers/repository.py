"""Suppliers on SQLAlchemy: rows <-> domain Supplier, keyset pages."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any, cast

from sqlalchemy import Select, Table, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from domain.paging import Page, PageRequest
from domain.suppliers import Marketplace, Supplier, SupplierFilter
from storage.paging import keyset_page, newest_first
from storage.suppliers.tables import SupplierRow
from storage.text_match import contains

SUPPLIERS = cast(Table, SupplierRow.__table__)


class SqlAlchemySupplierRepository:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, supplier: Supplier) -> None:
        await self._session.execute(insert(SUPPLIERS).values(**_row_values(supplier)))

    async def get(
        self, tenant_id: int, supplier_id: uuid.UUID, *, for_update: bool = False
    ) -> Supplier | None:
        stmt = select(SUPPLIERS).where(SUPPLIERS.c.tenant_id == tenant_id, SUPPLIERS.c.id == supplier_id)
        if for_update:
            stmt = stmt.with_for_update()
        row = (await self._session.execute(stmt)).mappings().one_or_none()
        return _to_domain(row) if row else None

    async def get_many(self, tenant_id: int, ids: Collection[uuid.UUID]) -> dict[uuid.UUID, Supplier]:
        """The tenant's suppliers among `ids`, in one query."""
        if not ids:
            return {}
        stmt = select(SUPPLIERS).where(SUPPLIERS.c.tenant_id == tenant_id, SUPPLIERS.c.id.in_(list(ids)))
        return {row["id"]: _to_domain(row) for row in (await self._session.execute(stmt)).mappings()}

    async def list(self, tenant_id: int, criteria: SupplierFilter, page: PageRequest) -> Page[Supplier]:
        total = await self._session.scalar(
            _filtered(select(func.count()).select_from(SUPPLIERS), tenant_id, criteria)
        )
        stmt = newest_first(_filtered(select(SUPPLIERS), tenant_id, criteria), SUPPLIERS.c.id, page)
        rows = (await self._session.execute(stmt)).mappings().all()
        return keyset_page(
            rows, size=page.size, total=total, convert=_to_domain, position=lambda supplier: supplier.id
        )

    async def save(self, supplier: Supplier) -> None:
        values = _row_values(supplier)
        del values["id"], values["tenant_id"], values["created_at"]
        await self._session.execute(
            update(SUPPLIERS)
            .where(SUPPLIERS.c.tenant_id == supplier.tenant_id, SUPPLIERS.c.id == supplier.id)
            .values(**values)
        )


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
