"""The declarative base every table module registers with, and the columns and indexes many tables share
(declared once here; the migrations spell them out per table)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import cast

from sqlalchemy import BigInteger, ForeignKeyConstraint, Index, Table, Uuid, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from storage.types import UTCDateTime


class Base(DeclarativeBase):
    pass


class TenantEntity:
    """The leading columns of a table of tenant entities: its tenant and the entity's (UUIDv7) id, which
    together are the primary key, tenant first (storage/tenant_walls.py): a foreign key to the entity
    names both, so it cannot reach another tenant's row."""

    tenant_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, sort_order=-2)
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, sort_order=-1)


class Timestamps:
    """When the entity was created and last changed (the last columns of its table)."""

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, sort_order=1)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, nullable=False, sort_order=2)


def table_of(row_type: type[Base]) -> Table:
    """The Table of a declarative class, for Core statements (insert/update need a Table; declarative
    classes type `__table__` as any FromClause)."""
    return cast(Table, row_type.__table__)


def tenant_reference(column: str, table: str, *, name: str) -> ForeignKeyConstraint:
    """A foreign key from (tenant_id, `column`) to `table`'s (tenant_id, id): the referenced row is the
    same tenant's or the insert fails."""
    return ForeignKeyConstraint(["tenant_id", column], [f"{table}.tenant_id", f"{table}.id"], name=name)


def unique_request_id_index(table: str) -> Index:
    """At most one row per tenant and request id, so a retried create finds the row of its first try."""
    return Index(
        f"uq_{table}_tenant_request_id",
        "tenant_id",
        "request_id",
        unique=True,
        postgresql_where=text("request_id IS NOT NULL"),
        sqlite_where=text("request_id IS NOT NULL"),
    )
