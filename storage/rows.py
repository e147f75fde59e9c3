"""What repositories do alike with rows: read a tenant's entity row, write it back, count rows, and tell
whether a statement changed any."""

from __future__ import annotations

import uuid
from typing import Any, TypeVar, cast

from sqlalchemy import CursorResult, Result, RowMapping, Select, Table, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from domain.errors import NotFound
from storage.base import TenantEntity

EntityRow = TypeVar("EntityRow", bound=TenantEntity)


async def find(
    session: AsyncSession,
    row_type: type[EntityRow],
    *,
    tenant_id: int,
    entity_id: uuid.UUID,
    for_update: bool = False,
) -> EntityRow | None:
    """The tenant's row of this id, if it has one (locked until the transaction ends with `for_update`)."""
    stmt = select(row_type).where(row_type.tenant_id == tenant_id, row_type.id == entity_id)
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).scalar_one_or_none()


async def find_mapping(
    session: AsyncSession,
    table: Table,
    *,
    tenant_id: int,
    entity_id: uuid.UUID,
    for_update: bool = False,
) -> RowMapping | None:
    """`find` for a repository that reads `table`'s columns rather than ORM objects."""
    stmt = select(table).where(table.c.tenant_id == tenant_id, table.c.id == entity_id)
    if for_update:
        stmt = stmt.with_for_update()
    return (await session.execute(stmt)).mappings().one_or_none()


async def overwrite(
    session: AsyncSession, row_type: type[EntityRow], *, values: dict[str, Any], entity: str
) -> None:
    """Write `values` (every column, id and tenant_id included) over the stored row and flush.
    NotFound when a concurrent request deleted the row since the use case read it."""
    row = await session.get(row_type, {"tenant_id": values["tenant_id"], "id": values["id"]})
    if row is None:
        raise NotFound(entity, str(values["id"]))
    for key, value in values.items():
        setattr(row, key, value)
    await session.flush()


async def update_row(
    session: AsyncSession, table: Table, *, values: dict[str, Any], immutable: tuple[str, ...] = ()
) -> None:
    """UPDATE the tenant's row of values["id"] to `values`, except the columns that never change after
    the insert: id, tenant_id, created_at and `immutable`. Unlike `overwrite`, a row deleted meanwhile is
    not reported: the UPDATE changes nothing."""
    kept = {"id", "tenant_id", "created_at", *immutable}
    await session.execute(
        update(table)
        .where(table.c.tenant_id == values["tenant_id"], table.c.id == values["id"])
        .values({name: value for name, value in values.items() if name not in kept})
    )


async def count_of(session: AsyncSession, stmt: Select[Any]) -> int:
    """The number a COUNT statement returns."""
    return int(await session.scalar(stmt) or 0)


def changed_any(result: Result[Any]) -> bool:
    """Whether the UPDATE or DELETE that gave `result` changed a row."""
    # A DML statement's result is a CursorResult; execute() is typed for every statement.
    return bool(cast(CursorResult[Any], result).rowcount)
