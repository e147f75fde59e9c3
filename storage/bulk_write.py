"""One set-based UPDATE for many products with different new values.

PostgreSQL: one `UPDATE products ... FROM jsonb_to_recordset(:rows)` statement, whatever the row count
(a VALUES list would need a bind parameter per cell, and PostgreSQL allows 65,535 per statement).
SQLite is embedded, so there is no round trip to save: one executemany of a prepared UPDATE."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, text, update

from storage.catalog.tables import PRODUCTS
from storage.execution import Sql

# Column -> PostgreSQL type of the record the JSON rows are read into.
BULK_COLUMNS: dict[str, str] = {
    "status": "text",
    "category": "text",
    "supplier_id": "uuid",
    "selling_price": "numeric",
    "recommended_price": "numeric",
    "dropship_score": "float8",
    "classification": "text",
    "profit_margin": "float8",
    "score_factors": "jsonb",
    "analyzed_at": "timestamptz",
    "tags": "jsonb",
    "margin_at_risk": "boolean",
    "version": "integer",
    "updated_at": "timestamptz",
}

_POSTGRES_UPDATE = text(
    "UPDATE products AS p SET "
    + ", ".join(f"{name} = v.{name}" for name in BULK_COLUMNS)
    + " FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS v(id uuid, tenant_id bigint, "
    + ", ".join(f"{name} {kind}" for name, kind in BULK_COLUMNS.items())
    + ") WHERE p.tenant_id = v.tenant_id AND p.id = v.id"
)


async def write_product_changes(sql: Sql, rows: Sequence[dict[str, Any]]) -> None:
    """Set the BULK_COLUMNS of each row's product (rows carry `id` and `tenant_id`)."""
    if not rows:
        return
    if sql.dialect_name == "postgresql":
        await sql.execute(_POSTGRES_UPDATE, {"rows": json.dumps(rows, default=_json_value)})
        return
    stmt = (
        update(PRODUCTS)
        .where(PRODUCTS.c.tenant_id == bindparam("b_tenant_id"), PRODUCTS.c.id == bindparam("b_id"))
        .values({name: bindparam(f"b_{name}") for name in BULK_COLUMNS})
    )
    await sql.execute(stmt, [{f"b_{key}": value for key, value in row.items()} for row in rows])


def _json_value(value: object) -> str:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)  # UUIDs
