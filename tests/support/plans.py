"""The plans PostgreSQL makes of the service's own statements, as the service role in a tenant's scope, for
the tests that pin a plan's shape (which index, how many rows read): the statements are compiled exactly
as the unit of work sends them (storage/execution.py)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

import psycopg
from sqlalchemy import Executable
from sqlalchemy.dialects.postgresql import psycopg as postgres_dialect

from storage.execution import StatementCache, parameters


def libpq(url: str) -> str:
    """A SQLAlchemy psycopg URL as libpq takes it (psycopg.connect)."""
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def explain(
    url: str, tenant_id: int, statement: Executable, values: Mapping[str, Any], *, analyze: bool
) -> list[Any]:
    """EXPLAIN of `statement` with `values` on `url` (the service role's) in `tenant_id`'s scope: the text
    lines, or with `analyze` the executed plan as JSON (its top node)."""
    prepared, carried = StatementCache(postgres_dialect.dialect()).prepare(statement, tuple(values))
    options = "ANALYZE, FORMAT JSON" if analyze else "FORMAT TEXT"
    with psycopg.connect(libpq(url), autocommit=True) as service, service.transaction():
        service.execute("SELECT set_config('crm.tenant_id', %s, true)", (str(tenant_id),))
        rows = [
            row[0]
            for row in service.execute(
                f"EXPLAIN ({options}) " + prepared.sql, parameters(prepared, carried, values)
            )
        ]
    if not analyze:
        return rows
    (document,) = rows
    return [(json.loads(document) if isinstance(document, str) else document)[0]["Plan"]]


def plan_nodes(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The node and every node under it."""
    yield plan
    for child in plan.get("Plans", []):
        yield from plan_nodes(child)
