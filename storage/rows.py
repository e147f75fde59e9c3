"""What repositories do alike with rows: read a tenant's entity row, insert it, write it back, count rows,
and tell whether a statement changed any. The statements of each table are built once."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Executable, Select, Table, bindparam, insert, select, update

from domain.errors import NotFound
from storage.execution import Rows, Sql


class RowStatements:
    """The statements every entity table shares, built once: read one row by tenant and id (also locking
    it), insert a row, and write a row back by tenant and id (its columns named by the parameters)."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.get = select(table).where(
            table.c.tenant_id == bindparam("tenant_id"), table.c.id == bindparam("entity_id")
        )
        self.get_for_update = self.get.with_for_update()
        self.insert = insert(table)
        self.update = update(table).where(
            table.c.tenant_id == bindparam("b_tenant_id"), table.c.id == bindparam("b_id")
        )


_STATEMENTS: dict[Table, RowStatements] = {}


def statements_of(table: Table) -> RowStatements:
    statements = _STATEMENTS.get(table)
    if statements is None:
        statements = _STATEMENTS[table] = RowStatements(table)
    return statements


def finding(
    table: Table, *, tenant_id: int, entity_id: uuid.UUID, for_update: bool = False
) -> tuple[Executable, dict[str, Any]]:
    """The statement (and its parameters) of `find`, for a caller that sends it with the statements reading
    the row's children, in one round trip (`Sql.execute_all`)."""
    statements = statements_of(table)
    stmt = statements.get_for_update if for_update else statements.get
    return stmt, {"tenant_id": tenant_id, "entity_id": entity_id}


async def find(
    sql: Sql, table: Table, *, tenant_id: int, entity_id: uuid.UUID, for_update: bool = False
) -> Any | None:
    """The tenant's row of this id, if it has one (locked until the transaction ends with `for_update`),
    its columns as attributes."""
    stmt, params = finding(table, tenant_id=tenant_id, entity_id=entity_id, for_update=for_update)
    return (await sql.execute(stmt, params)).one_or_none()


async def find_mapping(
    sql: Sql, table: Table, *, tenant_id: int, entity_id: uuid.UUID, for_update: bool = False
) -> Any | None:
    """`find`, the row as a mapping of its columns."""
    stmt, params = finding(table, tenant_id=tenant_id, entity_id=entity_id, for_update=for_update)
    return (await sql.execute(stmt, params)).mappings().one_or_none()


async def insert_row(sql: Sql, table: Table, values: dict[str, Any]) -> None:
    await sql.execute(statements_of(table).insert, values)


async def overwrite(sql: Sql, table: Table, *, values: dict[str, Any], entity: str) -> None:
    """Write `values` (every column, id and tenant_id included) over the stored row. NotFound when a
    concurrent request deleted the row since the use case read it."""
    if not await _write_back(sql, table, values, kept={"id", "tenant_id"}):
        raise NotFound(entity, str(values["id"]))


async def update_row(
    sql: Sql, table: Table, *, values: dict[str, Any], immutable: tuple[str, ...] = ()
) -> None:
    """UPDATE the tenant's row of values["id"] to `values`, except the columns that never change after
    the insert: id, tenant_id, created_at and `immutable`. Unlike `overwrite`, a row deleted meanwhile is
    not reported: the UPDATE changes nothing. So nobody waits for its outcome: on PostgreSQL it goes
    ahead in the transaction's pipeline with the statements after it (a failure still fails the
    transaction, at the next statement that waits or at its commit)."""
    await sql.send(
        statements_of(table).update, _update_params(values, {"id", "tenant_id", "created_at", *immutable})
    )


async def _write_back(sql: Sql, table: Table, values: dict[str, Any], *, kept: set[str]) -> bool:
    return changed_any(await sql.execute(statements_of(table).update, _update_params(values, kept)))


def _update_params(values: dict[str, Any], kept: set[str]) -> dict[str, Any]:
    params = {name: value for name, value in values.items() if name not in kept}
    params["b_tenant_id"], params["b_id"] = values["tenant_id"], values["id"]
    return params


async def count_of(sql: Sql, stmt: Select[Any]) -> int:
    """The number a COUNT statement returns."""
    return int(await sql.scalar(stmt) or 0)


def changed_any(result: Rows) -> bool:
    """Whether the UPDATE or DELETE that gave `result` changed a row."""
    return bool(result.rowcount)
